// Draws every chart of the statistics and dashboard pages from the JSON beside its canvas;
// a click on a bar, point or slice opens the list behind that figure: data.urls[d][i] is the
// list of point i of dataset d (its own year, level or other series filter).
(function () {
  if (typeof Chart === "undefined") return;
  var palette = ["#a3161a", "#0d6efd", "#198754", "#fd7e14", "#6f42c1", "#20c997", "#6c757d",
                 "#d63384", "#ffc107", "#0dcaf0"];
  window.statisticsCharts = {};
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var source = document.getElementById(canvas.dataset.chart);
    if (!source) return;
    var data = JSON.parse(source.textContent);
    var round = data.type === "doughnut";
    var across = data.horizontal === true; // bars drawn across, names readable on the left
    var counts = { beginAtZero: true, ticks: { precision: 0 } };
    data.datasets.forEach(function (set, i) {
      var colour = palette[i % palette.length];
      set.backgroundColor = round ? palette.slice(0, set.data.length) : colour;
      set.borderColor = round ? "#fff" : colour;
      set.tension = 0.2;
    });
    window.statisticsCharts[canvas.dataset.chart] = new Chart(canvas, {
      type: data.type,
      data: { labels: data.labels, datasets: data.datasets },
      options: {
        indexAxis: across ? "y" : "x",
        responsive: true,
        animation: false,
        plugins: { legend: { position: "bottom", display: round || data.datasets.length > 1 } },
        scales: round ? {} : across ? { x: counts } : { y: counts },
        onClick: function (event, elements) {
          if (!elements.length || !data.urls) return;
          var series = data.urls[elements[0].datasetIndex] || [];
          var url = series[elements[0].index];
          if (url) window.location.href = url;
        },
        onHover: function (event, elements) {
          event.native.target.style.cursor = elements.length ? "pointer" : "default";
        },
      },
    });
  });
})();
