// Links in the body: the link dialog (Link, Ctrl+K): what it links (the selected words, or
// the whole link at the caret), its checks (http://, https:// or mailto: only), where it
// opens, and setting or removing the link. Methods of BodyEditor (editor.js).
(function () {
  "use strict";

  var NS = window.NewsroomBody;
  if (!NS) return;
  var history = window.ProseMirror.history;
  var M = NS.schema.marks;
  var BodyEditor = NS.BodyEditor, el = NS.el, readAlsoSelected = NS.readAlsoSelected, safeHref = NS.safeHref;

  var LINK_RULE = "A link must start with http://, https:// or mailto:";

  // The extent of the link around $pos (or null): from, to and the mark.
  function linkAround($pos) {
    var mark = M.link.isInSet($pos.marks());
    if (!mark) return null;
    var parent = $pos.parent, start = $pos.start();
    var index = $pos.index(), offset = 0, i;
    if ($pos.textOffset === 0 && index > 0 && mark.isInSet(parent.child(index - 1).marks)) index--;
    for (i = 0; i < index; i++) offset += parent.child(i).nodeSize;
    var from = start + offset, to = from + parent.child(index).nodeSize;
    for (i = index - 1; i >= 0 && mark.isInSet(parent.child(i).marks); i--) from -= parent.child(i).nodeSize;
    for (i = index + 1; i < parent.childCount && mark.isInSet(parent.child(i).marks); i++) to += parent.child(i).nodeSize;
    return {from: from, to: to, mark: mark};
  }

  BodyEditor.prototype.buildLinkDialog = function () {
    var self = this, base = (this.textarea.id || "body") + "-link";
    var dialog = el("dialog", "body-editor-dialog");
    var form = el("form");
    form.method = "dialog";
    form.noValidate = true;
    var label = el("label", null, "Link address");
    label.id = base + "-label";
    label.htmlFor = base + "-href";
    var input = el("input");
    input.type = "url";
    input.id = base + "-href";
    input.autocomplete = "off";
    input.spellcheck = false;
    input.placeholder = "https://";
    var message = el("p", "body-editor-dialog-message");
    message.id = base + "-message";
    message.hidden = true;
    var buttons = el("div", "body-editor-dialog-buttons");
    var apply = el("button", "primary", "Apply");
    apply.type = "submit";
    var remove = el("button", null, "Remove link");
    remove.type = "button";
    var cancel = el("button", null, "Cancel");
    cancel.type = "button";
    buttons.appendChild(apply);
    buttons.appendChild(remove);
    buttons.appendChild(cancel);
    form.appendChild(label);
    form.appendChild(input);
    form.appendChild(message);
    form.appendChild(buttons);
    dialog.appendChild(form);
    dialog.setAttribute("aria-labelledby", label.id);
    document.body.appendChild(dialog);

    // Back to the words at once, not when the dialog's "close" event comes.
    function close() {
      dialog.close();
      self.linkRange = null;
      self.view.focus();
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!self.linkRange) return close();
      var typed = input.value.trim();
      // An address typed without its scheme ("sana.sy/en/…") is a web address; an e-mail
      // address, a mailto: link. Spaces inside are encoded, as browsers do.
      if (/^[^\s:\/]+\.[^\s:\/]+/.test(typed) && !/^[a-z][a-z0-9+.-]*:/i.test(typed)) {
        typed = (/^[^@\/]+@[^@\/]+\.[^@\/]+$/.test(typed) ? "mailto:" : "https://") + typed;
      }
      var href = safeHref(typed.replace(/ /g, "%20"));
      if (!href) {
        message.textContent = LINK_RULE;
        message.hidden = false;
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", message.id);
        input.focus();
        return;
      }
      self.setLink(href);
      close();
    });
    remove.addEventListener("click", function () {
      self.setLink(null);
      close();
    });
    cancel.addEventListener("click", close);
    // Escape closes the dialog (its "cancel" event); either way, back to the text.
    dialog.addEventListener("close", function () {
      if (dialog.open) return;  // opened again before this event came
      self.linkRange = null;
      self.view.focus();
    });
    // A click on the transparent backdrop closes it too, as a popover would.
    dialog.addEventListener("mousedown", function (event) {
      if (event.target === dialog) {
        var r = dialog.getBoundingClientRect();
        if (event.clientX < r.left || event.clientX > r.right || event.clientY < r.top || event.clientY > r.bottom) close();
      }
    });
    this.link = {dialog: dialog, label: label, input: input, message: message, apply: apply, remove: remove, cancel: cancel};
  };

  BodyEditor.prototype.openLinkDialog = function () {
    if (!this.link) this.buildLinkDialog();
    var link = this.link, state = this.view.state, sel = state.selection;
    if (link.dialog.open || readAlsoSelected(state)) return;
    var range = null, href = "";
    if (sel.empty) {
      var around = linkAround(sel.$from);
      if (around) {
        range = {from: around.from, to: around.to};
        href = around.mark.attrs.href;
      }
    } else {
      range = {from: sel.from, to: sel.to};
      state.doc.nodesBetween(sel.from, sel.to, function (node) {
        var mark = !href && M.link.isInSet(node.marks);
        if (mark) href = mark.attrs.href;
      });
    }
    this.linkRange = range;
    link.input.value = href;
    link.input.removeAttribute("aria-invalid");
    link.input.removeAttribute("aria-describedby");
    link.label.hidden = link.input.hidden = link.apply.hidden = !range;
    link.remove.hidden = !href;
    link.message.hidden = !!range;
    link.message.textContent = range ? "" : "Select the words to link first.";
    if (range) link.dialog.removeAttribute("aria-describedby");
    else link.dialog.setAttribute("aria-describedby", link.message.id);
    link.dialog.showModal();
    this.placeDialog(sel.to);
    if (range) {
      link.input.focus();
      link.input.select();
    } else {
      link.cancel.focus();
    }
  };

  // Under the selection, like a popover (CSSOM writes: allowed by the CSP).
  BodyEditor.prototype.placeDialog = function (pos) {
    var dialog = this.link.dialog;
    var coords;
    try { coords = this.view.coordsAtPos(pos); } catch (error) { return; }
    var box = dialog.getBoundingClientRect();
    var width = document.documentElement.clientWidth, height = document.documentElement.clientHeight;
    var left = Math.max(8, Math.min(coords.left - 16, width - box.width - 8));
    var top = coords.bottom + 8;
    if (top + box.height > height - 8) top = coords.top - box.height - 8;
    top = Math.max(8, Math.min(top, height - box.height - 8));
    dialog.style.left = Math.round(left) + "px";
    dialog.style.top = Math.round(top) + "px";
  };

  BodyEditor.prototype.setLink = function (href) {
    var range = this.linkRange;
    if (!range) return;
    var state = this.view.state;
    var tr = history.closeHistory(state.tr.removeMark(range.from, range.to, M.link));
    if (href) tr.addMark(range.from, range.to, M.link.create({href: href}));
    this.view.dispatch(tr);
  };
})();
