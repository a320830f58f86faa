(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kiln-data").textContent);
  var title = JSON.parse(document.getElementById("kiln-source").textContent);

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function fmt(v) {
    if (v === null || v === undefined) { return "–"; }
    if (typeof v === "boolean") { return v ? "yes" : "no"; }
    if (typeof v !== "number") { return String(v); }
    if (Number.isInteger(v)) { return v.toLocaleString("en-US"); }
    var a = Math.abs(v);
    return a !== 0 && (a < 0.001 || a >= 1e6) ? v.toExponential(3) : v.toFixed(4).replace(/\.?0+$/, "");
  }
  function chart(node, option) {
    var c = echarts.init(node, null, { renderer: "svg" });
    option.animation = false;
    c.setOption(option);
    window.addEventListener("resize", function () { c.resize(); });
    return c;
  }

  document.title = title;
  document.getElementById("title").textContent = "Drift report: " + data.model + " version " + data.version;
  document.getElementById("subtitle").textContent = fmt(data.rows) + " logged predictions from " + (data.from || "the start")
      + " to " + (data.to || "now");

  var drift = data.drift;
  var tiles = document.getElementById("tiles");
  function tile(label, value, bad) {
    var t = el("div", { "class": bad ? "tile bad" : "tile" });
    t.appendChild(el("b", {}, fmt(value)));
    t.appendChild(el("span", {}, label));
    tiles.appendChild(t);
  }
  tile("rows", data.rows);
  if (drift) {
    tile("features drifted", drift.features.filter(function (f) { return f.drifted; }).length + " of " + drift.features.length,
        drift.dataset_drift);
    tile("drift share", drift.drift_share, drift.dataset_drift);
    tile("dataset drift", drift.dataset_drift, drift.dataset_drift);
    tile("max PSI", drift.max_psi, drift.max_psi >= 0.25);
    if (drift.prediction) { tile("prediction drift", drift.prediction.drifted, drift.prediction.drifted); }
  }
  if (data.quality && data.quality.labelled > 0) {
    tile("labelled", data.quality.labelled);
    Object.keys(data.quality.metrics).forEach(function (k) { tile(k, data.quality.metrics[k]); });
    tile("concept drift (" + data.quality.detector + ")", data.quality.concept_drift, data.quality.concept_drift);
  }

  var timeline = document.getElementById("timeline");
  if (data.timeline && data.timeline.length > 1) {
    var node = el("div", { "class": "wide" });
    timeline.appendChild(node);
    var names = drift ? drift.features.map(function (f) { return f.feature; }) : [];
    var x = data.timeline.map(function (p) { return p.from; });
    var series = names.map(function (n) {
      return { name: n, type: "line", data: data.timeline.map(function (p) { return p.psi[n]; }) };
    });
    series.push({ name: "drift share", type: "bar", yAxisIndex: 1, itemStyle: { opacity: 0.25 },
      data: data.timeline.map(function (p) { return p.drift_share; }) });
    chart(node, { tooltip: { trigger: "axis" }, legend: { type: "scroll", top: 0 }, grid: { left: 50, right: 50, top: 40, bottom: 60 },
      xAxis: { type: "category", data: x, axisLabel: { rotate: 20 } },
      yAxis: [{ type: "value", name: "PSI" }, { type: "value", name: "share", min: 0, max: 1 }], series: series });
  } else {
    timeline.appendChild(el("p", { "class": "note" }, "Too few rows for periods."));
  }

  var table = el("table", { "class": "features" });
  var head = el("tr");
  ["feature", "PSI", "status", "method", "statistic", "p-value", "drifted"].forEach(function (h) { head.appendChild(el("th", {}, h)); });
  table.appendChild(head);
  var rows = drift ? drift.features.slice() : [];
  if (drift && drift.prediction) { rows.push(Object.assign({}, drift.prediction, { feature: "(prediction)" })); }
  rows.forEach(function (f) {
    var tr = el("tr", f.drifted ? { "class": "drifted" } : {});
    [f.feature, f.psi, f.status, f.method, f.statistic, f.p_value, f.drifted].forEach(function (v) { tr.appendChild(el("td", {}, fmt(v))); });
    table.appendChild(tr);
  });
  document.getElementById("table").appendChild(drift ? table : el("p", { "class": "note" }, "No logged predictions in this period."));

  var cards = document.getElementById("cards");
  (data.bins || []).forEach(function (b) {
    var card = el("div", { "class": "card" });
    card.appendChild(el("h3", {}, b.feature));
    var verdict = rows.filter(function (f) { return f.feature === b.feature; })[0];
    card.appendChild(el("div", { "class": "meta" }, verdict ? "PSI " + fmt(verdict.psi) + " · " + verdict.method + " "
        + fmt(verdict.statistic) + (verdict.drifted ? " · drifted" : "") : ""));
    var node = el("div", { "class": "chart" });
    card.appendChild(node);
    cards.appendChild(card);
    chart(node, { tooltip: { trigger: "axis" }, legend: { top: 0 }, grid: { left: 45, right: 10, top: 30, bottom: 50 },
      xAxis: { type: "category", data: b.labels, axisLabel: { rotate: 30, fontSize: 10 } }, yAxis: { type: "value", name: "share" },
      series: [{ name: "reference", type: "bar", data: b.reference }, { name: "window", type: "bar", data: b.current }] });
  });
  document.body.setAttribute("data-rendered", "true");
})();
