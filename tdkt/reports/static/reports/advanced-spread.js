// Draws the spread of an advanced model from the JSON beside its canvas: bars for the units
// that adopted it each year, a line for the running total. The table beside it holds the same
// figures for screen readers and printing.
(function () {
  if (typeof Chart === "undefined") return;
  var colours = ["#a3161a", "#0d6efd"];
  window.spreadCharts = {};
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var source = document.getElementById(canvas.dataset.chart);
    if (!source) return;
    var data = JSON.parse(source.textContent);
    data.datasets.forEach(function (set, i) {
      set.backgroundColor = colours[i % colours.length];
      set.borderColor = colours[i % colours.length];
      set.order = set.type === "line" ? 0 : 1;
    });
    window.spreadCharts[canvas.id] = new Chart(canvas, {
      data: { labels: data.labels, datasets: data.datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { position: "bottom" } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
  });
})();
