// Starts a body editor on every <textarea data-body-editor>: on the page as loaded, and in
// content htmx swaps in later. window.newsroomBodyEditor is the page's editor (its view,
// schemaSummary and the BodyEditor), which the browser tests use. Loaded last, once every part
// of BodyEditor is defined (editor.js, toolbar.js, links.js, read_also.js).
(function () {
  "use strict";

  var NS = window.NewsroomBody;
  if (!NS) return;
  var BodyEditor = NS.BodyEditor, schemaSummary = NS.schemaSummary;

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
