/* Makes the server-rendered scale form (macros/templates/scale_form.html.j2) live: results as
 * you answer (scale-results.js), rows to add, rename and remove, autosave in this browser,
 * export, import and clear. Built on TP (tp-core.js) and TPAnswers (tp-answers.js). Answers are
 * never overwritten or dropped without a word: other versions, unreadable saves, another tab's
 * newer answers and a full or blocked storage are all named, and the person decides. */
(function () {
  "use strict";

  var TP = window.TP;
  var A = window.TPAnswers;
  var h = TP.h;
  var CHART = { questionnaire: "radar", matrix: "ranking", ipa: "ipa", fmea: "risk" };
  // The group page is scales/group.html under the site root this script comes from (a scale may be
  // embedded on any page); currentScript exists only while the script first runs.
  var GROUP_URL = (function () {
    var src = document.currentScript ? document.currentScript.src || "" : "";
    var at = src.lastIndexOf("javascripts/");
    return at === -1 ? "group.html" : src.slice(0, at) + "scales/group.html";
  })();

  var quoted = TP.quoted; // text from a person or a file, isolated

  function mount(root) {
    var def;
    try { def = JSON.parse(root.querySelector("script[data-tp-scale-definition]").textContent); } catch (e) { return; }
    var form = root.querySelector("form[data-tp-scale-form]");
    var results = root.querySelector("section[data-tp-scale-results]");
    var statusEl = root.querySelector("p[data-tp-scale-status]");
    if (!def || !def.answer_spec || !form || !results || !statusEl || !window.TouchpointScoring) return;
    var spec = def.answer_spec;
    var rowsMode = spec.kind === "rows";
    var list = form.querySelector("[data-tp-rows]");
    var rowLabel = rowsMode && def.rows.label ? def.rows.label : "行";
    var key = TP.store.key("scale", def.id + "@" + def.version);
    var status = TP.status(statusEl);
    var commentBox = form.querySelector("[data-tp-comment]");
    var addButton = form.querySelector("[data-tp-row-add]");
    var template = null;
    var saved = null; // the text this tab last saved: a storage event carrying it is our own

    form.reset(); // restore from storage only, never what the browser refilled on a back navigation
    form.addEventListener("submit", function (e) { e.preventDefault(); }); // Enter must not reload
    if (rowsMode) {
      TP.all(form, ".tp-row__tools, .tp-scale__add").forEach(function (el) { el.hidden = false; });
      TP.all(form, "[data-tp-row-name]").forEach(function (input) { input.placeholder = "输入" + rowLabel + "名称"; });
      template = list.querySelector("[data-tp-row]").cloneNode(true);
      var blank = template.querySelector("[data-tp-row-name]");
      blank.removeAttribute("value");
      blank.value = "";
    }

    // --- the form ---

    function rowItems() { return rowsMode ? TP.all(list, "[data-tp-row]") : []; }

    /* Radio groups in `scope` named by `attr` read into `out` (unanswered: left out of answers,
     * null in rows), or set from `values`. */
    function readBoxes(scope, attr, out) {
      TP.all(scope, "[" + attr + "]").forEach(function (box) {
        var r = box.querySelector("input[type=radio]:checked");
        if (r || rowsMode) out[box.getAttribute(attr)] = r ? Number(r.value) : null;
      });
      return out;
    }
    function writeBoxes(scope, attr, values) {
      TP.all(scope, "[" + attr + "]").forEach(function (box) {
        var id = box.getAttribute(attr);
        var v = Object.prototype.hasOwnProperty.call(values, id) ? values[id] : null;
        TP.all(box, "input[type=radio]").forEach(function (r) { r.checked = TP.isNum(v) && Number(r.value) === v; });
      });
    }

    function readResponse() {
      if (!rowsMode) return { answers: readBoxes(form, "data-tp-item", {}) };
      return { rows: rowItems().map(function (li) {
        return readBoxes(li, "data-tp-field", { name: li.querySelector("[data-tp-row-name]").value.trim() });
      }) };
    }

    function writeResponse(response, comment) {
      if (rowsMode) {
        var rows = response.rows || [];
        setRowCount(Math.max(rows.length, spec.rows_min));
        rowItems().forEach(function (li, i) {
          var row = rows[i] || {};
          li.querySelector("[data-tp-row-name]").value = typeof row.name === "string" ? row.name : "";
          writeBoxes(li, "data-tp-field", row);
        });
      } else {
        writeBoxes(form, "data-tp-item", response.answers || {});
      }
      if (commentBox) commentBox.value = typeof comment === "string" ? comment : "";
    }

    /* Legends, ids and radio names follow the row's position, so each stays unique on the page.
     * Renaming top to bottom after a removal or an append never gives a radio the name of a group
     * that still holds a checked radio, so no answer is lost. */
    function renumber() {
      rowItems().forEach(function (li, i) {
        var base = def.id + "--r" + (i + 1);
        var input = li.querySelector("[data-tp-row-name]");
        var label = li.querySelector(".tp-row__name label");
        var remove = li.querySelector("[data-tp-row-remove]");
        li.querySelector(".tp-row__n").textContent = rowLabel + " " + (i + 1);
        input.id = input.name = base + "--name";
        if (label) label.htmlFor = input.id;
        if (remove) remove.setAttribute("aria-label", "删除此行（" + rowLabel + " " + (i + 1) + "）");
        TP.all(li, "[data-tp-field]").forEach(function (box) {
          var name = base + "--" + box.getAttribute("data-tp-field");
          TP.all(box, "input[type=radio]").forEach(function (r) { r.name = name; });
        });
      });
    }

    function setRowCount(n) {
      var rows = rowItems();
      for (var i = rows.length; i < n; i += 1) list.appendChild(template.cloneNode(true));
      for (var j = rows.length - 1; j >= n; j -= 1) list.removeChild(rows[j]);
      renumber();
      var count = rowItems().length;
      if (addButton) addButton.disabled = count >= spec.rows_max;
      TP.all(form, "[data-tp-row-remove]").forEach(function (b) { b.disabled = count <= spec.rows_min; });
    }

    function addRow() {
      var count = rowItems().length;
      if (count >= spec.rows_max) return;
      setRowCount(count + 1);
      list.lastElementChild.querySelector("[data-tp-row-name]").focus();
      update();
      status.say("已添加" + rowLabel + " " + (count + 1) + "。");
    }

    function removeRow(li) {
      var rows = rowItems();
      var index = rows.indexOf(li);
      if (index === -1 || rows.length <= spec.rows_min) return;
      var name = li.querySelector("[data-tp-row-name]").value.trim();
      list.removeChild(li);
      setRowCount(rows.length - 1);
      rows = rowItems();
      rows[Math.min(index, rows.length - 1)].querySelector("[data-tp-row-name]").focus();
      update();
      status.say("已删除" + (name ? quoted(name) : rowLabel + " " + (index + 1)) + "。");
    }

    /* Names entered twice: the group page counts one person's rows of one name once. */
    function repeatedNames(response) {
      var seen = Object.create(null);
      var twice = [];
      (response.rows || []).forEach(function (row) {
        if (row.name && (seen[row.name] = (seen[row.name] || 0) + 1) === 2) twice.push(quoted(row.name));
      });
      return twice.length ? twice.join("、") + "出现了不止一次：小组汇总时，同一个人的同名" + rowLabel +
        "会合并为一个（取平均）。如果是不同的" + rowLabel + "，请改用不同的名称。" : "";
    }

    // --- results ---

    var noscript = results.querySelector("[data-tp-scale-noscript]");
    if (noscript) results.removeChild(noscript);
    results.id = results.id || def.id + "--results";
    // The results are rebuilt on every click; only the one-line summary is a live region.
    results.setAttribute("aria-live", "off");
    var headline = h("p", { class: "tp-scale__headline", "aria-live": "polite" });
    var output = h("div", { class: "tp-scale__output" });
    var chart = def.mode === "questionnaire" && !(def.subscales || []).length ? null : CHART[def.mode];
    var chartBox = chart ? h("div", { class: "tp-scale__chart", "data-tp-chart": chart, hidden: "" }) : null;
    results.appendChild(h("p", { class: "tp-scale__results-title" }, ["结果"])); // not a heading: it would sit out of order
    results.appendChild(headline);
    if (chartBox) results.appendChild(chartBox);
    results.appendChild(output);
    // On a long form of rows, the summary under the last row leads to the results.
    var jump = rowsMode ? h("p", { class: "tp-scale__jump" }, [h("a", { href: "#" + results.id }, ["查看结果"]), h("span")]) : null;
    if (jump) form.appendChild(jump);

    function render(response) {
      var r = window.TPScaleResults.score(def, response);
      var shown = window.TPScaleResults.show(def, r, response, { rowLabel: rowLabel, groupUrl: GROUP_URL });
      headline.textContent = shown[0];
      if (jump) jump.lastChild.textContent = shown[0];
      while (output.firstChild) output.removeChild(output.firstChild);
      shown[1].forEach(function (n) { if (n) output.appendChild(n); });
      if (chartBox && window.TouchpointCharts) window.TouchpointCharts.draw(chartBox, chart, { def: def, result: r, response: response });
      return r;
    }

    // --- saving ---

    function exported(response) {
      return A.build(def, response, commentBox ? commentBox.value : undefined, new Date().toISOString());
    }

    function update() {
      var response = readResponse();
      var text = JSON.stringify(exported(response));
      var failed = autosave ? TP.store.set(key, text) : "off";
      if (!failed) {
        saved = text;
        status.unstick("full"); // the next save after a full storage clears its notice
      } else if (failed === "full") {
        status.stick("full", "此浏览器暂时无法保存答案（存储已满或不允许保存），刚才的修改没有保存；请用“导出 JSON”保存答案。");
      }
      var twice = repeatedNames(response);
      if (twice) status.stick("names", twice); else status.unstick("names");
      render(response);
    }

    function empty() {
      writeResponse({ answers: {}, rows: rowsMode ? def.rows.preset.map(function (n) { return { name: n }; }) : [] }, "");
      saved = null;
      status.unstick("names");
      render(readResponse());
    }

    if (rowsMode) setRowCount(rowItems().length);
    var autosave = window.TPSaved.attach(def, {
      kind: "scale", key: key, status: status, empty: empty,
      read: function (text) { return A.read(text, def.id, def.version, spec).data; },
      restore: function (obj) { writeResponse(obj.response, obj.comment); },
      render: function () { render(readResponse()); },
      isSaved: function (text) { return text === saved; }
    }, statusEl).ok;

    // --- files ---

    function importFile(file) {
      var name = file.name || "所选文件";
      var fail = function (why) { status.say("无法导入" + quoted(name) + "：" + why + "已有的答案没有改变。", true); };
      TP.readText(file, A.MAX_BYTES).then(function (read) {
        if (read.error) return fail(read.error === "too-large" ? A.message({ code: "too-large" }, def) : "无法读取文件。");
        var answers = A.read(read.text, def.id, def.version, spec);
        if (!answers.data) return fail(A.message(answers.verdict, def));
        writeResponse(answers.data.response, answers.data.comment);
        update();
        var twice = repeatedNames(answers.data.response);
        status.say("已导入" + quoted(name) + "。" + (twice ? "注意：" + twice : ""), true);
      });
    }

    function clearAll() {
      if (!window.confirm("确定清除本量表的全部答案吗？此操作无法撤销。")) return;
      if (autosave) TP.store.remove(key);
      empty();
      status.say("已清除本量表的全部答案。", true);
    }

    var fileInput = h("input", { type: "file", accept: ".json,application/json", hidden: "", tabindex: "-1" });
    fileInput.addEventListener("change", function () {
      if (fileInput.files[0]) importFile(fileInput.files[0]);
      fileInput.value = ""; // so the same file can be chosen again
    });
    results.parentNode.insertBefore(h("div", { class: "tp-scale__toolbar", role: "group", "aria-label": "保存与导入答案" }, [
      TP.button("导出 JSON", function () {
        TP.download(def.id + "-" + TP.stamp() + ".json", JSON.stringify(exported(readResponse()), null, 2), "application/json");
      }),
      TP.button("导出 CSV", function () {
        var response = readResponse();
        var r = window.TPScaleResults.score(def, response);
        var lines = window.TPScaleResults.csv(def, r, response, commentBox ? commentBox.value : undefined, rowLabel);
        TP.download(def.id + "-" + TP.stamp() + ".csv", A.csvText(lines), "text/csv;charset=utf-8");
      }),
      TP.button("导入 JSON", function () { fileInput.click(); }),
      TP.button("清除答案", clearAll),
      fileInput
    ]), results);

    form.addEventListener("change", function (e) { if (e.target.type === "radio") update(); });
    form.addEventListener("input", function (e) { if (e.target.type !== "radio") update(); });
    form.addEventListener("click", function (e) {
      var b = e.target.closest("button");
      if (!b || b.disabled) return;
      if (b.hasAttribute("data-tp-row-add")) addRow();
      else if (b.hasAttribute("data-tp-row-remove")) removeRow(b.closest("[data-tp-row]"));
    });
  }

  TP.widget("scale-form", ".tp-scale[data-tp-scale]", mount);
})();
