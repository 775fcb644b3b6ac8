// The ranking chart of a cluster dashboard: self score and final score per unit, best first.
(function () {
  var data = JSON.parse(document.getElementById("ranking-data").textContent);
  var canvas = document.getElementById("ranking-chart");
  if (!canvas || !window.Chart) return;
  new window.Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: [
        { label: "Tự chấm", data: data.self, backgroundColor: "rgba(108,117,125,.5)" },
        { label: "Sau thẩm định", data: data.final, backgroundColor: "rgba(163,22,26,.85)" }
      ]
    },
    options: {
      indexAxis: "y",
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { position: "bottom" } },
      scales: { x: { beginAtZero: true } }
    }
  });
})();
