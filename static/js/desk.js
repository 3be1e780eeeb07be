// The body editor: a small rich-text surface over the form's <textarea>.
// Without JavaScript the textarea itself is the editor; the server cleans what
// arrives either way (articles/sanitizer.py), including text pasted from Word.
(function () {
  "use strict";

  var COMMANDS = [
    ["Bold", "bold", null],
    ["Italic", "italic", null],
    ["Link", "createLink", "link"],
    ["List", "insertUnorderedList", null],
    ["Numbered list", "insertOrderedList", null],
    ["Quote", "formatBlock", "blockquote"],
    ["Paragraph", "formatBlock", "p"],
  ];

  function attach(textarea) {
    var editor = document.createElement("div");
    editor.className = "rich-editor";
    editor.contentEditable = "true";
    editor.setAttribute("role", "textbox");
    editor.setAttribute("aria-multiline", "true");
    editor.setAttribute("aria-labelledby", "body-label");
    editor.setAttribute("aria-describedby", textarea.getAttribute("aria-describedby") || "");
    if (textarea.hasAttribute("aria-invalid")) editor.setAttribute("aria-invalid", "true");
    editor.innerHTML = textarea.value;

    var toolbar = document.createElement("div");
    toolbar.className = "rich-toolbar";
    toolbar.setAttribute("role", "toolbar");
    toolbar.setAttribute("aria-label", "Body formatting");
    COMMANDS.forEach(function (command) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = command[0];
      button.addEventListener("click", function () {
        var value = command[2];
        if (value === "link") {
          value = window.prompt("Link address (https://…)");
          if (!value) return;
        }
        restoreCaret(lastCaret);
        var caret = savedCaret();
        document.execCommand(command[1], false, value);
        unwrapListsFromParagraphs();
        restoreCaret(caret);
        sync();
      });
      // A mouse press keeps the caret in the text instead of moving focus to the button.
      button.addEventListener("mousedown", function (event) { event.preventDefault(); });
      toolbar.appendChild(button);
    });

    // Chromium makes a list inside the paragraph it started in (<p><ul>…</ul></p>) and
    // moves the caret to its start; lift such lists out and put the caret back.
    function unwrapListsFromParagraphs() {
      editor.querySelectorAll("p > ul, p > ol").forEach(function (list) {
        var paragraph = list.parentNode;
        while (paragraph.firstChild) paragraph.parentNode.insertBefore(paragraph.firstChild, paragraph);
        paragraph.remove();
      });
    }

    // The caret as a count of characters from the editor's start: it survives the
    // browser replacing text nodes, as list and quote commands do.
    function savedCaret() {
      var selection = window.getSelection();
      if (!selection.rangeCount || !editor.contains(selection.anchorNode)) return null;
      var range = document.createRange();
      range.selectNodeContents(editor);
      range.setEnd(selection.anchorNode, selection.anchorOffset);
      return range.toString().length;
    }

    function restoreCaret(offset) {
      if (offset === null) return;
      editor.focus();
      var walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
      var node = walker.nextNode();
      while (node && offset > node.length) {
        offset -= node.length;
        node = walker.nextNode();
      }
      if (!node) return;
      var range = document.createRange();
      range.setStart(node, offset);
      range.collapse(true);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }

    function sync() {
      textarea.value = editor.innerHTML;
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    }
    editor.addEventListener("input", sync);
    // Remember where the caret was, for keyboard users who tab to the toolbar.
    var lastCaret = null;
    document.addEventListener("selectionchange", function () {
      var selection = window.getSelection();
      if (selection.rangeCount && editor.contains(selection.anchorNode)) lastCaret = savedCaret();
    });
    document.execCommand("defaultParagraphSeparator", false, "p");

    textarea.hidden = true;
    textarea.parentNode.insertBefore(toolbar, textarea);
    textarea.parentNode.insertBefore(editor, textarea);
    var label = document.querySelector('label[for="' + textarea.id + '"]');
    if (label) label.addEventListener("click", function () { editor.focus(); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("textarea[data-rich-editor]").forEach(attach);
  });
})();

