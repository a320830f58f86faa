(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kiln-data").textContent);
  var source = JSON.parse(document.getElementById("kiln-source").textContent);
  var profile = data.profile;
  var SEVERE = ["target_leakage", "duplicate_rows", "class_imbalance", "sensitive_imbalance", "constant"];

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function fmt(v) {
    if (v === null || v === undefined) { return "–"; }
    if (typeof v !== "number") { return String(v); }
    if (Number.isInteger(v)) { return v.toLocaleString("en-US"); }
    var a = Math.abs(v);
    return a !== 0 && (a < 0.001 || a >= 1e6) ? v.toExponential(3) : v.toFixed(a < 1 ? 4 : 2).replace(/\.?0+$/, "");
  }
  function chart(node, option) {
    var c = echarts.init(node, null, { renderer: "svg" });
    option.animation = false;
    c.setOption(option);
    window.addEventListener("resize", function () { c.resize(); });
    return c;
  }

  document.title = "Kiln data report: " + source;
  document.getElementById("title").textContent = "Data report: " + source;
  document.getElementById("subtitle").textContent = fmt(profile.rows) + " rows × " + fmt(profile.columns) + " columns" +
      (data.target ? " · target " + data.target : "") + (data.sensitive ? " · sensitive " + data.sensitive : "");

  var missingCells = profile.column_profiles.reduce(function (s, c) { return s + c.missing; }, 0);
  var tiles = [["rows", profile.rows], ["columns", profile.columns], ["warnings", data.warnings.length],
    ["duplicate rows", data.duplicate_rows],
    ["missing cells", fmt(100 * missingCells / Math.max(1, profile.rows * profile.columns)) + "%"]];
  if (profile.target && profile.target.suggested_task) { tiles.push(["task", profile.target.suggested_task]); }
  tiles.forEach(function (t) {
    var tile = el("div", { "class": "tile" });
    tile.appendChild(el("b", {}, typeof t[1] === "number" ? fmt(t[1]) : t[1]));
    tile.appendChild(el("span", {}, t[0]));
    document.getElementById("tiles").appendChild(tile);
  });

  var warningsBox = document.getElementById("warnings");
  if (data.warnings.length === 0) { warningsBox.appendChild(el("p", { "class": "ok" }, "No warnings.")); }
  var flagsByColumn = {};
  data.warnings.forEach(function (w) {
    var box = el("div", { "class": "warning" + (SEVERE.indexOf(w.code) >= 0 ? " severe" : "") });
    box.appendChild(el("span", { "class": "code" }, w.code.replace(/_/g, " ")));
    box.appendChild(el("span", {}, w.message));
    var evidence = Object.keys(w.evidence).map(function (k) {
      var v = w.evidence[k];
      return k + " = " + (v !== null && typeof v === "object" ? JSON.stringify(v) : fmt(v));
    }).join(" · ");
    box.appendChild(el("div", { "class": "evidence" }, evidence));
    warningsBox.appendChild(box);
    if (w.column) { (flagsByColumn[w.column] = flagsByColumn[w.column] || []).push(w.code.replace(/_/g, " ")); }
  });

  var cards = document.getElementById("cards");
  profile.column_profiles.forEach(function (c) {
    var card = el("div", { "class": "card" });
    var h = el("h3", {}, c.name);
    h.appendChild(el("span", { "class": "kind" }, c.kind));
    card.appendChild(h);
    if (flagsByColumn[c.name]) { card.appendChild(el("div", { "class": "flags" }, "⚠ " + flagsByColumn[c.name].join(", "))); }
    var rows = [["count", c.count], ["missing", c.missing + " (" + fmt(100 * c.missing_fraction) + "%)"], ["distinct", c.distinct]];
    if (c.mean !== null && c.mean !== undefined) {
      rows.push(["mean", c.mean], ["std", c.std], ["min", c.min], ["max", c.max]);
      Object.keys(c.quantiles || {}).forEach(function (q) { rows.push([q, c.quantiles[q]]); });
    } else if (c.min_instant) {
      rows.push(["first", c.min_instant], ["last", c.max_instant]);
    }
    var table = el("table", { "class": "stats" });
    for (var i = 0; i < rows.length; i += 2) {
      var tr = el("tr");
      [rows[i], rows[i + 1]].forEach(function (r) {
        tr.appendChild(el("td", {}, r ? r[0] : ""));
        tr.appendChild(el("td", {}, r ? fmt(r[1]) : ""));
      });
      table.appendChild(tr);
    }
    card.appendChild(table);
    var hist = data.histograms[c.name];
    if (hist || (c.top && c.top.length)) {
      var box = el("div", { "class": "chart" });
      card.appendChild(box);
      cards.appendChild(card);
      if (hist) {
        var labels = hist.counts.map(function (_, i) { return fmt(hist.edges[i]) + " – " + fmt(hist.edges[i + 1]); });
        chart(box, { grid: { left: 40, right: 8, top: 10, bottom: 22 }, tooltip: { trigger: "axis" },
          xAxis: { type: "category", data: labels, axisLabel: { show: false } }, yAxis: { type: "value" },
          series: [{ type: "bar", data: hist.counts, barCategoryGap: "2%", itemStyle: { color: "#3e7cb1" } }] });
      } else {
        var top = c.top.slice().reverse();
        chart(box, { grid: { left: 100, right: 16, top: 6, bottom: 20 }, tooltip: { trigger: "axis" },
          xAxis: { type: "value" }, yAxis: { type: "category", data: top.map(function (t) { return t.label; }),
            axisLabel: { width: 90, overflow: "truncate" } },
          series: [{ type: "bar", data: top.map(function (t) { return t.count; }), itemStyle: { color: "#c2410c" } }] });
      }
    } else {
      cards.appendChild(card);
    }
  });

  var targetSection = document.getElementById("target-section");
  if (data.target_associations.length) {
    targetSection.appendChild(el("h3", {}, "Each feature alone against the target '" + data.target + "'"));
    var assoc = data.target_associations;
    var box = el("div", { "class": "medium" });
    box.style.height = Math.max(240, 22 * assoc.length + 60) + "px";
    targetSection.appendChild(box);
    var metric = assoc[0].holdout_metric;
    var sorted = assoc.slice().reverse();
    chart(box, { title: { text: "held-out " + metric + " of a one-feature predictor", left: 10, textStyle: { fontSize: 13 } },
      grid: { left: 150, right: 30, top: 36, bottom: 24 }, tooltip: { trigger: "axis" },
      xAxis: { type: "value", min: metric === "roc_auc" ? 0.5 : null },
      yAxis: { type: "category", data: sorted.map(function (a) { return a.feature; }), axisLabel: { width: 140, overflow: "truncate" } },
      series: [{ type: "bar", data: sorted.map(function (a) { return a.holdout_score; }), itemStyle: { color: "#7c3aed" } }] });
    var table = el("table", { "class": "assoc" });
    var head = el("tr");
    ["feature", "measure", "association", metric, "decided share", "accuracy there"].forEach(function (t) { head.appendChild(el("th", {}, t)); });
    table.appendChild(head);
    assoc.forEach(function (a) {
      var tr = el("tr");
      [a.feature, a.measure, fmt(a.association), fmt(a.holdout_score), fmt(a.pure_coverage), fmt(a.pure_accuracy)]
        .forEach(function (v) { tr.appendChild(el("td", {}, v)); });
      table.appendChild(tr);
    });
    targetSection.appendChild(table);
  }

  function heatmap(title, names, matrix, min) {
    if (names.length < 2) { return; }
    var heat = document.getElementById("heatmaps");
    heat.appendChild(el("h3", {}, title));
    var box = el("div", { "class": "wide" });
    box.style.height = Math.max(320, 26 * names.length + 140) + "px";
    heat.appendChild(box);
    var cells = [];
    matrix.forEach(function (row, i) { row.forEach(function (v, j) { cells.push([j, i, v === null ? "-" : Math.round(v * 100) / 100]); }); });
    chart(box, { tooltip: { position: "top" }, grid: { left: 140, right: 80, top: 10, bottom: 110 },
      xAxis: { type: "category", data: names, axisLabel: { rotate: 50, width: 100, overflow: "truncate" } },
      yAxis: { type: "category", data: names, inverse: true, axisLabel: { width: 130, overflow: "truncate" } },
      visualMap: { min: min, max: 1, calculable: true, orient: "vertical", right: 0, top: "middle",
        inRange: { color: min < 0 ? ["#2563eb", "#f8fafc", "#dc2626"] : ["#f8fafc", "#dc2626"] } },
      series: [{ type: "heatmap", data: cells, label: { show: names.length <= 16, fontSize: 10 } }] });
  }
  var rel = data.relationships;
  heatmap("Pearson correlation", rel.numeric_columns, rel.pearson, -1);
  heatmap("Spearman correlation", rel.numeric_columns, rel.spearman, -1);
  heatmap("Cramér's V between categorical columns", rel.categorical_columns, rel.cramers_v, 0);
  document.body.setAttribute("data-rendered", "true");
})();
