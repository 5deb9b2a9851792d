/* The group page's view of each mode: what TouchpointScoring.aggregate computed for a group, as
 * figures, tables and CSV lines. Every group figure carries its n, and NPS and top-box shares
 * their 95 % interval (methods in the README). Text from files (names, comments) stays text and
 * is isolated. Uses TP (tp-core.js); window.TPGroupViews. Each view returns {nodes, csv}. */
(function () {
  "use strict";

  var TP = window.TP;
  var h = TP.h;
  var NPS_LABELS = { promoter: "推荐者", passive: "被动者", detractor: "贬损者" };
  var NPS_RANGES = { promoter: "9–10 分", passive: "7–8 分", detractor: "0–6 分" };

  function fixed(x, d) { return TP.fixed(x, d); }
  function table(caption, headers, rows, numeric) { return TP.table(caption, headers, rows, { kind: "group", numeric: numeric }); }
  function range(i, show) { return i ? show(i.low) + " 至 " + show(i.high) : "—"; }
  function pctRange(i) { return range(i, TP.pct); }

  /* "满意率（CSAT %）" for top_box [4, 5] on 1–5 items, otherwise "选择 5、6、7 分的比例". */
  function topBoxLabels(def) {
    var top = def.scoring.top_box.slice().sort(function (a, b) { return a - b; });
    var oneToFive = def.items.every(function (i) {
      var s = def.response_scales[i.scale];
      return s && s.min === 1 && s.max === 5;
    });
    if (oneToFive && top.join(",") === "4,5") return { overall: "满意率（CSAT %）", column: "满意率" };
    return { overall: "选择 " + top.join("、") + " 分的比例", column: "选 " + top.join("、") + " 分" };
  }

  function distribution(dist, scale) {
    var parts = [];
    for (var v = scale.min; v <= scale.max; v += 1) parts.push(v + ":" + (dist[v] || 0));
    return parts.join(" ");
  }

  function questionnaire(def, agg) {
    var hasTop = (def.scoring.top_box || []).length > 0;
    var labels = hasTop ? topBoxLabels(def) : null;
    var csv = [];
    var facts = h("ul", { class: "tp-group__facts" });
    // The screen gets rounded, labelled text; the CSV gets plain numbers for a spreadsheet.
    function fact(label, shown, value) {
      facts.appendChild(h("li", {}, [label + "：" + shown]));
      csv.push([label, value]);
    }
    if (hasTop) {
      fact(labels.overall, TP.pct(agg.top_box), fixed(agg.top_box, 1));
      fact(labels.overall + " 的 95% 区间", pctRange(agg.top_box_interval) + "（Wilson 法，按每一个回答计）",
        agg.top_box_interval ? fixed(agg.top_box_interval.low, 1) + "–" + fixed(agg.top_box_interval.high, 1) : "");
    }
    fact("平均得分", fixed(agg.score.mean, 1), fixed(agg.score.mean, 2));
    fact("可计分的答卷", agg.score.n + " 份（至少答 " + def.scoring.min_answered + " 题才计分）", String(agg.score.n));
    var nodes = [facts];
    var headers = ["题目", "人数", "均值", "分布（分值:人数）"];
    if (hasTop) headers.push(labels.column + " %", "95% 区间");
    function line(item, i, d) {
      var a = agg.items[item.id];
      var row = [(i + 1) + ". " + item.text, String(a.n), fixed(a.mean, d), distribution(a.distribution, def.response_scales[item.scale])];
      if (hasTop) row.push(d === 1 ? TP.pct(a.top_box) : fixed(a.top_box, 1), d === 1 ? pctRange(a.top_box_interval) :
        a.top_box_interval ? fixed(a.top_box_interval.low, 1) + "–" + fixed(a.top_box_interval.high, 1) : "");
      return row;
    }
    nodes.push(table("各题结果", headers, def.items.map(function (item, i) { return line(item, i, 1); }), [1, 2, 4]));
    csv.push([], headers);
    def.items.forEach(function (item, i) { csv.push(line(item, i, 2)); });
    var bandRows = def.bands.map(function (b) { return [b.label, b.min + "–" + b.max, String(agg.bands[b.label] || 0)]; });
    nodes.push(table("得分分段人数", ["分段", "得分范围", "人数"], bandRows, [2]));
    csv.push([], ["分段", "得分范围", "人数"]);
    bandRows.forEach(function (r) { csv.push(r); });
    return { nodes: nodes, csv: csv };
  }

  function nps(def, agg, files) {
    var csv = [];
    var counts = { promoter: agg.promoters, passive: agg.passives, detractor: agg.detractors };
    var share = function (k) { return agg.n ? (100 * counts[k]) / agg.n : null; };
    var rows = ["promoter", "passive", "detractor"].map(function (k) {
      return [NPS_LABELS[k], NPS_RANGES[k], String(counts[k]), TP.pct(share(k))];
    });
    var signed = function (x) { return TP.signed(x, 0); };
    var nodes = [h("p", { class: "tp-group__figure" }, [
      h("span", { class: "tp-group__figure-label" }, ["净推荐值（NPS）"]),
      h("strong", { class: "tp-group__figure-value" }, [signed(agg.nps)])
    ])];
    var facts = h("ul", { class: "tp-group__facts" }, [
      h("li", {}, ["作答人数：" + agg.n]),
      h("li", { "data-tp-nps-interval": "" }, ["95% 区间：" + range(agg.interval, signed) + "（n = " + agg.n +
        "，正态近似；人数越少，区间越宽）"]),
      h("li", {}, ["NPS = 推荐者占比 − 贬损者占比，范围 −100 至 +100，是一个分值，不是百分比。"]),
      agg.band ? h("li", {}, ["分段：" + agg.band.label + "。" + agg.band.interpretation]) : null
    ]);
    nodes.push(facts);
    if (agg.n < 10) {
      nodes.push(h("p", { class: "tp-group__note" }, ["注意：作答不足 10 人，一两个人的选择就会让 NPS 大幅变动，这个数字很不稳定，只宜作参考。"]));
    }
    nodes.push(table("推荐者、被动者与贬损者", ["类别", "分数", "人数", "占比"], rows, [2, 3]));
    csv.push(["作答人数", String(agg.n)], ["NPS（−100 至 +100）", TP.isNum(agg.nps) ? String(Math.round(agg.nps)) : "—"],
      ["NPS 的 95% 区间", agg.interval ? Math.round(agg.interval.low) + " 至 " + Math.round(agg.interval.high) : "—"],
      ["分段", agg.band ? agg.band.label : "—"], [], ["类别", "分数", "人数", "占比 %"]);
    ["promoter", "passive", "detractor"].forEach(function (k, i) { csv.push(rows[i].slice(0, 3).concat([fixed(share(k), 1)])); });
    var comments = files.filter(function (f) { return f.comment; });
    if (comments.length) {
      nodes.push(h("h3", { class: "tp-group__subtitle" }, ["学员写下的原因（" + comments.length + " 条）"]));
      csv.push([], ["分数", "原因"]);
      nodes.push(h("ul", { class: "tp-group__comments" }, comments.map(function (f) {
        var score = f.response.answers.nps;
        var scoreText = TP.isNum(score) ? score + " 分" : "未打分";
        csv.push([scoreText, f.comment]);
        return h("li", {}, [scoreText + "：", TP.foreign(f.comment)]);
      })));
    }
    return { nodes: nodes, csv: csv };
  }

  function ipa(def, agg) {
    var c = agg.crosshair;
    var how = def.crosshair === "scale_mid" ? "量尺中点" : "各触点小组均值的平均";
    var chart = h("div", { class: "tp-group__chart", "data-tp-chart": "ipa", hidden: "" });
    // scale-charts.js draws it once this section is on the page (it waits for the task to end).
    if (window.TouchpointCharts) window.TouchpointCharts.draw(chart, "ipa", { def: def, result: agg });
    var headers = [def.rows.label || "触点", "人数", "重要性均值", "表现均值", "象限"];
    var quadrant = function (r) { return r.quadrant && def.quadrants[r.quadrant] ? def.quadrants[r.quadrant].label : "—"; };
    var rows = agg.rows.map(function (r) {
      return [TP.foreign(r.name), String(r.n), fixed(r.importance, 1), fixed(r.performance, 1), quadrant(r)];
    });
    var csv = [["十字线 重要性", c ? fixed(c.importance, 2) : "—", "十字线 表现", c ? fixed(c.performance, 2) : "—"], [], headers];
    agg.rows.forEach(function (r) { csv.push([r.name, String(r.n), fixed(r.importance, 2), fixed(r.performance, 2), quadrant(r)]); });
    return { nodes: [
      h("p", {}, [c ? "十字线（" + how + "）：重要性 " + fixed(c.importance, 1) + "，表现 " + fixed(c.performance, 1) + "。"
        : "还没有两项都填写的触点，无法划分象限。"]),
      chart, table("各触点的小组均值", headers, rows, [1, 2, 3])
    ], csv: csv };
  }

  /* Rows in ranking order, then the rows without a result (input order). */
  function ranked(rows, ranking) {
    var byName = Object.create(null);
    rows.forEach(function (r) { if (!byName[r.name]) byName[r.name] = r; });
    var out = ranking.map(function (name, i) { return { rank: String(i + 1), row: byName[name] }; });
    rows.forEach(function (r) { if (ranking.indexOf(r.name) === -1) out.push({ rank: "—", row: r }); });
    return out;
  }

  function matrix(def, agg) {
    var headers = ["名次", def.rows.label || "触点", "人数", "平均指数"];
    var list = ranked(agg.rows, agg.ranking);
    var rows = list.map(function (e) { return [e.rank, TP.foreign(e.row.name), String(e.row.n), fixed(e.row.mean_index, 1)]; });
    var csv = [headers].concat(list.map(function (e) { return [e.rank, e.row.name, String(e.row.n), fixed(e.row.mean_index, 2)]; }));
    return { nodes: [table("各触点的小组排名（指数 0–100）", headers, rows, [0, 2, 3])], csv: csv };
  }

  function fmea(def, agg) {
    var levels = {};
    def.levels.forEach(function (l) { levels[l.id] = l.label; });
    var headers = [def.rows.label || "失效模式", "人数", "严重度 S", "发生度 O", "探测度 D", "RPN", "优先级"];
    var list = ranked(agg.rows, agg.ranking);
    function line(r, d, name) {
      return [name, String(r.n), fixed(r.severity, d), fixed(r.occurrence, d), fixed(r.detection, d),
        fixed(r.rpn, d), r.level && levels[r.level] ? levels[r.level] : "—"];
    }
    var rows = list.map(function (e) { return line(e.row, 1, TP.foreign(e.row.name)); });
    var csv = [headers].concat(list.map(function (e) { return line(e.row, 2, e.row.name); }));
    var note = h("p", { class: "tp-group__note" }, ["按优先级、再按 RPN 从高到低排列；S、O、D 为小组均值，RPN = S × O × D（用均值计算）。"]);
    return { nodes: [note, table("各失效模式的小组风险排序", headers, rows, [1, 2, 3, 4, 5])], csv: csv };
  }

  window.TPGroupViews = { questionnaire: questionnaire, nps: nps, ipa: ipa, matrix: matrix, fmea: fmea };
})();
