/* 客户旅程地图 (journey_map worksheet), the mount: stages × lanes, touchpoint cards, the emotion
 * curve (journey-curve.js, the component of the case pages), a peak-end reading (ws-peak-end.js)
 * and "从案例开始", registered with the shell (ws-shell.js). The data work is TPJourney's
 * (ws-journey-engine.js, loaded right before; macros/widgets.py). State is one data object in the
 * spec's shape; typing updates it in place, adding, moving and removing rebuild the cards. Text a
 * person typed only reaches the page as text (TP.h children, .value), never as HTML. Classic script. */
(function () {
  "use strict";
  if (typeof window === "undefined" || !window.TPSheet) return;
  var TP = window.TP;
  var J = window.TPJourney;
  var h = TP.h;

  window.TPSheet.kind("journey_map", function (ctx) {
    var def = ctx.def;
    var cols = {};
    def.spec.tables[1].columns.forEach(function (c) { cols[c.id] = c; });
    var stagesMax = def.spec.tables[0].rows_max;
    var data = J.blank(def);
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
        h("p", { class: "tp-ws-formula", "data-tp-screen-only": "" }, [window.TPPeakEnd.CONVENTION + " 峰终值 = (峰值 + 终点) ÷ 2。"])
      ]),
      stagesBox, h("p", { "data-tp-screen-only": "" }, [addStage]), printTable
    ]));

    function card(tp, i) {
      var id = ctx.uid("tp" + (uid += 1));
      var radios = ["", -3, -2, -1, 0, 1, 2, 3].map(function (v) {
        var r = h("input", { type: "radio", id: id + "-e" + v, name: id + "-e", value: String(v), "data-jm-f": "emotion" });
        r.checked = v === "" ? tp.emotion === null : tp.emotion === v;
        return h("span", { class: "tp-jm__emo" }, [r, h("label", { for: r.id }, [v === "" ? "未评" : J.num(v)])]);
      });
      var mot = h("input", { type: "checkbox", id: id + "-mot", "data-jm-f": "moment_of_truth" }); mot.checked = tp.moment_of_truth === true;
      var stageOpts = data.stages.map(function (s, k) { return [String(k), J.stageName(data, k)]; });
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
      var reading = window.TPPeakEnd.readPeakEnd(J.moments(data));
      var g = window.TPCurve.geometry(J.curveStages(data, reading));
      window.TPCurve.draw(chart, g, { titleId: ctx.uid("curve-title") });
      curveNote.hidden = g.has_curve;
      out["peak-name"].textContent = reading.peak ? reading.peak.name : "—";
      out["peak-value"].textContent = reading.peak ? J.num(reading.peak.e) : "";
      out["end-name"].textContent = reading.end ? reading.end.name : "—";
      out["end-value"].textContent = reading.end ? J.num(reading.end.e) : "";
      out["peak-end"].textContent = J.num(reading.peak_end);
      out.mean.textContent = J.num(reading.mean);
      out.fix.textContent = reading.fix_first.text;
      out.notes.textContent = reading.notes.join(" ");
      TP.all(stagesBox, 'select[data-jm-f="stage"]').forEach(function (sel) {
        TP.all(sel, "option").forEach(function (o, k) { o.textContent = J.stageName(data, k); });
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
          var v = lane === "emotion" ? (t.emotion === null ? null : J.num(t.emotion))
            : lane === "name" ? [t.name || "", t.type || "", t.channel || "", t.moment_of_truth ? "★关键时刻" : ""].filter(Boolean).join(" · ") : t[lane];
          return v ? h("p", {}, [(i + 1) + ". ", v]) : null;
        });
      };
      var table = h("table", { class: "tp-jm-print__grid" }, [
        h("thead", {}, [h("tr", {}, [h("th", { scope: "col" }, ["泳道"])].concat(data.stages.map(function (s, k) { return h("th", { scope: "col" }, [J.stageName(data, k)]); })))]),
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
        var j = J.setStage(data, at(el), Number(el.value));
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
        var n = J.countIn(data, k);
        if (n && !window.confirm("确定删除阶段" + TP.quoted(J.stageName(data, k)) + "吗？其中的 " + n + " 个触点也会一并删除。")) return;
        J.removeStage(data, k);
        focus = '[data-jm-act="add-stage"]';
      } else if (name === "add-tp") {
        if (data.touchpoints.length >= def.max_touchpoints) return ctx.status.say("一张地图最多 " + def.max_touchpoints + " 个触点。", true);
        focus = '[data-jm-tp="' + J.addTouchpoint(data, k) + '"] [data-jm-f="name"]';
      } else if (name === "del-tp") {
        if (J.hasContent(tp) && !window.confirm("确定删除触点 " + (k + 1) + (tp.name ? TP.quoted(tp.name) : "") + " 吗？其中填写的内容将一并删除。")) return;
        data.touchpoints.splice(k, 1);
        focus = '[data-jm-stage-box="' + tp.stage + '"] [data-jm-act="add-tp"]';
      } else {
        var j = J.move(data, k, name === "up" ? -1 : 1);
        focus = '[data-jm-tp="' + j + '"] [data-jm-act="' + name + '"]';
      }
      rebuild(focus);
      ctx.changed();
    });

    function loadCase() {
      var c = def.cases.filter(function (x) { return x.id === caseSel.value; })[0];
      if (!c) return;
      var got = J.fromCase(c, def.max_touchpoints);
      if (!ctx.replace(got.data, "案例" + TP.quoted(c.title) + "的旅程")) return;
      ctx.status.say("已载入案例" + TP.quoted(c.title) + "的旅程（可编辑的副本）。案例中的情绪分是教学用的示意值，请换成您自己的观察。" +
        (got.dropped ? "超出上限的 " + got.dropped + " 个触点未载入。" : ""), true);
    }

    function write(d) {
      var r = J.normalise(d);
      data = r.data;
      titleIn.value = data.title || "";
      personaIn.value = data.persona || "";
      rebuild(null);
      if (r.added) ctx.status.say("有触点属于不存在的阶段，已补上 " + r.added + " 个未命名阶段，没有删除任何内容。", true);
    }

    write(J.blank(def));
    return {
      read: function () { return JSON.parse(JSON.stringify(data)); },
      write: write,
      blank: function () { return J.blank(def); },
      render: render,
      csv: J.csvRows
    };
  });
})();
