// Pasting: what Word, Google Docs and web pages put on the clipboard, made plain enough for
// the parse rules in schema.js (tests/fixtures/paste/README.md says what each becomes).
// transformPastedHTML() cleans the HTML (Word lists, nested lists, tables, empty paragraphs)
// and pasteParser gives the kept styles back through the CSSOM. Uses schema.js.
(function () {
  "use strict";

  var NS = window.NewsroomBody;
  if (!NS) return;
  var PM = window.ProseMirror;
  var schema = NS.schema, hasBlockChild = NS.hasBlockChild, BLOCK_NAMES = NS.BLOCK_TAGS;

  // The clipboard's HTML is read twice, here and by ProseMirror, each time into an inert
  // document that still answers to the page's CSP: a style="…", <style> or on…="…" in it
  // would be reported (and blocked). So first, on the text, <script> and <style> elements
  // go, and every start tag is written anew with only the attributes the parse rules read
  // (style kept aside as data-paste-style, which pasteParser below hands back through the
  // CSSOM). Written anew, not edited: whatever separates a browser's attributes (spaces,
  // "/", odd quoting), the tag it parses is the one written here.
  var KEPT_ATTRIBUTES = {
    href: "href", style: "data-paste-style", "class": "class", id: "id",
    "data-pm-slice": "data-pm-slice", "data-read-also": "data-read-also",
    "data-target": "data-target", "data-headline": "data-headline",
  };
  // A start tag whose quoted values may hold ">"; else, an unterminated quote, up to the
  // first ">" (written anew all the same: no start tag reaches the parser unwritten).
  var START_TAG = /<([a-zA-Z][^\s\/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<([a-zA-Z][^\s\/>]*)([^>]*)>/g;
  var ATTRIBUTE = /([^\s\/>"'=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

  function neutralize(html) {
    return html
      .replace(/<(script|style|template|noscript|iframe|object)\b[\s\S]*?<\/\1\s*>/gi, "")
      .replace(/<(link|meta|base)\b[^>]*>/gi, "")
      .replace(START_TAG, function (tag, quotedName, quotedRest, plainName, plainRest) {
        var name = quotedName || plainName, rest = quotedName ? quotedRest : plainRest;
        var kept = "";
        rest.replace(ATTRIBUTE, function (all, attribute, double, single, bare) {
          var as = KEPT_ATTRIBUTES[attribute.toLowerCase()];
          var value = double !== undefined ? double : single !== undefined ? single : bare || "";
          if (as) kept += " " + as + '="' + value.replace(/"/g, "&quot;") + '"';
          return all;
        });
        return "<" + name + kept + ">";
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
    wrapLooseText(body);
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

  // Text and inline elements standing between blocks (pasted from a page that does not put
  // them in a paragraph) become paragraphs, so that the spaces between their words are kept
  // as text rather than dropped as the white space between blocks.
  function wrapLooseText(root) {
    [root].concat(Array.prototype.slice.call(root.querySelectorAll("blockquote, li"))).forEach(function (parent) {
      if (!hasBlockChild(parent)) return;
      var run = [];
      function close() {
        if (run.some(function (node) { return /\S/.test(node.textContent); })) {
          var p = parent.ownerDocument.createElement("p");
          parent.insertBefore(p, run[0]);
          run.forEach(function (node) { p.appendChild(node); });
        }
        run = [];
      }
      Array.prototype.slice.call(parent.childNodes).forEach(function (node) {
        if (node.nodeType === 1 && BLOCK_NAMES.test(node.nodeName)) close();
        else if (node.nodeType === 1 || node.nodeType === 3) run.push(node);
      });
      close();
    });
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

  NS.transformPastedHTML = transformPastedHTML;
  NS.pasteParser = pasteParser;
})();
