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

  // Viewing a tenant ("view as tenant") is read-only: <main data-read-only="reason">. Every form
  // that would change something (method post) and every htmx action is disabled with the reason
  // beside it (or, for a small inline form in a table, as its title), and cannot be submitted.
  function readOnly(root) {
    var main = document.querySelector("main[data-read-only]");
    if (!main) {
      return;
    }
    var reason = main.getAttribute("data-read-only");
    function disable(control) {
      control.disabled = true;
      control.setAttribute("aria-disabled", "true");
      control.title = reason;
    }
    Array.prototype.forEach.call(main.querySelectorAll("form"), function (form) {
      if ((form.getAttribute("method") || "get").toLowerCase() !== "post") {
        return;
      }
      form.setAttribute("data-read-only-form", "");
      Array.prototype.forEach.call(
        form.querySelectorAll("button, input[type=submit]"), disable);
      if (!form.classList.contains("inline") && !form.querySelector(".read-only-reason")) {
        var note = document.createElement("p");
        note.className = "read-only-reason";
        note.textContent = reason;
        form.appendChild(note);
      }
    });
    Array.prototype.forEach.call(
      main.querySelectorAll("[hx-post]:not(form), [hx-put], [hx-patch], [hx-delete]"), disable);
  }

  // A change refused while viewing comes back with what was typed: put it back into the form's
  // fields of the same names, where they are still empty.
  function refill() {
    Array.prototype.forEach.call(
      document.querySelectorAll("#view-as-refused-input dd[data-field]"), function (value) {
        var name = value.getAttribute("data-field");
        Array.prototype.forEach.call(document.querySelectorAll("main form[method=post] [name]"), function (field) {
          var typed = field.tagName === "TEXTAREA"
            || (field.tagName === "INPUT" && /^(text|search|tel|number|email|url|datetime-local|date)$/.test(field.type));
          if (field.name === name && typed && !field.value) {
            field.value = value.textContent;
          }
        });
      });
  }

  document.addEventListener("DOMContentLoaded", function () { refill(); readOnly(); });
  document.addEventListener("htmx:afterSettle", function () { readOnly(); });

  document.addEventListener("submit", function (event) {
    if (event.target.hasAttribute && event.target.hasAttribute("data-read-only-form")) {
      event.preventDefault();
      event.stopPropagation();
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
  // note saying so shows while a file is chosen. Choosing or clearing a file refreshes the check
  // (hx-trigger "change from:#file"), so each refresh decides.
  // With a placeholder ${…} in the content (issue 24) the chosen spreadsheet goes with the check, so
  // the summary counts its recipients, texts and calls and shows samples.
  document.addEventListener("htmx:configRequest", function (event) {
    var file = document.getElementById("file");
    var content = document.getElementById("content");
    if (!file || !content || event.detail.path.indexOf("/send/check") < 0) {
      return;
    }
    if (content.value.indexOf("${") >= 0 && file.files && file.files.length) {
      event.detail.parameters["file"] = file.files[0];
    }
  });

  // A template chosen on the compose page (issue 24) is its content, as approved: the text is
  // shown read-only and the server sends the template's own text; "none" gives the field back.
  document.addEventListener("change", function (event) {
    var select = event.target;
    var content = document.getElementById("content");
    if (!select || select.id !== "templateId" || !content) {
      return;
    }
    var option = select.options[select.selectedIndex];
    var text = option && option.value ? option.getAttribute("data-text") : null;
    content.readOnly = text !== null;
    if (text !== null) {
      content.value = text;
    } else if (content.dataset.fromTemplate === "true") {
      content.value = "";
    }
    content.dataset.fromTemplate = text !== null ? "true" : "false";
  });

  document.addEventListener("htmx:afterSwap", function () {
    var file = document.getElementById("file");
    var note = document.getElementById("check-file-note");
    if (file && note) {
      note.hidden = !(file.files && file.files.length);
    }
  });

  document.addEventListener("keydown", function (event) {
    var toggle = document.getElementById("menu-toggle");
    if (event.key === "Escape" && toggle && toggle.getAttribute("aria-expanded") === "true") {
      setMenu(toggle, false);
      toggle.focus();
    }
  });
})();
