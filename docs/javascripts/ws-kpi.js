/* Calculation engine of the touchpoint KPI worksheet (数据分析工具): per-touchpoint figures, a
 * funnel and a reader for pasted or imported CSV. DOM-free classic script, ES5 style; Node gets it
 * from require(), a browser as window.TPKpi (load tp-stats.js first: its interval functions are
 * reused, never re-implemented). It never throws, whatever the input.
 * Conventions:
 * - Missing input or a zero denominator gives null, never 0. An invalid input counts as missing
 *   and is listed in `problems` ({field, label, message}, Chinese, naming the field).
 * - Inputs are numbers or number text ("1,200", full-width digits). Counts are whole and ≥ 0.
 *   Retention r and discount rate i are fractions 0–1 or percent text ("80%"); margin m may be < 0.
 * - Shares are in percent (keys *_pct). conversion = conversions ÷ entrants; CSAT = satisfied ÷
 *   ratings (satisfied = answers 4–5 on 1–5, top-2-box) with the Wilson 95 % interval
 *   (TPStats.shareInterval, shared with the scoring engine); NPS = 100 (P − D) ÷ (P + Pa + D) (Reichheld 2003) with
 *   TPStats.npsInterval (null below two answers). churn = lost ÷ customers at start,
 *   r = 1 − churn unless r is given (a given r wins).
 * - CLV = m·r ÷ (1 + i − r): Gupta & Lehmann (2003) "Customers as assets", J. Interactive
 *   Marketing 17(1) 9–24, infinite horizon, constant m and r, margin at the end of each period.
 * - Funnel: steps in journey order; share of the first step and step-to-step conversion (null for
 *   the first step). A step larger than the one before shows as more than 100 %, not as an error. */
