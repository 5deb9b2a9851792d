/* The touchpoint KPI worksheet (数据分析工具, kind "kpi"): one card of labelled inputs per
 * touchpoint, kept as typed; the figures, their formulas and intervals (TPKpi, ws-kpi.js); a
 * funnel of entrants; a paste box and CSV import (TPKpi.parseTouchpointCsv) that keep every good
 * row and name each bad one by line; CSV export of inputs and figures. Runs in the shell
 * (ws-shell.js). Text a person typed only ever becomes text nodes or attribute values. */
(function () {
  "use strict";

  var TP = window.TP;
  var K = window.TPKpi;
  var h = TP.h;
  var INPUTS = K.FIELDS.filter(function (f) { return f.kind !== "name"; });
  var SHOWN = ["conversion_pct", "csat_pct", "csat_interval", "nps", "nps_interval", "churn_pct", "retention_pct", "margin_multiple", "clv"];
  var EXPORTED = ["conversion_pct", "csat_pct", "nps", "churn_pct", "retention_pct", "margin_multiple", "clv"];

  function columnOf(def, id) {
    var table = def.spec.tables[0];
    return table.columns.filter(function (c) { return c.id === id; })[0] || { max: 20 };
  }
  function isEmptyRow(row) { return Object.keys(row).every(function (k) { return row[k] === null; }); }

  /* A figure as the page shows it: percent, signed NPS, money, an interval, or "—". */
  function show(key, x) {
    if (x === null || x === undefined) return "—";
    if (key === "csat_interval") return TP.fixed(x.low, 1) + "%–" + TP.fixed(x.high, 1) + "%";
    if (key === "nps_interval") return TP.signed(x.low, 1) + " 至 " + TP.signed(x.high, 1);
    if (key === "nps") return TP.signed(x, 1);
    if (key === "margin_multiple") return TP.fixed(x, 2);
    if (key === "clv") return TP.fixed(x, 2) + " 元";
    return TP.pct(x);
  }

  /* A number the engine read back as the text a person would type (at most `max` characters). */
  function numberText(x, max) {
    if (x === null) return null;
    var t = String(x);
    return t.length <= max && t.indexOf("e") === -1 ? t : null;
  }

  TPSheet.kind("kpi", function (ctx) {
    var def = ctx.def;
    var nameMax = columnOf(def, "name").max;
    var valueMax = columnOf(def, "entrants").max;
    var rows = []; // {el, inputs: {key: input}, notes: {key: p}, legend}
    var serial = 0;

    var title = h("input", { type: "text", id: ctx.uid("title"), maxlength: "100", autocomplete: "off" });
    var list = h("div", { class: "tp-kpi__rows" });
    var addButton = TP.button("添加触点", function () { addRow({}); ctx.changed(); rows[rows.length - 1].inputs.name.focus(); }, "tp-ws-small");
    var results = h("div", { class: "tp-kpi__results", "data-tp-kpi-results": "" });
    var funnelEl = h("ol", { class: "tp-kpi__funnel", "data-tp-kpi-funnel": "" });
    var paste = h("textarea", { id: ctx.uid("paste"), rows: "4", spellcheck: "false" });
    var replaceBox = h("input", { type: "checkbox", id: ctx.uid("replace") });
    var report = h("div", { class: "tp-kpi__report", "data-tp-kpi-report": "", role: "status" });

    function blank() { return { title: null, touchpoints: def.example.map(function (r) { return Object.assign({}, r); }) }; }
    function emptyRow() { var r = { name: null }; INPUTS.forEach(function (f) { r[f.key] = null; }); return r; }

    function readRow(row) {
      var out = {};
      ["name"].concat(INPUTS.map(function (f) { return f.key; })).forEach(function (key) {
        var v = row.inputs[key].value;
        out[key] = v.trim() === "" ? null : v;
      });
      return out;
    }
    function read() {
      return { title: title.value.trim() === "" ? null : title.value, touchpoints: rows.map(readRow) };
    }

    function field(row, key, label, attrs) {
      var id = ctx.uid("r" + row.serial + "-" + key);
      var note = h("p", { class: "tp-ws-problems tp-kpi__note", id: id + "-note", "data-tp-kpi-note": key, hidden: "" });
      var input = h("input", Object.assign({ type: "text", id: id, autocomplete: "off", "data-tp-kpi-field": key, "aria-describedby": id + "-note" }, attrs));
      row.inputs[key] = input;
      row.notes[key] = note;
      return h("div", { class: "tp-ws-field tp-kpi__field" + (key === "name" ? " tp-kpi__field--name" : "") }, [h("label", { for: id }, [label]), input, note]);
    }

    function addRow(data) {
      if (rows.length >= def.max_rows) return;
      var row = { serial: serial += 1, inputs: {}, notes: {} };
      row.legend = h("legend", {}, []);
      var fields = [field(row, "name", "触点名称", { maxlength: String(nameMax) })].concat(INPUTS.map(function (f) {
        return field(row, f.key, f.label + "（" + def.units[f.key] + "）", { inputmode: "decimal", maxlength: String(valueMax) });
      }));
      var tools = h("div", { class: "tp-kpi__row-tools", "data-tp-screen-only": "" }, [
        TP.button("上移", function () { move(row, -1); }, "tp-ws-small"),
        TP.button("下移", function () { move(row, 1); }, "tp-ws-small"),
        TP.button("删除此触点", function () { remove(row); }, "tp-ws-small")
      ]);
      row.el = h("fieldset", { class: "tp-kpi__row", "data-tp-kpi-row": "" }, [row.legend, h("div", { class: "tp-kpi__fields" }, fields), tools]);
      Object.keys(row.inputs).forEach(function (key) {
        var v = data[key];
        row.inputs[key].value = v === null || v === undefined ? "" : String(v);
      });
      rows.push(row);
      list.appendChild(row.el);
      renumber();
    }

    function renumber() {
      rows.forEach(function (row, k) { row.legend.textContent = "触点 " + (k + 1); });
      addButton.disabled = rows.length >= def.max_rows;
    }

    function move(row, step) {
      var k = rows.indexOf(row);
      var j = k + step;
      if (j < 0 || j >= rows.length) return;
      rows.splice(k, 1);
      rows.splice(j, 0, row);
      rows.forEach(function (r) { list.appendChild(r.el); });
      renumber();
      ctx.changed();
    }

    function remove(row) {
      var data = readRow(row);
      var label = data.name ? TP.quoted(data.name) : "（未命名）";
      if (!isEmptyRow(data) && !window.confirm("确定删除触点" + label + "吗？这一行填写的内容将被删除。")) return;
      rows.splice(rows.indexOf(row), 1);
      list.removeChild(row.el);
      renumber();
      ctx.changed();
    }

    function write(data) {
      var d = data || {};
      title.value = typeof d.title === "string" ? d.title : "";
      rows = [];
      list.textContent = "";
      (Array.isArray(d.touchpoints) ? d.touchpoints : []).forEach(function (r) { addRow(r || {}); });
      render();
    }

    // --- results ---

    function render() {
      var data = read().touchpoints;
      var computed = data.map(function (r, k) {
        var kpi = K.touchpointKpis(r);
        var problems = isEmptyRow(r) ? [] : kpi.problems;
        Object.keys(rows[k].notes).forEach(function (key) {
          var mine = problems.filter(function (p) { return p.field === key; }).map(function (p) { return p.message; });
          rows[k].notes[key].textContent = mine.join("；");
          rows[k].notes[key].hidden = !mine.length;
          rows[k].inputs[key].setAttribute("aria-invalid", mine.length ? "true" : "false");
        });
        return kpi;
      });
      var heads = ["指标与公式"].concat(computed.map(function (c, k) { return c.name || "触点 " + (k + 1); }));
      var body = SHOWN.map(function (key) {
        var f = K.FORMULAS[key];
        return h("tr", { "data-tp-kpi-figure": key }, [
          h("th", { scope: "row" }, [f.label, h("span", { class: "tp-ws-formula tp-kpi__formula" }, [f.formula])])
        ].concat(computed.map(function (c) { return h("td", { class: "tp-num" }, [show(key, c.figures[key])]); })));
      });
      results.textContent = "";
      results.appendChild(h("div", { class: "tp-scale__table-wrap" }, [h("table", { class: "tp-bands tp-result-table tp-kpi__table" }, [
        h("caption", {}, ["各触点的指标（每个数字所在行列出了计算公式）"]),
        h("thead", {}, [h("tr", {}, heads.map(function (t, k) { return h("th", { scope: "col" }, [k ? TP.foreign(t) : t]); }))]),
        h("tbody", {}, body)
      ])]));
      renderFunnel(data);
    }

    function renderFunnel(data) {
      var f = K.funnel(data);
      funnelEl.textContent = "";
      f.steps.forEach(function (s, k) {
        var width = s.share_of_first_pct === null ? 0 : Math.max(0, Math.min(100, s.share_of_first_pct));
        funnelEl.appendChild(h("li", { class: "tp-kpi__step", "data-tp-kpi-step": String(k + 1) }, [
          h("span", { class: "tp-kpi__step-name" }, [TP.foreign(s.name || "触点 " + (k + 1))]),
          h("span", { class: "tp-kpi__bar", "aria-hidden": "true" }, [h("span", { class: "tp-kpi__fill", style: "width:" + width.toFixed(1) + "%" })]),
          h("span", { class: "tp-kpi__step-figures" }, [
            h("span", { "data-tp-kpi-count": "" }, ["进入 " + (s.count === null ? "—" : String(s.count)) + " 人"]), "；",
            h("span", { "data-tp-kpi-share": "" }, ["占首步 " + TP.pct(s.share_of_first_pct)]),
            k ? "；" : "", k ? h("span", { "data-tp-kpi-step-conversion": "" }, ["较上一步 " + TP.pct(s.step_conversion_pct)]) : null
          ])
        ]));
      });
    }

    // --- import (paste box and CSV file) ---

    function importText(text, from) {
      var parsed = K.parseTouchpointCsv(text);
      var notes = parsed.problems.map(function (p) { return "第 " + p.line + " 行：" + p.message; });
      var incoming = [];
      parsed.rows.forEach(function (r) {
        var row = { name: r.name.slice(0, nameMax) };
        if (r.name.length > nameMax) notes.push("第 " + r.line + " 行：触点名称超过 " + nameMax + " 字，已截短");
        var bad = INPUTS.filter(function (f) {
          row[f.key] = numberText(r[f.key], valueMax);
          return r[f.key] !== null && row[f.key] === null;
        });
        if (bad.length) notes.push("第 " + r.line + " 行：" + bad[0].label + "的数值过长，此行未导入");
        else incoming.push({ line: r.line, row: row });
      });
      var current = read();
      var untouched = JSON.stringify(current) === JSON.stringify(blank()) || current.touchpoints.every(isEmptyRow);
      var replacing = replaceBox.checked || untouched;
      var room = def.max_rows - (replacing ? 0 : current.touchpoints.length);
      if (incoming.length > room) {
        notes.push("最多 " + def.max_rows + " 个触点：第 " + incoming[room].line + " 行起的 " + (incoming.length - room) + " 行未导入");
        incoming = incoming.slice(0, Math.max(0, room));
      }
      var got = incoming.map(function (x) { return x.row; });
      var done = false;
      if (got.length && replacing) {
        done = ctx.replace({ title: current.title, touchpoints: got }, from);
      } else if (got.length) {
        write({ title: current.title, touchpoints: current.touchpoints.concat(got) });
        ctx.changed();
        done = true;
      }
      var head = done ? (replacing ? "已用" : "已追加") + from + "中的 " + got.length + " 行触点数据" + (replacing ? "替换原有触点" : "") + "。"
        : got.length ? "已取消导入，原有内容没有改变。" : "没有可导入的行，原有内容没有改变。";
      report.textContent = "";
      report.appendChild(h("p", {}, [head + (notes.length ? "以下 " + notes.length + " 处未导入或有调整：" : "")]));
      if (notes.length) report.appendChild(h("ul", { class: "tp-ws-problems" }, notes.map(function (n) { return h("li", {}, [n]); })));
      return done;
    }

    function columnsTable() {
      var rowsOut = K.FIELDS.map(function (f) {
        return [f.label, f.aliases.join("、"), f.kind === "name" ? "文字（必填）" : def.units[f.key]];
      });
      return TP.table("CSV 可识别的列（列名不分大小写，可带括号单位，如“单位利润（元）”）", ["列", "可用列名", "单位"], rowsOut);
    }

    // --- layout ---

    var example = h("div", { class: "tp-kpi__example", "data-tp-screen-only": "" }, [
      h("p", {}, [def.example_note]),
      TP.button("清空示例，从空白表开始", function () { ctx.replace({ title: null, touchpoints: [emptyRow()] }, "空白表"); }, "tp-ws-small")
    ]);
    ctx.root.appendChild(h("div", { class: "tp-kpi" }, [
      example,
      h("div", { class: "tp-ws-field" }, [h("label", { for: title.id }, ["名称（例如：某酒店 2026 年 10 月）"]), title]),
      h("h2", {}, ["一、各触点数据"]),
      list,
      h("div", { "data-tp-screen-only": "" }, [addButton]),
      h("details", { class: "tp-kpi__import", "data-tp-screen-only": "" }, [
        h("summary", {}, ["粘贴表格或导入 CSV"]),
        h("p", {}, ["从 Excel 复制含表头行的表格粘贴到下框（或用上方“导入 JSON 或 CSV”选择文件）。有问题的行会按行号列出原因，其余各行照常导入。"]),
        h("div", { class: "tp-ws-field" }, [h("label", { for: paste.id }, ["粘贴表格"]), paste]),
        h("div", { class: "tp-ws-check" }, [replaceBox, h("label", { for: replaceBox.id }, ["替换现有触点（不勾选则追加在后面）"])]),
        TP.button("读取粘贴的表格", function () { if (importText(paste.value, "粘贴的表格")) paste.value = ""; }, "tp-ws-small"),
        columnsTable(),
        h("p", {}, ["示例文件：", h("a", { href: def.sample_csv, download: "touchpoints-sample.csv", "data-tp-kpi-sample": "" }, ["touchpoints-sample.csv"]), "（虚构数据，可作为整理数据的模板）"])
      ]),
      report,
      h("h2", {}, ["二、计算结果"]),
      results,
      h("p", { class: "tp-kpi__convention", "data-tp-kpi-convention": "" }, [K.CLV_CONVENTION]),
      h("h2", {}, ["三、转化漏斗"]),
      h("p", { class: "tp-ws-formula" }, [K.FORMULAS.share_of_first_pct.formula + "；" + K.FORMULAS.step_conversion_pct.formula]),
      funnelEl
    ]));
    ctx.root.addEventListener("input", function (e) { if (e.target !== paste && e.target !== replaceBox) ctx.changed(); });
    write(blank());

    return {
      read: read,
      write: write,
      blank: blank,
      render: render,
      importCsv: function (text, name) { importText(text, "文件" + TP.quoted(name)); },
      csv: function (data) {
        var head = ["触点"].concat(INPUTS.map(function (f) { return f.label; }), EXPORTED.map(function (k) { return K.FORMULAS[k].label + (K.FORMULAS[k].unit ? "（" + K.FORMULAS[k].unit + "）" : ""); }));
        return [head].concat(data.touchpoints.map(function (r) {
          var f = K.touchpointKpis(r).figures;
          return [r.name].concat(INPUTS.map(function (x) { return r[x.key]; }), EXPORTED.map(function (k) { return TP.plain(f[k]); }));
        }));
      }
    };
  });
})();
