/* What a scale form or a worksheet finds in this browser's storage when it opens, and what other
 * tabs change later. Nothing stored is overwritten or dropped without the person deciding:
 * answers saved under another version of the definition, and saved answers that can no longer
 * be read, are kept aside and offered for download (older ones and unreadable ones also for
 * deletion; newer ones are never offered for deletion). Built on TP; window.TPSaved. */
(function () {
  "use strict";

  var TP = window.TP;
  var LEGACY = "touchpoint-scale:"; // keys before answers were scoped by site (kept, never deleted)
  var ASIDE = ":unreadable";

  var WORDS = {
    scale: { thing: "本量表", content: "答案" },
    worksheet: { thing: "本工具", content: "内容" }
  };

  /* def: {id, version}; ctx: {kind ("scale" or "worksheet"), key, status, read(text) → data or
   * null, restore(obj), empty(), render(), isSaved(text)}; `after` is the element the notices go
   * after. */
  function attach(def, ctx, after) {
    var status = ctx.status;
    var w = WORDS[ctx.kind];
    var prefix = TP.store.key(ctx.kind, def.id + "@");
    // keys from before answers were scoped by site: scales only
    var legacyKey = ctx.kind === "scale" ? LEGACY + def.id + "@" + def.version : null;

    function readable(text) { return ctx.read(text || ""); }

    var offered = Object.create(null);

    /* A notice with buttons, kept among the status lines until it is dealt with (once per key). */
    function offer(id, text, storedKey, fileName, deletable) {
      if (offered[storedKey]) return;
      offered[storedKey] = true;
      status.stick(id, text);
      var box = TP.h("p", { class: "tp-scale__old" });
      box.appendChild(TP.button("下载" + fileName.label + "（JSON）", function () {
        var raw = TP.store.get(storedKey).value || "";
        try { raw = JSON.stringify(JSON.parse(raw), null, 2); } catch (e) { /* keep the stored text as it is */ }
        TP.download(fileName.name + "-" + TP.stamp() + ".json", raw, "application/json");
      }));
      if (deletable) {
        box.appendChild(TP.button("删除" + fileName.label, function () {
          if (!window.confirm("确定删除" + fileName.label + "吗？此操作无法撤销。")) return;
          TP.store.remove(storedKey);
          box.parentNode.removeChild(box);
          status.unstick(id);
          status.say("已删除" + fileName.label + "。");
        }));
      }
      after.parentNode.insertBefore(box, after.nextSibling);
    }

    function offerVersion(storedKey) {
      var version = Number(storedKey.slice(storedKey.lastIndexOf("@") + 1));
      if (!TP.isNum(version) || version === def.version) return;
      var file = { label: "第 " + version + " 版的" + w.content, name: def.id + "-v" + version };
      if (version < def.version) {
        offer("v:" + storedKey, w.thing + "已更新为第 " + def.version + " 版；此前保存的第 " + version +
          " 版" + w.content + (ctx.kind === "scale" ? "不会按新版计分，" : "不会按新版读取，") +
          "没有填入表中，可以下载留存或删除。", storedKey, file, true);
      } else {
        offer("v:" + storedKey, "这台设备上还保存着第 " + version + " 版的" + w.content + "，比本页的第 " + def.version +
          " 版新（可能来自更新后的课程网站）；本页不会读取，也不会删除它，可以下载留存。", storedKey, file, false);
      }
    }

    function offerAside(storedKey) {
      offer("aside:" + storedKey, "此前保存在这台设备上的一份" + w.content + "无法读取（可能不完整或已损坏），已原样另存，没有填入表中：" +
        "可以下载留存，或确认无用后删除。", storedKey, { label: "无法读取的旧" + w.content, name: def.id + "-unreadable" }, true);
    }

    /* Move unreadable saved text out of the way of the autosave, keeping every byte. */
    function keepAside(text) {
      var aside = ctx.key + ASIDE;
      if (TP.store.get(aside).value !== null) aside += "-" + Date.now();
      if (TP.store.set(aside, text)) return false; // could not keep it: leave it where it is
      TP.store.remove(ctx.key);
      offerAside(aside);
      return true;
    }

    var current = TP.store.get(ctx.key);
    if (!current.ok) {
      status.stick("blocked", "此浏览器不允许本网站保存数据（例如无痕模式或禁用了网站数据），无法保存" + w.content +
        "，关闭页面后" + w.content + "会丢失；请用“导出 JSON”保存。");
      ctx.render();
      return { ok: false };
    }
    var text = current.value;
    if (text === null && legacyKey) {
      var legacy = TP.store.get(legacyKey).value;
      if (legacy !== null && readable(legacy)) {
        TP.store.set(ctx.key, legacy); // copied, not moved: another course copy may still read it
        text = legacy;
      }
    }
    var blocked = false;
    if (text !== null) {
      var data = readable(text);
      if (data) ctx.restore(data);
      else blocked = !keepAside(text);
    }
    TP.store.keys(prefix).concat(legacyKey ? TP.store.keys(LEGACY + def.id + "@") : []).forEach(function (k) {
      if (k.indexOf(ASIDE) !== -1) { if (k.indexOf(ctx.key + ASIDE) === 0) offerAside(k); return; }
      if (k !== ctx.key && k !== legacyKey) offerVersion(k);
    });
    if (blocked) {
      status.stick("aside", "此前保存的" + w.content + "无法读取，也无法另存；为了不覆盖它，本页的修改不会自动保存，请用“导出 JSON”保存。");
    }

    // Another tab of this scale saved or cleared: follow it, so this tab never writes back older answers.
    TP.store.watch(ctx.key, function (newText) {
      if (ctx.isSaved(newText)) return;
      if (newText === null) {
        ctx.empty();
        status.say("另一个标签页清除了" + w.thing + "的" + w.content + "，本页已同步。");
        return;
      }
      var newer = readable(newText);
      if (!newer) return;
      ctx.restore(newer);
      ctx.render();
      status.say("另一个标签页更新了" + w.thing + "的" + w.content + "，本页已同步为最新的" + w.content + "。");
    });
    ctx.render();
    return { ok: !blocked };
  }

  window.TPSaved = { attach: attach };
})();
