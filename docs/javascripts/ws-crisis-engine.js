/* 触点危机管理工具包's engine (TPCrisis, worksheet kind "crisis"), DOM-free: a fresh toolkit (one
 * row per task and per stakeholder, in the definition's order), the row of a task or stakeholder
 * in a file, progress per phase, character counts as the file check counts them, the checklist
 * CSV. Classic script, ES5 style; Node gets it from require() (tests/js/ws-crisis.test.js), a
 * browser as window.TPCrisis, which the mount (ws-crisis.js, loaded right after) uses. */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.TPCrisis = api;
})(typeof window !== "undefined" ? window : this, function () {
  "use strict";

  function tasksOf(def) {
    var out = [];
    def.phases.forEach(function (p) { p.tasks.forEach(function (t) { out.push({ phase: p, task: t }); }); });
    return out;
  }

  /* A fresh toolkit: every field empty, one row per task (in order) and per stakeholder. */
  function blank(def) {
    var data = { incident: null, started: null, severity: null };
    def.review.forEach(function (q) { data["review-" + q.id] = null; });
    data.tasks = tasksOf(def).map(function (x) { return { task: x.task.id, done: false, owner: null, note: null }; });
    data.messages = def.stakeholders.map(function (s) { return { stakeholder: s.id, text: null }; });
    return data;
  }

  /* The row of `rows` whose `key` is `id` (the first one), or null. A file may list rows in any
   * order; the toolkit keeps one per task / stakeholder, in the definition's order. */
  function rowFor(rows, key, id) {
    var list = Array.isArray(rows) ? rows : [];
    for (var i = 0; i < list.length; i += 1) if (list[i] && list[i][key] === id) return list[i];
    return null;
  }

  /* Done / total per phase id: {<phase id>: {done, total}}. */
  function progress(def, data) {
    var out = {};
    def.phases.forEach(function (p) {
      var done = 0;
      p.tasks.forEach(function (t) {
        var row = rowFor(data && data.tasks, "task", t.id);
        if (row && row.done === true) done += 1;
      });
      out[p.id] = { done: done, total: p.tasks.length };
    });
    return out;
  }

  /* Characters as the file check counts them (code points, so an emoji is one). */
  function chars(text) { return text ? Array.from(String(text)).length : 0; }

  /* The checklist as the trainers collect it: phase, task, done, owner, note. */
  function csvRows(def, data) {
    var rows = [["阶段", "事项", "已完成", "负责人", "备注"]];
    tasksOf(def).forEach(function (x) {
      var row = rowFor(data && data.tasks, "task", x.task.id) || {};
      rows.push([x.phase.name, x.task.text, row.done === true ? "是" : "否", row.owner || "", row.note || ""]);
    });
    return rows;
  }

  return { blank: blank, rowFor: rowFor, progress: progress, chars: chars, csvRows: csvRows, tasksOf: tasksOf };
});
