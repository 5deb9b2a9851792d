/* One person's results on a scale form: the summary line, the tables and the advice of each mode,
 * and the same figures as CSV lines. Scores come from TouchpointScoring (scoring.js); nothing is
 * computed here but labels and order. Uses TP (tp-core.js). Classic script; window.TPScaleResults. */
(function () {
  "use strict";

  var TP = window.TP;
  var h = TP.h;
  var CATEGORY_TONE = { promoter: "good", passive: "warn", detractor: "bad" };
  var EXTRA = {
    matrix: [["index", "指数"], ["band", "结果"], ["rank", "名次"]],
    ipa: [["gap", "差距"], ["quadrant", "象限"]],
    fmea: [["rpn", "RPN"], ["level", "优先级"]]
  };

  function orNone(x, f) { return x === null || x === undefined ? "—" : (f || String)(x); }
  function one(x) { return TP.fixed(x, 1); }
  function tone(label, t) { return h("span", { class: "tp-tone tp-tone--" + (t || "neutral") }, [label]); }

  /* How to read a band, category, quadrant or level: label, meaning, which rows, what to do. */
  function advice(g, label, members, t) {
    var actions = g.actions || [];
    return h("div", { class: "tp-result__advice tp-result__advice--" + (t || g.tone || "neutral") }, [
      h("p", {}, [h("strong", {}, [label || g.label]), g.interpretation ? "：" + g.interpretation : ""]),
      members ? h("p", { class: "tp-result__members" }, ["涉及：" + members.join("、")]) : null,
      actions.length ? h("p", { class: "tp-result__actions-title" }, ["建议行动："]) : null,
      actions.length ? h("ul", {}, actions.map(function (a) { return h("li", {}, [a]); })) : null
    ]);
  }

  function fieldIds(def) { return def.answer_spec.fields.map(function (f) { return f.id; }); }

  /* Rows are scored under their positions ("#0", "#1", …), not their names: names may be empty
   * or repeat, and rankings list names only. The page shows the person's names. */
  function score(def, response) {
    var S = window.TouchpointScoring;
    if (def.answer_spec.kind !== "rows") return S.scoreResponse(def, response);
    var ids = fieldIds(def);
    var r = S.scoreResponse(def, { rows: response.rows.map(function (row, i) {
      var copy = { name: "#" + i };
      ids.forEach(function (f) { copy[f] = row[f]; });
      return copy;
    }) });
    // ranked: row positions in ranking order; order: those, then the rest as entered.
    r.ranked = (r.ranking || []).map(function (n) { return +n.slice(1); });
    r.order = r.ranked.concat(r.rows.map(function (x, i) { return i; }).filter(function (i) { return r.ranked.indexOf(i) < 0; }));
    return r;
  }

  function questionnaire(def, r) {
    var s = def.scoring;
    var subscales = def.subscales || [];
    var out = ["已答 " + r.answered + " / " + r.total_items + " 题。", []];
    if (r.score === null) {
      out[0] += "至少回答 " + s.min_answered + " 题后显示总分。";
    } else {
      out[0] += "得分 " + one(r.score) + (s.normalize === "pomp" ? "（0–100）" : "") + (r.band ? "，" + r.band.label : "") + "。";
      if (r.band) out[1].push(advice(r.band));
    }
    if (subscales.length) {
      var weak = TP.isNum(s.weakest_link);
      out[1].push(TP.table("分量表得分", ["分量表", "得分"].concat(weak ? ["提示"] : []), subscales.map(function (sub) {
        var cells = [sub.label, orNone(r.subscales[sub.id], one)];
        if (weak) cells.push(r.weakest.indexOf(sub.id) === -1 ? "" : tone("短板", "bad"));
        return cells;
      }), { head: 0 }));
    }
    return out;
  }

  function nps(def, r, response, ctx) {
    var cat = r.category ? def.categories[r.category] : null;
    return [r.score === null ? "尚未作答：请选择 0–10 分。" : "你的回答：" + r.score + " 分，" + cat.label + "。", [
      cat ? advice(cat, null, null, CATEGORY_TONE[r.category]) : null,
      h("p", { class: "tp-scale__note" }, [
        "个人只显示类别。NPS（推荐者占比 − 贬损者占比）是小组指标，需要汇总多人的回答：请导出 JSON 交给培训师，在",
        h("a", { href: ctx.groupUrl }, ["小组汇总"]), "页面查看。"
      ])
    ]];
  }

  /* Shared by the row modes: the summary line, a table (or a hint while nothing is complete),
   * then the advice of each group (`groups` in order; `groupOf(row)` is the row's group). */
  function rows(def, r, response, ctx, spec) {
    var done = r.rows.filter(function (row) { return spec.groupOf(row); }).length;
    var nodes = [];
    var nameAt = function (i) { return response.rows[i].name || ctx.rowLabel + " " + (i + 1) + "（未命名）"; };
    if (!done) {
      nodes.push(h("p", {}, [spec.hint]));
    } else {
      nodes.push(TP.table(spec.caption, spec.headers, r.order.map(function (i) {
        var g = spec.groupOf(r.rows[i]);
        return spec.cells(r.rows[i], nameAt(i), g ? tone(g.label, g.tone) : "未完成");
      }), { head: spec.head }));
      spec.groups.forEach(function (g) {
        var members = r.order.filter(function (i) { return spec.groupOf(r.rows[i]) === g; }).map(nameAt);
        if (members.length) nodes.push(advice(g, def.mode === "fmea" ? "优先级" + g.label : null, members));
      });
    }
    var matrix = def.mode === "matrix";
    return [(matrix ? "已完成 " : "") + done + " / " + r.rows.length + " 个" + ctx.rowLabel +
      (matrix ? "的评分。" : "已填写完整。"), nodes];
  }

  function matrix(def, r, response, ctx) {
    return rows(def, r, response, ctx, {
      hint: "每个" + ctx.rowLabel + "至少评 " + def.min_answered + " 项后，这里显示指数和排名。",
      caption: ctx.rowLabel + "排名（按指数由高到低，指数为 0–100）", headers: ["名次", ctx.rowLabel, "指数", "结果"], head: 1,
      cells: function (row, name, g) { return [orNone(row.rank), name, orNone(row.index, one), g]; },
      groups: def.bands.slice().reverse(), groupOf: function (row) { return row.band; }
    });
  }

  function ipa(def, r, response, ctx) {
    var q = def.quadrants;
    var shown = rows(def, r, response, ctx, {
      hint: "至少为一个" + ctx.rowLabel + "同时填写重要性和表现后，这里显示所在象限。",
      caption: "各" + ctx.rowLabel + "的象限（差距 = 表现 − 重要性）", headers: [ctx.rowLabel, "重要性", "表现", "差距", "象限"], head: 0,
      cells: function (row, name, g) {
        return [name, orNone(row.importance), orNone(row.performance), row.gap === null ? "—" : TP.signed(row.gap, 2).replace(/\.?0+$/, ""), g];
      },
      groups: [q.concentrate, q.keep_up, q.low_priority, q.overkill], groupOf: function (row) { return q[row.quadrant] || null; }
    });
    var c = r.crosshair;
    if (c) {
      shown[1].unshift(h("p", {}, ["十字线：重要性 " + TP.plain(c.importance) + "，表现 " + TP.plain(c.performance) +
        (def.crosshair === "scale_mid" ? "（量尺中点）。" : "（已填完整的" + ctx.rowLabel + "的均值）。")]));
    }
    return shown;
  }

  function fmea(def, r, response, ctx) {
    var levels = {};
    def.levels.forEach(function (l) { levels[l.id] = l; });
    return rows(def, r, response, ctx, {
      hint: "为" + ctx.rowLabel + "填写严重度 S、发生度 O、探测度 D 三项后，这里显示 RPN 和优先级。",
      caption: "风险排序（先按优先级，再按 RPN 由高到低；S = 严重度，O = 发生度，D = 探测度）",
      headers: [ctx.rowLabel, "S", "O", "D", "RPN", "优先级"], head: 0,
      cells: function (row, name, g) {
        return [name, orNone(row.severity), orNone(row.occurrence), orNone(row.detection), orNone(row.rpn), g];
      },
      groups: def.levels, groupOf: function (row) { return levels[row.level] || null; }
    });
  }

  var SHOW = { questionnaire: questionnaire, nps: nps, matrix: matrix, ipa: ipa, fmea: fmea };

  /* [summary line, nodes] for the result `r` of `response`. ctx: {rowLabel, groupUrl}. */
  function show(def, r, response, ctx) { return SHOW[def.mode](def, r, response, ctx); }

  /* The answers and results as CSV lines (arrays of cells). */
  function csv(def, r, response, comment, rowLabel) {
    var num = TP.plain;
    var lines;
    if (def.answer_spec.kind !== "rows") {
      var items = def.mode === "nps" ? [{ id: "nps", text: def.item.text }] : def.items;
      lines = [["题号", "题目", "答案"]].concat(items.map(function (item, i) {
        return [i + 1, item.text, num(response.answers[item.id])];
      }));
      if (def.mode === "nps") {
        lines.push(["", "类别", r.category ? def.categories[r.category].label : ""]);
        if (comment !== undefined) lines.push(["", "补充意见", comment]);
      } else {
        lines.push(["", "已答题数", r.answered + " / " + r.total_items],
          ["", "总分" + (def.scoring.normalize === "pomp" ? "（0–100）" : ""), num(r.score)],
          ["", "结果", r.band ? r.band.label : ""]);
        (def.subscales || []).forEach(function (sub) {
          var weak = r.weakest.indexOf(sub.id) === -1 ? "" : "（短板）";
          lines.push(["", "分量表：" + sub.label + weak, num(r.subscales[sub.id])]);
        });
      }
      return lines;
    }
    // Each row: its name, its fields, then what the engine computed (labels for band/quadrant/level).
    var fields = def.answer_spec.fields;
    var extra = EXTRA[def.mode];
    var levels = {};
    (def.levels || []).forEach(function (l) { levels[l.id] = l.label; });
    var label = {
      band: function (b) { return b.label; },
      quadrant: function (q) { return def.quadrants[q].label; },
      level: function (l) { return levels[l]; }
    };
    lines = [[rowLabel].concat(fields.map(function (f) { return f.label; }), extra.map(function (e) { return e[1]; }))];
    r.rows.forEach(function (row, i) {
      var v = function (k) { return row[k] === null ? "" : label[k] ? label[k](row[k]) : num(row[k]); };
      lines.push([response.rows[i].name].concat(
        fields.map(function (f) { return num(response.rows[i][f.id]); }),
        extra.map(function (e) { return v(e[0]); })));
    });
    if (r.crosshair) lines.push(["十字线", num(r.crosshair.importance), num(r.crosshair.performance), "", ""]);
    return lines;
  }

  window.TPScaleResults = { score: score, show: show, csv: csv };
})();
