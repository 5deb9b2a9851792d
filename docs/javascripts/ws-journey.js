/* 客户旅程地图 (journey_map worksheet): stages × lanes, touchpoint cards, the emotion curve
 * (journey-curve.js, the component of the case pages), a peak-end reading (ws-peak-end.js) and
 * "从案例开始". The top half is DOM-free (Node: module.exports; tests/js/ws-journey.test.js):
 * the data's order and moves, the curve's and the reading's input, a case as data, CSV rows.
 * The bottom half mounts it in the shell (ws-shell.js): state is one data object in the spec's
 * shape; typing updates it in place, adding, moving and removing rebuild the cards. Text a person
 * typed only reaches the page as text (TP.h children, .value), never as HTML. Classic script. */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else if (root.TPSheet) root.TPSheet.kind("journey_map", function (ctx) { return api.mount(ctx, root); });
})(typeof window !== "undefined" ? window : this, function () {
  "use strict";

  var LANES = ["name", "type", "channel", "behaviour", "thought", "emotion", "pain", "opportunity", "moment_of_truth"];

  function stageName(data, k) { var s = data.stages[k]; return (s && s.name) || "阶段 " + (k + 1); }
  function blank(def) {
    return { title: null, persona: null, stages: def.stages.map(function (n) { return { name: n }; }), touchpoints: [] };
  }
  function row(stage) { var tp = { stage: stage }; LANES.forEach(function (k) { tp[k] = k === "moment_of_truth" ? false : null; }); return tp; }
  function hasContent(tp) {
    return LANES.some(function (k) { return k === "moment_of_truth" ? tp[k] === true : tp[k] !== null && tp[k] !== undefined; });
  }

  /* Any data the file check let through → the shape the UI shows: every key present, stages long
   * enough for every touchpoint (added ones are unnamed, nothing is dropped), touchpoints in
   * journey order (stable by stage). → {data, added}. */
  function normalise(input) {
    var d = input || {};
    var stages = (Array.isArray(d.stages) ? d.stages : []).map(function (s) { return { name: s && typeof s.name === "string" ? s.name : null }; });
    var tps = (Array.isArray(d.touchpoints) ? d.touchpoints : []).map(function (t, i) {
      var tp = row(typeof t.stage === "number" ? t.stage : 0);
      LANES.forEach(function (k) { if (t[k] !== undefined && t[k] !== null) tp[k] = t[k]; });
      return { tp: tp, i: i };
    });
    tps.sort(function (a, b) { return a.tp.stage - b.tp.stage || a.i - b.i; });
    var added = 0;
    tps.forEach(function (x) { while (stages.length <= x.tp.stage) { stages.push({ name: null }); added += 1; } });
    return {
      data: { title: d.title || null, persona: d.persona || null, stages: stages, touchpoints: tps.map(function (x) { return x.tp; }) },
      added: added
    };
  }

  /* Index of the last touchpoint of stage k (or where one would go) — data stays in journey order. */
  function endOf(data, k) { var at = 0; data.touchpoints.forEach(function (t, i) { if (t.stage <= k) at = i + 1; }); return at; }
  function addTouchpoint(data, k) { var at = endOf(data, k); data.touchpoints.splice(at, 0, row(k)); return at; }
  /* Move touchpoint i one place up (dir −1) or down (+1) within its stage; → its new index. */
  function move(data, i, dir) {
    var list = data.touchpoints;
    var j = i + dir;
    if (j < 0 || j >= list.length || list[j].stage !== list[i].stage) return i;
    var t = list[i]; list[i] = list[j]; list[j] = t; return j;
  }
  /* Put touchpoint i at the end of stage k; → its new index. */
  function setStage(data, i, k) {
    var tp = data.touchpoints.splice(i, 1)[0], at;
    tp.stage = k;
    data.touchpoints.splice(at = endOf(data, k), 0, tp);
    return at;
  }
  /* Remove stage k and its touchpoints; later stages move up one. */
  function removeStage(data, k) {
    data.stages.splice(k, 1);
    data.touchpoints = data.touchpoints.filter(function (t) { return t.stage !== k; });
    data.touchpoints.forEach(function (t) { if (t.stage > k) t.stage -= 1; });
  }
  function countIn(data, k) { return data.touchpoints.filter(function (t) { return t.stage === k; }).length; }

  /* Moments for TPPeakEnd.readPeakEnd, numbered as the cards and the curve. */
  function moments(data) {
    return data.touchpoints.map(function (t, i) { return { id: i, name: t.name || "触点 " + (i + 1), emotion: t.emotion }; });
  }
  /* Stages for TPCurve.geometry, with the peak, the end and moments of truth marked. */
  function curveStages(data, reading) {
    var peak = reading && reading.peak ? reading.peak.id : -1;
    var end = reading && reading.end ? reading.end.id : -1;
    return data.stages.map(function (s, k) {
      var list = [];
      data.touchpoints.forEach(function (t, i) {
        if (t.stage === k) list.push({ emotion: t.emotion, mot: t.moment_of_truth === true, peak: i === peak, end: i === end });
      });
      return { name: stageName(data, k), moments: list };
    });
  }

  /* A case of the payload as worksheet data (at most `max` touchpoints) → {data, dropped}. */
  function fromCase(c, max) {
    var data = { title: ("案例：" + c.title).slice(0, 100), persona: null, stages: [], touchpoints: [] };
    var total = 0;
    c.stages.forEach(function (s, k) {
      data.stages.push({ name: s.stage });
      s.touchpoints.forEach(function (t) {
        total += 1;
        if (data.touchpoints.length >= max) return;
        var tp = row(k);
        ["name", "type", "channel", "behaviour", "emotion"].forEach(function (f) { tp[f] = t[f] === undefined ? null : t[f]; });
        data.touchpoints.push(tp);
      });
    });
    return { data: data, dropped: total - data.touchpoints.length };
  }

  var HEAD = ["序号", "阶段", "触点", "触点类型", "渠道", "客户目标与行为", "想法", "情绪", "痛点", "机会", "关键时刻"];
  /* CSV: a header, then one row per touchpoint with its stage's name and every lane. */
  function csvRows(data) {
    return [HEAD].concat(data.touchpoints.map(function (t, i) {
      return [i + 1, stageName(data, t.stage), t.name, t.type, t.channel, t.behaviour, t.thought,
        typeof t.emotion === "number" ? t.emotion : "", t.pain, t.opportunity, t.moment_of_truth ? "是" : ""];
    }));
  }

  function num(x) { // −1.5, +2, 0: two decimals at most, a real minus sign
    if (typeof x !== "number" || !isFinite(x)) return "—";
    var r = Math.round(x * 100) / 100;
    return r > 0 ? "+" + r : r < 0 ? "\u2212" + Math.abs(r) : "0";
  }

  // --------------------------------------------------------------------------------------------
  // The worksheet in the page
  // --------------------------------------------------------------------------------------------

  function mount(ctx, win) {
    var TP = win.TP, h = TP.h, def = ctx.def;
    var cols = {};
    def.spec.tables[1].columns.forEach(function (c) { cols[c.id] = c; });
    var stagesMax = def.spec.tables[0].rows_max;
    var data = blank(def);
    var uid = 0;

    function text(v) { return v === "" ? null : v; }
    function field(label, control) { return h("div", { class: "tp-ws-field" }, [h("label", { for: control.id }, [label]), control]); }
    function input(id, max, value, attrs) {
      var el = h(max > 100 ? "textarea" : "input", Object.assign({ id: id, maxlength: String(max) }, max > 100 ? { rows: "2" } : { type: "text" }, attrs));
      el.value = value === null ? "" : value;
      return el;
    }
    function select(id, options, value, attrs) {
      var el = h("select", Object.assign({ id: id }, attrs), options.map(function (o) { return h("option", { value: o[0] }, [o[1]]); }));
      if (value !== undefined) el.value = value === null ? "" : String(value);
      return el;
    }
    function act(label, name, at, extra) {
      var b = TP.button(label, function () {}, "tp-ws-small tp-jm__act");
      b.setAttribute("data-jm-act", name);
      b.setAttribute("data-jm-at", String(at));
      if (extra) b.setAttribute("aria-label", extra); return b;
    }
    var choices = function (list) { return [["", "（未选）"]].concat(list.map(function (x) { return [x, x]; })); };

    var titleIn = input(ctx.uid("title"), 100, null, { "data-jm-top": "title" });
    var personaIn = input(ctx.uid("persona"), 300, null, { "data-jm-top": "persona" });
    var caseSel = select(ctx.uid("case"), def.cases.map(function (c) { return [c.id, c.title]; }), undefined, {});
    var printHead = h("div", { class: "tp-jm-print tp-jm-print__head" });
    var chart = h("div", { class: "tp-journey__chart", hidden: "" });
    var curveNote = h("p", { class: "tp-ws-small tp-jm__curve-empty" }, ["给至少两个触点评上情绪分后，这里会画出情绪曲线。"]);
    var out = {};
    ["peak-name", "peak-value", "end-name", "end-value", "peak-end", "mean", "fix", "notes"].forEach(function (k) {
      out[k] = h(k === "fix" || k === "notes" ? "p" : "span", { "data-tp-jm": k });
    });
    var dd = function (label, kids) { return [h("dt", {}, [label]), h("dd", {}, kids)]; };
    var stagesBox = h("div", { class: "tp-jm__stages", "data-tp-screen-only": "" });
    var addStage = act("添加阶段", "add-stage", -1);
    var printTable = h("div", { class: "tp-jm-print" });

    ctx.root.appendChild(h("div", { class: "tp-jm" }, [
      h("div", { class: "tp-jm__top", "data-tp-screen-only": "" }, [field("地图名称", titleIn), field("客户画像（一位具体的客人）", personaIn)]),
      printHead,
      h("section", { class: "tp-jm__case", "data-tp-screen-only": "", "aria-labelledby": ctx.uid("case-h") }, [
        h("h3", { id: ctx.uid("case-h") }, ["从案例开始"]),
        field("选择案例", caseSel),
        act("载入案例旅程", "load-case", -1),
        h("p", { class: "tp-ws-formula" }, ["载入后成为可编辑的副本。案例中的情绪分是教学用的示意值，不是调研数据；请换成您自己的观察。"])
      ]),
      h("figure", { class: "tp-journey tp-jm__curve" }, [chart, curveNote,
        h("figcaption", { class: "tp-journey__caption" }, ["情绪曲线：编号与下方触点卡片对应；−3 很糟，+3 很好。带框的点为关键时刻，峰值与终点另有标记。"])]),
      h("section", { class: "tp-jm__pe", "aria-labelledby": ctx.uid("pe-h") }, [
        h("h3", { id: ctx.uid("pe-h") }, ["峰终分析"]),
        h("dl", { class: "tp-jm__pe-list" }, [].concat(
          dd("峰值", [out["peak-name"], " ", out["peak-value"]]), dd("终点", [out["end-name"], " ", out["end-value"]]),
          dd("峰终值", [out["peak-end"]]), dd("平均情绪", [out.mean]))),
        h("p", { class: "tp-jm__fix" }, [h("strong", {}, ["建议优先处理："]), out.fix]),
        out.notes,
        h("p", { class: "tp-ws-formula", "data-tp-screen-only": "" }, [win.TPPeakEnd.CONVENTION + " 峰终值 = (峰值 + 终点) ÷ 2。"])
      ]),
      stagesBox, h("p", { "data-tp-screen-only": "" }, [addStage]), printTable
    ]));

    function card(tp, i) {
      var id = ctx.uid("tp" + (uid += 1));
      var radios = ["", -3, -2, -1, 0, 1, 2, 3].map(function (v) {
        var r = h("input", { type: "radio", id: id + "-e" + v, name: id + "-e", value: String(v), "data-jm-f": "emotion" });
        r.checked = v === "" ? tp.emotion === null : tp.emotion === v;
        return h("span", { class: "tp-jm__emo" }, [r, h("label", { for: r.id }, [v === "" ? "未评" : num(v)])]);
      });
      var mot = h("input", { type: "checkbox", id: id + "-mot", "data-jm-f": "moment_of_truth" }); mot.checked = tp.moment_of_truth === true;
      var stageOpts = data.stages.map(function (s, k) { return [String(k), stageName(data, k)]; });
      var kids = [
        h("h4", { class: "tp-jm__card-title" }, ["触点 " + (i + 1)]),
        field("所属阶段", select(id + "-stage", stageOpts, tp.stage, { "data-jm-f": "stage" })),
        field("触点名称", input(id + "-name", cols.name.max, tp.name, { "data-jm-f": "name" })),
        h("div", { class: "tp-jm__pair" }, [
          field("类型", select(id + "-type", choices(cols.type.options), tp.type, { "data-jm-f": "type" })),
          field("渠道", select(id + "-channel", choices(cols.channel.options), tp.channel, { "data-jm-f": "channel" }))]),
        field("客户目标与行为", input(id + "-behaviour", cols.behaviour.max, tp.behaviour, { "data-jm-f": "behaviour" })),
        field("想法（客人心里怎么想）", input(id + "-thought", cols.thought.max, tp.thought, { "data-jm-f": "thought" })),
        h("fieldset", { class: "tp-jm__emotion" }, [h("legend", {}, ["情绪（−3 很糟 … +3 很好）"])].concat(radios)),
        field("痛点", input(id + "-pain", cols.pain.max, tp.pain, { "data-jm-f": "pain" })),
        field("机会", input(id + "-opportunity", cols.opportunity.max, tp.opportunity, { "data-jm-f": "opportunity" })),
        h("div", { class: "tp-ws-check" }, [mot, h("label", { for: mot.id }, ["关键时刻（对客人去留影响最大）"])]),
        h("div", { class: "tp-jm__acts" }, [act("上移", "up", i, "上移触点 " + (i + 1)), act("下移", "down", i, "下移触点 " + (i + 1)),
          act("删除", "del-tp", i, "删除触点 " + (i + 1))])
      ];
      return h("li", { class: "tp-jm__card", "data-jm-tp": String(i) }, kids);
    }

    function rebuild(focus) {
      while (stagesBox.firstChild) stagesBox.removeChild(stagesBox.firstChild);
      data.stages.forEach(function (s, k) {
        var nameIn = input(ctx.uid("stage" + (uid += 1)), def.spec.tables[0].columns[0].max, s.name, { "data-jm-stage": String(k), placeholder: "阶段 " + (k + 1) });
        var list = h("ol", { class: "tp-jm__cards" }, []);
        data.touchpoints.forEach(function (t, i) { if (t.stage === k) list.appendChild(card(t, i)); });
        stagesBox.appendChild(h("section", { class: "tp-jm__stage", "data-jm-stage-box": String(k) }, [
          h("div", { class: "tp-jm__stage-head" }, [field("阶段 " + (k + 1) + " 名称", nameIn), act("删除阶段", "del-stage", k, "删除阶段 " + (k + 1))]),
          list,
          act("在此阶段添加触点", "add-tp", k, "在此阶段添加触点：阶段 " + (k + 1))
        ]));
      });
      addStage.disabled = data.stages.length >= stagesMax;
      if (focus) { var el = ctx.root.querySelector(focus); if (el) el.focus(); }
      render();
    }

    function render() {
      var reading = win.TPPeakEnd.readPeakEnd(moments(data));
      var g = win.TPCurve.geometry(curveStages(data, reading));
      win.TPCurve.draw(chart, g, { titleId: ctx.uid("curve-title") });
      curveNote.hidden = g.has_curve;
      out["peak-name"].textContent = reading.peak ? reading.peak.name : "—";
      out["peak-value"].textContent = reading.peak ? num(reading.peak.e) : "";
      out["end-name"].textContent = reading.end ? reading.end.name : "—";
      out["end-value"].textContent = reading.end ? num(reading.end.e) : "";
      out["peak-end"].textContent = num(reading.peak_end);
      out.mean.textContent = num(reading.mean);
      out.fix.textContent = reading.fix_first.text;
      out.notes.textContent = reading.notes.join(" ");
      TP.all(stagesBox, 'select[data-jm-f="stage"]').forEach(function (sel) {
        TP.all(sel, "option").forEach(function (o, k) { o.textContent = stageName(data, k); });
      });
      printView();
    }

    function printView() {
      while (printHead.firstChild) printHead.removeChild(printHead.firstChild);
      printHead.appendChild(h("p", {}, [h("strong", {}, ["地图名称："]), data.title || "", "　", h("strong", {}, ["客户画像："]), data.persona || ""]));
      var lanes = [["name", "触点"], ["behaviour", "客户目标与行为"], ["thought", "想法"], ["emotion", "情绪"], ["pain", "痛点"], ["opportunity", "机会"]];
      var cell = function (k, lane) {
        return data.touchpoints.map(function (t, i) {
          if (t.stage !== k) return null;
          var v = lane === "emotion" ? (t.emotion === null ? null : num(t.emotion))
            : lane === "name" ? [t.name || "", t.type || "", t.channel || "", t.moment_of_truth ? "★关键时刻" : ""].filter(Boolean).join(" · ") : t[lane];
          return v ? h("p", {}, [(i + 1) + ". ", v]) : null;
        });
      };
      var table = h("table", { class: "tp-jm-print__grid" }, [
        h("thead", {}, [h("tr", {}, [h("th", { scope: "col" }, ["泳道"])].concat(data.stages.map(function (s, k) { return h("th", { scope: "col" }, [stageName(data, k)]); })))]),
        h("tbody", {}, lanes.map(function (l) {
          return h("tr", {}, [h("th", { scope: "row" }, [l[1]])].concat(data.stages.map(function (s, k) { return h("td", {}, cell(k, l[0])); })));
        }))
      ]);
      while (printTable.firstChild) printTable.removeChild(printTable.firstChild);
      printTable.appendChild(table);
    }

    function at(el) { return Number(el.closest("[data-jm-tp]").getAttribute("data-jm-tp")); }
    function onEdit(e) {
      var el = e.target;
      var top = el.getAttribute("data-jm-top");
      var f = el.getAttribute("data-jm-f");
      if (top) data[top] = text(el.value);
      else if (el.hasAttribute("data-jm-stage")) data.stages[Number(el.getAttribute("data-jm-stage"))].name = text(el.value);
      else if (f === "stage") {
        if (e.type !== "change") return;
        var j = setStage(data, at(el), Number(el.value));
        rebuild('[data-jm-tp="' + j + '"] select[data-jm-f="stage"]');
      } else if (f === "emotion") data.touchpoints[at(el)].emotion = el.value === "" ? null : Number(el.value);
      else if (f === "moment_of_truth") data.touchpoints[at(el)].moment_of_truth = el.checked;
      else if (f) data.touchpoints[at(el)][f] = text(el.value);
      else return;
      ctx.changed();
    }
    ctx.root.addEventListener("input", onEdit);
    ctx.root.addEventListener("change", function (e) { if (e.target.tagName === "SELECT" || e.target.type === "radio" || e.target.type === "checkbox") onEdit(e); });

    ctx.root.addEventListener("click", function (e) {
      var b = e.target.closest("[data-jm-act]");
      if (!b) return;
      var name = b.getAttribute("data-jm-act");
      var k = Number(b.getAttribute("data-jm-at"));
      var tp = data.touchpoints[k];
      var focus = null;
      if (name === "load-case") return loadCase();
      if (name === "add-stage") {
        if (data.stages.length >= stagesMax) return;
        data.stages.push({ name: null });
        focus = '[data-jm-stage="' + (data.stages.length - 1) + '"]';
      } else if (name === "del-stage") {
        var n = countIn(data, k);
        if (n && !win.confirm("确定删除阶段" + TP.quoted(stageName(data, k)) + "吗？其中的 " + n + " 个触点也会一并删除。")) return;
        removeStage(data, k);
        focus = '[data-jm-act="add-stage"]';
      } else if (name === "add-tp") {
        if (data.touchpoints.length >= def.max_touchpoints) return ctx.status.say("一张地图最多 " + def.max_touchpoints + " 个触点。", true);
        focus = '[data-jm-tp="' + addTouchpoint(data, k) + '"] [data-jm-f="name"]';
      } else if (name === "del-tp") {
        if (hasContent(tp) && !win.confirm("确定删除触点 " + (k + 1) + (tp.name ? TP.quoted(tp.name) : "") + " 吗？其中填写的内容将一并删除。")) return;
        data.touchpoints.splice(k, 1);
        focus = '[data-jm-stage-box="' + tp.stage + '"] [data-jm-act="add-tp"]';
      } else {
        var j = move(data, k, name === "up" ? -1 : 1);
        focus = '[data-jm-tp="' + j + '"] [data-jm-act="' + name + '"]';
      }
      rebuild(focus);
      ctx.changed();
    });

    function loadCase() {
      var c = def.cases.filter(function (x) { return x.id === caseSel.value; })[0];
      if (!c) return;
      var got = fromCase(c, def.max_touchpoints);
      if (!ctx.replace(got.data, "案例" + TP.quoted(c.title) + "的旅程")) return;
      ctx.status.say("已载入案例" + TP.quoted(c.title) + "的旅程（可编辑的副本）。案例中的情绪分是教学用的示意值，请换成您自己的观察。" +
        (got.dropped ? "超出上限的 " + got.dropped + " 个触点未载入。" : ""), true);
    }

    function write(d) {
      var r = normalise(d);
      data = r.data;
      titleIn.value = data.title || "";
      personaIn.value = data.persona || "";
      rebuild(null);
      if (r.added) ctx.status.say("有触点属于不存在的阶段，已补上 " + r.added + " 个未命名阶段，没有删除任何内容。", true);
    }

    write(blank(def));
    return {
      read: function () { return JSON.parse(JSON.stringify(data)); },
      write: write,
      blank: function () { return blank(def); },
      render: render,
      csv: csvRows
    };
  }

  return {
    LANES: LANES, blank: blank, normalise: normalise, hasContent: hasContent, addTouchpoint: addTouchpoint, move: move,
    setStage: setStage, removeStage: removeStage, moments: moments, curveStages: curveStages, fromCase: fromCase,
    csvRows: csvRows, num: num, stageName: stageName, mount: mount
  };
});
