(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kiln-data").textContent);
  var COLORS = ["#c2410c", "#2563eb", "#15803d", "#7c3aed", "#b45309", "#0891b2", "#be123c", "#4d7c0f"];

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function num(v) { return typeof v === "number" ? v : (v === "Infinity" ? Infinity : v === "-Infinity" ? -Infinity : NaN); }
  function fmt(v) {
    if (v === null || v === undefined) { return "–"; }
    if (typeof v !== "number") { return String(v); }
    if (Number.isInteger(v)) { return v.toLocaleString("en-US"); }
    var a = Math.abs(v);
    return a !== 0 && (a < 0.001 || a >= 1e6) ? v.toExponential(3) : v.toFixed(a < 1 ? 4 : 3).replace(/\.?0+$/, "");
  }
  function chart(node, option) {
    var c = echarts.init(node, null, { renderer: "svg" });
    option.animation = false;
    option.color = option.color || COLORS;
    c.setOption(option);
    window.addEventListener("resize", function () { c.resize(); });
    return c;
  }
  function panel(parentId, title, note) {
    var p = el("div", { "class": "panel" });
    p.appendChild(el("h3", {}, title));
    if (note) { p.appendChild(el("div", { "class": "note" }, note)); }
    var box = el("div", { "class": "chart" });
    p.appendChild(box);
    document.getElementById(parentId).appendChild(p);
    return box;
  }
  function table(parent, headers, rows, chosen) {
    var t = el("table", { "class": "data" });
    var head = el("tr");
    headers.forEach(function (h) { head.appendChild(el("th", {}, h)); });
    t.appendChild(head);
    rows.forEach(function (r, i) {
      var tr = el("tr", chosen && chosen(i) ? { "class": "chosen" } : {});
      r.forEach(function (v) { tr.appendChild(el("td", {}, typeof v === "number" ? fmt(v) : v)); });
      t.appendChild(tr);
    });
    parent.appendChild(t);
  }
  function points(curve) { return curve.x.map(function (x, i) { return [num(x), num(curve.y[i])]; }); }
  function valueAxis(name, min, max) {
    var a = { type: "value", name: name, nameLocation: "middle", nameGap: 30 };
    if (min !== undefined) { a.min = min; } else { a.scale = true; }
    if (max !== undefined) { a.max = max; }
    return a;
  }

  document.title = data.title;
  document.getElementById("title").textContent = "Evaluation: " + data.title;
  document.getElementById("subtitle").textContent = data.task + " · target " + data.target + " · " + fmt(data.rows) +
      " rows · selection metric " + data.metric;

  var tiles = [[data.metric, fmt(num(data.metrics[data.metric]))], ["rows", fmt(data.rows)]];
  if (data.learning_curve) { tiles.push(["fit", data.learning_curve.verdict.kind.replace("_", " ")]); }
  if (data.threshold) { tiles.push(["threshold (" + data.threshold.rule + ")", fmt(num(data.threshold.threshold))]); }
  if (data.metrics.dp_difference !== undefined) { tiles.push(["dp difference", fmt(num(data.metrics.dp_difference))]); }
  tiles.forEach(function (t) {
    var tile = el("div", { "class": "tile" });
    tile.appendChild(el("b", {}, t[1]));
    tile.appendChild(el("span", {}, t[0]));
    document.getElementById("tiles").appendChild(tile);
  });
  if (data.learning_curve) {
    var v = data.learning_curve.verdict;
    var box = el("div", { "class": "verdict " + v.kind });
    box.appendChild(el("b", {}, v.kind.replace("_", " ")));
    box.appendChild(el("span", {}, v.message.replace(/^[a-z ]+: /, "")));
    document.getElementById("verdict-box").appendChild(box);
  }
  var metricsBox = document.getElementById("metrics");
  Object.keys(data.metrics).forEach(function (k) {
    var row = el("div");
    row.appendChild(el("span", {}, k));
    row.appendChild(el("span", {}, fmt(num(data.metrics[k]))));
    metricsBox.appendChild(row);
  });

  if (data.leaderboard.length > 0) {
    var lb = document.getElementById("leaderboard");
    lb.appendChild(el("h2", {}, "Leaderboard (validation " + data.metric + ")"));
    table(lb, ["candidate", "learner", data.metric, "fit s"], data.leaderboard.map(function (e) {
      return [e.label + (e.chosen ? "  ✔ chosen" : ""), e.learner, num(e.score), num(e.fit_seconds)];
    }), function (i) { return data.leaderboard[i].chosen; });
  }

  // performance
  if (data.roc.length > 0) {
    var diagonal = { type: "line", data: [[0, 0], [1, 1]], showSymbol: false, lineStyle: { type: "dashed", color: "#9aa5b1" }, name: "chance" };
    chart(panel("performance-charts", "ROC curve", data.roc.length > 1 ? "one vs rest per class" : null), {
      tooltip: { trigger: "axis" }, legend: { top: 0 }, grid: { left: 55, right: 20, top: 30, bottom: 45 },
      xAxis: valueAxis("false-positive rate", 0, 1), yAxis: valueAxis("true-positive rate", 0, 1),
      series: data.roc.map(function (c) {
        return { type: "line", name: c.name + " (AUC " + fmt(num(c.area)) + ")", data: points(c.curve), showSymbol: false, step: false };
      }).concat([diagonal]) });
    chart(panel("performance-charts", "Precision–recall curve", null), {
      tooltip: { trigger: "axis" }, legend: { top: 0 }, grid: { left: 55, right: 20, top: 30, bottom: 45 },
      xAxis: valueAxis("recall", 0, 1), yAxis: valueAxis("precision", 0, 1),
      series: data.precision_recall.map(function (c) {
        return { type: "line", name: c.name + " (AP " + fmt(num(c.area)) + ")", data: points(c.curve), showSymbol: false, step: "end" };
      }) });
  }
  if (data.confusion) {
    var k = data.classes.length;
    var cells = [];
    var max = 1;
    data.confusion.forEach(function (row, a) {
      var total = row.reduce(function (s, v) { return s + v; }, 0);
      row.forEach(function (v, p) { cells.push([p, a, v, total ? v / total : 0]); max = Math.max(max, v); });
    });
    var cm = panel("performance-charts", "Confusion matrix", "rows: true class · columns: predicted class · colour: share of the true class");
    cm.style.height = Math.max(330, 40 * k + 120) + "px";
    chart(cm, { tooltip: { formatter: function (p) { return "true " + data.classes[p.data[1]] + ", predicted " + data.classes[p.data[0]] + ": " + p.data[2]; } },
      grid: { left: 110, right: 30, top: 10, bottom: 80 },
      xAxis: { type: "category", data: data.classes, name: "predicted", nameLocation: "middle", nameGap: 50, axisLabel: { rotate: k > 6 ? 40 : 0 } },
      yAxis: { type: "category", data: data.classes, inverse: true, name: "true", nameLocation: "middle", nameGap: 90 },
      visualMap: { show: false, min: 0, max: 1, dimension: 3, inRange: { color: ["#f8fafc", "#c2410c"] } },
      series: [{ type: "heatmap", data: cells, label: { show: true, formatter: function (p) { return String(p.data[2]); } } }] });
  }
  if (data.calibration) {
    var cal = data.calibration;
    chart(panel("performance-charts", "Calibration (reliability)", "expected calibration error " + fmt(num(cal.expected_calibration_error)) +
        (data.task === "binary" ? " · probability of " + data.classes[1] : " · probability of the predicted class")), {
      tooltip: { trigger: "axis" }, legend: { top: 0 }, grid: { left: 55, right: 55, top: 30, bottom: 45 },
      xAxis: valueAxis("mean predicted probability", 0, 1),
      yAxis: [valueAxis("observed frequency", 0, 1), { type: "value", name: "rows", position: "right", splitLine: { show: false } }],
      series: [{ type: "line", name: "model", data: cal.bins.map(function (b) { return [num(b.mean_predicted), num(b.observed)]; }) },
        { type: "line", name: "perfect", data: [[0, 0], [1, 1]], showSymbol: false, lineStyle: { type: "dashed", color: "#9aa5b1" } },
        { type: "bar", name: "rows", yAxisIndex: 1, barWidth: 12, itemStyle: { opacity: 0.35 },
          data: cal.bins.map(function (b) { return [(num(b.lower) + num(b.upper)) / 2, b.count]; }) }] });
  }
  if (data.residuals) {
    var r = data.residuals;
    chart(panel("performance-charts", "Residuals against predictions", fmt(r.predicted.length) + " sampled rows · residual = truth − prediction"), {
      tooltip: { trigger: "item" }, grid: { left: 60, right: 20, top: 20, bottom: 45 },
      xAxis: valueAxis("prediction"), yAxis: valueAxis("residual"),
      series: [{ type: "scatter", symbolSize: 4, data: r.predicted.map(function (p, i) { return [num(p), num(r.residual[i])]; }),
        markLine: { silent: true, symbol: "none", data: [{ yAxis: 0 }], lineStyle: { color: "#52606d" } } }] });
    chart(panel("performance-charts", "Residual distribution", null), {
      tooltip: { trigger: "axis" }, grid: { left: 60, right: 20, top: 20, bottom: 60 },
      xAxis: { type: "category", data: r.counts.map(function (c, i) { return fmt((num(r.edges[i]) + num(r.edges[i + 1])) / 2); }), name: "residual", nameLocation: "middle", nameGap: 40 },
      yAxis: valueAxis("rows"), series: [{ type: "bar", data: r.counts, barCategoryGap: "5%" }] });
  }

  // importance
  function importanceChart(list, title, note) {
    if (list.length === 0) { return; }
    var top = list.slice(0, 20).reverse();
    var box = panel("importance-charts", title, note);
    box.style.height = Math.max(330, 22 * top.length + 70) + "px";
    chart(box, { tooltip: { trigger: "axis", axisPointer: { type: "shadow" } }, grid: { left: 150, right: 30, top: 10, bottom: 40 },
      xAxis: { type: "value" }, yAxis: { type: "category", data: top.map(function (f) { return f.feature; }), axisLabel: { width: 140, overflow: "truncate" } },
      series: [{ type: "bar", data: top.map(function (f) { return num(f.mean); }) },
        { type: "custom", name: "± std", renderItem: function (params, api) {
          var y = api.value(1);
          var lo = api.coord([api.value(0) - api.value(2), y]);
          var hi = api.coord([api.value(0) + api.value(2), y]);
          return { type: "line", shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style: { stroke: "#1f2933", lineWidth: 1.5 } };
        }, data: top.map(function (f, i) { return [num(f.mean), i, num(f.std)]; }), z: 10 }] });
  }
  importanceChart(data.permutation_importance, "Permutation importance", "drop in " + data.metric + " when the column is shuffled (mean ± std over repeats)");
  importanceChart(data.shap_importance, "TreeSHAP importance", "mean |SHAP value| per column, in " + (data.shap_space || "") + " units");
  data.partial_dependence.forEach(function (pd) {
    var numeric = pd.values.length > 0;
    chart(panel("dependence-charts", "Partial dependence on " + pd.feature, numeric ? "5%–95% quantile grid" : "most frequent levels"), {
      tooltip: { trigger: "axis" }, legend: { top: 0 }, grid: { left: 60, right: 20, top: 30, bottom: 50 },
      xAxis: numeric ? valueAxis(pd.feature) : { type: "category", data: pd.grid, axisLabel: { rotate: pd.grid.length > 6 ? 30 : 0 } },
      yAxis: { type: "value", scale: numeric, name: "mean prediction", nameLocation: "middle", nameGap: 45 },
      series: pd.outputs.map(function (name, k) {
        return { type: numeric ? "line" : "bar", name: name,
          data: pd.average.map(function (row, g) { return numeric ? [num(pd.values[g]), num(row[k])] : num(row[k]); }) };
      }) });
  });

  // diagnosis
  if (data.learning_curve) {
    var lc = data.learning_curve;
    chart(panel("diagnosis-charts", "Learning curve", lc.verdict.kind.replace("_", " ") + " · gap " + fmt(num(lc.verdict.gap)) + " in skill"), {
      tooltip: { trigger: "axis" }, legend: { top: 0 }, grid: { left: 60, right: 20, top: 30, bottom: 45 },
      xAxis: valueAxis("training rows"), yAxis: { type: "value", scale: true, name: lc.metric, nameLocation: "middle", nameGap: 45 },
      series: [{ type: "line", name: "training", data: lc.points.map(function (p) { return [p.train_rows, num(p.train_score)]; }) },
        { type: "line", name: "validation", data: lc.points.map(function (p) { return [p.train_rows, num(p.validation_score)]; }) },
        { type: "line", name: "constant predictor", showSymbol: false, lineStyle: { type: "dashed", color: "#9aa5b1" },
          data: [[lc.points[0].train_rows, num(lc.verdict.baseline_score)], [lc.points[lc.points.length - 1].train_rows, num(lc.verdict.baseline_score)]] }] });
  }

  // fairness
  var fair = document.getElementById("fairness-tables");
  if (data.fairness.length === 0) {
    fair.appendChild(el("p", { "class": "note" }, data.task === "binary" ? "No sensitive column declared (problem.sensitive or --sensitive)."
        : "Fairness rates are computed for binary classifiers."));
  }
  data.fairness.forEach(function (f) {
    fair.appendChild(el("h3", {}, f.column + " · demographic-parity difference " + fmt(num(f.demographic_parity_difference)) +
        " · equalized-odds difference " + fmt(num(f.equalized_odds_difference))));
    table(fair, ["group", "rows", "selection rate", "TPR", "FPR", "precision"], f.groups.map(function (g) {
      return [g.group, g.count, num(g.selection_rate), num(g.true_positive_rate), num(g.false_positive_rate), num(g.precision)];
    }));
  });

  var notes = document.getElementById("notes");
  if (data.notes.length === 0) { notes.appendChild(el("p", { "class": "note" }, "None.")); }
  data.notes.forEach(function (n) { notes.appendChild(el("p", { "class": "note" }, n)); });
  document.body.setAttribute("data-rendered", "true");
})();
