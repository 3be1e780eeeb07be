// The body editor's toolbar: its buttons (labels, shortcuts, aria-pressed, aria-disabled),
// moving between them with the arrow keys, and the block commands behind them (Subheading,
// Paragraph, List, Numbered list, Quote). Methods of BodyEditor (editor.js).
(function () {
  "use strict";

  var NS = window.NewsroomBody;
  if (!NS) return;
  var PM = window.ProseMirror;
  var NodeSelection = PM.state.NodeSelection;
  var commands = PM.commands, schemaList = PM.schemaList, history = PM.history;
  var N = NS.schema.nodes, M = NS.schema.marks;
  var BodyEditor = NS.BodyEditor, el = NS.el, readAlsoSelected = NS.readAlsoSelected;

  var MAC = /Mac|iP(hone|ad|od)/.test(navigator.platform || navigator.userAgent);

  function topBlock(state) {
    var $from = state.selection.$from;
    return $from.depth >= 1 ? $from.node(1) : null;
  }

  function markFullyActive(state, type) {
    var sel = state.selection;
    if (sel instanceof NodeSelection) return false;
    if (sel.empty) return !!type.isInSet(state.storedMarks || sel.$from.marks());
    var found = false, missing = false;
    state.doc.nodesBetween(sel.from, sel.to, function (node) {
      if (!node.isInline) return true;
      found = true;
      if (!type.isInSet(node.marks)) missing = true;
      return false;
    });
    return found && !missing;
  }

  BodyEditor.prototype.toggleMarkCommand = function (type) {
    return commands.toggleMark(type, null, {removeWhenPresent: false});
  };

  BodyEditor.prototype.buildToolbar = function () {
    var self = this;
    var mod = MAC ? "⌘" : "Ctrl+";
    var notReadAlso = function (state) { return !readAlsoSelected(state); };
    var inTop = function (type) { return function (state) { var block = topBlock(state); return !!block && block.type === type; }; };
    var specs = [
      {label: "Bold", keys: mod + "B", shortcut: "Control+B Meta+B", active: function (s) { return markFullyActive(s, M.strong); },
        enabled: function (s) { return self.toggleMarkCommand(M.strong)(s); }, run: function () { self.command(self.toggleMarkCommand(M.strong)); }},
      {label: "Italic", keys: mod + "I", shortcut: "Control+I Meta+I", active: function (s) { return markFullyActive(s, M.em); },
        enabled: function (s) { return self.toggleMarkCommand(M.em)(s); }, run: function () { self.command(self.toggleMarkCommand(M.em)); }},
      {label: "Link", keys: mod + "K", shortcut: "Control+K Meta+K", enabled: notReadAlso, run: function () { self.openLinkDialog(); }},
      {label: "Subheading", active: function (s) { return !readAlsoSelected(s) && s.selection.$from.parent.type === N.subheading; },
        enabled: notReadAlso, run: function () { self.toggleSubheading(); }},
      {label: "Paragraph", enabled: notReadAlso, run: function () { self.plainParagraphs(); }},
      {label: "List", active: inTop(N.bullet_list), enabled: notReadAlso, run: function () { self.toggleList(N.bullet_list); }},
      {label: "Numbered list", active: inTop(N.ordered_list), enabled: notReadAlso, run: function () { self.toggleList(N.ordered_list); }},
      {label: "Quote", active: inTop(N.blockquote), enabled: notReadAlso, run: function () { self.toggleQuote(); }},
      {label: "Undo", keys: mod + "Z", shortcut: "Control+Z Meta+Z", enabled: function (s) { return history.undo(s); },
        run: function () { self.command(history.undo); }},
      {label: "Redo", keys: MAC ? "⇧⌘Z" : "Ctrl+Y", shortcut: "Control+Y Control+Shift+Z Meta+Shift+Z", enabled: function (s) { return history.redo(s); },
        run: function () { self.command(history.redo); }},
    ];
    var toolbar = el("div", "body-editor-toolbar");
    toolbar.setAttribute("role", "toolbar");
    toolbar.setAttribute("aria-label", "Body formatting");
    this.buttons = specs.map(function (spec, index) {
      var button = el("button", null, spec.label);
      button.type = "button";
      button.tabIndex = index === 0 ? 0 : -1;
      if (spec.active) button.setAttribute("aria-pressed", "false");
      if (spec.keys) {
        button.title = spec.label + " (" + spec.keys + ")";
        button.setAttribute("aria-keyshortcuts", spec.shortcut);
      }
      if (spec.label === "Link") button.setAttribute("aria-haspopup", "dialog");
      if (spec.label === "Undo") button.className = "body-editor-undo";  // Undo and Redo sit apart
      // A mouse press must not take focus (and the selection) away from the text.
      button.addEventListener("mousedown", function (event) { event.preventDefault(); });
      button.addEventListener("click", function () {
        if (button.getAttribute("aria-disabled") === "true") return;
        self.newUndoStep = true;
        spec.run();
        self.newUndoStep = false;
      });
      button.addEventListener("focus", function () { self.rove(button); });
      toolbar.appendChild(button);
      return {spec: spec, node: button};
    });
    toolbar.addEventListener("keydown", function (event) {
      var nodes = self.buttons.map(function (b) { return b.node; });
      var index = nodes.indexOf(document.activeElement);
      if (index < 0) return;
      var next = {ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: nodes.length - 1}[event.key];
      if (next === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      next = (next + nodes.length) % nodes.length;
      nodes[next].focus();
    });
    return toolbar;
  };

  BodyEditor.prototype.rove = function (current) {
    this.buttons.forEach(function (button) { button.node.tabIndex = button.node === current ? 0 : -1; });
  };

  BodyEditor.prototype.command = function (command) {
    return command(this.view.state, this.view.dispatch);
  };

  // Lifts the selected text out of lists and quotes, and makes subheadings paragraphs.
  BodyEditor.prototype.plainParagraphs = function () {
    for (var guard = 0; guard < 8; guard++) {
      var $from = this.view.state.selection.$from;
      if ($from.depth <= 1) break;
      var lifted = $from.node(-1).type === N.list_item
        ? this.command(schemaList.liftListItem(N.list_item))
        : this.command(commands.lift);
      if (!lifted) break;
    }
    this.command(commands.setBlockType(N.paragraph));
  };

  BodyEditor.prototype.toggleSubheading = function () {
    if (this.view.state.selection.$from.parent.type === N.subheading) {
      this.command(commands.setBlockType(N.paragraph));
    } else {
      this.plainParagraphs();
      this.command(commands.setBlockType(N.subheading));
    }
  };

  BodyEditor.prototype.toggleList = function (type) {
    var state = this.view.state, block = topBlock(state);
    if (block && block.type === type) {
      this.command(schemaList.liftListItem(N.list_item));
    } else if (block && (block.type === N.bullet_list || block.type === N.ordered_list)) {
      var pos = state.selection.$from.before(1);
      this.view.dispatch(state.tr.setNodeMarkup(pos, type, block.attrs));
    } else {
      this.plainParagraphs();
      this.command(schemaList.wrapInList(type));
    }
  };

  BodyEditor.prototype.toggleQuote = function () {
    var block = topBlock(this.view.state);
    if (block && block.type === N.blockquote) {
      this.command(commands.lift);
    } else {
      this.plainParagraphs();
      this.command(commands.wrapIn(N.blockquote));
    }
  };
})();