// Read Also rows on the edit screen: move up or down, remove. The order of the
// rows in the form is the order the links are saved in.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest(".read-also-row button");
    if (!button) return;
    var row = button.closest(".read-also-row");
    var form = row.closest("form");
    if (button.hasAttribute("data-remove")) {
      var neighbour = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      var focusable = neighbour ? neighbour.querySelector("select") : document.getElementById("read-also-q");
      if (focusable) focusable.focus();
    } else if (button.dataset.move === "up" && row.previousElementSibling) {
      row.parentNode.insertBefore(row, row.previousElementSibling);
      button.focus();
    } else if (button.dataset.move === "down" && row.nextElementSibling) {
      row.parentNode.insertBefore(row.nextElementSibling, row);
      button.focus();
    }
    // Links moved or removed are part of the draft: autosave them too.
    if (form) form.dispatchEvent(new Event("change", { bubbles: true }));
  });

  // A row added by the picker is part of the draft as well.
  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target.id === "read-also-rows") {
      event.detail.target.dispatchEvent(new Event("change", { bubbles: true }));
    }
  });
})();

// Autosave on the edit screen: the form posts itself (htmx, on the "autosave" event)
// one second after the last change, and at least every three seconds while changes
// keep coming, so no more than a few seconds of work is ever at risk. Typing in the
// Read Also search box is not a change to the article.
(function () {
  "use strict";
  var IDLE = 1000;
  var AT_MOST = 3000;

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form[data-autosave]");
    if (!form) return;
    var timer = null;
    var pendingSince = 0;

    function save() {
      clearTimeout(timer);
      timer = null;
      pendingSince = 0;
      form.dispatchEvent(new Event("autosave"));
    }

    function changed(event) {
      if (event.target && event.target.id === "read-also-q") return;
      var now = Date.now();
      if (!pendingSince) pendingSince = now;
      clearTimeout(timer);
      if (now - pendingSince >= AT_MOST) {
        save();
      } else {
        timer = setTimeout(save, IDLE);
      }
    }

    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", function () {
      clearTimeout(timer);
      timer = null;
    });
    // Leaving within the last second of typing: save first, and ask the browser to wait.
    window.addEventListener("beforeunload", function (event) {
      if (timer) {
        save();
        event.preventDefault();
      }
    });
  });
})();

// The desk: after a queue or page link replaces the results, keyboard focus goes to
// the results instead of falling back to the top of the page.
document.addEventListener("htmx:afterSettle", function (event) {
  var results = document.getElementById("desk-results");
  var trigger = event.detail.requestConfig && event.detail.requestConfig.elt;
  if (results && trigger && trigger.tagName === "A") results.focus();
});

// The translation screen: the keyboard moves between segments.
// Alt+Down / Alt+Up: next and previous segment. Ctrl+Enter: this one is done; on to the next.
(function () {
  function segments() { return Array.from(document.querySelectorAll("textarea[data-segment]")); }

  function move(from, step) {
    var all = segments();
    var next = all[all.indexOf(from) + step];
    if (next) { next.focus(); next.scrollIntoView({block: "center"}); }
  }

  document.addEventListener("keydown", function (event) {
    var textarea = event.target;
    if (!textarea.matches || !textarea.matches("textarea[data-segment]")) return;
    if (event.altKey && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      event.preventDefault();
      move(textarea, event.key === "ArrowDown" ? 1 : -1);
    } else if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
      event.preventDefault();
      var state = textarea.form.querySelector("[data-segment-state]");
      if (state && textarea.value.trim()) {
        state.value = "done";
        state.dispatchEvent(new Event("change", {bubbles: true}));  // saved by htmx
      }
      move(textarea, 1);
    }
  });
})();

// After a whole segment is replaced (a memory suggestion taken, machine translation,
// a stale segment resolved), the translator's place is its English text.
document.addEventListener("htmx:afterSettle", function (event) {
  var target = event.detail.target;
  if (target && target.classList && target.classList.contains("segment")) {
    var textarea = document.querySelector("#" + target.id + " textarea[data-segment]");
    if (textarea) textarea.focus();
  }
});

// Forms that undo something for everyone (removing a glossary term) ask first.
document.addEventListener("submit", function (event) {
  var question = event.target.getAttribute("data-confirm");
  if (question && !window.confirm(question)) event.preventDefault();
});
