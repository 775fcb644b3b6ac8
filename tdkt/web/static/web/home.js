// Draws the ratings chart of the dashboard from the JSON embedded in the page.
(function () {
  const source = document.getElementById("ratings-data");
  const canvas = document.getElementById("ratings-chart");
  if (!source || !canvas || typeof Chart === "undefined") return;
  const colours = { HTXSNV: "#198754", HTTNV: "#0d6efd", HTNV: "#adb5bd", KHTNV: "#dc3545" };
  const data = JSON.parse(source.textContent);
  data.datasets.forEach((set) => { set.backgroundColor = colours[set.code]; });
  window.ratingsChart = new Chart(canvas, {
    type: "bar",
    data: data,
    options: {
      responsive: true,
      animation: false,
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } },
      plugins: { legend: { position: "bottom" } },
    },
  });
})();
