// What works only with JavaScript (autosave, the Read Also picker) is hidden until it runs.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-needs-script][hidden]").forEach(function (element) {
    element.hidden = false;
  });
});

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
