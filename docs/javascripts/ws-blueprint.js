/* 体验设计工具 (service blueprint worksheet), the mount: steps as columns × five lanes with the
 * three lines between them, fail and wait points, one 超越期望 idea per step, a summary and a copy
 * for print. Registered with the shell (ws-shell.js): on a desktop a grid, on a phone one step at
 * a time. The data work is TPBlueprint's (ws-blueprint-engine.js, loaded right before;
 * macros/widgets.py). Typed text only ever becomes values, text nodes or attribute values. */
(function () {
  "use strict";
  if (typeof window === "undefined" || !window.TPSheet) return;
  var TP = window.TP;
  var B = window.TPBlueprint;
  var h = TP.h;

  window.TPSheet.kind("blueprint", function (ctx) {
    var def = ctx.def;
    var spec = def.spec;
    var table = spec.tables[0];
    var col = {};
    table.columns.forEach(function (c) { col[c.id] = c; });
    var lineBelow = {};
    def.lines.forEach(function (l) { lineBelow[l.below] = l.label; });
    var state = B.normalize({}, spec);
    var active = 0;

    function blank() { return B.normalize({ title: null, steps: def.example }, spec); }
    function id(i, c) { return ctx.uid("s" + i + "-" + c); }
    function hasContent(step) {
      return Object.keys(step).some(function (k) { return step[k] !== null && step[k] !== false; });
    }

    // --- fixed parts ---
    var titleInput = h("input", { type: "text", id: ctx.uid("title"), maxlength: String(spec.fields[0].max), autocomplete: "off" });
    titleInput.addEventListener("input", function () { state.title = B.text(titleInput.value, spec.fields[0].max); ctx.changed(); });
    var picker = h("select", { id: ctx.uid("picker"), "data-tp-bp-picker": "" });
    picker.addEventListener("change", function () { show(Number(picker.value)); });
    var prev = TP.button("‹ 上一步", function () { show(active - 1); }, "tp-ws-small tp-bp__prev");
    var next = TP.button("下一步 ›", function () { show(active + 1); }, "tp-ws-small tp-bp__next");
    var prevLow = TP.button("‹ 上一步", function () { show(active - 1); scrollTo(); }, "tp-ws-small tp-bp__prev");
    var nextLow = TP.button("下一步 ›", function () { show(active + 1); scrollTo(); }, "tp-ws-small tp-bp__next");
    var grid = h("div", { class: "tp-bp__grid" });
    var add = TP.button("＋ 添加步骤", addStep, "tp-ws-small tp-bp__add");
    var example = TP.button("载入酒店示例", function () { ctx.replace(blank(), "酒店示例"); }, "tp-ws-small tp-bp__example");
    var counts = h("p", { "data-tp-bp-counts": "" });
    var fails = h("ul", { "data-tp-bp-fails": "" });
    var waits = h("ul", { "data-tp-bp-waits": "" });
    var missing = h("p", { class: "tp-bp__missing", "data-tp-bp-missing": "" });
    var printCopy = h("div", { class: "tp-bp__print", "aria-hidden": "true" });
    var failHead = h("h4", {}, []);
    var waitHead = h("h4", {}, []);

    ctx.root.appendChild(h("div", { class: "tp-bp" }, [
      h("div", { class: "tp-ws-field tp-bp__title" }, [h("label", { for: titleInput.id }, [spec.fields[0].label]), titleInput]),
      h("div", { class: "tp-bp__nav", "data-tp-screen-only": "" }, [
        prev, h("label", { for: picker.id, class: "tp-bp__picker-label" }, ["当前步骤"]), picker, next
      ]),
      h("div", { class: "tp-bp__scroll", tabindex: "0", role: "region", "aria-label": "服务蓝图：步骤 × 五层" }, [grid]),
      h("div", { class: "tp-bp__nav tp-bp__nav--low", "data-tp-screen-only": "" }, [prevLow, nextLow]),
      h("p", { class: "tp-bp__actions", "data-tp-screen-only": "" }, [add, example, h("span", { class: "tp-bp__hint" }, ["最多 " + table.rows_max + " 步"])]),
      h("section", { class: "tp-bp__summary", "aria-label": "汇总" }, [
        h("h3", {}, ["汇总"]), counts, missing, failHead, fails, waitHead, waits
      ]),
      printCopy
    ]));

    // --- the grid: row by row (a head cell, then one cell per step); a line spans the row ---
    function field(i, c, labelText) {
      return h("label", { for: id(i, c), class: "tp-bp__label" }, [labelText || col[c].label]);
    }
    function textControl(i, c, tag) {
      var el = h(tag, { id: id(i, c), maxlength: String(col[c].max), "data-tp-bp-step": String(i), "data-tp-bp-col": c, rows: tag === "textarea" ? "3" : null, type: tag === "input" ? "text" : null });
      el.value = state.steps[i][c] || "";
      el.addEventListener("input", function () { state.steps[i][c] = B.text(el.value, col[c].max); ctx.changed(); });
      return el;
    }
    function checkControl(i, c) {
      var el = h("input", { type: "checkbox", id: id(i, c), "data-tp-bp-step": String(i), "data-tp-bp-col": c });
      el.checked = state.steps[i][c];
      el.addEventListener("change", function () { state.steps[i][c] = el.checked; ctx.changed(); });
      return el;
    }
    function cellOf(i, kids, extra) {
      return h("div", { class: "tp-bp__cell" + (extra ? " " + extra : "") + (i === active ? " is-active" : ""), "data-tp-bp-cell": String(i) }, kids);
    }
    function tool(i, text, act, disabled) {
      var b = TP.button(text, function () { act(i); }, "tp-ws-small tp-bp__tool");
      b.setAttribute("data-tp-bp-act", text);
      if (disabled) b.disabled = true;
      return b;
    }
    function headCell(text, extra) { return h("div", { class: "tp-bp__head" + (extra ? " " + extra : ""), "aria-hidden": "true" }, [text]); }

    function build() {
      while (grid.firstChild) grid.removeChild(grid.firstChild);
      var n = state.steps.length;
      grid.setAttribute("style", "grid-template-columns: minmax(6.5rem, 8rem) repeat(" + Math.max(n, 1) + ", minmax(11rem, 1fr))");
      var rowOf = function (head, extra, make) {
        grid.appendChild(headCell(head, extra));
        state.steps.forEach(function (s, i) { grid.appendChild(cellOf(i, make(i), extra)); });
      };
      rowOf("步骤", "tp-bp__row-name", function (i) {
        return [field(i, "name", "步骤 " + (i + 1)), textControl(i, "name", "input"), h("div", { class: "tp-bp__tools" }, [
          tool(i, "← 前移", function (k) { move(k, -1); }, i === 0),
          tool(i, "后移 →", function (k) { move(k, 1); }, i === n - 1),
          tool(i, "删除", removeStep, n === 1)
        ])];
      });
      def.lanes.forEach(function (lane) {
        rowOf(lane.label, "tp-bp__row-lane", function (i) { return [field(i, lane.id), textControl(i, lane.id, "textarea")]; });
        if (lineBelow[lane.id]) {
          grid.appendChild(h("div", { class: "tp-bp__line", role: "separator", "aria-label": lineBelow[lane.id] }, [h("span", {}, [lineBelow[lane.id]])]));
        }
      });
      ["fail", "wait"].forEach(function (flag) {
        rowOf(col[flag].label + " " + (flag === "fail" ? "F" : "W"), "tp-bp__row-flag", function (i) {
          return [h("div", { class: "tp-ws-check" }, [checkControl(i, flag), h("label", { for: id(i, flag) }, [col[flag].label])]),
            field(i, flag + "_note"), textControl(i, flag + "_note", "textarea")];
        });
      });
      rowOf("超越期望", "tp-bp__row-beyond", function (i) { return [field(i, "beyond"), textControl(i, "beyond", "textarea")]; });
      render();
    }

    // --- steps: show (phone), add, remove, move ---
    function show(i) {
      active = Math.max(0, Math.min(i, state.steps.length - 1));
      TP.all(grid, "[data-tp-bp-cell]").forEach(function (c) { c.classList.toggle("is-active", Number(c.getAttribute("data-tp-bp-cell")) === active); });
      render();
    }
    /* After the lower buttons: back to the top of the new step (the picker). */
    function scrollTo() { if (picker.scrollIntoView) picker.scrollIntoView({ block: "nearest" }); }
    function addStep() {
      if (state.steps.length >= table.rows_max) return;
      state.steps.push(B.normalize({ steps: [{}] }, spec).steps[0]);
      active = state.steps.length - 1;
      build();
      ctx.changed();
      document.getElementById(id(active, "name")).focus();
    }
    function removeStep(i) {
      var step = state.steps[i];
      var name = B.stepName(step, i);
      if (hasContent(step) && !window.confirm("确定删除步骤" + TP.quoted(name) + "吗？这一步填写的内容将一并删除。")) return;
      state.steps.splice(i, 1);
      active = Math.min(active, state.steps.length - 1);
      build();
      ctx.changed();
      ctx.status.say("已删除步骤" + TP.quoted(name) + "。");
    }
    function move(i, by) {
      var j = i + by;
      var s = state.steps.splice(i, 1)[0];
      state.steps.splice(j, 0, s);
      active = j;
      build();
      ctx.changed();
      var again = grid.querySelector('[data-tp-bp-cell="' + j + '"] [data-tp-bp-act="' + (by < 0 ? "← 前移" : "后移 →") + '"]');
      (again && !again.disabled ? again : document.getElementById(id(j, "name"))).focus();
    }
    grid.addEventListener("focusin", function (e) {
      var cellEl = e.target.closest && e.target.closest("[data-tp-bp-cell]");
      if (cellEl && Number(cellEl.getAttribute("data-tp-bp-cell")) !== active) show(Number(cellEl.getAttribute("data-tp-bp-cell")));
    });

    // --- computed parts: picker, tool labels, summary, the copy that prints ---
    function render() {
      var steps = state.steps;
      while (picker.firstChild) picker.removeChild(picker.firstChild);
      steps.forEach(function (s, i) { picker.appendChild(h("option", { value: String(i) }, [(i + 1) + " / " + steps.length + "　" + B.stepName(s, i)])); });
      picker.value = String(active);
      prev.disabled = prevLow.disabled = active <= 0;
      next.disabled = nextLow.disabled = active >= steps.length - 1;
      add.disabled = steps.length >= table.rows_max;
      TP.all(grid, "[data-tp-bp-act]").forEach(function (b) {
        var i = Number(b.closest("[data-tp-bp-cell]").getAttribute("data-tp-bp-cell"));
        b.setAttribute("aria-label", b.getAttribute("data-tp-bp-act") + "：" + B.stepName(steps[i], i));
      });
      var sum = B.summary(state);
      counts.textContent = "共 " + sum.steps + " 步；失误点 " + sum.fails.length + " 个；等待点 " + sum.waits.length + " 个；已写“超越期望”的步骤 " + sum.beyond + " / " + sum.steps + "。";
      missing.textContent = sum.without.length ? "尚未写“超越期望”的步骤：" + sum.without.join("、") : "";
      missing.hidden = !sum.without.length;
      failHead.textContent = "失误点（F）：" + sum.fails.length + " 个";
      waitHead.textContent = "等待点（W）：" + sum.waits.length + " 个";
      [[fails, sum.fails], [waits, sum.waits]].forEach(function (pair) {
        var list = pair[0];
        while (list.firstChild) list.removeChild(list.firstChild);
        pair[1].forEach(function (p) {
          list.appendChild(h("li", { "data-tp-bp-step": String(p.index) }, [h("strong", { class: "tp-bp__sum-step" }, [p.step]), p.note ? "：" + p.note : "（未写明）"]));
        });
        if (!pair[1].length) list.appendChild(h("li", { class: "tp-bp__none" }, ["（无）"]));
      });
      renderPrint(steps);
    }

    function renderPrint(steps) {
      while (printCopy.firstChild) printCopy.removeChild(printCopy.firstChild);
      printCopy.appendChild(h("p", { class: "tp-bp__print-title" }, [spec.fields[0].label + "：", state.title || ""]));
      for (var start = 0; start < steps.length; start += 8) {
        var part = steps.slice(start, start + 8);
        var idx = function (k) { return start + k; };
        var tr = function (head, cls, cells) { return h("tr", { class: cls }, [h("th", { scope: "row" }, [head])].concat(cells)); };
        var body = [];
        def.lanes.forEach(function (lane) {
          body.push(tr(lane.label, "", part.map(function (s) { return h("td", {}, [s[lane.id] || ""]); })));
          if (lineBelow[lane.id]) body.push(h("tr", { class: "tp-bp__print-line" }, [h("td", { colspan: String(part.length + 1) }, [lineBelow[lane.id]])]));
        });
        ["fail", "wait"].forEach(function (flag) {
          body.push(tr(col[flag].label, "", part.map(function (s) { return h("td", {}, [s[flag] ? (flag === "fail" ? "F " : "W ") + (s[flag + "_note"] || "") : ""]); })));
        });
        body.push(tr("超越期望", "", part.map(function (s) { return h("td", {}, [s.beyond || ""]); })));
        printCopy.appendChild(h("table", { class: "tp-bp__print-table" }, [
          h("thead", {}, [h("tr", {}, [h("th", { scope: "col" }, ["步骤"])].concat(part.map(function (s, k) { return h("th", { scope: "col" }, [(idx(k) + 1) + ". " + B.stepName(s, idx(k))]); })))]),
          h("tbody", {}, body)
        ]));
      }
    }

    function write(data) {
      state = B.normalize(data, spec);
      titleInput.value = state.title || "";
      active = Math.max(0, Math.min(active, state.steps.length - 1));
      build();
    }

    write(blank());
    return {
      read: function () { return JSON.parse(JSON.stringify(state)); },
      write: write,
      blank: blank,
      render: render,
      csv: function (data) { return B.csvRows(data, spec); }
    };
  });
})();
