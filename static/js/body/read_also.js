// Read Also blocks in the body: adding one (the picker's Add buttons), moving it a block up
// or down (Alt+ArrowUp/Down, or its own buttons), removing it (Delete, Backspace, or its
// button), what the live region says about each, and the node view the desk sees
// (ReadAlsoView). Methods of BodyEditor (editor.js); uses ids.js for a new block's id.
(function () {
  "use strict";

  var NS = window.NewsroomBody;
  if (!NS) return;
  var PM = window.ProseMirror;
  var NodeSelection = PM.state.NodeSelection, Selection = PM.state.Selection;
  var history = PM.history;
  var N = NS.schema.nodes;
  var BodyEditor = NS.BodyEditor, el = NS.el, readAlsoSelected = NS.readAlsoSelected, freshId = NS.freshId;

  function blockLabel(node) {
    return {
      paragraph: "paragraph", subheading: "subheading", bullet_list: "list",
      ordered_list: "numbered list", blockquote: "quote", read_also: "Read Also",
    }[node.type.name] || "block";
  }

  BodyEditor.prototype.describeReadAlso = function (node) {
    var target = node.attrs.target;
    var info = target === null ? null : this.targets[String(target)];
    var headline = (info && info.headline) || node.attrs.headline || "";
    var flag = null;
    if (target === null) flag = "no such article yet";
    else if (!info || !info.live) flag = "not published: readers will not see this link";
    return {headline: headline, flag: flag};
  };

  BodyEditor.prototype.insertReadAlso = function (target, headline, live) {
    var existing = target === null ? null : this.findReadAlso(target);
    if (existing !== null) {  // one link to an article is enough: show the one there is
      var tr0 = this.view.state.tr.setSelection(NodeSelection.create(this.view.state.doc, existing));
      this.view.dispatch(tr0.scrollIntoView());
      this.view.focus();
      this.announce("Already in the text " + this.placeOf(existing).replace(/^to /, "at ") + ": “" +
                    this.describeReadAlso(this.view.state.doc.nodeAt(existing)).headline + "”. Move it with its buttons.");
      return;
    }
    if (target !== null) {
      var known = this.targets[String(target)] || {headline: headline};
      known.live = live;
      this.targets[String(target)] = known;
    }
    var state = this.view.state, sel = state.selection, pos;
    if (!this.hadSelection) pos = state.doc.content.size;
    else if (sel.$to.depth >= 1) pos = sel.$to.after(1);
    else pos = sel.to;
    var node = N.read_also.create({id: freshId(this.takenIds()), target: target, headline: headline});
    var tr = history.closeHistory(state.tr.insert(pos, node));
    tr.setSelection(NodeSelection.create(tr.doc, pos)).scrollIntoView();
    this.view.dispatch(tr);
    this.readAlsoViews.forEach(function (view) { view.render(); });
    this.view.focus();
    var dom = this.view.nodeDOM(pos);
    if (dom && dom.scrollIntoView) dom.scrollIntoView({block: "nearest"});
    this.announce("Read Also added " + this.placeOf(pos) + ": “" + this.describeReadAlso(node).headline + "”");
  };

  // The position of the Read Also block linking to `target`, or null.
  BodyEditor.prototype.findReadAlso = function (target) {
    var found = null;
    this.view.state.doc.forEach(function (block, offset) {
      if (found === null && block.type === N.read_also && block.attrs.target === target) found = offset;
    });
    return found;
  };

  // Backspace at the very start of a block that follows a Read Also (direction -1), or
  // Delete at the very end of one that comes before it (1): select the link, and say so.
  BodyEditor.prototype.selectReadAlsoBeside = function (state, direction) {
    var $cursor = state.selection.$cursor;
    if (!$cursor || $cursor.depth < 1) return false;
    // The caret is at the very start (or end) of its top-level block, at every level.
    if ($cursor.parentOffset !== (direction < 0 ? 0 : $cursor.parent.content.size)) return false;
    for (var depth = 1; depth < $cursor.depth; depth++) {
      var at = $cursor.index(depth), last = $cursor.node(depth).childCount - 1;
      if (direction < 0 ? at !== 0 : at !== last) return false;
    }
    var index = $cursor.index(0) + direction;
    if (index < 0 || index >= state.doc.childCount || state.doc.child(index).type !== N.read_also) return false;
    var pos = direction < 0 ? $cursor.before(1) - state.doc.child(index).nodeSize : $cursor.after(1);
    this.view.dispatch(state.tr.setSelection(NodeSelection.create(state.doc, pos)).scrollIntoView());
    this.announce("Read Also selected: “" + this.describeReadAlso(state.doc.child(index)).headline +
                  "”. Press " + (direction < 0 ? "Backspace" : "Delete") + " again to remove it.");
    return true;
  };

  BodyEditor.prototype.typeBesideReadAlso = function (text) {
    var state = this.view.state, sel = readAlsoSelected(state);
    if (!sel) return false;
    var paragraph = N.paragraph.create(null, state.schema.text(text));
    var tr = state.tr.insert(sel.to, paragraph);
    tr.setSelection(Selection.near(tr.doc.resolve(sel.to + 1 + text.length)));
    this.view.dispatch(tr.scrollIntoView());
    return true;
  };

  BodyEditor.prototype.pasteBesideReadAlso = function (slice) {
    var state = this.view.state, sel = readAlsoSelected(state);
    if (!sel) return false;
    // Between the link and the block after it: pasted blocks stay blocks of their own, and
    // pasted text becomes a paragraph, without running into the next paragraph.
    var tr = state.tr.replaceRange(sel.to, sel.to, slice);
    this.view.dispatch(tr.scrollIntoView());
    return true;
  };

  // Whatever took a Read Also away (a selection typed over, a cut), the editor says so: a
  // link leaving the text is never silent.
  BodyEditor.prototype.noticeLostReadAlso = function (before, after) {
    var kept = {}, lost = [];
    after.forEach(function (block) { if (block.type === N.read_also) kept[block.attrs.id] = true; });
    before.forEach(function (block) { if (block.type === N.read_also && !kept[block.attrs.id]) lost.push(block); });
    if (!lost.length || this.removing) return;
    var self = this;
    this.announce(lost.map(function (block) {
      return "Read Also removed: “" + self.describeReadAlso(block).headline + "”";
    }).join("; ") + ". Ctrl+Z brings it back.");
  };

  BodyEditor.prototype.takenIds = function () {
    var taken = {};
    this.view.state.doc.forEach(function (block) { if (block.attrs.id) taken[block.attrs.id] = true; });
    return taken;
  };

  // "after paragraph 3" (the third block, a paragraph) or "at the top".
  BodyEditor.prototype.placeOf = function (pos) {
    var doc = this.view.state.doc, index = doc.resolve(pos).index(0);
    return index === 0 ? "to the top" : "after " + blockLabel(doc.child(index - 1)) + " " + index;
  };

  // Moves the top-level Read Also at pos one block up (-1) or down (1); returns its new pos.
  BodyEditor.prototype.moveReadAlso = function (pos, step, select) {
    var state = this.view.state, node = state.doc.nodeAt(pos);
    if (!node || node.type !== N.read_also) return null;
    var $pos = state.doc.resolve(pos);
    if ($pos.depth !== 0) return null;
    var index = $pos.index(0), target;
    if (step < 0 ? index === 0 : index >= state.doc.childCount - 1) {
      this.announce("Read Also is already at the " + (step < 0 ? "top" : "end") + ": “" + this.describeReadAlso(node).headline + "”");
      return null;
    }
    target = step < 0 ? pos - state.doc.child(index - 1).nodeSize : pos + state.doc.child(index + 1).nodeSize;
    var tr = history.closeHistory(state.tr.delete(pos, pos + node.nodeSize).insert(target, node));
    if (select) tr.setSelection(NodeSelection.create(tr.doc, target));
    this.view.dispatch(tr.scrollIntoView());
    this.announce("Read Also moved " + this.placeOf(target) + ": “" + this.describeReadAlso(node).headline + "”");
    return target;
  };

  BodyEditor.prototype.moveSelectedReadAlso = function (state, step) {
    var sel = readAlsoSelected(state);
    if (!sel) return false;
    this.moveReadAlso(sel.from, step, true);
    return true;  // at the top or bottom already: nothing else should happen either
  };

  BodyEditor.prototype.removeReadAlso = function (pos) {
    var state = this.view.state, node = state.doc.nodeAt(pos);
    if (!node || node.type !== N.read_also) return;
    var tr = history.closeHistory(state.tr.delete(pos, pos + node.nodeSize));
    if (!tr.doc.childCount) tr.insert(0, N.paragraph.create());
    tr.setSelection(Selection.near(tr.doc.resolve(Math.min(pos, tr.doc.content.size)), -1));
    this.removing = true;  // said below, with its own words
    this.view.dispatch(tr.scrollIntoView());
    this.removing = false;
    this.view.focus();
    this.announce("Read Also removed: “" + this.describeReadAlso(node).headline + "”. Ctrl+Z brings it back.");
  };

  BodyEditor.prototype.removeSelectedReadAlso = function (state) {
    var sel = readAlsoSelected(state);
    if (!sel) return false;
    this.removeReadAlso(sel.from);
    return true;
  };

  // The Read Also block as the desk sees it: the headline readers will see, a flag when they
  // will not see it, and buttons to move or remove it (the keyboard's way, besides dragging).
  function ReadAlsoView(node, view, getPos, editor) {
    this.node = node;
    this.getPos = getPos;
    this.editor = editor;
    this.dom = el("div", "read-also-block");
    this.dom.contentEditable = "false";
    this.dom.draggable = true;
    this.render();
    editor.readAlsoViews.push(this);
  }

  ReadAlsoView.prototype.render = function () {
    var self = this, info = this.editor.describeReadAlso(this.node);
    var dom = this.dom;
    while (dom.firstChild) dom.removeChild(dom.firstChild);
    var text = el("div", "read-also-text");
    var title = el("span", "read-also-title");
    title.appendChild(el("span", "read-also-label", "Read Also: "));
    var headline = el("span", "read-also-headline", info.headline || "(no headline)");
    headline.dir = "auto";
    title.appendChild(headline);
    text.appendChild(title);
    if (info.flag) text.appendChild(el("span", "read-also-flag", info.flag));
    dom.appendChild(text);
    var actions = el("span", "read-also-actions");
    [["up", "Move up"], ["down", "Move down"], ["remove", "Remove"]].forEach(function (action) {
      var button = el("button", null, action[1]);
      button.type = "button";
      button.setAttribute("data-action", action[0]);
      // The visible words first, so that speech input ("click Move up") finds the button.
      button.setAttribute("aria-label", action[1] + ": “" + info.headline + "”");
      button.addEventListener("click", function (event) {
        event.preventDefault();
        self.act(action[0]);
      });
      actions.appendChild(button);
    });
    dom.appendChild(actions);
  };

  ReadAlsoView.prototype.act = function (action) {
    var editor = this.editor, pos = this.getPos();
    if (typeof pos !== "number") return;
    if (action === "remove") {
      editor.removeReadAlso(pos);
      return;
    }
    var moved = editor.moveReadAlso(pos, action === "up" ? -1 : 1, true);
    var dom = editor.view.nodeDOM(moved === null ? pos : moved);
    var button = dom && dom.querySelector('button[data-action="' + action + '"]');
    if (button) button.focus();
  };

  ReadAlsoView.prototype.update = function (node) {
    if (node.type !== this.node.type) return false;
    var same = node.attrs.target === this.node.attrs.target && node.attrs.headline === this.node.attrs.headline;
    this.node = node;
    if (!same) this.render();
    return true;
  };

  ReadAlsoView.prototype.selectNode = function () { this.dom.classList.add("ProseMirror-selectednode"); };
  ReadAlsoView.prototype.deselectNode = function () { this.dom.classList.remove("ProseMirror-selectednode"); };
  // The buttons are the page's, not the editor's: ProseMirror leaves their events alone.
  ReadAlsoView.prototype.stopEvent = function (event) {
    var target = event.target;
    return !!(target && target.closest && target.closest("button"));
  };
  ReadAlsoView.prototype.ignoreMutation = function () { return true; };
  ReadAlsoView.prototype.destroy = function () {
    var list = this.editor.readAlsoViews, index = list.indexOf(this);
    if (index >= 0) list.splice(index, 1);
  };

  // The Read Also picker's buttons arrive with htmx at any time: listen on the document.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-insert-read-also]");
    var editor = button ? NS.editorFor(button) : null;
    if (!editor) return;
    var target = parseInt(button.getAttribute("data-target"), 10);
    editor.insertReadAlso(isNaN(target) ? null : target, button.getAttribute("data-headline") || "",
      button.getAttribute("data-live") === "true");
  });

  NS.ReadAlsoView = ReadAlsoView;
})();
