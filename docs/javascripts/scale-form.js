/* Makes the server-rendered scale form (macros/templates/scale_form.html.j2) live: scores each
 * change with TouchpointScoring (scoring.js, loaded first), autosaves to localStorage, edits rows,
 * exports, imports and clears answers. Classic script, ES2017 at most; works from file://; sends
 * nothing anywhere. Typed text and file content only reach textContent or values, never HTML. */
(() => {
  "use strict";

  var FORMAT = "touchpoint-scale-response";
  var PREFIX = "touchpoint-scale:";
  var NO_STORAGE = "此浏览器无法保存答案（例如无痕模式或存储已满），关闭页面后答案会丢失；请用“导出 JSON”保存。";
  var CHART = { questionnaire: "radar", matrix: "ranking", ipa: "ipa", fmea: "risk" };
  var FIELDS = {
    ipa: [["importance", "重要性"], ["performance", "表现"]],
    fmea: [["severity", "严重度 S"], ["occurrence", "发生度 O"], ["detection", "探测度 D"]]
  };
  var CATEGORY_TONE = { promoter: "good", passive: "warn", detractor: "bad" };
  // The group page is scales/group.html under the site root this script comes from (a scale may be
  // embedded on any page, so a relative link is not enough); currentScript exists only now.
  var GROUP_URL = (() => {
    var src = document.currentScript ? document.currentScript.src || "" : "";
    var at = src.lastIndexOf("javascripts/");
    return at === -1 ? "group.html" : src.slice(0, at) + "scales/group.html";
  })();

  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }
  function isObj(x) { return x !== null && typeof x === "object" && !Array.isArray(x); }
  function isNum(x) { return typeof x === "number" && isFinite(x); }
  function own(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
  function quoted(s) { return "“" + s + "”"; }
  function fmt1(x) { return (Math.round(x * 10) / 10).toFixed(1); }
  function fmt2(x) { return String(Math.round(x * 100) / 100); }
  function orNone(x, f) { return x === null || x === undefined ? "—" : (f || String)(x); }

  /* An element with attributes and children (strings become text nodes; null and "" are skipped). */
  function h(tag, attrs, kids) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(k => {
      if (k === "class") el.className = attrs[k];
      else el.setAttribute(k, attrs[k]);
    });
    (kids || []).forEach(kid => {
      if (kid !== null && kid !== undefined && kid !== "") {
        el.appendChild(typeof kid === "string" ? document.createTextNode(kid) : kid);
      }
    });
    return el;
  }

  function button(text, onClick) {
    var b = h("button", { type: "button", class: "md-button tp-scale__tool" }, [text]);
    b.addEventListener("click", onClick);
    return b;
  }

  /* A data table (also the accessible twin of a chart): cell `head` of each row is its header. */
  function table(caption, headers, rows, head) {
    return h("div", { class: "tp-scale__table-wrap" }, [h("table", { class: "tp-bands tp-result-table" }, [
      h("caption", {}, [caption]),
      h("thead", {}, [h("tr", {}, headers.map(t => h("th", { scope: "col" }, [t])))]),
      h("tbody", {}, rows.map(cells => h("tr", {}, cells.map((c, i) => h(i === head ? "th" : "td", i === head ? { scope: "row" } : {}, [c])))))
    ])]);
  }

  function tone(label, t) { return h("span", { class: "tp-tone tp-tone--" + (t || "neutral") }, [label]); }

  /* How to read a band, category, quadrant or level: label, meaning, which rows, what to do. */
  function advice(g, label, members, t) {
    var actions = g.actions || [];
    return h("div", { class: "tp-result__advice tp-result__advice--" + (t || g.tone || "neutral") }, [
      h("p", {}, [h("strong", {}, [label || g.label]), g.interpretation ? "：" + g.interpretation : ""]),
      members ? h("p", { class: "tp-result__members" }, ["涉及：" + members.join("、")]) : null,
      actions.length ? h("p", { class: "tp-result__actions-title" }, ["建议行动："]) : null,
      actions.length ? h("ul", {}, actions.map(a => h("li", {}, [a]))) : null
    ]);
  }

  function storage() {
    try { return window.localStorage || null; } catch (e) { return null; }
  }

  function stamp() {
    var d = new Date();
    function p(n) { return (n < 10 ? "0" : "") + n; }
    return "" + d.getFullYear() + p(d.getMonth() + 1) + p(d.getDate()) + "-" + p(d.getHours()) + p(d.getMinutes());
  }

  function download(name, text, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var a = h("a", { href: url, download: name, hidden: "" });
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    // A moment later: revoking during the click can cancel the download in some browsers.
    window.setTimeout(() => { URL.revokeObjectURL(url); }, 1000);
  }

  /* Spreadsheets run a cell that starts with = + - @ as a formula: typed names stay text. */
  function safeText(s) { return /^[=+\-@\t\r]/.test(s) ? "'" + s : s; }
  function csvLine(cells) {
    return cells.map(c => '"' + String(c).replace(/"/g, '""') + '"').join(",");
  }

  function mount(root) {
    if (root.getAttribute("data-tp-bound") === "1" || !window.TouchpointScoring) return;
    var def;
    try {
      def = JSON.parse(root.querySelector("script[data-tp-scale-definition]").textContent);
    } catch (e) {
      return; // no usable definition: the page stays a paper form
    }
    var form = root.querySelector("form[data-tp-scale-form]");
    var results = root.querySelector("section[data-tp-scale-results]");
    var status = root.querySelector("p[data-tp-scale-status]");
    if (!isObj(def) || !form || !results || !status) return;
    root.setAttribute("data-tp-bound", "1");

    var mode = def.mode;
    var key = PREFIX + def.id + "@" + def.version;
    var list = form.querySelector("[data-tp-rows]");
    var rowsMode = !!list;
    var rowLabel = rowsMode && def.rows.label ? def.rows.label : "行";
    var minRows = rowsMode ? parseInt(list.getAttribute("data-tp-rows-min"), 10) || 1 : 0;
    var maxRows = rowsMode ? parseInt(list.getAttribute("data-tp-rows-max"), 10) || 20 : 0;
    var fields = mode === "matrix" ? def.criteria.map(c => [c.id, c.label]) : FIELDS[mode] || [];
    var fieldIds = fields.map(f => f[0]);
    var items = mode === "nps" ? [{ id: "nps", text: def.item.text }] : def.items || [];
    var itemIds = items.map(i => i.id);
    var subscales = def.subscales || [];
    var levels = {};
    (def.levels || []).forEach(l => { levels[l.id] = l; });
    var commentBox = form.querySelector("[data-tp-comment]");
    var addButton = form.querySelector("[data-tp-row-add]");
    var template = null;
    var sticky = {}; // lasting status lines (storage broken, old versions) kept after each message
    var message = "";

    form.reset(); // restore from storage only, never what the browser refilled on a back navigation
    form.addEventListener("submit", e => { e.preventDefault(); }); // Enter must not reload

    if (rowsMode) {
      all(form, ".tp-row__tools, .tp-scale__add").forEach(el => { el.hidden = false; });
      all(form, "[data-tp-row-name]").forEach(input => { input.placeholder = "输入" + rowLabel + "名称"; });
      var first = list.querySelector("[data-tp-row]");
      if (first) {
        template = first.cloneNode(true);
        var blank = template.querySelector("[data-tp-row-name]");
        blank.removeAttribute("value");
        blank.value = "";
      }
    }

    // --- the form ---

    function rowItems() { return rowsMode ? all(list, "[data-tp-row]") : []; }

    /* The radio groups in `scope` named by `attr` (data-tp-item in the form, data-tp-field in a
     * row) read into `out` (unanswered: left out of answers, null in rows) or set from `values`. */
    function readBoxes(scope, attr, out) {
      all(scope, "[" + attr + "]").forEach(box => {
        var r = box.querySelector("input[type=radio]:checked");
        if (r || rowsMode) out[box.getAttribute(attr)] = r ? Number(r.value) : null;
      });
      return out;
    }
    function writeBoxes(scope, attr, values) {
      all(scope, "[" + attr + "]").forEach(box => {
        var v = own(values, box.getAttribute(attr)) ? values[box.getAttribute(attr)] : null;
        all(box, "input[type=radio]").forEach(r => { r.checked = isNum(v) && Number(r.value) === v; });
      });
    }

    function readResponse() {
      if (!rowsMode) return { answers: readBoxes(form, "data-tp-item", {}) };
      return {
        rows: rowItems().map(li => {
          return readBoxes(li, "data-tp-field", { name: li.querySelector("[data-tp-row-name]").value.trim() });
        })
      };
    }

    function writeResponse(response, comment) {
      if (rowsMode) {
        var rows = response.rows || [];
        setRowCount(Math.max(rows.length, minRows));
        rowItems().forEach((li, i) => {
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
      rowItems().forEach((li, i) => {
        var base = def.id + "--r" + (i + 1);
        var input = li.querySelector("[data-tp-row-name]");
        var legend = li.querySelector(".tp-row__n");
        var label = li.querySelector(".tp-row__name label");
        var remove = li.querySelector("[data-tp-row-remove]");
        if (legend) legend.textContent = rowLabel + " " + (i + 1);
        input.id = input.name = base + "--name";
        if (label) label.htmlFor = input.id;
        if (remove) remove.setAttribute("aria-label", "删除此行（" + rowLabel + " " + (i + 1) + "）");
        all(li, "[data-tp-field]").forEach(box => {
          var name = base + "--" + box.getAttribute("data-tp-field");
          all(box, "input[type=radio]").forEach(r => { r.name = name; });
        });
      });
    }

    function setRowCount(n) {
      var rows = rowItems();
      for (var i = rows.length; i < n && template; i += 1) list.appendChild(template.cloneNode(true));
      for (var j = rows.length - 1; j >= n; j -= 1) list.removeChild(rows[j]);
      renumber();
      var count = rowItems().length;
      if (addButton) addButton.disabled = !template || count >= maxRows;
      all(form, "[data-tp-row-remove]").forEach(b => { b.disabled = count <= minRows; });
    }

    function addRow() {
      var count = rowItems().length;
      if (!template || count >= maxRows) return;
      setRowCount(count + 1);
      list.lastElementChild.querySelector("[data-tp-row-name]").focus();
      update();
      say("已添加" + rowLabel + " " + (count + 1) + "。");
    }

    function removeRow(li) {
      var rows = rowItems();
      var index = rows.indexOf(li);
      if (index === -1 || rows.length <= minRows) return;
      var name = li.querySelector("[data-tp-row-name]").value.trim();
      list.removeChild(li);
      setRowCount(rows.length - 1);
      rows = rowItems();
      rows[Math.min(index, rows.length - 1)].querySelector("[data-tp-row-name]").focus();
      update();
      say("已删除" + (name ? quoted(name) : rowLabel + " " + (index + 1)) + "。");
    }

    // --- scoring and results ---

    /* Rows are scored under their positions ("#0", "#1", …), not their names: names may be empty
     * or repeat, and rankings list names only. The page shows the person's names. */
    function score(response) {
      if (!rowsMode) return window.TouchpointScoring.scoreResponse(def, response);
      var r = window.TouchpointScoring.scoreResponse(def, { rows: response.rows.map((row, i) => {
        var copy = { name: "#" + i };
        fieldIds.forEach(f => { copy[f] = row[f]; });
        return copy;
      }) });
      // ranked: row positions in ranking order; order: those, then the rest as entered.
      r.ranked = (r.ranking || []).map(n => +n.slice(1));
      r.order = r.ranked.concat(r.rows.map((x, i) => i).filter(i => r.ranked.indexOf(i) < 0));
      return r;
    }

    function showQuestionnaire(r) {
      var s = def.scoring;
      var out = ["已答 " + r.answered + " / " + r.total_items + " 题。", []];
      if (r.score === null) {
        out[0] += "至少回答 " + s.min_answered + " 题后显示总分。";
      } else {
        out[0] += "得分 " + fmt1(r.score) + (s.normalize === "pomp" ? "（0–100）" : "") + (r.band ? "，" + r.band.label : "") + "。";
        if (r.band) out[1].push(advice(r.band));
      }
      if (subscales.length) {
        var weak = isNum(s.weakest_link);
        out[1].push(table("分量表得分", ["分量表", "得分"].concat(weak ? ["提示"] : []), subscales.map(sub => {
          var cells = [sub.label, orNone(r.subscales[sub.id], fmt1)];
          if (weak) cells.push(r.weakest.indexOf(sub.id) === -1 ? "" : tone("短板", "bad"));
          return cells;
        }), 0));
      }
      return out;
    }

    function showNps(r) {
      var cat = r.category ? def.categories[r.category] : null;
      return [r.score === null ? "尚未作答：请选择 0–10 分。" : "你的回答：" + r.score + " 分，" + cat.label + "。", [
        cat ? advice(cat, null, null, CATEGORY_TONE[r.category]) : null,
        h("p", { class: "tp-scale__note" }, [
          "个人只显示类别。NPS（推荐者占比 − 贬损者占比）是小组指标，需要汇总多人的回答：请导出 JSON 交给培训师，在",
          h("a", { href: GROUP_URL }, ["小组汇总"]), "页面查看。"
        ])
      ]];
    }

    /* Shared by the row modes: the summary line, a table (or a hint while nothing is complete),
     * then the advice of each group (`groups` in order; `groupOf(row)` is the row's group). */
    function showRows(r, response, hint, caption, headers, head, cells, groups, groupOf) {
      var done = r.rows.filter(row => groupOf(row)).length;
      var nodes = [];
      function nameAt(i) { return response.rows[i].name || rowLabel + " " + (i + 1) + "（未命名）"; }
      if (!done) {
        nodes.push(h("p", {}, [hint]));
      } else {
        nodes.push(table(caption, headers, r.order.map(i => {
          var row = r.rows[i];
          var g = groupOf(row);
          return cells(row, nameAt(i), g ? tone(g.label, g.tone) : "未完成");
        }), head));
        groups.forEach(g => {
          var members = r.order.filter(i => groupOf(r.rows[i]) === g).map(nameAt);
          if (members.length) nodes.push(advice(g, mode === "fmea" ? "优先级" + g.label : null, members));
        });
      }
      return [(mode === "matrix" ? "已完成 " : "") + done + " / " + r.rows.length + " 个" + rowLabel +
        (mode === "matrix" ? "的评分。" : "已填写完整。"), nodes];
    }

    function showMatrix(r, response) {
      return showRows(r, response, "每个" + rowLabel + "至少评 " + def.min_answered + " 项后，这里显示指数和排名。",
        rowLabel + "排名（按指数由高到低，指数为 0–100）", ["名次", rowLabel, "指数", "结果"], 1,
        (row, name, g) => [orNone(row.rank), name, orNone(row.index, fmt1), g],
        def.bands.slice().reverse(), row => row.band);
    }

    function showIpa(r, response) {
      var q = def.quadrants;
      var c = r.crosshair;
      var shown = showRows(r, response, "至少为一个" + rowLabel + "同时填写重要性和表现后，这里显示所在象限。",
        "各" + rowLabel + "的象限（差距 = 表现 − 重要性）", [rowLabel, "重要性", "表现", "差距", "象限"], 0,
        (row, name, g) => {
          var gap = row.gap === null ? "—" : row.gap > 0 ? "+" + fmt2(row.gap) : row.gap < 0 ? "−" + fmt2(-row.gap) : "0";
          return [name, orNone(row.importance), orNone(row.performance), gap, g];
        },
        [q.concentrate, q.keep_up, q.low_priority, q.overkill], row => q[row.quadrant] || null);
      if (c) {
        shown[1].unshift(h("p", {}, ["十字线：重要性 " + fmt2(c.importance) + "，表现 " + fmt2(c.performance) +
          (def.crosshair === "scale_mid" ? "（量尺中点）。" : "（已填完整的" + rowLabel + "的均值）。")]));
      }
      return shown;
    }

    function showFmea(r, response) {
      return showRows(r, response, "为" + rowLabel + "填写严重度 S、发生度 O、探测度 D 三项后，这里显示 RPN 和优先级。",
        "风险排序（先按优先级，再按 RPN 由高到低；S = 严重度，O = 发生度，D = 探测度）",
        [rowLabel, "S", "O", "D", "RPN", "优先级"], 0,
        (row, name, g) => {
          return [name, orNone(row.severity), orNone(row.occurrence), orNone(row.detection), orNone(row.rpn), g];
        },
        def.levels, row => levels[row.level] || null);
    }

    var SHOW = { questionnaire: showQuestionnaire, nps: showNps, matrix: showMatrix, ipa: showIpa, fmea: showFmea };

    // The results are rebuilt on every click; announcing all of them each time would drown a
    // screen-reader user, so only the one-line summary is a live region.
    var noscript = results.querySelector("[data-tp-scale-noscript]");
    if (noscript) results.removeChild(noscript);
    results.setAttribute("aria-live", "off");
    var headline = h("p", { class: "tp-scale__headline", "aria-live": "polite" });
    var output = h("div", { class: "tp-scale__output" });
    var chart = mode === "questionnaire" && !subscales.length ? null : CHART[mode];
    results.appendChild(h("p", { class: "tp-scale__results-title" }, ["结果"])); // not a heading: it would sit out of order
    results.appendChild(headline);
    // Charts come later and draw into this placeholder, beside the data tables.
    var chartBox = chart ? h("div", { class: "tp-scale__chart", "data-tp-chart": chart, hidden: "" }) : null; // charts
    if (chartBox) results.appendChild(chartBox);
    results.appendChild(output);

    function render(response) {
      var r = score(response); // charts: the same result feeds the tables and the chart
      var shown = SHOW[mode](r, response);
      headline.textContent = shown[0];
      while (output.firstChild) output.removeChild(output.firstChild);
      shown[1].forEach(n => { if (n) output.appendChild(n); });
      // charts: scale-charts.js redraws (or hides) the chart from this result.
      if (chartBox && window.TouchpointCharts) window.TouchpointCharts.draw(chartBox, chart, { def: def, result: r, response: response });
    }

    // --- status and storage ---

    function say(text, reveal) {
      message = text;
      var lines = [text].concat(Object.keys(sticky).map(k => sticky[k])).filter(Boolean);
      status.textContent = lines.join(" ");
      status.hidden = !lines.length;
      // The status sits above the form, far from the toolbar: bring a file or clear result into view.
      if (reveal) status.scrollIntoView({ block: "nearest" });
    }

    function storageFailed() {
      sticky.storage = NO_STORAGE;
      say(message);
    }

    function exportObject(response) {
      var out = {
        format: FORMAT, format_version: 1, scale: def.id, version: def.version, title: def.title,
        saved_at: new Date().toISOString(), response: response
      };
      if (commentBox) out.comment = commentBox.value;
      return out;
    }

    function update() {
      var response = readResponse();
      try {
        storage().setItem(key, JSON.stringify(exportObject(response)));
      } catch (e) {
        if (!sticky.storage) storageFailed(); // the form keeps working; the answers are just not kept
      }
      render(response);
    }

    /* Answers saved under another version are never scored with this definition: offer them as
     * a download, or to discard them. */
    function offerOld(ls, oldKey) {
      var version = oldKey.slice((PREFIX + def.id + "@").length);
      var id = "old:" + oldKey;
      sticky[id] = `本量表已更新为第 ${def.version} 版；此前保存的第 ${version} 版答案不会按新版计分，没有填入表中，可以下载留存或删除。`;
      var box = h("p", { class: "tp-scale__old" }, [
        button("下载第 " + version + " 版旧答案（JSON）", () => {
          var raw = ls.getItem(oldKey) || "";
          try { raw = JSON.stringify(JSON.parse(raw), null, 2); } catch (e) { /* keep the stored text */ }
          download(def.id + "-v" + version + "-" + stamp() + ".json", raw, "application/json");
        }),
        button("删除旧答案", () => {
          ls.removeItem(oldKey);
          box.parentNode.removeChild(box);
          delete sticky[id];
          say("已删除第 " + version + " 版的旧答案。");
        })
      ]);
      status.parentNode.insertBefore(box, status.nextSibling);
      say(message);
    }

    function loadStored() {
      var ls = storage();
      var raw;
      try {
        raw = ls.getItem(key);
        for (var i = 0; i < ls.length; i += 1) {
          var k = ls.key(i);
          if (k !== key && k.indexOf(PREFIX + def.id + "@") === 0) offerOld(ls, k);
        }
      } catch (e) {
        storageFailed();
        return null;
      }
      try {
        var obj = JSON.parse(raw);
        return validate(obj) ? null : obj;
      } catch (e) {
        return null; // unreadable: start empty; the next change overwrites it
      }
    }

    // --- files ---

    /* "" when `obj` is an export of this scale and version, else the reason. */
    function validate(obj) {
      if (!isObj(obj) || obj.format !== FORMAT) return "这不是本课程量表导出的答案文件。";
      if (obj.format_version !== 1) return "文件格式的版本无法识别。";
      if (typeof obj.scale !== "string") return "文件中缺少量表编号。";
      if (obj.scale !== def.id) {
        return "这是" + (typeof obj.title === "string" && obj.title ? quoted(obj.title.slice(0, 60)) : "其他量表") +
          "的答案，不是本量表" + quoted(def.title) + "的答案。";
      }
      if (!isNum(obj.version) || Math.floor(obj.version) !== obj.version) return "文件中缺少有效的量表版本号。";
      if (obj.version !== def.version) {
        return "本量表已更新（现为第 " + def.version + " 版），文件中是第 " + obj.version + " 版的答案，不能按新版计分。";
      }
      if (obj.comment !== undefined && obj.comment !== null && typeof obj.comment !== "string") return "补充意见应为文字。";
      var resp = isObj(obj.response) ? obj.response : {};
      var rows = rowsMode ? resp.rows : [resp.answers];
      var bad = "";
      if (!Array.isArray(rows) || !rows.every(isObj)) return rowsMode ? "答案应为各行的列表。" : "答案应为各题的分数。";
      if (rowsMode && rows.length > maxRows) return "文件中有 " + rows.length + " 行，超过本量表的上限 " + maxRows + " 行。";
      rows.some((row, i) => {
        var at = rowsMode ? "第 " + (i + 1) + " 行" : "";
        if (rowsMode && (typeof row.name !== "string" || row.name.length > 40)) bad = at + "的名称应为不超过 40 个字的文字。";
        Object.keys(row).some(k => {
          if (bad || (rowsMode && k === "name")) return bad;
          if ((rowsMode ? fieldIds : itemIds).indexOf(k) < 0) bad = at + "有本量表没有的" + (rowsMode ? "评价项" : "题目") + quoted(k.slice(0, 40)) + "。";
          else if (row[k] !== null && !isNum(row[k])) bad = at + quoted(k) + "的答案应为数字或留空。";
          return bad;
        });
        return bad;
      });
      return bad;
    }

    function importFile(file) {
      var name = file.name || "所选文件";
      function fail(why) { say("无法导入" + quoted(name) + "：" + why + "已有的答案没有改变。", true); }
      if (file.size > 1048576) return fail("文件超过 1 MB，不是本页导出的答案文件。");
      var reader = new FileReader();
      reader.onload = () => {
        var obj;
        try {
          obj = JSON.parse(String(reader.result).replace(/^\ufeff/, ""));
        } catch (e) {
          return fail("文件不是有效的 JSON。");
        }
        var why = validate(obj);
        if (why) return fail(why);
        writeResponse(obj.response, obj.comment);
        update();
        say("已导入" + quoted(name) + "。", true);
      };
      reader.onerror = () => { fail("无法读取文件。"); };
      reader.readAsText(file);
    }

    function csv() {
      var response = readResponse();
      var r = score(response);
      function num(x) { return x === null || x === undefined ? "" : fmt2(x); }
      var lines;
      if (!rowsMode) {
        lines = [["题号", "题目", "答案"]].concat(items.map((item, i) => [i + 1, item.text, num(response.answers[item.id])]));
        if (mode === "nps") {
          lines.push(["", "类别", r.category ? def.categories[r.category].label : ""]);
          if (commentBox) lines.push(["", "补充意见", safeText(commentBox.value)]);
        } else {
          lines.push(["", "已答题数", r.answered + " / " + r.total_items],
            ["", "总分" + (def.scoring.normalize === "pomp" ? "（0–100）" : ""), num(r.score)],
            ["", "结果", r.band ? r.band.label : ""]);
          subscales.forEach(sub => {
            var weak = r.weakest.indexOf(sub.id) === -1 ? "" : "（短板）";
            lines.push(["", "分量表：" + sub.label + weak, num(r.subscales[sub.id])]);
          });
        }
      } else {
        // Each row: its name, its fields, then what the engine computed (labels for band/quadrant/level).
        var extra = { matrix: [["index", "指数"], ["band", "结果"], ["rank", "名次"]], ipa: [["gap", "差距"], ["quadrant", "象限"]],
          fmea: [["rpn", "RPN"], ["level", "优先级"]] }[mode];
        var label = { band: (b) => b.label, quadrant: (q) => def.quadrants[q].label, level: (l) => levels[l].label };
        lines = [[rowLabel].concat(fields.concat(extra).map(f => f[1]))].concat(r.rows.map((row, i) => {
          var v = (k) => row[k] === null ? "" : label[k] ? label[k](row[k]) : num(row[k]);
          return [safeText(response.rows[i].name)].concat(fieldIds.map(f => num(response.rows[i][f])), extra.map(e => v(e[0])));
        }));
        if (r.crosshair) lines.push(["十字线", num(r.crosshair.importance), num(r.crosshair.performance), "", ""]);
      }
      return "\ufeff" + lines.map(csvLine).join("\r\n") + "\r\n";
    }

    function clearAll() {
      if (!window.confirm("确定清除本量表的全部答案吗？此操作无法撤销。")) return;
      writeResponse({ answers: {}, rows: rowsMode ? def.rows.preset.map(n => ({ name: n })) : [] }, "");
      try { storage().removeItem(key); } catch (e) { /* nothing was kept */ }
      render(readResponse());
      say("已清除本量表的全部答案。", true);
    }

    // --- toolbar and events ---

    var fileInput = h("input", { type: "file", accept: ".json,application/json", hidden: "", tabindex: "-1" });
    fileInput.addEventListener("change", () => {
      if (fileInput.files[0]) importFile(fileInput.files[0]);
      fileInput.value = ""; // so the same file can be chosen again
    });
    results.parentNode.insertBefore(h("div", { class: "tp-scale__toolbar", role: "group", "aria-label": "保存与导入答案" }, [
      button("导出 JSON", () => {
        download(def.id + "-" + stamp() + ".json", JSON.stringify(exportObject(readResponse()), null, 2), "application/json");
      }),
      button("导出 CSV", () => { download(def.id + "-" + stamp() + ".csv", csv(), "text/csv;charset=utf-8"); }),
      button("导入 JSON", () => { fileInput.click(); }),
      button("清除答案", clearAll),
      fileInput
    ]), results);

    form.addEventListener("change", e => { if (e.target.type === "radio") update(); });
    form.addEventListener("input", e => { if (e.target.type !== "radio") update(); });
    form.addEventListener("click", e => {
      var b = e.target.closest("button");
      if (!b || b.disabled) return;
      if (b.hasAttribute("data-tp-row-add")) addRow();
      else if (b.hasAttribute("data-tp-row-remove")) removeRow(b.closest("[data-tp-row]"));
    });

    if (rowsMode) setRowCount(rowItems().length);
    var stored = loadStored();
    if (stored) writeResponse(stored.response, stored.comment);
    render(readResponse());
  }

  function mountAll() {
    Array.prototype.forEach.call(document.querySelectorAll(".tp-scale[data-tp-scale]"), mount);
  }

  window.TouchpointScaleForm = { mountAll: mountAll };

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(mountAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountAll);
  } else {
    mountAll();
  }
})();
