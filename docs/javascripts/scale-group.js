/* Group page (scales/group.html): a trainer loads many exported answer files and sees the group
 * results of each scale, computed by TouchpointScoring.aggregate (never re-implemented here).
 * Files are read in the browser with FileReader; nothing is uploaded, no network, works from
 * file://. Classic script, bound once per page view, idempotent; does nothing on other pages.
 * Text from files (names, comments, file names) only ever reaches the page via textContent. */
(function () {
  "use strict";

  var FORMAT = "touchpoint-scale-response";
  var MAX_BYTES = 2 * 1024 * 1024; // answer files are a few kB; anything huge is not one
  var MAX_NAME = 40;
  var ROW_FIELDS = {
    ipa: function () { return ["importance", "performance"]; },
    fmea: function () { return ["severity", "occurrence", "detection"]; },
    matrix: function (def) { return (def.criteria || []).map(function (c) { return c.id; }); }
  };
  var NPS_LABELS = { promoter: "推荐者", passive: "被动者", detractor: "贬损者" };
  var NPS_RANGES = { promoter: "9–10 分", passive: "7–8 分", detractor: "0–6 分" };

  function isObject(x) { return x !== null && typeof x === "object" && !Array.isArray(x); }
  function has(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
  function isNum(x) { return typeof x === "number" && isFinite(x); }
  function chars(s) { return Array.from(s).length; } // code points, as the Python side counts
  function fixed(x, digits) { return isNum(x) ? x.toFixed(digits) : "—"; }
  function pct(x) { return isNum(x) ? x.toFixed(1) + "%" : "—"; }
  function short(s) { s = String(s); return chars(s) > 40 ? Array.from(s).slice(0, 40).join("") + "…" : s; }
  /* NPS is an integer from −100 to +100 with an explicit sign (a real minus sign on screen). */
  function npsText(x) {
    if (!isNum(x)) return "—";
    var r = Math.round(x);
    return r > 0 ? "+" + r : r < 0 ? "\u2212" + -r : "0";
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  /* A real table: caption, column headers, and the first cell of each row as its row header.
   * The wrapper only scrolls if a phone is too narrow; the page itself never scrolls sideways. */
  function table(caption, headers, rows, numeric) {
    var wrap = el("div", "tp-group__table-wrap");
    var t = el("table", "tp-group__table");
    t.appendChild(el("caption", null, caption));
    var head = el("thead");
    var tr = el("tr");
    headers.forEach(function (h) {
      var th = el("th", null, h);
      th.setAttribute("scope", "col");
      tr.appendChild(th);
    });
    head.appendChild(tr);
    t.appendChild(head);
    var body = el("tbody");
    rows.forEach(function (cells) {
      var row = el("tr");
      cells.forEach(function (c, i) {
        var cell = el(i === 0 ? "th" : "td", numeric && numeric.indexOf(i) !== -1 ? "tp-group__num" : null, c);
        if (i === 0) cell.setAttribute("scope", "row");
        row.appendChild(cell);
      });
      body.appendChild(row);
    });
    t.appendChild(body);
    wrap.appendChild(t);
    return wrap;
  }

  // ---------- validation of one file ----------

  function reject(reason) { return { error: reason }; }

  /* The response of `mode` as the brief defines it, or a reason in Chinese. */
  function shapeProblem(def, response) {
    if (!isObject(response)) return "缺少答案内容（response）。";
    if (def.mode === "questionnaire" || def.mode === "nps") {
      var answers = response.answers;
      if (!isObject(answers)) return "答案内容应为“题目→分数”的列表（answers），文件中没有。";
      var known = def.mode === "nps" ? ["nps"] : (def.items || []).map(function (i) { return i.id; });
      var keys = Object.keys(answers);
      for (var k = 0; k < keys.length; k += 1) {
        if (known.indexOf(keys[k]) === -1) return "含有本量表没有的题目“" + short(keys[k]) + "”。";
        if (answers[keys[k]] !== null && !isNum(answers[keys[k]])) return "题目“" + short(keys[k]) + "”的答案不是数字。";
      }
      return null;
    }
    var rows = response.rows;
    var max = (def.rows && def.rows.max) || 50;
    var fields = ROW_FIELDS[def.mode](def);
    if (!Array.isArray(rows)) return "答案内容应为逐行填写的列表（rows），文件中没有。";
    if (rows.length > max) return "共有 " + rows.length + " 行，超过本量表最多 " + max + " 行的限制。";
    for (var r = 0; r < rows.length; r += 1) {
      var row = rows[r];
      var label = "第 " + (r + 1) + " 行";
      if (!isObject(row)) return label + "不是有效的记录。";
      if (typeof row.name !== "string") return label + "缺少名称。";
      if (chars(row.name) > MAX_NAME) return label + "的名称超过 " + MAX_NAME + " 个字。";
      var rowKeys = Object.keys(row);
      for (var j = 0; j < rowKeys.length; j += 1) {
        var key = rowKeys[j];
        if (key === "name") continue;
        if (fields.indexOf(key) === -1) return label + "含有本量表没有的评分项“" + short(key) + "”。";
        if (row[key] !== null && !isNum(row[key])) return label + "的“" + short(key) + "”不是数字。";
      }
    }
    return null;
  }

  /* Parse and check one file's text against the inlined definitions. */
  function validate(text, defs) {
    var data;
    try {
      data = JSON.parse(text.charAt(0) === "\ufeff" ? text.slice(1) : text);
    } catch (e) {
      return reject("不是有效的 JSON 文件，可能已损坏或未保存完整。");
    }
    if (!isObject(data) || data.format !== FORMAT) {
      return reject("不是本网站量表页导出的答案文件。");
    }
    if (data.format_version !== 1) {
      return reject("答案文件的格式版本不受支持，请在量表页重新导出。");
    }
    if (typeof data.scale !== "string" || !has(defs, data.scale)) {
      var id = typeof data.scale === "string" ? "“" + short(data.scale) + "”" : "";
      return reject("未知的量表" + id + "：本网站没有这个量表。");
    }
    var def = defs[data.scale];
    if (typeof data.version !== "number" || Math.floor(data.version) !== data.version) {
      return reject("文件缺少量表的版本号，格式不对。");
    }
    if (data.version !== def.version) {
      // Never score an old answer with a changed definition.
      return reject("“" + def.title + "”已经修改：这份答案按第 " + data.version + " 版作答，当前是第 " +
        def.version + " 版，不能按新版计分，请学员用当前版本重新作答并导出。");
    }
    var problem = shapeProblem(def, data.response);
    if (!problem && data.comment !== undefined && data.comment !== null && typeof data.comment !== "string") {
      problem = "补充意见（comment）不是文字。";
    }
    if (problem) return reject("内容格式不对：" + problem);
    return {
      scale: data.scale,
      response: data.response,
      comment: typeof data.comment === "string" ? data.comment.trim() : ""
    };
  }

  // ---------- per-mode views: each returns {nodes: [...], csv: [[...], ...]} ----------

  /* "满意率（CSAT %）" for top_box [4, 5] on 1–5 items, otherwise "选择 5、6、7 分的比例". */
  function topBoxLabels(def) {
    var top = ((def.scoring && def.scoring.top_box) || []).slice().sort(function (a, b) { return a - b; });
    var scales = def.response_scales || {};
    var oneToFive = (def.items || []).every(function (i) {
      var s = scales[i.scale];
      return s && s.min === 1 && s.max === 5;
    });
    if (oneToFive && top.join(",") === "4,5") return { overall: "满意率（CSAT %）", column: "满意率" };
    return { overall: "选择 " + top.join("、") + " 分的比例", column: "选 " + top.join("、") + " 分" };
  }

  function distribution(dist, scale) {
    var parts = [];
    for (var v = scale.min; v <= scale.max; v += 1) parts.push(v + ":" + (dist[v] || 0));
    return parts.join(" ");
  }

  function viewQuestionnaire(def, agg) {
    var hasTop = ((def.scoring && def.scoring.top_box) || []).length > 0;
    var labels = hasTop ? topBoxLabels(def) : null;
    var nodes = [];
    var csv = [];
    var facts = el("ul", "tp-group__facts");
    // The screen gets rounded, labelled text; the CSV gets plain numbers for a spreadsheet.
    function fact(label, shown, value) {
      facts.appendChild(el("li", null, label + "：" + shown));
      csv.push([label, value]);
    }
    if (hasTop) fact(labels.overall, pct(agg.top_box), fixed(agg.top_box, 1));
    fact("平均得分", fixed(agg.score.mean, 1), fixed(agg.score.mean, 2));
    fact("可计分的答卷", agg.score.n + " 份（至少答 " + def.scoring.min_answered + " 题才计分）", String(agg.score.n));
    nodes.push(facts);

    var headers = ["题目", "人数", "均值", "分布（分值:人数）"];
    if (hasTop) headers.push(labels.column + " %");
    function line(item, i, d) {
      var a = agg.items[item.id];
      var row = [(i + 1) + ". " + item.text, String(a.n), fixed(a.mean, d),
        distribution(a.distribution, def.response_scales[item.scale])];
      if (hasTop) row.push(d === 1 ? pct(a.top_box) : fixed(a.top_box, 1));
      return row;
    }
    var items = def.items || [];
    nodes.push(table("各题结果", headers, items.map(function (item, i) { return line(item, i, 1); }), [1, 2, 4]));
    csv.push([]);
    csv.push(headers);
    items.forEach(function (item, i) { csv.push(line(item, i, 2)); });

    var bandRows = (def.bands || []).map(function (b) {
      return [b.label, b.min + "–" + b.max, String(agg.bands[b.label] || 0)];
    });
    nodes.push(table("得分分段人数", ["分段", "得分范围", "人数"], bandRows, [2]));
    csv.push([]);
    csv.push(["分段", "得分范围", "人数"]);
    bandRows.forEach(function (r) { csv.push(r); });
    return { nodes: nodes, csv: csv };
  }

  function viewNps(def, agg, files) {
    var nodes = [];
    var csv = [];
    var counts = { promoter: agg.promoters, passive: agg.passives, detractor: agg.detractors };
    function share(k) { return agg.n ? (100 * counts[k]) / agg.n : null; }
    var rows = ["promoter", "passive", "detractor"].map(function (k) {
      return [NPS_LABELS[k], NPS_RANGES[k], String(counts[k]), pct(share(k))];
    });
    var figure = el("p", "tp-group__figure");
    figure.appendChild(el("span", "tp-group__figure-label", "净推荐值（NPS）"));
    figure.appendChild(el("strong", "tp-group__figure-value", npsText(agg.nps)));
    nodes.push(figure);
    var facts = el("ul", "tp-group__facts");
    facts.appendChild(el("li", null, "作答人数：" + agg.n));
    facts.appendChild(el("li", null, "NPS = 推荐者占比 − 贬损者占比，范围 −100 至 +100，是一个分值，不是百分比。"));
    if (agg.band) facts.appendChild(el("li", null, "分段：" + agg.band.label + "。" + agg.band.interpretation));
    nodes.push(facts);
    if (agg.n < 10) {
      nodes.push(el("p", "tp-group__note",
        "注意：作答不足 10 人，一两个人的选择就会让 NPS 大幅变动，这个数字很不稳定，只宜作参考。"));
    }
    nodes.push(table("推荐者、被动者与贬损者", ["类别", "分数", "人数", "占比"], rows, [2, 3]));
    csv.push(["作答人数", String(agg.n)]);
    csv.push(["NPS（−100 至 +100）", isNum(agg.nps) ? String(Math.round(agg.nps)) : "—"]);
    csv.push(["分段", agg.band ? agg.band.label : "—"]);
    csv.push([]);
    csv.push(["类别", "分数", "人数", "占比 %"]);
    ["promoter", "passive", "detractor"].forEach(function (k, i) { csv.push(rows[i].slice(0, 3).concat([fixed(share(k), 1)])); });

    var comments = files.filter(function (f) { return f.comment; });
    if (comments.length) {
      nodes.push(el("h3", "tp-group__subtitle", "学员写下的原因（" + comments.length + " 条）"));
      var list = el("ul", "tp-group__comments");
      csv.push([]);
      csv.push(["分数", "原因"]);
      comments.forEach(function (f) {
        var score = f.response.answers.nps;
        var scoreText = isNum(score) ? score + " 分" : "未打分";
        list.appendChild(el("li", null, scoreText + "：" + f.comment));
        csv.push([scoreText, { text: f.comment }]);
      });
      nodes.push(list);
    }
    return { nodes: nodes, csv: csv };
  }

  function viewIpa(def, agg) {
    var nodes = [];
    var csv = [];
    var quadrants = def.quadrants || {};
    var c = agg.crosshair;
    var how = def.crosshair === "scale_mid" ? "量尺中点" : "各触点小组均值的平均";
    nodes.push(el("p", null, c
      ? "十字线（" + how + "）：重要性 " + fixed(c.importance, 1) + "，表现 " + fixed(c.performance, 1) + "。"
      : "还没有两项都填写的触点，无法划分象限。"));
    var chart = el("div", "tp-group__chart");
    chart.setAttribute("data-tp-chart", "ipa");
    chart.hidden = true;
    nodes.push(chart);
    // charts: scale-charts.js draws it once this section is on the page (it waits for the task to end).
    if (window.TouchpointCharts) window.TouchpointCharts.draw(chart, "ipa", { def: def, result: agg });
    var headers = [(def.rows && def.rows.label) || "触点", "人数", "重要性均值", "表现均值", "象限"];
    var rows = agg.rows.map(function (r) {
      var q = r.quadrant && quadrants[r.quadrant] ? quadrants[r.quadrant].label : "—";
      return [{ text: r.name }, String(r.n), fixed(r.importance, 1), fixed(r.performance, 1), q];
    });
    nodes.push(table("各触点的小组均值", headers.slice(), plain(rows), [1, 2, 3]));
    csv.push(["十字线 重要性", c ? fixed(c.importance, 2) : "—", "十字线 表现", c ? fixed(c.performance, 2) : "—"]);
    csv.push([]);
    csv.push(headers);
    agg.rows.forEach(function (r, i) {
      csv.push([rows[i][0], rows[i][1], fixed(r.importance, 2), fixed(r.performance, 2), rows[i][4]]);
    });
    return { nodes: nodes, csv: csv };
  }

  /* Rows in ranking order, then the rows without a result (input order). */
  function ranked(rows, ranking) {
    var byName = {};
    rows.forEach(function (r) { if (!has(byName, r.name)) byName[r.name] = r; });
    var out = ranking.map(function (name, i) { return { rank: String(i + 1), row: byName[name] }; });
    rows.forEach(function (r) { if (ranking.indexOf(r.name) === -1) out.push({ rank: "—", row: r }); });
    return out;
  }

  function viewMatrix(def, agg) {
    var headers = ["名次", (def.rows && def.rows.label) || "触点", "人数", "平均指数"];
    var list = ranked(agg.rows, agg.ranking);
    var rows = list.map(function (e) { return [e.rank, { text: e.row.name }, String(e.row.n), fixed(e.row.mean_index, 1)]; });
    var csv = [headers].concat(list.map(function (e, i) { return rows[i].slice(0, 3).concat([fixed(e.row.mean_index, 2)]); }));
    return { nodes: [table("各触点的小组排名（指数 0–100）", headers, plain(rows), [0, 2, 3])], csv: csv };
  }

  function viewFmea(def, agg) {
    var levels = {};
    (def.levels || []).forEach(function (l) { levels[l.id] = l.label; });
    var headers = [(def.rows && def.rows.label) || "失效模式", "人数", "严重度 S", "发生度 O", "探测度 D", "RPN", "优先级"];
    var list = ranked(agg.rows, agg.ranking);
    function line(r, d) {
      return [{ text: r.name }, String(r.n), fixed(r.severity, d), fixed(r.occurrence, d), fixed(r.detection, d),
        fixed(r.rpn, d), r.level && has(levels, r.level) ? levels[r.level] : "—"];
    }
    var rows = list.map(function (e) { return line(e.row, 1); });
    var csv = [headers].concat(list.map(function (e) { return line(e.row, 2); }));
    var note = el("p", "tp-group__note", "按优先级、再按 RPN 从高到低排列；S、O、D 为小组均值，RPN = S × O × D（用均值计算）。");
    return { nodes: [note, table("各失效模式的小组风险排序", headers, plain(rows), [1, 2, 3, 4, 5])], csv: csv };
  }

  /* Cells marked {text} come from files: plain strings on screen (textContent anyway). */
  function plain(rows) {
    return rows.map(function (cells) { return cells.map(function (c) { return isObject(c) ? c.text : c; }); });
  }

  var VIEWS = { questionnaire: viewQuestionnaire, nps: viewNps, ipa: viewIpa, matrix: viewMatrix, fmea: viewFmea };

  // ---------- CSV ----------

  /* Every field quoted, inner quotes doubled. Text from files that a spreadsheet would read as a
   * formula (= + - @) gets a leading apostrophe, so opening the CSV never runs anything. */
  function csvField(value) {
    var s = isObject(value) ? String(value.text) : String(value);
    if (isObject(value) && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return '"' + s.replace(/"/g, '""') + '"';
  }

  function stamp(d) {
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + two(d.getMonth() + 1) + two(d.getDate()) + "-" + two(d.getHours()) + two(d.getMinutes());
  }

  function download(lines, name) {
    var text = "\ufeff" + lines.map(function (cells) { return cells.map(csvField).join(","); }).join("\r\n") + "\r\n";
    var url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    // Revoke later: revoking at once can cancel the download in some browsers.
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  // ---------- the page ----------

  function readDefinitions(root) {
    var defs = {};
    var order = [];
    Array.prototype.forEach.call(root.querySelectorAll("script[data-tp-scale-definition][data-tp-scale]"), function (s) {
      try {
        var def = JSON.parse(s.textContent);
        if (isObject(def) && typeof def.id === "string" && !has(defs, def.id)) {
          defs[def.id] = def;
          order.push(def.id);
        }
      } catch (e) {
        // A broken definition is a build bug caught by the build's own tests; skip that scale.
      }
    });
    return { defs: defs, order: order };
  }

  function readFile(file) {
    return new Promise(function (resolve) {
      if (file.size > MAX_BYTES) {
        resolve({ name: file.name, key: file.name + "\n" + file.size, error: "文件过大，不是答案文件。" });
        return;
      }
      var reader = new FileReader();
      reader.onload = function () { resolve({ name: file.name, text: String(reader.result) }); };
      reader.onerror = function () { resolve({ name: file.name, key: file.name + "\n" + file.size, error: "无法读取这个文件。" }); };
      reader.readAsText(file, "utf-8");
    });
  }

  function mountGroup(root) {
    if (root.getAttribute("data-tp-group-bound") === "1") return;
    var input = root.querySelector("[data-tp-group-input]");
    var drop = root.querySelector("[data-tp-group-drop]");
    var status = root.querySelector("[data-tp-group-status]");
    var results = root.querySelector("[data-tp-group-results]");
    if (!input || !status || !results) return;
    root.setAttribute("data-tp-group-bound", "1");
    var found = readDefinitions(root);
    var defs = found.defs;
    var state = { seen: {}, accepted: [], rejected: [] };

    var tools = el("div", "tp-group__tools");
    tools.hidden = true;
    var exportButton = el("button", "md-button md-button--primary tp-group__button", "导出汇总 CSV");
    var clearButton = el("button", "md-button tp-group__button", "清空已载入文件");
    exportButton.type = "button";
    clearButton.type = "button";
    tools.appendChild(exportButton);
    tools.appendChild(clearButton);
    results.parentNode.insertBefore(tools, results);

    function byScale() {
      var groups = {};
      state.accepted.forEach(function (f) { (groups[f.scale] = groups[f.scale] || []).push(f); });
      return groups;
    }

    function build() {
      var groups = byScale();
      var out = [];
      found.order.forEach(function (id) {
        var files = groups[id];
        if (!files) return;
        var def = defs[id];
        var agg = window.TouchpointScoring.aggregate(def, files.map(function (f) { return f.response; }));
        var view = VIEWS[def.mode](def, agg, files);
        out.push({ def: def, files: files, view: view });
      });
      return out;
    }

    function render() {
      results.textContent = "";
      tools.hidden = !state.accepted.length && !state.rejected.length;
      exportButton.hidden = !state.accepted.length;
      if (state.rejected.length) {
        var box = el("section", "tp-group__rejected");
        box.appendChild(el("h2", null, "未能载入的文件（" + state.rejected.length + " 个）"));
        var list = el("ul");
        state.rejected.forEach(function (r) {
          var li = el("li");
          li.appendChild(el("strong", "tp-group__file", r.name));
          li.appendChild(document.createTextNode("：" + r.error));
          list.appendChild(li);
        });
        box.appendChild(list);
        results.appendChild(box);
      }
      build().forEach(function (s) {
        var section = el("section", "tp-group__scale");
        section.setAttribute("data-tp-group-scale", s.def.id);
        section.appendChild(el("h2", null, s.def.title));
        section.appendChild(el("p", "tp-group__count", "已载入答案文件：" + s.files.length + " 份（n = " + s.files.length + "）"));
        s.view.nodes.forEach(function (n) { section.appendChild(n); });
        var details = el("details", "tp-group__files");
        details.appendChild(el("summary", null, "查看文件名"));
        var names = el("ul");
        s.files.forEach(function (f) { names.appendChild(el("li", null, f.name)); });
        details.appendChild(names);
        section.appendChild(details);
        results.appendChild(section);
      });
    }

    function addFiles(fileList) {
      var files = Array.prototype.slice.call(fileList || []);
      if (!files.length) return;
      status.textContent = "正在读取 " + files.length + " 个文件……";
      Promise.all(files.map(readFile)).then(function (read) {
        var added = 0;
        var bad = 0;
        var repeated = 0;
        read.forEach(function (f) {
          // Same name and same content = the same file picked again: count it once.
          var key = f.key || f.name + "\n" + f.text;
          if (has(state.seen, key)) { repeated += 1; return; }
          state.seen[key] = true;
          var result = f.error ? f : validate(f.text, defs);
          if (result.error) {
            state.rejected.push({ name: f.name, error: result.error });
            bad += 1;
          } else {
            state.accepted.push({ name: f.name, scale: result.scale, response: result.response, comment: result.comment });
            added += 1;
          }
        });
        render();
        var parts = ["本次载入 " + added + " 个答案文件"];
        if (bad) parts.push(bad + " 个未能载入（原因见下方）");
        if (repeated) parts.push("跳过 " + repeated + " 个已载入过的相同文件");
        status.textContent = parts.join("，") + "。目前共 " + state.accepted.length + " 份答案，涉及 " +
          Object.keys(byScale()).length + " 个量表。";
      });
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
      guardPageDrops();
    }

    clearButton.addEventListener("click", function () {
      state = { seen: {}, accepted: [], rejected: [] };
      input.value = "";
      render();
      status.textContent = "已清空所有载入的文件。";
      input.focus();
    });

    exportButton.addEventListener("click", function () {
      var now = new Date();
      var lines = [["小组汇总"], ["导出时间", now.toLocaleString("zh-CN")]];
      build().forEach(function (s) {
        lines.push([]);
        lines.push(["【" + s.def.title + "】（" + s.def.id + "，第 " + s.def.version + " 版）"]);
        lines.push(["答案文件数", String(s.files.length)]);
        s.view.csv.forEach(function (row) { lines.push(row); });
      });
      var name = "小组汇总-" + stamp(now) + ".csv";
      download(lines, name);
      status.textContent = "已导出 " + name + "。";
    });
  }

  /* A file dropped just outside the zone would make the browser open it and lose what is loaded.
   * Added once per page (not per mount), and only on pages that have a group. */
  var pageDropsGuarded = false;
  function guardPageDrops() {
    if (pageDropsGuarded) return;
    pageDropsGuarded = true;
    ["dragover", "drop"].forEach(function (type) {
      document.addEventListener(type, function (event) {
        if (event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types || [], "Files") !== -1) {
          event.preventDefault();
        }
      });
    });
  }

  function mountAll() {
    if (!window.TouchpointScoring) return; // scoring.js must load first (mkdocs.yml order)
    Array.prototype.forEach.call(document.querySelectorAll("div[data-tp-group]"), mountGroup);
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(mountAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountAll);
  } else {
    mountAll();
  }
})();
