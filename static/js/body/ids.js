// Block ids (docs/body.md): every top-level block has one, unique; blocks inside lists and
// quotes none. freshId() makes one, fixIds() repairs a document, and idsPlugin repairs it
// after every change. Uses the namespace from schema.js.
(function () {
  "use strict";

  var NS = window.NewsroomBody;
  if (!NS) return;
  var Plugin = window.ProseMirror.state.Plugin;

  function freshId(taken) {
    var bytes = new Uint8Array(4), id;
    do {
      crypto.getRandomValues(bytes);
      id = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join("");
    } while (taken[id]);
    taken[id] = true;
    return id;
  }

  // The transaction that repairs the ids after a change (or null): a block without an id, or
  // with an id an earlier block has, gets a fresh one, so splitting a paragraph leaves the id
  // on the first half. One exception, for a paragraph split at its very start (Enter to open
  // a line above it): the id stays with the copy that is the block as it was before.
  function fixIds(state, oldDoc) {
    var tr = state.tr, changed = false, taken = {}, keeper = {}, before = {};
    if (oldDoc) oldDoc.forEach(function (block) { if (block.attrs.id) before[block.attrs.id] = block; });
    state.doc.forEach(function (block, offset) {
      var id = block.attrs.id;
      if (!id) return;
      taken[id] = true;
      if (!(id in keeper)) keeper[id] = offset;
      else if (before[id] && !before[id].eq(state.doc.nodeAt(keeper[id])) && before[id].eq(block)) keeper[id] = offset;
    });
    state.doc.forEach(function (block, offset) {
      var id = block.attrs.id;
      if (!id || keeper[id] !== offset) {
        tr.setNodeAttribute(offset, "id", freshId(taken));
        changed = true;
      }
      block.descendants(function (child, pos) {
        if (child.attrs.id) {
          tr.setNodeAttribute(offset + 1 + pos, "id", null);
          changed = true;
        }
      });
    });
    return changed ? tr : null;
  }

  var idsPlugin = new Plugin({
    appendTransaction: function (transactions, oldState, newState) {
      if (!transactions.some(function (tr) { return tr.docChanged; })) return null;
      return fixIds(newState, oldState.doc);
    },
  });

  NS.freshId = freshId;
  NS.fixIds = fixIds;
  NS.idsPlugin = idsPlugin;
})();
