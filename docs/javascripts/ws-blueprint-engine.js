/* The service blueprint worksheet's engine (TPBlueprint), DOM-free: any data (a file, a save, the
 * example) in exactly the spec's shape, the summary of fail and wait points by step and of the
 * steps without a 超越期望 idea, the CSV rows. Classic script, ES5 style; Node gets it from
 * require() (tests/js/ws-blueprint.test.js), a browser as window.TPBlueprint, which the mount
 * (ws-blueprint.js, loaded right after) uses. */
(function (root, factory) {
  var api = factory();
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.TPBlueprint = api;
})(typeof window !== "undefined" ? window : this, function () {
  "use strict";

  var MARKS = { fail: "F", wait: "W" };

  /* Text as saved: "" is empty (null); never longer than `max` code points (as Python counts). */
  function text(value, max) {
    if (typeof value !== "string" || value === "") return null;
    var chars = Array.from(value);
    return chars.length > max ? chars.slice(0, max).join("") : value;
  }

  function cell(column, value) {
    if (column.type === "bool") return value === true;
    if (column.type === "text") return text(value, column.max);
    return value === undefined ? null : value;
  }

  function row(columns, source) {
    var out = {};
    columns.forEach(function (c) { out[c.id] = cell(c, source ? source[c.id] : undefined); });
    return out;
  }

  /* Any data (a file, a save, the example) → exactly the spec's shape, in the spec's key order,
   * with nothing the spec forbids: missing keys empty, rows beyond rows_max left out. */
  function normalize(data, spec) {
    var d = data && typeof data === "object" ? data : {};
    var out = {};
    spec.fields.forEach(function (f) { out[f.id] = cell(f, d[f.id]); });
    spec.tables.forEach(function (t) {
      var rows = Array.isArray(d[t.id]) ? d[t.id] : [];
      out[t.id] = rows.slice(0, t.rows_max).map(function (r) { return row(t.columns, r); });
    });
    return out;
  }

  function stepName(step, index) { return step.name || "第 " + (index + 1) + " 步"; }

  function flagged(steps, flag) {
    var out = [];
    steps.forEach(function (s, i) { if (s[flag]) out.push({ index: i, step: stepName(s, i), note: s[flag + "_note"] || "" }); });
    return out;
  }

  /* Counts, the fail and wait points by step, and the steps still without a 超越期望 idea. */
  function summary(data) {
    var steps = data.steps || [];
    var without = [];
    steps.forEach(function (s, i) { if (!s.beyond) without.push(stepName(s, i)); });
    return { steps: steps.length, fails: flagged(steps, "fail"), waits: flagged(steps, "wait"), beyond: steps.length - without.length, without: without };
  }

  /* One row per step: 序号, every column of the spec (ticks as F / W), for a spreadsheet. */
  function csvRows(data, spec) {
    var columns = spec.tables[0].columns;
    var head = ["序号"].concat(columns.map(function (c) { return MARKS[c.id] ? c.label + " " + MARKS[c.id] : c.label; }));
    return [head].concat((data.steps || []).map(function (s, i) {
      return [String(i + 1)].concat(columns.map(function (c) {
        if (c.type === "bool") return s[c.id] ? MARKS[c.id] || "是" : "";
        return s[c.id] === null || s[c.id] === undefined ? "" : String(s[c.id]);
      }));
    }));
  }

  return { normalize: normalize, stepName: stepName, summary: summary, csvRows: csvRows, text: text };
});
