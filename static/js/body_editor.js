// The article body editor: ProseMirror over the form's <textarea data-body-editor>.
//
// The document is the list of blocks described in docs/body.md. It arrives as JSON in the
// <script type="application/json"> named by data-body-editor, and leaves in a hidden
// <input name="body"> holding that list, updated on every change. The textarea (the body as
// HTML, for browsers without JavaScript) is hidden and disabled, so only the JSON is posted.
// Needs window.ProseMirror: static/vendor/prosemirror/prosemirror.min.js, loaded before this.
(function () {
  "use strict";

  var PM = window.ProseMirror;
  if (!PM) return;
  var Schema = PM.model.Schema, PMNode = PM.model.Node;
  var EditorState = PM.state.EditorState, Plugin = PM.state.Plugin;
  var NodeSelection = PM.state.NodeSelection, Selection = PM.state.Selection;
  var EditorView = PM.view.EditorView;
  var commands = PM.commands, schemaList = PM.schemaList, history = PM.history;

  var MAC = /Mac|iP(hone|ad|od)/.test(navigator.platform || navigator.userAgent);
  var SAFE_HREF = /^(https?:\/\/|mailto:)\S/i;
  var LINK_RULE = "A link must start with http://, https:// or mailto:";
  var BLOCK_TAGS = /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|DD|DIV|DL|DT|FIELDSET|FIGCAPTION|FIGURE|FOOTER|FORM|H[1-6]|HEADER|HR|LI|MAIN|NAV|OL|P|PRE|SECTION|TABLE|TBODY|TD|TFOOT|TH|THEAD|TR|UL)$/;

  // ---------------------------------------------------------------------------------------
  // The schema (docs/body.md). Ids are attributes of top-level blocks; the parse rules never
  // read them, so pasted blocks always get fresh ones (see the ids plugin below).

  function hasBlockChild(dom) {
    for (var child = dom.firstElementChild; child; child = child.nextElementSibling) {
      if (BLOCK_TAGS.test(child.nodeName)) return true;
    }
    return false;
  }

  function safeHref(href) {
    href = (href || "").trim();
    return SAFE_HREF.test(href) ? href : null;
  }

  function idAttrs() {
    return {id: {default: null, validate: "string|null"}};
  }

  var schema = new Schema({
    nodes: {
      doc: {content: "block+"},
      paragraph: {
        content: "inline*", group: "block", attrs: idAttrs(),
        parseDOM: [
          {tag: "p"},
          // A <div> of text is a paragraph; a <div> around blocks is only a wrapper.
          {tag: "div", getAttrs: function (dom) { return hasBlockChild(dom) ? false : null; }},
        ],
        toDOM: function () { return ["p", {dir: "auto"}, 0]; },
      },
      subheading: {
        content: "inline*", group: "block", defining: true, attrs: idAttrs(),
        parseDOM: ["h1", "h2", "h3", "h4", "h5", "h6"].map(function (tag) { return {tag: tag}; }),
        toDOM: function () { return ["h2", {dir: "auto"}, 0]; },
      },
      bullet_list: {
        content: "list_item+", group: "block", attrs: idAttrs(),
        parseDOM: [{tag: "ul"}],
        toDOM: function () { return ["ul", {dir: "auto"}, 0]; },
      },
      ordered_list: {
        content: "list_item+", group: "block", attrs: idAttrs(),
        parseDOM: [{tag: "ol"}],
        toDOM: function () { return ["ol", {dir: "auto"}, 0]; },
      },
      list_item: {
        content: "paragraph", defining: true,
        parseDOM: [{tag: "li"}],
        toDOM: function () { return ["li", 0]; },
      },
      blockquote: {
        content: "paragraph+", group: "block", defining: true, attrs: idAttrs(),
        parseDOM: [{tag: "blockquote"}],
        toDOM: function () { return ["blockquote", {dir: "auto"}, 0]; },
      },
      read_also: {
        group: "block", atom: true, selectable: true, draggable: true,
        attrs: {
          id: {default: null, validate: "string|null"},
          target: {default: null, validate: "number|null"},
          headline: {default: "", validate: "string"},
        },
        // Only the editor's own copies (copy and paste within the body) carry these.
        parseDOM: [{
          tag: "div[data-read-also]", priority: 60,
          getAttrs: function (dom) {
            var target = parseInt(dom.getAttribute("data-target"), 10);
            return {target: isNaN(target) ? null : target, headline: dom.getAttribute("data-headline") || ""};
          },
        }],
        toDOM: function (node) {
          return ["div", {
            "class": "read-also-block", "data-read-also": "",
            "data-target": node.attrs.target === null ? null : String(node.attrs.target),
            "data-headline": node.attrs.headline,
          }, "Read Also: " + node.attrs.headline];
        },
      },
      text: {group: "inline"},
      hard_break: {
        inline: true, group: "inline", selectable: false,
        parseDOM: [{tag: "br"}],
        toDOM: function () { return ["br"]; },
      },
    },
    marks: {
      em: {
        parseDOM: [
          {tag: "i"}, {tag: "em"},
          {style: "font-style=italic"},
          {style: "font-style=normal", clearMark: function (mark) { return mark.type.name === "em"; }},
        ],
        toDOM: function () { return ["em", 0]; },
      },
      strong: {
        parseDOM: [
          {tag: "strong"},
          // Google Docs wraps everything it puts on the clipboard in <b style="font-weight:normal">.
          {tag: "b", getAttrs: function (dom) { return /^(normal|[1-4]00)$/.test(dom.style.fontWeight) ? false : null; }},
          {style: "font-weight=400", clearMark: function (mark) { return mark.type.name === "strong"; }},
          {style: "font-weight=normal", clearMark: function (mark) { return mark.type.name === "strong"; }},
          {style: "font-weight", getAttrs: function (value) { return /^(bold(er)?|[7-9]00)$/.test(value) && null; }},
        ],
        toDOM: function () { return ["strong", 0]; },
      },
      link: {
        attrs: {href: {validate: "string"}},
        inclusive: false,
        parseDOM: [{
          tag: "a[href]",
          // Any other protocol (javascript:, data:, a relative address) leaves the words unlinked.
          getAttrs: function (dom) {
            var href = safeHref(dom.getAttribute("href"));
            return href ? {href: href} : false;
          },
        }],
        toDOM: function (mark) { return ["a", {href: mark.attrs.href}, 0]; },
      },
    },
  });

  var N = schema.nodes, M = schema.marks;

  function schemaSummary() {
    var nodes = {}, marks = {};
    Object.keys(schema.nodes).forEach(function (name) {
      var type = schema.nodes[name];
      nodes[name] = {
        content: type.spec.content || "",
        group: type.spec.group || "",
        inline: type.isInline,
        atom: !!type.spec.atom,
        attrs: Object.keys(type.spec.attrs || {}).sort(),
      };
    });
    Object.keys(schema.marks).forEach(function (name) {
      marks[name] = {attrs: Object.keys(schema.marks[name].spec.attrs || {}).sort()};
    });
    return {nodes: nodes, marks: marks};
  }

  // ---------------------------------------------------------------------------------------
  // Pasting: what Word, Google Docs and web pages put on the clipboard, made plain enough for
  // the parse rules above (tests/fixtures/paste/README.md says what each becomes).

  // The clipboard's HTML is read twice, here and by ProseMirror, each time into an inert
  // document that still answers to the page's CSP: a style="…", <style> or on…="…" in it
  // would be reported (and blocked). So first, on the text, those go: <script> and <style>
  // elements, event handler attributes, and style="…" becomes data-paste-style="…", which
  // pasteParser below hands back to the parse rules through the CSSOM.
  function neutralize(html) {
    return html
      .replace(/<(script|style|template|noscript|iframe|object)\b[\s\S]*?<\/\1\s*>/gi, "")
      .replace(/<(link|meta|base)\b[^>]*>/gi, "")
      .replace(/<[a-zA-Z][^\s\/>]*(?:\s+[^\s\/>"'=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*\s*\/?>/g, function (tag) {
        return tag.replace(/(\s+)([^\s\/>"'=]+)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?/g, function (all, space, name, value) {
          if (/^on/i.test(name)) return "";
          if (/^style$/i.test(name)) return space + "data-paste-style" + (value || "");
          return all;
        });
      });
  }

  function pasteStyle(node) {
    return (node.getAttribute && node.getAttribute("data-paste-style")) || "";
  }

  function transformPastedHTML(html) {
    var doc = new DOMParser().parseFromString(neutralize(html), "text/html");
    var body = doc.body;
    if (body.querySelector("[data-pm-slice]")) return body.innerHTML;  // copied from this editor
    // Google Docs wraps what it copies in <b id="docs-internal-guid-…" style="font-weight:normal">.
    Array.prototype.slice.call(body.querySelectorAll("b[id^='docs-internal-guid']")).forEach(unwrap);
    wordLists(body);
    removeAll(body, function (node) { return node.nodeType === 8; });  // comments
    // Word's <o:p>, <w:…> and <v:…> elements; their content is at most a space.
    removeAll(body, function (node) { return node.nodeType === 1 && node.localName.indexOf(":") > 0; });
    flattenLists(body);
    tablesToText(body);
    // A <br> or white space between blocks (Google Docs puts a <br> after a list) is not text.
    Array.prototype.slice.call(body.querySelectorAll("br")).forEach(function (br) {
      if (br.classList.contains("Apple-interchange-newline") || hasBlockChild(br.parentNode)) br.remove();
    });
    removeAll(body, function (node) {
      return node.nodeType === 3 && !/\S/.test(node.data) && node.parentNode.nodeName !== "PRE" && hasBlockChild(node.parentNode);
    });
    // Empty paragraphs (Word spaces paragraphs with them).
    Array.prototype.slice.call(body.querySelectorAll("p")).forEach(function (p) {
      if (!p.textContent.replace(/[\s\u00a0]+/g, "") && !p.querySelector("br")) p.remove();
    });
    return body.innerHTML;
  }

  // ProseMirror's own clipboard parser, after the styles kept aside come back as CSSOM
  // writes (which the CSP allows): font-weight, font-style and white-space then reach the
  // parse rules, and nothing else in them matters.
  var pasteParser = {
    parseSlice: function (dom, options) {
      Array.prototype.slice.call(dom.querySelectorAll("[data-paste-style]")).forEach(function (node) {
        if (node.style) node.style.cssText = pasteStyle(node);
        node.removeAttribute("data-paste-style");
      });
      return PM.model.DOMParser.fromSchema(schema).parseSlice(dom, options);
    },
  };

  // Table rows become paragraphs, their cells separated by " | " (cells holding blocks
  // give up their blocks instead).
  function tablesToText(root) {
    var table;
    while ((table = root.querySelector("table"))) {
      var doc = table.ownerDocument, out = doc.createDocumentFragment();
      Array.prototype.slice.call(table.querySelectorAll("caption, tr")).forEach(function (row) {
        if (row.closest("table") !== table) return;
        if (row.nodeName === "CAPTION") {
          var caption = doc.createElement("p");
          while (row.firstChild) caption.appendChild(row.firstChild);
          out.appendChild(caption);
          return;
        }
        var cells = Array.prototype.filter.call(row.children, function (cell) { return /^T[DH]$/.test(cell.nodeName); });
        if (cells.some(hasBlockChild)) {
          cells.forEach(function (cell) { while (cell.firstChild) out.appendChild(cell.firstChild); });
          return;
        }
        var p = doc.createElement("p");
        cells.forEach(function (cell, index) {
          if (index) p.appendChild(doc.createTextNode(" | "));
          while (cell.firstChild) p.appendChild(cell.firstChild);
        });
        out.appendChild(p);
      });
      table.parentNode.replaceChild(out, table);
    }
  }

  function unwrap(node) {
    while (node.firstChild) node.parentNode.insertBefore(node.firstChild, node);
    node.remove();
  }

  function removeAll(root, test) {
    var doomed = [];
    var walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ALL);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) if (test(node)) doomed.push(node);
    doomed.forEach(function (node) { if (node.parentNode) node.parentNode.removeChild(node); });
  }

  // Word's lists are paragraphs styled "mso-list:l0 level1 lfo1", each starting with its
  // bullet or number as text between <!--[if !supportLists]--> and <!--[endif]-->. Runs of
  // them become <ul>/<ol>; levels flatten, since the body's lists do not nest.
  function wordLists(body) {
    var paragraphs = Array.prototype.slice.call(body.querySelectorAll("p[data-paste-style*='mso-list'], p[class^='MsoList']"));
    var list = null, listKey = null, previous = null;
    paragraphs.forEach(function (p) {
      var match = /mso-list:\s*(l\d+)/i.exec(pasteStyle(p));
      if (!match && !/^MsoListParagraph/.test(p.className)) return;
      var marker = takeWordMarker(p);
      if (marker === null && !match) return;  // a list-styled paragraph that is not an item
      var ordered = /^\s*(\(?[0-9]+|[a-z]{1,4}|[A-Z]{1,4})[.)]/.test(marker || "");
      var key = (match ? match[1] : "") + (ordered ? "ol" : "ul");
      if (!list || key !== listKey || nextElement(previous) !== p) {
        list = p.ownerDocument.createElement(ordered ? "ol" : "ul");
        p.parentNode.insertBefore(list, p);
        listKey = key;
      }
      var item = p.ownerDocument.createElement("li");
      while (p.firstChild) item.appendChild(p.firstChild);
      list.appendChild(item);
      previous = list;
      p.remove();
    });
  }

  function nextElement(node) {
    if (!node) return null;
    var next = node.nextSibling;
    while (next && next.nodeType !== 1) next = next.nextSibling;
    return next;
  }

  // Removes the list marker from a Word list paragraph and returns its text (or null).
  function takeWordMarker(p) {
    var text = null;
    var walker = p.ownerDocument.createTreeWalker(p, NodeFilter.SHOW_COMMENT);
    for (var comment = walker.nextNode(); comment; comment = walker.nextNode()) {
      if (!/^\[if !supportLists\]/.test(comment.data.trim())) continue;
      text = "";
      var node = comment.nextSibling;
      while (node && !(node.nodeType === 8 && /^\[endif\]/.test(node.data.trim()))) {
        var next = node.nextSibling;
        text += node.textContent;
        node.parentNode.removeChild(node);
        node = next;
      }
      break;
    }
    // Without the conditional comments, the marker is the span styled mso-list:Ignore.
    Array.prototype.slice.call(p.querySelectorAll("span[data-paste-style*='mso-list']")).forEach(function (span) {
      if (!/mso-list:\s*Ignore/i.test(pasteStyle(span))) return;
      if (text === null) text = span.textContent;
      var outer = span;
      while (outer.parentNode !== p && outer.parentNode.childNodes.length === 1) outer = outer.parentNode;
      outer.remove();
    });
    return text === null ? null : text.replace(/\u00a0/g, " ");
  }

  // <ul><li>a<ul><li>b</li></ul></li></ul> and Google Docs' <ul><li>a</li><ul>…</ul></ul>
  // become one flat list: the inner items follow the item they were nested in.
  function flattenLists(root) {
    var nested;
    while ((nested = root.querySelector("ul ul, ul ol, ol ul, ol ol"))) {
      var outer = nested.parentNode.closest("ul, ol");
      var anchor = nested;
      while (anchor.parentNode !== outer) anchor = anchor.parentNode;
      var reference = anchor === nested ? nested : anchor.nextSibling;
      Array.prototype.slice.call(nested.childNodes).forEach(function (child) {
        if (child.nodeType !== 1) return;
        var item = child;
        if (child.nodeName !== "LI") {
          item = root.ownerDocument.createElement("li");
          item.appendChild(child);
        }
        outer.insertBefore(item, reference);
      });
      nested.remove();
    }
  }

  // ---------------------------------------------------------------------------------------
  // Block ids: every top-level block has one, unique; blocks inside lists and quotes none.

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

  // ---------------------------------------------------------------------------------------
  // Small helpers over the state.

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

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

  function readAlsoSelected(state) {
    var sel = state.selection;
    return sel instanceof NodeSelection && sel.node.type === N.read_also ? sel : null;
  }

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

  function blockLabel(node) {
    return {
      paragraph: "paragraph", subheading: "subheading", bullet_list: "list",
      ordered_list: "numbered list", blockquote: "quote", read_also: "Read Also",
    }[node.type.name] || "block";
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
      nodeViews: {read_also: function (node, view, getPos) { return new ReadAlsoView(node, view, getPos, self); }},
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
      "Backspace": function (state) { return self.removeSelectedReadAlso(state); },
      "Delete": function (state) { return self.removeSelectedReadAlso(state); },
    };
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

  // --- Toolbar ---------------------------------------------------------------------------

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

  // --- Links -----------------------------------------------------------------------------

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
      var href = safeHref(input.value);
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

  // --- Read Also -------------------------------------------------------------------------

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
    this.view.dispatch(tr.scrollIntoView());
    this.view.focus();
    this.announce("Read Also removed: “" + this.describeReadAlso(node).headline + "”");
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
    var live = editors.filter(function (candidate) { return candidate.input.isConnected; });
    if (!button || !live.length) return;
    var editor = null;
    live.forEach(function (candidate) { if (!editor && button.form && candidate.input.form === button.form) editor = candidate; });
    editor = editor || (lastEditor && lastEditor.input.isConnected ? lastEditor : live[0]);
    var target = parseInt(button.getAttribute("data-target"), 10);
    editor.insertReadAlso(isNaN(target) ? null : target, button.getAttribute("data-headline") || "",
      button.getAttribute("data-live") === "true");
  });

  function start(root) {
    var textareas = Array.prototype.slice.call(root.querySelectorAll("textarea[data-body-editor]"));
    if (root.matches && root.matches("textarea[data-body-editor]")) textareas.push(root);
    textareas.forEach(function (textarea) {
      if (started.has(textarea)) return;
      started.add(textarea);
      var editor = new BodyEditor(textarea);
      var current = window.newsroomBodyEditor;
      if (editor.view && (!current || !current.view.dom.isConnected)) {
        window.newsroomBodyEditor = {view: editor.view, schemaSummary: schemaSummary, editor: editor};
      }
    });
  }
  var started = new WeakSet();

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { start(document); });
  else start(document);
  // A form that htmx swaps in later gets its editor too.
  document.addEventListener("htmx:load", function (event) { if (event.target && event.target.querySelectorAll) start(event.target); });
})();
