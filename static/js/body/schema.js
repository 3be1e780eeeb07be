// The body's schema (docs/body.md) and its parse rules, and schemaSummary(), which the
// browser tests compare with the server's (articles/body/). The first of the body editor's
// scripts: it creates the namespace the others share, window.NewsroomBody.
//
// The body editor is ProseMirror over the form's <textarea data-body-editor>, in these
// scripts, loaded in this order: schema.js, ids.js, paste.js, editor.js, toolbar.js,
// links.js, read_also.js, start.js. Needs window.ProseMirror:
// static/vendor/prosemirror/prosemirror.min.js, loaded before them.
(function () {
  "use strict";

  var PM = window.ProseMirror;
  if (!PM) return;
  var NS = (window.NewsroomBody = {});
  var Schema = PM.model.Schema;

  // The server's rule (articles/sanitizer.py clean_href), for a message while typing: http
  // or https with a host, or mailto. The server checks again.
  var SAFE_HREF = /^(https?:\/\/[^\s\/?#]+|mailto:\S)[^\s]*$/i;
  var BLOCK_TAGS = /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|DD|DIV|DL|DT|FIELDSET|FIGCAPTION|FIGURE|FOOTER|FORM|H[1-6]|HEADER|HR|LI|MAIN|NAV|OL|P|PRE|SECTION|TABLE|TBODY|TD|TFOOT|TH|THEAD|TR|UL)$/;

  // Ids are attributes of top-level blocks; the parse rules never read them, so pasted
  // blocks always get fresh ones (see the ids plugin in ids.js).

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

  NS.BLOCK_TAGS = BLOCK_TAGS;
  NS.schema = schema;
  NS.schemaSummary = schemaSummary;
  NS.hasBlockChild = hasBlockChild;
  NS.safeHref = safeHref;
})();
