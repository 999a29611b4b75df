// The dashboard's chart of sends and delivery rate per day (Chart.js from its WebJar). The numbers
// come from the canvas's data attributes: the CSP allows no inline script. Drawn again whenever
// htmx swaps in another period.
(function () {
  "use strict";

  function numbers(text) {
    return (text || "").split(",").map(function (item) {
      return item === "" ? null : Number(item);
    });
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
      data: {
        labels: (data.labels || "").split(","),
        datasets: [
          {
            type: "bar",
            label: data.labelSent,
            data: numbers(data.sent),
            backgroundColor: "rgba(37, 99, 235, 0.35)",
            borderColor: "rgb(37, 99, 235)",
            borderWidth: 1,
            yAxisID: "count"
          },
          {
            type: "bar",
            label: data.labelDelivered,
            data: numbers(data.delivered),
            backgroundColor: "rgba(22, 163, 74, 0.45)",
            borderColor: "rgb(22, 163, 74)",
            borderWidth: 1,
            yAxisID: "count"
          },
          {
            type: "line",
            label: data.labelRate,
            data: numbers(data.rate),
            borderColor: "rgb(217, 119, 6)",
            backgroundColor: "rgb(217, 119, 6)",
            spanGaps: true,
            yAxisID: "rate"
          }
        ]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: reduceMotion ? false : { duration: 300 },
        interaction: { mode: "index", intersect: false },
        scales: {
          count: { type: "linear", position: "left", beginAtZero: true, ticks: { precision: 0 } },
          rate: {
            type: "linear",
            position: "right",
            min: 0,
            max: 100,
            grid: { drawOnChartArea: false },
            ticks: { callback: function (value) { return value + "%"; } }
          }
        }
      }
    });
  }

  function drawAll(root) {
    var scope = root && root.querySelectorAll ? root : document;
    var canvases = scope.querySelectorAll('canvas[data-chart="sends"]');
    for (var i = 0; i < canvases.length; i++) {
      draw(canvases[i]);
    }
    if (scope.matches && scope.matches('canvas[data-chart="sends"]')) {
      draw(scope);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { drawAll(document); });
  } else {
    drawAll(document);
  }
  document.addEventListener("htmx:load", function (event) {
    drawAll(event.detail && event.detail.elt);
  });
})();
