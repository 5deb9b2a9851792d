/* The shell every worksheet kind runs in: reads the page payload, saves on every change (keyed
 * by site, worksheet id and version), restores on load (tp-saved.js keeps other versions and
 * unreadable saves aside), and gives each worksheet the same toolbar: export JSON (and CSV where
 * the kind has a table), import, print, print a blank copy, start again. A kind registers with
 *   TPSheet.kind(kind, function (ctx) { return {read, write, blank, render?, csv?, importCsv?}; })
 * ctx: {def, root (the live area), status, changed(), replace(data, what), uid(suffix)}.
 * read() → the data (as the spec says); write(data) shows data (tolerating missing keys);
 * blank() → the data of a fresh worksheet; render() refreshes computed parts; csv(data) → rows
 * of cells; importCsv(text, name) handles a CSV file. Built on TP, TPSheetFile and TPSaved. */
(function () {
  "use strict";

  var TP = window.TP;
  var F = window.TPSheetFile;
  var h = TP.h;
  var kinds = {};
  var instances = 0;

  function mount(el) {
    var def;
    try { def = JSON.parse(el.querySelector("script[data-tp-worksheet-definition]").textContent); } catch (e) { return; }
    var make = def && kinds[def.kind];
    var live = el.querySelector("[data-tp-ws-live]");
    var paper = el.querySelector("[data-tp-ws-paper]");
    var statusEl = el.querySelector("[data-tp-ws-status]");
    if (!make || !live || !statusEl) return;
    instances += 1;
    var prefix = def.id + "-" + instances;
    var status = TP.status(statusEl);
    var key = TP.store.key("worksheet", def.id + "@" + def.version);
    var saved = null; // the text this tab last saved: a storage event carrying it is our own
    var autosave = false;
    var sheet = null;

    function exported() { return F.build(def, sheet.read(), new Date().toISOString()); }
    function isBlank(data) { return JSON.stringify(data) === JSON.stringify(sheet.blank()); }

    function changed() {
      var text = JSON.stringify(exported());
      var failed = autosave ? TP.store.set(key, text) : "off";
      if (!failed) {
        saved = text;
        status.unstick("full");
      } else if (failed === "full") {
        status.stick("full", "此浏览器暂时无法保存（存储已满或不允许保存），刚才的修改没有保存；请用“导出 JSON”保存。");
      }
      if (sheet.render) sheet.render();
    }

    /* Show `data` instead of what is there, after asking when something would be overwritten. */
    function replace(data, what) {
      if (!isBlank(sheet.read()) && !window.confirm("确定用" + what + "替换当前内容吗？当前内容将被覆盖；如需保留，请取消并先“导出 JSON”。")) {
        return false;
      }
      sheet.write(data);
      changed();
      status.say("已载入" + what + "。", true);
      return true;
    }

    var ctx = {
      def: def, root: live, status: status, changed: changed, replace: replace,
      uid: function (suffix) { return prefix + "--" + suffix; }
    };
    sheet = make(ctx);
    if (!sheet) return;
    live.hidden = false;
    if (paper) paper.hidden = true;

    function readFile(text) { return F.read(text, def.id, def.version, def.spec); }

    autosave = window.TPSaved.attach(def, {
      kind: "worksheet", key: key, status: status,
      read: function (text) { return readFile(text).data; },
      restore: function (obj) { sheet.write(obj.data); },
      empty: function () { sheet.write(sheet.blank()); saved = null; if (sheet.render) sheet.render(); },
      render: function () { if (sheet.render) sheet.render(); },
      isSaved: function (text) { return text === saved; }
    }, statusEl).ok;

    // --- files ---

    function importFile(file) {
      var name = file.name || "所选文件";
      var fail = function (why) { status.say("无法导入" + TP.quoted(name) + "：" + why + "已有的内容没有改变。", true); };
      TP.readText(file, window.TPAnswers.MAX_BYTES).then(function (got) {
        if (got.error) return fail(got.error === "too-large" ? F.message({ code: "too-large" }, def) : "无法读取文件。");
        var text = got.text.replace(/^\ufeff/, "");
        if (sheet.importCsv && !/^\s*[{[]/.test(text)) return sheet.importCsv(got.text, name);
        var r = readFile(got.text);
        if (!r.data) return fail(F.message(r.verdict, def));
        replace(r.data.data, "文件" + TP.quoted(name));
      });
    }

    var accept = ".json,application/json" + (sheet.importCsv ? ",.csv,.tsv,.txt,text/csv,text/plain" : "");
    var fileInput = h("input", { type: "file", accept: accept, hidden: "", tabindex: "-1" });
    fileInput.addEventListener("change", function () {
      if (fileInput.files[0]) importFile(fileInput.files[0]);
      fileInput.value = ""; // so the same file can be chosen again
    });

    function printBlank() {
      if (!paper) return;
      el.classList.add("tp-ws--print-blank");
      paper.hidden = false;
      var restore = function () {
        el.classList.remove("tp-ws--print-blank");
        paper.hidden = true;
        window.removeEventListener("afterprint", restore);
      };
      window.addEventListener("afterprint", restore);
      window.print();
    }

    function startAgain() {
      if (!window.confirm("确定清除本工具的全部内容、重新开始吗？此操作无法撤销。")) return;
      if (autosave) TP.store.remove(key);
      sheet.write(sheet.blank());
      saved = null;
      if (sheet.render) sheet.render();
      status.say("已清除本工具的全部内容。", true);
    }

    var tools = [
      TP.button("导出 JSON", function () {
        TP.download(def.id + "-" + TP.stamp() + ".json", JSON.stringify(exported(), null, 2), "application/json");
      }, "tp-ws__tool"),
      sheet.csv ? TP.button("导出 CSV", function () {
        TP.download(def.id + "-" + TP.stamp() + ".csv", window.TPAnswers.csvText(sheet.csv(sheet.read())), "text/csv;charset=utf-8");
      }, "tp-ws__tool") : null,
      TP.button(sheet.importCsv ? "导入 JSON 或 CSV" : "导入 JSON", function () { fileInput.click(); }, "tp-ws__tool"),
      TP.button("打印", function () { window.print(); }, "tp-ws__tool"),
      paper ? TP.button("打印空白表", printBlank, "tp-ws__tool") : null,
      TP.button("清除内容", startAgain, "tp-ws__tool"),
      fileInput
    ];
    live.parentNode.insertBefore(h("div", { class: "tp-ws__toolbar", role: "group", "aria-label": "保存、导入与打印" }, tools), live);
  }

  window.TPSheet = {
    /* Register a kind; mount every worksheet of that kind on the page (now and later). */
    kind: function (name, make) {
      kinds[name] = make;
      TP.widget("worksheet-" + name, '.tp-ws[data-tp-worksheet="' + name + '"]', mount);
    }
  };
})();
