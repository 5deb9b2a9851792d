/* Worksheet files: the one check of what a worksheet imports and restores from storage, the
 * object it exports, and the reasons in words. The shape is macros/worksheets/files.py (JSON
 * Schema: macros/schemas/worksheet-file.schema.json); the data a worksheet may hold is its spec
 * (macros/worksheets/spec.py), carried by the page payload. tests/test_worksheet_files.py feeds
 * one corpus to both checks and requires the same reason and detail. Classic script, DOM-free
 * (Node requires it), ES5 style; the browser gets window.TPSheetFile. Reading (size, JSON) and
 * quoting are TPAnswers'. */
(function (root, factory) {
  "use strict";
  var node = typeof module !== "undefined" && module.exports;
  var api = factory(node ? require("./tp-answers.js") : root.TPAnswers);
  if (node) module.exports = api;
  else root.TPSheetFile = api;
})(typeof window !== "undefined" ? window : this, function (A) {
  "use strict";

  var FORMAT = "touchpoint-worksheet";
  var ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var TOP_KEYS = ["format", "format_version", "worksheet", "version", "title", "saved_at", "data"];
  var LIMITS = { title: 200, saved_at: 40 };

  function isObject(x) { return x !== null && typeof x === "object" && !Array.isArray(x); }
  function isNum(x) { return typeof x === "number" && isFinite(x); }
  function chars(s) { return Array.from(s).length; } // code points, as Python counts
  function has(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
  function verdict(code, detail) { return { code: code, detail: detail === undefined ? "" : String(detail) }; }
  function isScalar(x) { return x === null || typeof x === "string" || typeof x === "boolean" || isNum(x); }
  // Sorted by code point, as Python's sorted() (JS sorts UTF-16 units; the same for ids and Chinese).
  function sorted(list) { return list.slice().sort(function (a, b) { return a < b ? -1 : a > b ? 1 : 0; }); }

  /* Whether a value (from JSON) fits a field spec; null always does. */
  function valueOk(field, v) {
    if (v === null) return true;
    switch (field.type) {
      case "text": return typeof v === "string" && chars(v) <= field.max;
      case "choice": return typeof v === "string" && field.options.indexOf(v) !== -1;
      case "bool": return typeof v === "boolean";
      case "int": return isNum(v) && Math.floor(v) === v && v >= field.min && v <= field.max;
      default: return false;
    }
  }

  function shapeProblem(d) {
    var extra = sorted(Object.keys(d).filter(function (k) { return TOP_KEYS.indexOf(k) === -1; }));
    if (extra.length) return extra[0];
    if (typeof d.worksheet !== "string" || !ID.test(d.worksheet)) return "worksheet";
    if (!isNum(d.version) || d.version < 1 || Math.floor(d.version) !== d.version) return "version";
    var texts = ["title", "saved_at"].filter(function (k) {
      return has(d, k) && (typeof d[k] !== "string" || chars(d[k]) > LIMITS[k]);
    });
    if (texts.length) return texts[0];
    if (!isObject(d.data)) return "data";
    var bad = Object.keys(d.data).some(function (k) {
      var v = d.data[k];
      if (isScalar(v)) return false;
      if (!Array.isArray(v)) return true;
      return v.some(function (row) {
        return !isObject(row) || Object.keys(row).some(function (c) { return !isScalar(row[c]); });
      });
    });
    return bad ? "data" : "";
  }

  function byId(list) {
    var out = Object.create(null);
    list.forEach(function (x) { out[x.id] = x; });
    return out;
  }

  function dataProblem(body, spec) {
    var fields = byId(spec.fields);
    var tables = byId(spec.tables);
    var keys = Object.keys(body);
    var found = null;
    // unknown names first (fields, tables, then each table's columns), then sizes, then values
    keys.some(function (k) { if (!fields[k] && !tables[k]) found = verdict("unknown-field", k); return found; });
    if (found) return found;
    keys.some(function (k) {
      if (!tables[k] || !Array.isArray(body[k])) return false;
      var columns = byId(tables[k].columns);
      return body[k].some(function (row) {
        return Object.keys(row).some(function (c) { if (!columns[c]) found = verdict("unknown-field", k + "." + c); return found; });
      });
    });
    if (found) return found;
    keys.some(function (k) {
      if (tables[k] && Array.isArray(body[k]) && body[k].length > tables[k].rows_max) found = verdict("too-many-rows", k);
      return found;
    });
    if (found) return found;
    keys.some(function (k) {
      var v = body[k];
      if (fields[k]) { if (!valueOk(fields[k], v)) found = verdict("bad-value", k); return found; }
      if (!Array.isArray(v)) { if (v !== null) found = verdict("bad-value", k); return found; }
      var columns = byId(tables[k].columns);
      return v.some(function (row) {
        return Object.keys(row).some(function (c) { if (!valueOk(columns[c], row[c])) found = verdict("bad-value", k + "." + c); return found; });
      });
    });
    return found || verdict("");
  }

  /* Whether `data` is a file this version of this worksheet can take: {code: ""} or the reason.
   * The order of the checks is the contract with the Python check. Never throws. */
  function check(data, id, version, spec) {
    if (!isObject(data) || data.format !== FORMAT) return verdict("not-answer-file");
    if (data.format_version !== 1) return verdict("format-version");
    var shape = shapeProblem(data);
    if (shape) return verdict("shape", shape);
    if (data.worksheet !== id) return verdict("other-worksheet", data.worksheet);
    if (data.version !== version) return verdict(data.version < version ? "older-version" : "newer-version", data.version);
    return dataProblem(data.data, spec);
  }

  /* A file's (or a saved) text read as this version of this worksheet: {data, verdict}; data is
   * null unless the verdict is "". */
  function read(text, id, version, spec) {
    return A.readWith(text, function (data) { return check(data, id, version, spec); });
  }

  function checkText(text, id, version, spec) { return read(text, id, version, spec).verdict; }

  /* The label of a field or a table column named in a verdict's detail ("id" or "table.column"). */
  function labelOf(spec, detail) {
    var parts = String(detail).split(".");
    var fields = byId(spec.fields.concat(spec.tables));
    var top = fields[parts[0]];
    if (!top) return detail;
    if (parts.length === 1) return top.label;
    var column = top.columns ? byId(top.columns)[parts[1]] : null;
    return top.label + "·" + (column ? column.label : parts[1]);
  }

  /* The reason in words, for the person who chose the file; `def` is the worksheet's payload. */
  function message(v, def) {
    var spec = def.spec;
    switch (v.code) {
      case "too-large": return "文件超过 1 MB，不是本网站导出的工具文件。";
      case "not-json": return "文件不是有效的 JSON，可能已损坏或未保存完整。";
      case "not-answer-file": return "这不是本课程工具导出的文件。";
      case "format-version": return "文件的格式版本不受支持，请在工具页重新导出。";
      case "shape": return "文件内容的格式不对（" + A.short(v.detail) + "）。";
      case "other-worksheet": return "这是另一个工具（" + A.short(v.detail) + "）的文件，不是“" + def.title + "”的。";
      case "older-version":
        return "文件来自第 " + v.detail + " 版的“" + def.title + "”；本工具已更新为第 " + def.version + " 版，旧文件不能按新版读取。";
      case "newer-version":
        return "文件来自第 " + v.detail + " 版，比本网站的第 " + def.version + " 版新：请用更新后的课程网站打开它。";
      case "too-many-rows": {
        var t = byId(spec.tables)[v.detail];
        return "文件中的“" + A.short(labelOf(spec, v.detail)) + "”超过本工具的上限 " + (t ? t.rows_max : "") + " 行。";
      }
      case "unknown-field": return "文件中有本工具没有的栏目“" + A.short(v.detail) + "”。";
      case "bad-value": return "“" + A.short(labelOf(spec, v.detail)) + "”中有本工具不接受的值。";
      default: return "";
    }
  }

  /* The object a worksheet exports and saves. */
  function build(def, data, savedAt) {
    return {
      format: FORMAT, format_version: 1, worksheet: def.id, version: def.version, title: def.title,
      saved_at: savedAt, data: data
    };
  }

  return { FORMAT: FORMAT, check: check, read: read, checkText: checkText, message: message, build: build, valueOk: valueOk };
});
