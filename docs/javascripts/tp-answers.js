/* Answer files: the one check of what a scale form imports, restores from storage, and the
 * group page reads; the JSON and CSV a form exports. The shape is macros/models/answers.py (its
 * JSON Schema is macros/schemas/answers.schema.json); tests/test_answer_files.py feeds one
 * corpus to both checks and requires the same reason for every file. Classic script, no DOM in
 * the checks (Node requires it), ES5 style; the browser gets window.TPAnswers. */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.TPAnswers = api;
})(typeof window !== "undefined" ? window : this, function () {
  "use strict";

  var FORMAT = "touchpoint-scale-response";
  var MAX_BYTES = 1024 * 1024;
  var ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var TOP_KEYS = ["format", "format_version", "scale", "version", "title", "saved_at", "response", "comment"];
  var LIMITS = { title: 200, saved_at: 40, comment: 2000 };

  function isObject(x) { return x !== null && typeof x === "object" && !Array.isArray(x); }
  function isNum(x) { return typeof x === "number" && isFinite(x); }
  function chars(s) { return Array.from(s).length; } // code points, as Python counts
  function keys(o) { return Object.keys(o); }
  function verdict(code, detail) { return { code: code, detail: detail === undefined ? "" : String(detail) }; }

  function valueProblem(x) { return x === null || isNum(x) ? "" : "value"; }

  /* The first way `response` differs from {answers: {id: number|null}} or
   * {rows: [{name: text, id: number|null, …}]}, or "". */
  function responseProblem(r) {
    if (!isObject(r)) return "response";
    var k = keys(r);
    if (k.length === 1 && k[0] === "answers" && isObject(r.answers)) {
      return keys(r.answers).some(function (id) { return valueProblem(r.answers[id]); }) ? "response.answers" : "";
    }
    if (k.length === 1 && k[0] === "rows" && Array.isArray(r.rows)) {
      var bad = r.rows.some(function (row) {
        if (!isObject(row) || typeof row.name !== "string" || chars(row.name) > 40) return true;
        return keys(row).some(function (id) { return id !== "name" && valueProblem(row[id]); });
      });
      return bad ? "response.rows" : "";
    }
    return "response";
  }

  function shapeProblem(d) {
    var extra = keys(d).filter(function (k) { return TOP_KEYS.indexOf(k) === -1; });
    if (extra.length) return extra[0];
    if (typeof d.scale !== "string" || !ID.test(d.scale)) return "scale";
    if (!isNum(d.version) || d.version < 1 || Math.floor(d.version) !== d.version) return "version";
    var texts = ["title", "saved_at"].filter(function (k) {
      return d[k] !== undefined && (typeof d[k] !== "string" || chars(d[k]) > LIMITS[k]);
    });
    if (texts.length) return texts[0];
    var problem = responseProblem(d.response);
    if (problem) return problem;
    var c = d.comment;
    if (c !== undefined && c !== null && (typeof c !== "string" || chars(c) > LIMITS.comment)) return "comment";
    return "";
  }

  /* Whether `data` is an answer file that this version of this scale can take: {code: ""} or
   * the reason. `spec` is the page payload's answer_spec. The order of the checks is the
   * contract with the Python check. Never throws, whatever JSON `data` is. */
  function check(data, scaleId, version, spec) {
    if (!isObject(data) || data.format !== FORMAT) return verdict("not-answer-file");
    if (data.format_version !== 1) return verdict("format-version");
    var shape = shapeProblem(data);
    if (shape) return verdict("shape", shape);
    if (data.scale !== scaleId) return verdict("other-scale", data.scale);
    if (data.version !== version) return verdict(data.version < version ? "older-version" : "newer-version", data.version);
    var allowed = Object.create(null);
    spec.fields.forEach(function (f) { allowed[f.id] = f.values; });
    var records;
    if (spec.kind === "answers") {
      if (!isObject(data.response.answers)) return verdict("shape", "response");
      records = [data.response.answers];
    } else {
      if (!Array.isArray(data.response.rows)) return verdict("shape", "response");
      if (data.response.rows.length > spec.rows_max) return verdict("too-many-rows", data.response.rows.length);
      records = data.response.rows;
    }
    var found = null;
    records.some(function (rec) {
      return keys(rec).some(function (id) {
        if (spec.kind === "rows" && id === "name") return false;
        if (!(id in allowed)) found = verdict("unknown-field", id);
        return found;
      });
    });
    if (found) return found;
    records.some(function (rec) {
      return keys(rec).some(function (id) {
        if (spec.kind === "rows" && id === "name") return false;
        if (rec[id] !== null && allowed[id].indexOf(rec[id]) === -1) found = verdict("bad-value", id);
        return found;
      });
    });
    return found || verdict("");
  }

  /* JSON text (a byte-order mark allowed) → {data} or {verdict}. */
  function parse(text) {
    try {
      return { data: JSON.parse(text.charAt(0) === "\ufeff" ? text.slice(1) : text), verdict: verdict("") };
    } catch (e) {
      return { data: null, verdict: verdict("not-json") };
    }
  }

  /* A file's (or a saved) text read as answers to this version of this scale:
   * {data, verdict}; data is null unless the verdict is "". */
  function read(text, scaleId, version, spec) {
    return readWith(text, function (data) { return check(data, scaleId, version, spec); });
  }

  /* Any answer or worksheet file's text: too large, not JSON, or what `checkData(data)` says;
   * {data, verdict}, data null unless the verdict is "". */
  function readWith(text, checkData) {
    if (utf8Length(text) > MAX_BYTES) return { data: null, verdict: verdict("too-large") };
    var parsed = parse(text);
    var v = parsed.verdict.code ? parsed.verdict : checkData(parsed.data);
    return { data: v.code ? null : parsed.data, verdict: v };
  }

  /* The verdict alone (the parity test with the Python model compares these). */
  function checkText(text, scaleId, version, spec) { return read(text, scaleId, version, spec).verdict; }

  function utf8Length(text) {
    var n = 0;
    for (var i = 0; i < text.length; i += 1) {
      var c = text.charCodeAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xd800 && c < 0xdc00) { n += 4; i += 1; }
      else n += 3;
    }
    return n;
  }

  function short(s) {
    s = String(s);
    return chars(s) > 40 ? Array.from(s).slice(0, 40).join("") + "…" : s;
  }

  /* The reason in words, for the person who chose the file. `def` is the scale's payload.
   * Text from the file is quoted and cut short; the page shows it as text, isolated. */
  function message(v, def) {
    var labels = {};
    var spec = (def && def.answer_spec) || {};
    (spec.fields || []).forEach(function (f) { labels[f.id] = f.label; });
    switch (v.code) {
      case "too-large": return "文件超过 1 MB，不是本网站导出的答案文件。";
      case "not-json": return "文件不是有效的 JSON，可能已损坏或未保存完整。";
      case "not-answer-file": return "这不是本课程量表导出的答案文件。";
      case "format-version": return "答案文件的格式版本不受支持，请在量表页重新导出。";
      case "shape": return "文件内容的格式不对（" + short(v.detail) + "）。";
      case "other-scale": return "这是另一个量表（" + short(v.detail) + "）的答案，不是“" + def.title + "”的答案。";
      case "older-version":
        return "文件中是第 " + v.detail + " 版的答案；“" + def.title + "”已更新为第 " + def.version +
          " 版，旧答案不能按新版计分。";
      case "newer-version":
        return "文件中是第 " + v.detail + " 版的答案，比本网站的第 " + def.version +
          " 版新：请用更新后的课程网站打开它。";
      case "too-many-rows": return "文件中有 " + v.detail + " 行，超过本量表的上限 " + spec.rows_max + " 行。";
      case "unknown-field": return "文件中有本量表没有的题目或评价项“" + short(v.detail) + "”。";
      case "bad-value": return "“" + short(labels[v.detail] || v.detail) + "”的答案不是本量表可选的分值。";
      default: return "";
    }
  }

  /* A CSV line; a text cell that a spreadsheet would run as a formula (= + - @ at the start)
   * gets a leading ' so it stays text. Numbers (−1.5) stay numbers. */
  function csvLine(cells) {
    return cells.map(function (c) {
      var s = c === null || c === undefined ? "" : String(c);
      if (/^[=+\-@\t\r]/.test(s) && !/^[-+]?\d+(\.\d+)?$/.test(s)) s = "'" + s;
      return "\"" + s.replace(/"/g, "\"\"") + "\"";
    }).join(",");
  }

  /* CSV text with a byte-order mark, so Excel reads Chinese as UTF-8. */
  function csvText(lines) {
    return "\ufeff" + lines.map(csvLine).join("\r\n") + "\r\n";
  }

  /* The object a form exports and saves. */
  function build(def, response, comment, savedAt) {
    var out = {
      format: FORMAT, format_version: 1, scale: def.id, version: def.version, title: def.title,
      saved_at: savedAt, response: response
    };
    if (comment !== undefined) out.comment = comment;
    return out;
  }

  return {
    FORMAT: FORMAT,
    MAX_BYTES: MAX_BYTES,
    check: check,
    parse: parse,
    read: read,
    readWith: readWith,
    short: short,
    checkText: checkText,
    message: message,
    csvLine: csvLine,
    csvText: csvText,
    build: build
  };
});