(function (root, factory) {
  "use strict";
  var node = typeof module !== "undefined" && module.exports;
  var stats = node ? require("./tp-stats.js") : null;
  var api = factory(function () { return stats || root.TPStats || null; });
  if (node) module.exports = api;
  else root.TPKpi = api;
})(typeof window !== "undefined" ? window : typeof self !== "undefined" ? self : this, function (statsModule) {
  "use strict";

  var CLV_CONVENTION = "客户终身价值按 Gupta & Lehmann (2003) 的无限期简式计算：CLV = m × r ÷ (1 + i − r)。" +
    "约定：每期单位利润 m 与留存率 r 保持不变，利润在每期期末到账，按每期折现率 i 折现，期数不设上限；" +
    "未扣除获客成本（潜在客户的价值应再减去获客成本）。若首笔利润在期初到账，应改用 m × (1 + i) ÷ (1 + i − r)。";

  /* Every figure's label and formula, for the page to show beside the number. */
  var FORMULAS = {
    conversion_pct: { label: "转化率", unit: "%", formula: "转化率 = 转化人数 ÷ 进入人数 × 100%" },
    csat_pct: { label: "满意度 CSAT", unit: "%", formula: "满意度 CSAT = 满意数（4–5 分）÷ 评价总数 × 100%" },
    csat_interval: { label: "CSAT 95% 区间", unit: "%", formula: "CSAT 95% 区间 = Wilson 得分区间（z = 1.96）" },
    nps: { label: "净推荐值 NPS", unit: "", formula: "净推荐值 NPS = (推荐者 − 贬损者) ÷ (推荐者 + 被动者 + 贬损者) × 100" },
    nps_interval: {
      label: "NPS 95% 区间", unit: "",
      formula: "NPS 95% 区间 = NPS ± 1.96 × 100 × √(Var ÷ n)，Var = pP(1 − pP) + pD(1 − pD) + 2·pP·pD"
    },
    churn_pct: { label: "流失率", unit: "%", formula: "流失率 = 流失客户 ÷ 期初客户 × 100%" },
    retention_pct: { label: "留存率 r", unit: "%", formula: "留存率 r = 1 − 流失率（填写了留存率时用填写值）" },
    margin_multiple: { label: "利润乘数", unit: "", formula: "利润乘数 = r ÷ (1 + i − r)" },
    clv: { label: "客户终身价值 CLV", unit: "元", formula: "客户终身价值 CLV = m × r ÷ (1 + i − r)" },
    share_of_first_pct: { label: "占首步比例", unit: "%", formula: "占首步比例 = 本步人数 ÷ 第一步人数 × 100%" },
    step_conversion_pct: { label: "步间转化率", unit: "%", formula: "步间转化率 = 本步人数 ÷ 上一步人数 × 100%" }
  };

  /* The input fields: key, Chinese label, kind, and the CSV header names accepted (normalised). */
  var FIELDS = [
    { key: "name", label: "触点", kind: "name", aliases: ["触点", "触点名称", "名称", "touchpoint", "name"] },
    { key: "entrants", label: "进入人数", kind: "count", aliases: ["进入人数", "进入", "entrants", "entered"] },
    { key: "conversions", label: "转化人数", kind: "count", aliases: ["转化人数", "转化", "conversions", "converted"] },
    { key: "satisfied", label: "满意数", kind: "count", aliases: ["满意数", "满意人数", "satisfied"] },
    { key: "ratings", label: "评价总数", kind: "count", aliases: ["评价总数", "评价数", "ratings"] },
    { key: "promoters", label: "推荐者", kind: "count", aliases: ["推荐者", "推荐者人数", "promoters"] },
    { key: "passives", label: "被动者", kind: "count", aliases: ["被动者", "中立者", "被动者人数", "passives"] },
    { key: "detractors", label: "贬损者", kind: "count", aliases: ["贬损者", "贬损者人数", "detractors"] },
    { key: "nps_responses", label: "NPS 答卷数", kind: "count", aliases: ["nps答卷数", "nps总数", "npsresponses"] },
    { key: "customers_start", label: "期初客户", kind: "count", aliases: ["期初客户", "期初客户数", "customersstart"] },
    { key: "customers_lost", label: "流失客户", kind: "count", aliases: ["流失客户", "流失客户数", "customerslost"] },
    { key: "margin", label: "单位利润", kind: "money", aliases: ["单位利润", "每客利润", "margin", "m"] },
    { key: "retention", label: "留存率", kind: "rate", aliases: ["留存率", "retention", "retentionrate", "r"] },
    { key: "discount_rate", label: "折现率", kind: "rate", aliases: ["折现率", "discountrate", "discount", "i"] }
  ];
  var BY_KEY = {};
  var ALIAS = Object.create(null); // prototype-less: a header "__proto__" is just unknown
  FIELDS.forEach(function (f) {
    BY_KEY[f.key] = f;
    f.aliases.forEach(function (a) { ALIAS[a] = f.key; });
  });

  function isObject(x) { return x !== null && typeof x === "object" && !Array.isArray(x); }
  function has(o, k) { return isObject(o) && Object.prototype.hasOwnProperty.call(o, k); }
  function isNum(x) { return typeof x === "number" && isFinite(x); }
  function ratio(a, b) { return a === null || b === null || b === 0 ? null : a / b; }
  function pct(a, b) { var q = ratio(a, b); return q === null ? null : 100 * q; }
  function nameOf(x) { return typeof x === "string" ? x.trim() : isNum(x) ? String(x) : ""; }
  function quote(raw) { return typeof raw === "string" ? "「" + raw.trim().slice(0, 20) + "」" : isNum(raw) ? "（" + raw + "）" : ""; }

  /* A number from a number or number text: {value} (null when empty) or {bad}. */
  function readNumber(x) {
    if (x === null || x === undefined) return { value: null };
    if (typeof x === "number") return isFinite(x) ? { value: x === 0 ? 0 : x } : { bad: "不是有限的数字" };
    if (typeof x !== "string") return { bad: "不是数字" };
    var t = x.replace(/[\uff0b-\uff19\uff05]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xfee0); })
      .replace(/\u2212/g, "-").trim();
    if (t === "") return { value: null };
    var percent = t.charAt(t.length - 1) === "%";
    if (percent) t = t.slice(0, -1);
    if (!/\d/.test(t) || !/^[+-]?(\d{1,3}(,\d{3})+|\d*)(\.\d+)?$/.test(t)) return { bad: "不是数字" };
    var v = Number(t.replace(/,/g, ""));
    return { value: v === 0 ? 0 : percent ? v / 100 : v, percent: percent };
  }

  /* One field's value checked against its kind: {value} or {bad: message naming the field}. */
  function readField(f, raw) {
    var n = readNumber(raw);
    if (n.bad) return { bad: f.label + n.bad + quote(raw) };
    var v = n.value;
    if (v === null) return { value: null };
    if (f.kind === "rate") {
      if (v < 0 || v > 1) return { bad: f.label + "应在 0 到 1 之间（如 0.8 或 80%）" + quote(raw) };
    } else if (n.percent) return { bad: f.label + "不应带 %" + quote(raw) };
    else if (f.kind === "count" && v < 0) return { bad: f.label + "不能为负数" + quote(raw) };
    else if (f.kind === "count" && Math.floor(v) !== v) return { bad: f.label + "应为整数" + quote(raw) };
    return { value: v };
  }

  /* The checked inputs of one touchpoint: {name, values (null where missing or invalid), problems}. */
  function checkTouchpoint(input) {
    var values = {};
    var problems = [];
    function problem(key, message) { problems.push({ field: key, label: BY_KEY[key].label, message: message }); }
    var name = nameOf(has(input, "name") ? input.name : null);
    if (!name) problem("name", "缺少触点名称");
    FIELDS.forEach(function (f) {
      if (f.kind === "name") return;
      var r = readField(f, has(input, f.key) ? input[f.key] : null);
      values[f.key] = r.bad ? null : r.value;
      if (r.bad) problem(f.key, r.bad);
    });
    function atMost(part, whole) {
      var a = values[part];
      var b = values[whole];
      if (a === null || b === null || a <= b) return;
      problem(part, BY_KEY[part].label + "（" + a + "）大于" + BY_KEY[whole].label + "（" + b + "）");
      values[part] = null;
    }
    atMost("conversions", "entrants");
    atMost("satisfied", "ratings");
    atMost("customers_lost", "customers_start");
    var p = values.promoters;
    var pa = values.passives;
    var d = values.detractors;
    var total = values.nps_responses;
    if (total !== null && p !== null && pa !== null && d !== null && p + pa + d !== total) {
      problem("nps_responses", "推荐者 + 被动者 + 贬损者（" + p + " + " + pa + " + " + d + " = " + (p + pa + d) +
        "）不等于 NPS 答卷数（" + total + "）");
      values.promoters = values.passives = values.detractors = values.nps_responses = null;
    }
    return { name: name, values: values, problems: problems };
  }

  /* Figures of one touchpoint: {name, values, figures, retention_source, problems}. */
  function touchpointKpis(input) {
    var c = checkTouchpoint(input);
    var v = c.values;
    var S = statsModule();
    var n = v.promoters === null || v.passives === null || v.detractors === null ? null :
      v.promoters + v.passives + v.detractors;
    var churn = ratio(v.customers_lost, v.customers_start);
    var r = v.retention !== null ? v.retention : churn === null ? null : 1 - churn;
    var den = r === null || v.discount_rate === null ? null : 1 + v.discount_rate - r;
    var multiple = den !== null && den > 0 ? r / den : null; // den is 0 only when r = 1 and i = 0
    return {
      name: c.name,
      values: v,
      figures: {
        conversion_pct: pct(v.conversions, v.entrants),
        csat_pct: pct(v.satisfied, v.ratings),
        csat_interval: S && v.satisfied !== null && v.ratings !== null ? S.shareInterval(v.satisfied, v.ratings) : null,
        nps: n ? (100 * (v.promoters - v.detractors)) / n : null,
        nps_interval: S && n !== null ? S.npsInterval(v.promoters, v.passives, v.detractors) : null,
        churn_pct: churn === null ? null : 100 * churn,
        retention_pct: r === null ? null : 100 * r,
        margin_multiple: multiple,
        clv: multiple === null || v.margin === null ? null : v.margin * multiple
      },
      retention_source: v.retention !== null ? "given" : r === null ? null : "derived",
      problems: c.problems
    };
  }

  /* Steps in journey order ({name, entrants}) → {steps: [{name, count, share_of_first_pct,
   * step_conversion_pct}], problems: [{index, field, label, message}]}. */
  function funnel(steps) {
    var problems = [];
    var out = (Array.isArray(steps) ? steps : []).map(function (s, index) {
      var r = readField(BY_KEY.entrants, has(s, "entrants") ? s.entrants : null);
      if (r.bad) problems.push({ index: index, field: "entrants", label: "进入人数", message: r.bad });
      return { name: nameOf(has(s, "name") ? s.name : null), count: r.bad ? null : r.value };
    });
    var first = out.length ? out[0].count : null;
    out.forEach(function (step, k) {
      step.share_of_first_pct = pct(step.count, first);
      step.step_conversion_pct = k === 0 ? null : pct(step.count, out[k - 1].count);
    });
    return { steps: out, problems: problems };
  }

  // CSV / pasted table

  /* Header text → field key: trimmed, lower-case, without a unit in brackets, spaces, _ or -. */
  function headerKey(text) {
    var t = text.replace(/[(（[【][^)）\]】]*[)）\]】]/g, "").replace(/[\s_\-]+/g, "").toLowerCase();
    return ALIAS[t] || null;
  }

  /* Records of RFC 4180-style text: [{line (1-based, where it starts), cells, open (quote not closed)}]. */
  function records(text, delim) {
    var out = [];
    var cells = [];
    var cell = "";
    var line = 1;
    var start = 1;
    var quoted = false;
    var i = 0;
    function endRecord() { cells.push(cell); out.push({ line: start, cells: cells }); cells = []; cell = ""; start = line; }
    while (i < text.length) {
      var ch = text.charAt(i);
      var crlf = ch === "\r" && text.charAt(i + 1) === "\n";
      i += crlf ? 2 : 1;
      if (quoted) {
        if (ch === "\"" && text.charAt(i) === "\"") { cell += "\""; i += 1; }
        else if (ch === "\"") quoted = false;
        else if (ch === "\r" || ch === "\n") { cell += "\n"; line += 1; }
        else cell += ch;
      } else if (ch === "\"" && cell === "") quoted = true;
      else if (ch === delim) { cells.push(cell); cell = ""; }
      else if (ch === "\r" || ch === "\n") { line += 1; endRecord(); }
      else cell += ch;
    }
    if (quoted) out.push({ line: start, cells: [], open: true });
    else if (cell !== "" || cells.length) endRecord();
    return out;
  }

  function blank(cells) { return cells.every(function (c) { return c.trim() === ""; }); }

  /* Text of a table with a header row → {rows: [{line, name, <field>: number|null}], problems:
   * [{line, message}]}. Tabs or commas (whichever the header has more of), UTF-8 with or without
   * BOM, quoted fields, CRLF. Lines starting with # before the header are comments. */
  function parseTouchpointCsv(text) {
    var rows = [];
    var problems = [];
    if (typeof text !== "string") return { rows: rows, problems: [{ line: 1, message: "没有可读取的文本" }] };
    text = text.replace(/^\uFEFF/, "");
    var firstLine = text.split(/\r\n|\r|\n/).filter(function (l) { return l.trim() && l.trim().charAt(0) !== "#"; })[0] || "";
    var delim = firstLine.split("\t").length >= firstLine.split(",").length && firstLine.indexOf("\t") !== -1 ? "\t" : ",";
    var recs = records(text, delim);
    var h = 0;
    while (h < recs.length && !recs[h].open && (blank(recs[h].cells) || recs[h].cells[0].trim().charAt(0) === "#")) h += 1;
    if (h >= recs.length || recs[h].open) {
      return { rows: rows, problems: [{ line: h < recs.length ? recs[h].line : 1, message: "没有找到表头行（第一行应为列名，如 触点,进入人数,转化人数）" }] };
    }
    var header = recs[h];
    var seen = {};
    var columns = header.cells.map(function (cell, k) {
      var key = headerKey(cell);
      if (!key || seen[key]) {
        if (cell.trim()) {
          problems.push({ line: header.line, message: "第 " + (k + 1) + " 列「" + cell.trim() + "」" +
            (key ? "与第 " + seen[key] + " 列重复" : "不是可识别的列名") + "，已忽略" });
        }
        return null;
      }
      seen[key] = k + 1;
      return key;
    });
    if (!seen.name) {
      problems.push({ line: header.line, message: "表头缺少「触点」列（列名可写 触点 或 touchpoint）" });
      return { rows: rows, problems: problems };
    }
    recs.slice(h + 1).forEach(function (rec) {
      if (rec.open) { problems.push({ line: rec.line, message: "引号没有闭合，从这一行起的内容无法读取" }); return; }
      if (blank(rec.cells)) return;
      var raw = {};
      var extra = 0;
      rec.cells.forEach(function (cell, k) {
        if (k >= columns.length) extra += cell.trim() ? 1 : 0;
        else if (columns[k]) raw[columns[k]] = cell;
      });
      var c = checkTouchpoint(raw);
      var reasons = c.problems.map(function (p) { return p.message; });
      if (extra) reasons.push("多出 " + extra + " 个表头之外的单元格");
      if (reasons.length) {
        problems.push({ line: rec.line, message: (c.name ? "「" + c.name + "」：" : "") + reasons.join("；") });
        return;
      }
      var row = { line: rec.line, name: c.name };
      Object.keys(c.values).forEach(function (k) { row[k] = c.values[k]; });
      rows.push(row);
    });
    return { rows: rows, problems: problems };
  }

  return {
    CLV_CONVENTION: CLV_CONVENTION,
    FORMULAS: FORMULAS,
    FIELDS: FIELDS.map(function (f) { return { key: f.key, label: f.label, kind: f.kind, aliases: f.aliases.slice() }; }),
    touchpointKpis: touchpointKpis,
    funnel: funnel,
    parseTouchpointCsv: parseTouchpointCsv
  };
});
