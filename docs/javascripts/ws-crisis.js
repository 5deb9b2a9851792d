/* 触点危机管理工具包 (worksheet kind "crisis"), the mount: incident and start time, a severity
 * chooser showing the level's criteria and response, one checklist per phase (tick, owner, note)
 * with its progress, a message drafter (one text per stakeholder, with its do / don't and a
 * character count) and the review questions, in the shell (ws-shell.js). The data work is
 * TPCrisis's (ws-crisis-engine.js, loaded right before; macros/widgets.py). Text a person typed
 * only ever reaches the page as a control's value or a text node. */
(function () {
  "use strict";
  if (typeof window === "undefined" || !window.TPSheet) return;
  var TP = window.TP;
  var C = window.TPCrisis;
  var h = TP.h;

  function field(id, label, control, hint) {
    return h("div", { class: "tp-ws-field" }, [h("label", { for: id }, [label]), control, hint || null]);
  }
  function text(v) { return v === null || v === undefined ? "" : String(v); }
  function orNull(s) { return s === "" ? null : s; }

  window.TPSheet.kind("crisis", function (ctx) {
    var def = ctx.def;
    var specMax = {};
    def.spec.fields.forEach(function (f) { if (f.max) specMax[f.id] = f.max; });
    var noteMax = def.spec.tables[0].columns[3].max;
    var ownerMax = def.spec.tables[0].columns[2].max;
    var msgMax = def.spec.tables[1].columns[1].max;
    var onInput = function () { ctx.changed(); };

    // --- incident and severity ---
    var incident = h("textarea", { id: ctx.uid("incident"), maxlength: String(specMax.incident), rows: "3", "data-tp-crisis-field": "incident" });
    var started = h("input", { type: "text", id: ctx.uid("started"), maxlength: String(specMax.started), placeholder: "例如 2026-11-29 21:30", "data-tp-crisis-field": "started" });
    var radios = [];
    var levelNames = {};
    var levelOptions = [{ id: "", name: "未定级" }].concat(def.levels).map(function (level) {
      var id = ctx.uid("level-" + (level.id || "none"));
      var input = h("input", { type: "radio", name: ctx.uid("severity"), id: id, value: level.id });
      input.addEventListener("change", onInput);
      radios.push(input);
      levelNames[level.id] = level.name;
      return h("div", { class: "tp-crisis__level" }, [input, h("label", { for: id }, [level.name])]);
    });
    var levelDetail = h("div", { class: "tp-crisis__level-detail", "data-tp-crisis-level-detail": "", "aria-live": "polite" });
    var severityBox = h("fieldset", { class: "tp-crisis__severity" }, [h("legend", {}, ["严重程度"])].concat(levelOptions, [levelDetail]));

    // --- checklists ---
    var taskRows = {}; // task id → {done, owner, note}
    var counters = {};
    var phases = def.phases.map(function (phase) {
      var counter = h("p", { class: "tp-crisis__progress", "data-tp-crisis-progress": phase.id, "aria-live": "polite" });
      counters[phase.id] = counter;
      var items = phase.tasks.map(function (task) {
        var box = h("input", { type: "checkbox", id: ctx.uid("done-" + task.id) });
        var owner = h("input", { type: "text", id: ctx.uid("owner-" + task.id), maxlength: String(ownerMax), placeholder: "建议：" + task.owner });
        var note = h("input", { type: "text", id: ctx.uid("note-" + task.id), maxlength: String(noteMax) });
        [box, owner, note].forEach(function (el) { el.addEventListener(el === box ? "change" : "input", onInput); });
        taskRows[task.id] = { done: box, owner: owner, note: note };
        return h("li", { class: "tp-crisis__task", "data-tp-crisis-task": task.id }, [
          h("div", { class: "tp-ws-check" }, [box, h("label", { for: box.id }, [task.text])]),
          h("div", { class: "tp-crisis__task-fields" }, [field(owner.id, "负责人", owner), field(note.id, "备注", note)])
        ]);
      });
      return h("section", { class: "tp-crisis__phase", "data-tp-crisis-phase": phase.id }, [
        h("h3", {}, [phase.name]), counter, h("ol", { class: "tp-crisis__tasks" }, items)
      ]);
    });

    // --- messages: one panel per stakeholder, the chosen one shown (print shows every filled one) ---
    var chooser = h("select", { id: ctx.uid("stakeholder"), "data-tp-crisis-chooser": "" }, def.stakeholders.map(function (s) {
      return h("option", { value: s.id }, [s.name]);
    }));
    var panels = {};
    var messageEls = def.stakeholders.map(function (s) {
      var area = h("textarea", { id: ctx.uid("message-" + s.id), maxlength: String(msgMax), rows: "6" });
      var count = h("p", { class: "tp-ws-formula", "data-tp-crisis-count": "", "aria-live": "polite" });
      area.addEventListener("input", onInput);
      var list = function (title, items, cls) {
        return h("div", { class: cls }, [h("p", {}, [h("strong", {}, [title])]), h("ul", {}, items.map(function (i) { return h("li", {}, [i]); }))]);
      };
      var panel = h("section", { class: "tp-crisis__message", "data-tp-crisis-message": s.id }, [
        h("h4", {}, [s.name]),
        h("div", { class: "tp-crisis__dodont" }, [list("应当", s.do, "tp-crisis__do"), list("避免", s.dont, "tp-crisis__dont")]),
        field(area.id, "给" + s.name + "的说明", area, count)
      ]);
      panels[s.id] = { panel: panel, area: area, count: count };
      return panel;
    });
    chooser.addEventListener("change", function () { render(); });
    var chooserField = field(chooser.id, "选择对象", chooser);
    chooserField.setAttribute("data-tp-screen-only", "");

    // --- review ---
    var reviewEls = {};
    var review = def.review.map(function (q) {
      var area = h("textarea", { id: ctx.uid("review-" + q.id), maxlength: String(specMax["review-" + q.id]), rows: "3" });
      area.addEventListener("input", onInput);
      reviewEls[q.id] = area;
      return field(area.id, q.text, area);
    });

    incident.addEventListener("input", onInput);
    started.addEventListener("input", onInput);
    ctx.root.appendChild(h("div", { class: "tp-crisis" }, [
      h("section", { class: "tp-crisis__block" }, [h("h3", {}, ["事件与定级"]),
        field(incident.id, "事件经过", incident), field(started.id, "发生时间", started), severityBox]),
      h("section", { class: "tp-crisis__block" }, [h("h3", {}, ["应对清单"])].concat(phases)),
      h("section", { class: "tp-crisis__block" }, [h("h3", {}, ["分对象起草说明"]),
        chooserField].concat(messageEls)),
      h("section", { class: "tp-crisis__block" }, [h("h3", {}, ["事后复盘"])].concat(review))
    ]));

    function read() {
      var checked = radios.filter(function (r) { return r.checked; })[0];
      var data = {
        incident: orNull(incident.value), started: orNull(started.value),
        severity: checked && checked.value ? checked.value : null
      };
      def.review.forEach(function (q) { data["review-" + q.id] = orNull(reviewEls[q.id].value); });
      data.tasks = C.tasksOf(def).map(function (x) {
        var r = taskRows[x.task.id];
        return { task: x.task.id, done: r.done.checked, owner: orNull(r.owner.value), note: orNull(r.note.value) };
      });
      data.messages = def.stakeholders.map(function (s) { return { stakeholder: s.id, text: orNull(panels[s.id].area.value) }; });
      return data;
    }

    function write(data) {
      var d = data || {};
      incident.value = text(d.incident);
      started.value = text(d.started);
      radios.forEach(function (r) { r.checked = r.value === (levelNames[d.severity] ? d.severity : ""); });
      def.review.forEach(function (q) { reviewEls[q.id].value = text(d["review-" + q.id]); });
      C.tasksOf(def).forEach(function (x) {
        var row = C.rowFor(d.tasks, "task", x.task.id) || {};
        var r = taskRows[x.task.id];
        r.done.checked = row.done === true;
        r.owner.value = text(row.owner);
        r.note.value = text(row.note);
      });
      def.stakeholders.forEach(function (s) {
        var row = C.rowFor(d.messages, "stakeholder", s.id) || {};
        panels[s.id].area.value = text(row.text);
      });
      render();
    }

    function render() {
      var data = read();
      var counts = C.progress(def, data);
      def.phases.forEach(function (p) {
        var c = counts[p.id];
        counters[p.id].textContent = c.done + " / " + c.total + " 已完成";
        counters[p.id].classList.toggle("tp-crisis__progress--all", c.done === c.total);
      });
      var level = def.levels.filter(function (l) { return l.id === data.severity; })[0];
      levelDetail.textContent = "";
      if (level) {
        levelDetail.appendChild(h("p", {}, [h("strong", {}, ["判断标准："]), level.criteria]));
        levelDetail.appendChild(h("p", {}, [h("strong", {}, ["应对："]), level.response]));
      } else {
        levelDetail.appendChild(h("p", { class: "tp-ws-formula" }, ["选择一个级别，这里显示它的判断标准和应对要求。"]));
      }
      def.stakeholders.forEach(function (s) {
        var p = panels[s.id];
        p.panel.hidden = chooser.value !== s.id;
        p.panel.classList.toggle("tp-crisis__message--filled", p.area.value !== "");
        p.count.textContent = C.chars(p.area.value) + " / " + msgMax + " 字";
      });
    }

    var sheet = {
      read: read, write: write, render: render,
      blank: function () { return C.blank(def); },
      csv: function (data) { return C.csvRows(def, data); }
    };
    write(sheet.blank());
    return sheet;
  });
})();
