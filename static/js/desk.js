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
        editor.focus();
        document.execCommand(command[1], false, value);
        sync();
      });
      toolbar.appendChild(button);
    });

    function sync() {
      textarea.value = editor.innerHTML;
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    }
    editor.addEventListener("input", sync);
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
    if (button.hasAttribute("data-remove")) {
      var list = row.parentNode;
      row.remove();
      var next = list.querySelector("button");
      if (next) next.focus();
    } else if (button.dataset.move === "up" && row.previousElementSibling) {
      row.parentNode.insertBefore(row, row.previousElementSibling);
      button.focus();
    } else if (button.dataset.move === "down" && row.nextElementSibling) {
      row.parentNode.insertBefore(row.nextElementSibling, row);
      button.focus();
    }
  });
})();
