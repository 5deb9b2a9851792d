/* Group page (scales/group.html): a trainer loads many exported answer files and sees each
 * scale's group results, computed by TouchpointScoring.aggregate and laid out by group-views.js.
 * Files are read in the browser; nothing is uploaded. Every file is checked by TPAnswers (the
 * same check as the form's import): a file that cannot be counted is named with its reason,
 * never dropped or counted in part; a file whose bytes were already loaded counts once, and the
 * page says so. Built on TP (tp-core.js). */
(function () {
  "use strict";

  var TP = window.TP;
  var A = window.TPAnswers;
  var h = TP.h;

  function readDefinitions(root) {
    var defs = Object.create(null);
    var order = [];
    TP.all(root, "script[data-tp-scale-definition][data-tp-scale]").forEach(function (s) {
      try {
        var def = JSON.parse(s.textContent);
        if (def && typeof def.id === "string" && !defs[def.id]) { defs[def.id] = def; order.push(def.id); }
      } catch (e) { /* a broken definition is a build bug, caught by the build's tests */ }
    });
    return { defs: defs, order: order };
  }

  /* {file} to count, or {error} with the reason in words. */
  function judge(text, defs) {
    var parsed = A.parse(text);
    if (parsed.verdict.code) return { error: A.message(parsed.verdict, {}) };
    var data = parsed.data;
    var id = data && typeof data === "object" && typeof data.scale === "string" ? data.scale : null;
    var def = id !== null ? defs[id] : undefined;
    // A file of a scale this site does not have fails as "other-scale" against the empty id.
    var verdict = A.check(data, def ? def.id : "", def ? def.version : 0, def ? def.answer_spec : { kind: "answers", fields: [] });
    if (verdict.code === "other-scale") return { error: "本网站没有这个量表（" + TP.quoted(String(id).slice(0, 40)) + "）。" };
    if (verdict.code) return { error: A.message(verdict, def || {}) };
    return { file: { scale: def.id, response: data.response, comment: typeof data.comment === "string" ? data.comment.trim() : "" } };
  }

  function mount(root) {
    var input = root.querySelector("[data-tp-group-input]");
    var drop = root.querySelector("[data-tp-group-drop]");
    var statusEl = root.querySelector("[data-tp-group-status]");
    var results = root.querySelector("[data-tp-group-results]");
    if (!input || !statusEl || !results || !window.TouchpointScoring || !window.TPGroupViews) return;
    var found = readDefinitions(root);
    var state;
    function reset() { state = { byText: Object.create(null), accepted: [], rejected: [], repeats: [] }; }
    reset();

    var exportButton = TP.button("导出汇总 CSV", exportCsv, "md-button--primary tp-group__button");
    var clearButton = TP.button("清空已载入文件", function () {
      reset();
      input.value = "";
      render();
      statusEl.textContent = "已清空所有载入的文件。";
      input.focus();
    }, "tp-group__button");
    var tools = h("div", { class: "tp-group__tools", hidden: "" }, [exportButton, clearButton]);
    results.parentNode.insertBefore(tools, results);

    function groups() {
      var by = Object.create(null);
      state.accepted.forEach(function (f) { (by[f.scale] = by[f.scale] || []).push(f); });
      return found.order.filter(function (id) { return by[id]; }).map(function (id) {
        var def = found.defs[id];
        var agg = window.TouchpointScoring.aggregate(def, by[id].map(function (f) { return f.response; }));
        return { def: def, files: by[id], view: window.TPGroupViews[def.mode](def, agg, by[id]) };
      });
    }

    function fileList(title, entries, describe) {
      return h("ul", { "aria-label": title }, entries.map(function (e) {
        return h("li", {}, [h("strong", { class: "tp-group__file" }, [TP.foreign(e.name)]), "：", describe(e)]);
      }));
    }

    function render() {
      results.textContent = "";
      tools.hidden = !state.accepted.length && !state.rejected.length;
      exportButton.hidden = !state.accepted.length;
      if (state.rejected.length) {
        results.appendChild(h("section", { class: "tp-group__rejected" }, [
          h("h2", {}, ["未能载入的文件（" + state.rejected.length + " 个）"]),
          fileList("未能载入的文件", state.rejected, function (r) { return r.error; })
        ]));
      }
      if (state.repeats.length) {
        results.appendChild(h("section", { class: "tp-group__repeats" }, [
          h("h2", {}, ["内容重复、只计一次的文件（" + state.repeats.length + " 个）"]),
          fileList("内容重复的文件", state.repeats, function (r) { return h("span", {}, ["与已载入的", TP.foreign(r.same), "内容完全相同"]); })
        ]));
      }
      groups().forEach(function (s) {
        var names = h("ul", {}, s.files.map(function (f) { return h("li", {}, [TP.foreign(f.name)]); }));
        results.appendChild(h("section", { class: "tp-group__scale", "data-tp-group-scale": s.def.id }, [
          h("h2", {}, [s.def.title]),
          h("p", { class: "tp-group__count" }, ["已载入答案文件：" + s.files.length + " 份（n = " + s.files.length + "）"])
        ].concat(s.view.nodes, [h("details", { class: "tp-group__files" }, [h("summary", {}, ["查看文件名"]), names])])));
      });
    }

    function addFiles(fileList) {
      var files = Array.prototype.slice.call(fileList || []);
      if (!files.length) return;
      statusEl.textContent = "正在读取 " + files.length + " 个文件……";
      Promise.all(files.map(function (f) { return TP.readText(f, A.MAX_BYTES); })).then(function (read) {
        var counts = { added: 0, bad: 0, repeated: 0 };
        read.forEach(function (r, i) {
          var name = files[i].name || "未命名文件";
          if (r.error) {
            var why = r.error === "too-large" ? A.message({ code: "too-large" }, {}) : "无法读取这个文件。";
            state.rejected.push({ name: name, error: why });
            counts.bad += 1;
            return;
          }
          // The same bytes under any name are the same answers: count them once.
          var same = state.byText[r.text];
          if (same !== undefined) { state.repeats.push({ name: name, same: same }); counts.repeated += 1; return; }
          state.byText[r.text] = name;
          var verdict = judge(r.text, found.defs);
          if (verdict.error) { state.rejected.push({ name: name, error: verdict.error }); counts.bad += 1; return; }
          verdict.file.name = name;
          state.accepted.push(verdict.file);
          counts.added += 1;
        });
        render();
        var parts = ["本次载入 " + counts.added + " 个答案文件"];
        if (counts.bad) parts.push(counts.bad + " 个未能载入（原因见下方）");
        if (counts.repeated) parts.push(counts.repeated + " 个与已载入的文件内容相同，只计一次");
        statusEl.textContent = parts.join("，") + "。目前共 " + state.accepted.length + " 份答案，涉及 " + groups().length + " 个量表。";
      });
    }

    function exportCsv() {
      var now = new Date();
      var lines = [["小组汇总"], ["导出时间", now.toLocaleString("zh-CN")]];
      groups().forEach(function (s) {
        lines.push([], ["【" + s.def.title + "】（" + s.def.id + "，第 " + s.def.version + " 版）"], ["答案文件数", String(s.files.length)]);
        s.view.csv.forEach(function (row) { lines.push(row); });
      });
      var name = "小组汇总-" + TP.stamp() + ".csv";
      TP.download(name, A.csvText(lines), "text/csv;charset=utf-8");
      statusEl.textContent = "已导出 " + name + "。";
    }

    input.addEventListener("change", function () {
      addFiles(input.files);
      input.value = ""; // picking the same files again fires change (and is reported as repeated)
    });
    if (drop) {
      drop.addEventListener("dragover", function (event) {
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
        drop.classList.add("tp-group__drop--over");
      });
      drop.addEventListener("dragleave", function () { drop.classList.remove("tp-group__drop--over"); });
      drop.addEventListener("drop", function (event) {
        event.preventDefault();
        drop.classList.remove("tp-group__drop--over");
        if (event.dataTransfer) addFiles(event.dataTransfer.files);
      });
      // A file dropped just outside the zone would make the browser open it and lose what is loaded.
      ["dragover", "drop"].forEach(function (type) {
        document.addEventListener(type, function (event) {
          var types = event.dataTransfer ? Array.prototype.slice.call(event.dataTransfer.types || []) : [];
          if (types.indexOf("Files") !== -1) event.preventDefault();
        });
      });
    }
  }

  TP.widget("scale-group", "div[data-tp-group]", mount);
})();
