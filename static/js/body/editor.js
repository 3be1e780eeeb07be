// One body editor: ProseMirror over the form's <textarea data-body-editor>.
//
// The document is the list of blocks described in docs/body.md. It arrives as JSON in the
// <script type="application/json"> named by data-body-editor, and leaves in a hidden
// <input name="body"> holding that list, updated on every change. The textarea (the body as
// HTML, for browsers without JavaScript) is hidden and disabled, so only the JSON is posted.
//
// Here: BodyEditor (building the view, its keymap and plugins, keeping the hidden input
// and the toolbar's state current, announcements), the small helpers the other parts
// share, and the list of editors on the page (editorFor). toolbar.js, links.js and
// read_also.js add the rest of BodyEditor's methods; start.js starts the editors.
// Uses schema.js, ids.js and paste.js.
(function () {
  "use strict";

  var NS = window.NewsroomBody;
  if (!NS) return;
  var PM = window.ProseMirror;
  var PMNode = PM.model.Node;
  var EditorState = PM.state.EditorState, Plugin = PM.state.Plugin, NodeSelection = PM.state.NodeSelection;
  var EditorView = PM.view.EditorView;
  var commands = PM.commands, schemaList = PM.schemaList, history = PM.history;
  var schema = NS.schema, N = schema.nodes, M = schema.marks;
  var fixIds = NS.fixIds, idsPlugin = NS.idsPlugin;
  var transformPastedHTML = NS.transformPastedHTML, pasteParser = NS.pasteParser;

  // ---------------------------------------------------------------------------------------
  // Small helpers, shared with the other parts.

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function readAlsoSelected(state) {
    var sel = state.selection;
    return sel instanceof NodeSelection && sel.node.type === N.read_also ? sel : null;
  }

  // ---------------------------------------------------------------------------------------
  // One editor.

  var editors = [];
  var lastEditor = null;

  function BodyEditor(textarea) {
    var self = this;
    this.textarea = textarea;
    this.readAlsoViews = [];
    this.hadSelection = false;
    this.targets = readJSON(textarea.getAttribute("data-read-also-targets")) || {};

    var blocks = readJSON(textarea.getAttribute("data-body-editor"));
    var doc;
    try {
      if (!Array.isArray(blocks)) throw new Error("the body document is not a list of blocks");
      doc = blocks.length ? PMNode.fromJSON(schema, {type: "doc", content: blocks}) : N.doc.createAndFill();
      doc.check();
    } catch (error) {
      // Keep the plain textarea: better an HTML body than a broken editor.
      console.error("Body editor not started:", error);
      return;
    }

    var label = textarea.id ? document.querySelector('label[for="' + textarea.id + '"]') : null;
    if (label && !label.id) label.id = textarea.id + "-label";
    this.labelId = label ? label.id : "body-label";

    this.wrapper = el("div", "body-editor");
    this.toolbar = this.buildToolbar();
    var surface = el("div", "body-editor-surface");
    this.status = el("div", "body-editor-status");
    this.status.setAttribute("aria-live", "polite");
    this.wrapper.appendChild(this.toolbar);
    this.wrapper.appendChild(surface);
    this.wrapper.appendChild(this.status);
    textarea.parentNode.insertBefore(this.wrapper, textarea);

    this.input = document.createElement("input");
    this.input.type = "hidden";
    this.input.name = "body";
    if (textarea.hasAttribute("form")) this.input.setAttribute("form", textarea.getAttribute("form"));
    textarea.insertAdjacentElement("afterend", this.input);
    textarea.hidden = true;
    textarea.disabled = true;

    var attributes = {
      "class": "body-editor-surface",
      role: "textbox",
      "aria-multiline": "true",
      "aria-labelledby": this.labelId,
    };
    if (textarea.getAttribute("aria-describedby")) attributes["aria-describedby"] = textarea.getAttribute("aria-describedby");
    if (textarea.getAttribute("aria-invalid")) attributes["aria-invalid"] = textarea.getAttribute("aria-invalid");

    var state = EditorState.create({doc: doc, plugins: this.plugins()});
    this.view = new EditorView({mount: surface}, {
      state: state,
      attributes: attributes,
      nodeViews: {read_also: function (node, view, getPos) { return new NS.ReadAlsoView(node, view, getPos, self); }},
      transformPastedHTML: transformPastedHTML,
      clipboardParser: pasteParser,
      // Keep the selection clear of the toolbar, which sticks to the top of the window.
      scrollMargin: {top: 96, bottom: 24, left: 5, right: 5},
      // A toolbar command, a link or a Read Also move is an undo step of its own, even
      // straight after typing; a command made of several transactions is one step.
      dispatchTransaction: function (tr) {
        if (self.newUndoStep) {
          history.closeHistory(tr);
          self.newUndoStep = false;
        }
        self.view.updateState(self.view.state.apply(tr));
      },
      // Typing or pasting while a Read Also is selected goes into a new paragraph after it,
      // instead of replacing the link.
      handleTextInput: function (view, from, to, text) { return self.typeBesideReadAlso(text); },
      handlePaste: function (view, event, slice) { return self.pasteBesideReadAlso(slice); },
      handleDOMEvents: {
        focus: function () { self.hadSelection = true; lastEditor = self; return false; },
        mousedown: function (view, event) { return self.blockDoubleClick(event); },
      },
    });
    var fix = fixIds(this.view.state);
    if (fix) this.view.dispatch(fix.setMeta("addToHistory", false));
    this.input.value = this.serialize();
    this.syncedDoc = this.view.state.doc;
    this.update();

    if (label) {
      label.addEventListener("click", function (event) {
        event.preventDefault();
        self.view.focus();
      });
    }
    editors.push(this);
  }

  function readJSON(id) {
    var script = id && document.getElementById(id);
    if (!script) return null;
    try {
      return JSON.parse(script.textContent);
    } catch (error) {
      console.error("Body editor: cannot read #" + id, error);
      return null;
    }
  }

  BodyEditor.prototype.serialize = function () {
    return JSON.stringify(this.view.state.doc.content.toJSON() || []);
  };

  BodyEditor.prototype.plugins = function () {
    var self = this;
    var li = N.list_item;
    var base = Object.assign({}, commands.baseKeymap);
    // Alt+Arrow moves a selected Read Also; it should never silently join paragraphs instead.
    delete base["Alt-ArrowUp"];
    delete base["Alt-ArrowDown"];
    var hardBreak = function (state, dispatch) {
      if (dispatch) dispatch(state.tr.replaceSelectionWith(N.hard_break.create()).scrollIntoView());
      return true;
    };
    var keys = {
      "Mod-b": this.toggleMarkCommand(M.strong),
      "Mod-i": this.toggleMarkCommand(M.em),
      "Mod-k": function () { self.openLinkDialog(); return true; },
      "Mod-z": history.undo,
      "Shift-Mod-z": history.redo,
      "Mod-y": history.redo,
      // Enter splits a list item; on an empty item it leaves the list.
      "Enter": commands.chainCommands(schemaList.splitListItem(li), function (state, dispatch) {
        var $from = state.selection.$from;
        if (!state.selection.empty || $from.depth < 2 || $from.node(-1).type !== li || $from.parent.content.size) return false;
        return schemaList.liftListItem(li)(state, dispatch);
      }),
      "Shift-Enter": hardBreak,
      "Alt-ArrowUp": function (state) { return self.moveSelectedReadAlso(state, -1); },
      "Alt-ArrowDown": function (state) { return self.moveSelectedReadAlso(state, 1); },
    };
    // Next to a Read Also, Backspace or Delete (with Shift, Ctrl or Cmd too) first selects it
    // (and says so); pressed again, it removes it. A link never goes with a stray key.
    ["Backspace", "Shift-Backspace", "Mod-Backspace"].forEach(function (key) {
      keys[key] = function (state) {
        return self.removeSelectedReadAlso(state) || self.selectReadAlsoBeside(state, -1);
      };
    });
    ["Delete", "Shift-Delete", "Mod-Delete"].forEach(function (key) {
      keys[key] = function (state) {
        return self.removeSelectedReadAlso(state) || self.selectReadAlsoBeside(state, 1);
      };
    });
    return [
      history.history(),
      PM.keymap.keymap(keys),
      PM.keymap.keymap(base),
      PM.dropcursor.dropCursor({"class": "body-editor-dropcursor"}),
      PM.gapcursor.gapCursor(),
      idsPlugin,
      new Plugin({view: function () { return {update: function () { self.update(); }}; }}),
    ];
  };

  // After every state change: the toolbar reflects the selection, the hidden input the document.
  BodyEditor.prototype.update = function () {
    if (!this.view) return;
    var state = this.view.state;
    this.buttons.forEach(function (button) {
      if (button.spec.active) button.node.setAttribute("aria-pressed", String(button.spec.active(state)));
      var enabled = button.spec.enabled ? button.spec.enabled(state) : true;
      if (enabled) button.node.removeAttribute("aria-disabled");
      else button.node.setAttribute("aria-disabled", "true");
    });
    if (state.selection && this.view.hasFocus()) this.hadSelection = true;
    if (this.syncedDoc && state.doc !== this.syncedDoc) {
      this.noticeLostReadAlso(this.syncedDoc, state.doc);
      this.syncedDoc = state.doc;
      this.input.value = this.serialize();
      this.input.dispatchEvent(new Event("input", {bubbles: true}));
    }
  };

  BodyEditor.prototype.announce = function (message) {
    var status = this.status;
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  };

  // ProseMirror reads a second press on a Read Also block as a double click and looks for a
  // word there, outside any text; the block is selected instead.
  BodyEditor.prototype.blockDoubleClick = function (event) {
    var block = event.target.closest && event.target.closest(".read-also-block");
    var last = this.lastBlockPress, now = Date.now();
    this.lastBlockPress = block ? {time: now, x: event.clientX, y: event.clientY} : null;
    if (!block || event.button !== 0 || !last || now - last.time >= 500 ||
        Math.pow(event.clientX - last.x, 2) + Math.pow(event.clientY - last.y, 2) >= 100) return false;
    var views = this.readAlsoViews.filter(function (view) { return view.dom === block; });
    var pos = views.length ? views[0].getPos() : null;
    if (typeof pos !== "number") return false;
    event.preventDefault();
    this.view.dispatch(this.view.state.tr.setSelection(NodeSelection.create(this.view.state.doc, pos)));
    this.view.focus();
    return true;
  };


  // The editor a button outside the editors is for (the Read Also picker's Add): the one in
  // the button's form, else the one last focused, else the first; null when none is left.
  function editorFor(button) {
    var live = editors.filter(function (candidate) { return candidate.input.isConnected; });
    if (!live.length) return null;
    var editor = null;
    live.forEach(function (candidate) { if (!editor && button.form && candidate.input.form === button.form) editor = candidate; });
    return editor || (lastEditor && lastEditor.input.isConnected ? lastEditor : live[0]);
  }

  NS.el = el;
  NS.readAlsoSelected = readAlsoSelected;
  NS.BodyEditor = BodyEditor;
  NS.editorFor = editorFor;
})();
