/* The small core under every widget: binding on page load, element and table builders, storage
 * scoped to this course copy, downloads and file reading, a status region, number formats.
 * Classic script (works from file://), ES2017 at most; the browser gets window.TP. Text from a
 * person or a file only ever becomes text nodes or attribute values, never HTML. */
(function () {
  "use strict";

  // --- binding ---

  var widgets = [];

  /* mount(el) runs once for each element matching `selector`, now and on every page view. */
  function widget(name, selector, mount) {
    widgets.push({ name: name, selector: selector, mount: mount });
    bind();
  }

  function bind() {
    widgets.forEach(function (w) {
      Array.prototype.forEach.call(document.querySelectorAll(w.selector), function (el) {
        var bound = (el.getAttribute("data-tp-bound") || "").split(" ");
        if (bound.indexOf(w.name) !== -1) return;
        el.setAttribute("data-tp-bound", bound.concat(w.name).join(" ").trim());
        w.mount(el);
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", bind);

  // --- elements ---

  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }

  /* An element with attributes and children (strings become text nodes; null and "" are skipped). */
  function h(tag, attrs, kids) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "class") el.className = attrs[k];
      else if (attrs[k] !== null && attrs[k] !== undefined) el.setAttribute(k, attrs[k]);
    });
    (kids || []).forEach(function (kid) {
      if (kid === null || kid === undefined || kid === "") return;
      el.appendChild(typeof kid === "string" || typeof kid === "number" ? document.createTextNode(String(kid)) : kid);
    });
    return el;
  }

  /* Text that came from a file or another person: isolated, so right-to-left characters in it
   * cannot reorder the site's own words around it. */
  function foreign(text) { return h("bdi", {}, [String(text)]); }
  /* The same inside a sentence of plain text: quoted, and isolated with U+2068 … U+2069. */
  function quoted(text) { return "“\u2068" + text + "\u2069”"; }

  function button(text, onClick, className) {
    var b = h("button", { type: "button", class: "md-button " + (className || "tp-scale__tool") }, [text]);
    b.addEventListener("click", onClick);
    return b;
  }

  var TABLES = {
    result: { wrap: "tp-scale__table-wrap", table: "tp-bands tp-result-table", num: "tp-num" },
    group: { wrap: "tp-group__table-wrap", table: "tp-group__table", num: "tp-group__num" }
  };

  /* A data table: caption, column headers, rows of cells (text or nodes). opts: head (the
   * column of row headers, default 0), numeric (columns aligned as numbers), kind ("result" on
   * a form, "group" on the group page). Only the wrapper scrolls on a narrow phone. */
  function table(caption, headers, rows, opts) {
    var o = opts || {};
    var head = o.head === undefined ? 0 : o.head;
    var style = TABLES[o.kind || "result"];
    var cell = function (c, i) {
      var attrs = i === head ? { scope: "row" } : {};
      if (o.numeric && o.numeric.indexOf(i) !== -1) attrs.class = style.num;
      return h(i === head ? "th" : "td", attrs, [c]);
    };
    return h("div", { class: style.wrap }, [h("table", { class: style.table }, [
      h("caption", {}, [caption]),
      h("thead", {}, [h("tr", {}, headers.map(function (t) { return h("th", { scope: "col" }, [t]); }))]),
      h("tbody", {}, rows.map(function (cells) { return h("tr", {}, cells.map(cell)); }))
    ])]);
  }

  // --- numbers ---

  function isNum(x) { return typeof x === "number" && isFinite(x); }
  /* x with `digits` decimals, or "—" when there is no number. */
  function fixed(x, digits) { return isNum(x) ? x.toFixed(digits) : "—"; }
  function pct(x) { return isNum(x) ? x.toFixed(1) + "%" : "—"; }
  /* A signed whole number with a real minus sign (NPS, gaps). */
  function signed(x, digits) {
    if (!isNum(x)) return "—";
    var t = Math.abs(x).toFixed(digits || 0);
    return Number(t) === 0 ? t : (x > 0 ? "+" : "\u2212") + t;
  }
  /* A plain number for a spreadsheet: at most two decimals, no trailing zeros. */
  function plain(x) { return isNum(x) ? String(Math.round(x * 100) / 100) : ""; }

  // --- storage, scoped to this course copy ---

  /* Two course copies opened from disk share one origin (file://), so every key carries the
   * copy's site id (mkdocs.yml extra.site_id, in <meta name="tp-site">). */
  var SITE = (function () {
    var meta = document.querySelector('meta[name="tp-site"]');
    return (meta && meta.getAttribute("content")) || "course";
  })();

  /* The browser's storage, or null when it keeps nothing (blocked: reading it throws, or the
   * theme override put an in-memory stand-in there, marked __tpMemory). */
  function local() {
    try {
      var ls = window.localStorage;
      return ls && !ls.__tpMemory ? ls : null;
    } catch (e) {
      return null;
    }
  }

  var store = {
    site: SITE,
    key: function (kind, id) { return "tp:" + SITE + ":" + kind + ":" + id; },
    /* {ok, value} — value is the stored text or null; ok is false when storage cannot be read. */
    get: function (key) {
      var ls = local();
      if (!ls) return { ok: false, value: null };
      try { return { ok: true, value: ls.getItem(key) }; } catch (e) { return { ok: false, value: null }; }
    },
    /* "" when saved, else "blocked" or "full". */
    set: function (key, text) {
      var ls = local();
      if (!ls) return "blocked";
      try { ls.setItem(key, text); return ""; } catch (e) { return "full"; }
    },
    remove: function (key) {
      var ls = local();
      try { if (ls) ls.removeItem(key); return true; } catch (e) { return false; }
    },
    /* Every stored key that starts with `prefix`. */
    keys: function (prefix) {
      var ls = local();
      var out = [];
      try {
        for (var i = 0; ls && i < ls.length; i += 1) {
          var k = ls.key(i);
          if (k !== null && k.indexOf(prefix) === 0) out.push(k);
        }
      } catch (e) { /* nothing readable */ }
      return out;
    },
    /* fn(newText) whenever another tab of this browser changes `key`. */
    watch: function (key, fn) {
      window.addEventListener("storage", function (e) {
        if (e.key === key || e.key === null) fn(e.key === null ? null : e.newValue);
      });
    }
  };

  // --- files ---

  function stamp() {
    var d = new Date();
    var p = function (n) { return (n < 10 ? "0" : "") + n; };
    return "" + d.getFullYear() + p(d.getMonth() + 1) + p(d.getDate()) + "-" + p(d.getHours()) + p(d.getMinutes());
  }

  function download(name, text, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var a = h("a", { href: url, download: name, hidden: "" });
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    // A moment later: revoking during the click can cancel the download in some browsers.
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  /* Promise of {text} or {error: "too-large" | "unreadable"}; never rejects. */
  function readText(file, maxBytes) {
    return new Promise(function (resolve) {
      if (file.size > maxBytes) return resolve({ error: "too-large" });
      var reader = new FileReader();
      reader.onload = function () { resolve({ text: String(reader.result) }); };
      reader.onerror = function () { resolve({ error: "unreadable" }); };
      reader.readAsText(file);
    });
  }

  // --- status ---

  /* A status line: say() replaces the passing message; stick()/unstick() keep lasting notes
   * (storage unavailable, answers kept aside) after every message until they are resolved. */
  function status(el) {
    var message = "";
    var sticky = {};
    function show(reveal) {
      var lines = [message].concat(Object.keys(sticky).map(function (k) { return sticky[k]; })).filter(Boolean);
      el.textContent = lines.join(" ");
      el.hidden = !lines.length;
      // The status sits above the form, far from the toolbar: bring a file or clear result into view.
      if (reveal && el.scrollIntoView) el.scrollIntoView({ block: "nearest" });
    }
    return {
      say: function (text, reveal) { message = text; show(reveal); },
      stick: function (id, text) { sticky[id] = text; show(false); },
      unstick: function (id) { if (id in sticky) { delete sticky[id]; show(false); } },
      has: function (id) { return id in sticky; }
    };
  }

  window.TP = {
    widget: widget, bind: bind, all: all, h: h, foreign: foreign, quoted: quoted, button: button, table: table,
    isNum: isNum, fixed: fixed, pct: pct, signed: signed, plain: plain,
    store: store, stamp: stamp, download: download, readText: readText, status: status
  };
})();
