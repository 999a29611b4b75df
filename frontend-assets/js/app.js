// SMS Portal's own script. No inline scripts anywhere: the CSP forbids them.
(function () {
  "use strict";

  // htmx requests carry the CSRF token from the layout's meta tags.
  document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // A field that must repeat another (<input data-same-as="id" data-mismatch="text">) is invalid
  // until it does, so that the browser refuses the form before any confirmation is asked.
  document.addEventListener("input", function (event) {
    var field = event.target;
    var repeats = field.form && field.form.querySelectorAll("[data-same-as]");
    if (!repeats) {
      return;
    }
    Array.prototype.forEach.call(repeats, function (repeat) {
      var original = document.getElementById(repeat.getAttribute("data-same-as"));
      var differs = original && repeat.value !== original.value;
      repeat.setCustomValidity(differs ? repeat.getAttribute("data-mismatch") || "" : "");
    });
  });

  // Destructive forms ask first: <form data-confirm="Really?">. The browser has checked the
  // fields by then (an invalid form never fires "submit"), so nobody confirms a refused input.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  }, true);

  // On a narrow screen the navigation and the account links fold away behind the top bar's menu
  // button; the button says whether they are open (aria-expanded), Escape closes them again.
  function setMenu(toggle, open) {
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    var shell = document.querySelector(".shell");
    if (shell) {
      shell.classList.toggle("nav-open", open);
    }
  }

  document.addEventListener("click", function (event) {
    var toggle = event.target.closest && event.target.closest("#menu-toggle");
    if (toggle) {
      setMenu(toggle, toggle.getAttribute("aria-expanded") !== "true");
      return;
    }
    // A click on the page beside an open menu closes it, as a tap outside a menu does on a phone.
    var open = document.querySelector("#menu-toggle[aria-expanded='true']");
    var inside = event.target.closest && event.target.closest("#sidebar, .topbar");
    if (open && !inside) {
      setMenu(open, false);
    }
  });

  // The live check counts pasted numbers only (the file is read on the confirmation step); its
  // note saying so shows while a file is chosen, and after each refresh of the check.
  function showFileNote() {
    var file = document.getElementById("file");
    var note = document.getElementById("check-file-note");
    if (file && note) {
      note.hidden = !(file.files && file.files.length);
    }
  }
  document.addEventListener("change", function (event) {
    if (event.target.id === "file") {
      showFileNote();
    }
  });
  document.addEventListener("htmx:afterSwap", showFileNote);

  document.addEventListener("keydown", function (event) {
    var toggle = document.getElementById("menu-toggle");
    if (event.key === "Escape" && toggle && toggle.getAttribute("aria-expanded") === "true") {
      setMenu(toggle, false);
      toggle.focus();
    }
  });
})();
