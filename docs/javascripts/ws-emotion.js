/* The emotion map (情感共鸣分析工具), the mount: TPSheet.kind("emotion_map") in the shell
 * (ws-shell.js). Moment cards with valence / intensity radios, the emotion curve
 * (journey-curve.js), the peak-end panel with its suggestions and the import of a saved journey
 * map. The data work is TPEmotion's (ws-emotion-engine.js, loaded right before;
 * macros/widgets.py). Typed text only ever becomes text nodes or attribute values. */
(function () {
  "use strict";
  if (typeof window === "undefined" || !window.TPSheet) return;
  var TP = window.TP;
  var E = window.TPEmotion;
  var h = TP.h;
  var COLUMNS = ["name", "stage", "valence", "intensity", "trigger", "note"];
  var VALENCE = [-3, -2, -1, 0, 1, 2, 3];
  var INTENSITY = [1, 2, 3, 4, 5];

  window.TPSheet.kind("emotion_map", function (ctx) {
    var def = ctx.def;
    var rows = []; // {el, get(), heading}
    var serial = 0;
    var id = function (s) { return ctx.uid(s); };
    var field = function (text, control) { return h("div", { class: "tp-ws-field" }, [h("label", { for: control.id }, [text]), control]); };
    var line = function (attrs) { var x = h("input", attrs); x.addEventListener("input", ctx.changed); return x; };

    function radios(name, legend, values, caption) {
      var box = h("fieldset", { class: "tp-em__scale" }, [h("legend", {}, [legend])]);
      ["", ...values].forEach(function (v) {
        var rid = name + "-" + (v === "" ? "none" : String(v).replace("-", "m"));
        var input = h("input", { type: "radio", name: name, id: rid, value: String(v) });
        if (v === "") input.checked = true;
        input.addEventListener("change", ctx.changed);
        box.appendChild(h("span", { class: "tp-em__choice" }, [input, h("label", { for: rid }, [v === "" ? "未评" : caption(v)])]));
      });
      return box;
    }
    function picked(box) { var c = box.querySelector("input:checked"); return c && c.value !== "" ? Number(c.value) : null; }
    function pick(box, v) {
      var want = typeof v === "number" ? String(v) : "";
      TP.all(box, "input").forEach(function (x) { x.checked = x.value === want; });
      if (!box.querySelector("input:checked")) box.querySelector("input").checked = true; // a value the scale lacks shows as 未评
    }

    function makeRow() {
      serial += 1;
      var p = id("m" + serial);
      var name = line({ type: "text", id: p + "-name", maxlength: "30", "data-em": "name" });
      var stage = line({ type: "text", id: p + "-stage", maxlength: "20", list: id("stages"), "data-em": "stage" });
      var valence = radios(p + "-v", "效价（−3 很负面 … +3 很正面）", VALENCE, function (v) { return v > 0 ? "+" + v : v < 0 ? "\u2212" + -v : "0"; });
      var intensity = radios(p + "-k", "强度（1 很弱 … 5 很强）", INTENSITY, String);
      valence.setAttribute("data-em", "valence");
      intensity.setAttribute("data-em", "intensity");
      var trig = h("select", { id: p + "-trigger", "data-em": "trigger" }, [h("option", { value: "" }, ["（无）"])].concat(
        def.triggers.map(function (t) { return h("option", { value: t.id }, [t.name]); })));
      trig.addEventListener("change", ctx.changed);
      var note = h("textarea", { id: p + "-note", maxlength: "300", rows: "2", "data-em": "note" });
      note.addEventListener("input", ctx.changed);
      var heading = h("h4", { class: "tp-em__heading" });
      var reading = h("p", { class: "tp-em__e", "data-em-e": "" });
      var row = { heading: heading, reading: reading };
      var move = function (by) { return function () { shift(row, by); }; };
      var tools = h("div", { class: "tp-em__row-tools", "data-tp-screen-only": "" }, [
        TP.button("上移", move(-1), "tp-ws-small"), TP.button("下移", move(1), "tp-ws-small"),
        TP.button("删除", function () { remove(row); }, "tp-ws-small")
      ]);
      row.el = h("li", { class: "tp-em__moment", "data-em-row": "" }, [heading, field("触点 / 时刻", name), field("阶段", stage),
        valence, intensity, field("情感触发因素", trig), field("说明", note), reading, tools]);
      row.get = function () {
        var or = function (x) { return x.value.trim() ? x.value : null; };
        return { name: or(name), stage: or(stage), valence: picked(valence), intensity: picked(intensity), trigger: trig.value || null, note: or(note) };
      };
      row.set = function (m) {
        var s = function (x) { return typeof x === "string" ? x : ""; };
        name.value = s(m.name); stage.value = s(m.stage); note.value = s(m.note);
        pick(valence, m.valence); pick(intensity, m.intensity);
        trig.value = m.trigger && def.triggers.some(function (t) { return t.id === m.trigger; }) ? m.trigger : "";
      };
      return row;
    }

    var title = line({ type: "text", id: id("title"), maxlength: "100" });
    var list = h("ol", { class: "tp-em__moments" });
    var stagesList = h("datalist", { id: id("stages") });
    var add = TP.button("添加时刻", function () { addRow({}); ctx.changed(); focus(rows[rows.length - 1]); }, "tp-ws-small");
    var orderNote = h("p", { class: "tp-em__order", hidden: "" }, [
      "曲线按阶段归组（阶段按第一次出现的顺序），与上面的填写顺序不同。",
      TP.button("按阶段排列", function () { write(arrange()); ctx.changed(); }, "tp-ws-small")
    ]);
    var journeyNote = h("p", { class: "tp-em__journey-note", "data-em-journey-note": "", hidden: "" });
    var curve = h("div", { class: "tp-journey__chart tp-em__curve", hidden: "" });
    var curveNone = h("p", { class: "tp-ws-formula" }, ["至少为两个时刻填好效价和强度，才会画出情绪曲线。"]);
    var panel = h("div", { class: "tp-em__panel", "data-em-panel": "" });

    function focus(row) { var x = row.el.querySelector("input"); if (x) x.focus(); }
    function addRow(m) { var row = makeRow(); rows.push(row); list.appendChild(row.el); row.set(m); return row; }
    function arrange() {
      var d = read();
      d.moments = E.journeyOrder(d.moments).order.map(function (i) { return d.moments[i]; });
      return d;
    }
    function shift(row, by) {
      var i = rows.indexOf(row);
      var j = i + by;
      if (j < 0 || j >= rows.length) return;
      rows.splice(i, 1);
      rows.splice(j, 0, row);
      rows.forEach(function (r) { list.appendChild(r.el); });
      ctx.changed();
      row.el.querySelectorAll("button")[by < 0 ? 0 : 1].focus();
    }
    function remove(row) {
      var m = row.get();
      var has = COLUMNS.some(function (c) { return m[c] !== null; });
      var n = rows.indexOf(row) + 1;
      if (has && !window.confirm("确定删除第 " + n + " 个时刻" + (m.name ? TP.quoted(m.name) : "") + "吗？它的全部内容将被删除。")) return;
      rows.splice(rows.indexOf(row), 1);
      list.removeChild(row.el);
      ctx.changed();
      add.focus();
    }

    function importJourney() {
      var j = def.journey;
      var got = TP.store.get(TP.store.key("worksheet", j.id + "@" + j.version));
      var r = got.value ? window.TPSheetFile.read(got.value, j.id, j.version, j.spec) : null;
      var say = function (words) {
        journeyNote.textContent = "";
        journeyNote.hidden = false;
        journeyNote.appendChild(document.createTextNode(words));
        journeyNote.appendChild(h("a", { href: j.id + ".html" }, ["打开“" + j.title + "”"]));
      };
      if (!r) return say("这台设备上还没有保存过“" + j.title + "”（第 " + j.version + " 版），没有可导入的触点。请先填写旅程地图：");
      if (!r.data) return say("这台设备上保存的“" + j.title + "”无法读取：" + window.TPSheetFile.message(r.verdict, { title: j.title, version: j.version, spec: j.spec }) + "请打开旅程地图检查：");
      var m = E.fromJourney(def, r.data.data);
      if (!m.kept) return say("这台设备上保存的“" + j.title + "”还没有触点。请先添加触点：");
      journeyNote.hidden = true;
      var what = "旅程地图的 " + m.kept + " 个触点" + (m.total > m.kept ? "（共 " + m.total + " 个，只取前 " + m.kept + " 个）" : "");
      if (ctx.replace(m.data, what)) ctx.status.say("已载入" + what + "。每个时刻的情绪已作为效价填入，请为它们补上强度（1…5）。", true);
    }

    function dl(items) {
      return h("dl", { class: "tp-em__figures" }, [].concat.apply([], items.map(function (x) {
        return [h("dt", {}, [x[0]]), h("dd", { "data-em-figure": x[1] }, [x[2]])];
      })));
    }
    function render() {
      var a = E.analyse(def, read());
      var r = a.reading;
      var names = {};
      rows.forEach(function (row, i) {
        row.heading.textContent = "时刻 " + (i + 1);
        row.reading.textContent = a.e[i] === null ? "综合情绪 e：—" : "综合情绪 e = " + E.signed(a.e[i], 1) + "（曲线第 " + a.n[i] + " 点）" +
          (a.peak === i ? "　峰值" : "") + (a.end === i ? "　终点" : "");
        row.el.classList.toggle("tp-em__moment--peak", a.peak === i);
        row.el.classList.toggle("tp-em__moment--end", a.end === i);
        var s = row.get().stage;
        if (s) names[s.trim()] = true;
      });
      stagesList.textContent = "";
      Object.keys(names).forEach(function (s) { stagesList.appendChild(h("option", { value: s })); });
      add.disabled = rows.length >= def.max_moments;
      orderNote.hidden = !a.reordered;
      var g = window.TPCurve.geometry(a.curve);
      window.TPCurve.draw(curve, g, { titleId: id("curve-title") });
      curveNone.hidden = g.has_curve;
      var who = function (m) { return m ? (text(a.rows[m.id].name) || "第 " + m.n + " 个时刻") + "（e = " + E.signed(m.e, 1) + "）" : "—"; };
      panel.textContent = "";
      panel.appendChild(dl([
        ["峰值", "peak", who(r.peak)], ["终点", "end", who(r.end)],
        ["峰终值", "peak_end", r.peak_end === null ? "—" : E.signed(r.peak_end, 1)],
        ["平均情绪", "mean", r.mean === null ? "—" : E.signed(r.mean, 2)], ["最深的低谷", "trough", r.trough ? who(r.trough) : "—"]
      ]));
      panel.appendChild(h("p", { class: "tp-em__fix", "data-em-fix": r.fix_first.key }, [r.fix_first.text]));
      if (r.problems.length) panel.appendChild(h("ul", { class: "tp-ws-problems" }, r.problems.map(function (p) { return h("li", {}, [p.message]); })));
      [["对最深低谷的建议", "trough", a.trough], ["对结尾的建议", "ending", a.ending]].forEach(function (s) {
        if (s[2]) panel.appendChild(h("section", { class: "tp-em__advice", "data-em-advice": s[1] }, [h("h4", {}, [s[0]])].concat(s[2].map(function (t) { return h("p", {}, [t]); }))));
      });
      panel.appendChild(h("p", { class: "tp-ws-formula" }, [window.TPPeakEnd.FORMULAS.e.formula + "；" + window.TPPeakEnd.FORMULAS.peak_end.formula]));
    }
    function text(x) { return typeof x === "string" ? x.trim() : ""; }

    function read() { return { title: title.value.trim() ? title.value : null, moments: rows.map(function (r) { return r.get(); }) }; }
    function write(d) {
      title.value = d && typeof d.title === "string" ? d.title : "";
      rows = [];
      list.textContent = "";
      (d && Array.isArray(d.moments) ? d.moments : []).slice(0, def.max_moments).forEach(function (m) { addRow(m || {}); });
      render();
    }
    function blank() { return { title: null, moments: [1, 2, 3].map(function () { return { name: null, stage: null, valence: null, intensity: null, trigger: null, note: null }; }) }; }

    var guide = h("details", { class: "tp-em__guide" }, [h("summary", {}, ["五种情感触发因素"]), h("dl", {}, [].concat.apply([], def.triggers.map(function (t) {
      return [h("dt", {}, [t.name]), h("dd", {}, [t.description, h("br"), "例如：" + t.example])];
    })))]);
    ctx.root.appendChild(h("div", { class: "tp-em" }, [
      field("名称", title), h("div", { class: "tp-em__tools", "data-tp-screen-only": "" }, [TP.button("从旅程地图导入", importJourney, "tp-ws-small")]), journeyNote,
      guide, h("h3", {}, ["时刻"]), list, stagesList, h("div", { "data-tp-screen-only": "" }, [add]), orderNote,
      h("h3", {}, ["情绪曲线"]), curve, curveNone, h("h3", {}, ["峰终分析"]), panel
    ]));
    write(blank());
    return { read: read, write: write, blank: blank, render: render, csv: function (d) { return E.csvRows(def, d); } };
  });
})();
