// The statement page's chart of the month's days (Chart.js from its WebJar): numbers sent,
// delivered and failed per day. The numbers come from the canvas's data attributes: the CSP allows
// no inline script.
(function () {
  "use strict";

  function numbers(text) {
    return (text || "").split(",").map(Number);
  }

  function draw(canvas) {
    if (typeof window.Chart === "undefined") {
      return;
    }
    var existing = window.Chart.getChart(canvas);
    if (existing) {
      existing.destroy();
    }
    var data = canvas.dataset;
    var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: (data.labels || "").split(","),
        datasets: [
          {
            label: data.labelSent,
            data: numbers(data.sent),
            backgroundColor: "rgba(37, 99, 235, 0.35)",
            borderColor: "rgb(37, 99, 235)",
            borderWidth: 1
          },
          {
            label: data.labelDelivered,
            data: numbers(data.delivered),
            backgroundColor: "rgba(22, 163, 74, 0.45)",
            borderColor: "rgb(22, 163, 74)",
            borderWidth: 1
          },
          {
            label: data.labelFailed,
            data: numbers(data.failed),
            backgroundColor: "rgba(220, 38, 38, 0.45)",
            borderColor: "rgb(220, 38, 38)",
            borderWidth: 1
          }
        ]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: reduceMotion ? false : { duration: 300 },
        interaction: { mode: "index", intersect: false },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  }

  function drawAll() {
    var canvases = document.querySelectorAll('canvas[data-chart="statement"]');
    for (var i = 0; i < canvases.length; i++) {
      draw(canvases[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
