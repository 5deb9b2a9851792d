/* Scoring engine of the course's scales. The contract is the scoring spec ("Scale definitions and
 * the scoring engine"); "§ mode" below names its sections. A definition is model_dump(mode="json")
 * of macros/models/scale.py. Classic script, no DOM, ES5 style (old WebViews):
 * Node gets it from require(), a browser as window.TouchpointScoring (after tp-stats.js); loading
 * twice is harmless.
 * Missing, null, non-numeric or out-of-range answers are unanswered, never imputed. Scores are
 * not rounded. Only an unknown `mode` throws. */
(function (root, factory) {
  "use strict";
  var node = typeof module !== "undefined" && module.exports;
  var api = factory(node ? require("./tp-stats.js") : root.TPStats);
  if (node) module.exports = api;
  else root.TouchpointScoring = api;
})(typeof window !== "undefined" ? window : typeof self !== "undefined" ? self : this, function (stats) {
  "use strict";

  // Float guard for comparisons only (band limits, crosshairs, rule minimums, ties): a mean of
  // POMP values can come out as 49.99999999999 for an exact 50.
  var EPS = 1e-9;

  function isObject(x) { return x !== null && typeof x === "object" && !Array.isArray(x); }
  function has(obj, key) { return isObject(obj) && Object.prototype.hasOwnProperty.call(obj, key); }
  function obj(x) { return isObject(x) ? x : {}; }
  function arr(x) { return Array.isArray(x) ? x : []; }
  function isNum(x) { return typeof x === "number" && isFinite(x); }
  function sum(list) { return list.reduce(function (a, b) { return a + b; }, 0); }
  function mean(list) { return list.length ? sum(list) / list.length : null; }
  function pluck(list, key) { return list.map(function (x) { return x[key]; }); }
  function pick(list, keys) {
    return list.map(function (x) {
      var out = {};
      keys.forEach(function (k) { out[k] = x[k]; });
      return out;
    });
  }
  function desc(a, b) { return Math.abs(a - b) <= EPS ? 0 : b - a; }
  /* A row's name: text (trimmed) or a number; anything else a file may hold is no name. */
  function nameOf(row) {
    var n = obj(row).name;
    if (typeof n === "string") return n.trim();
    return isNum(n) ? String(n) : "";
  }

  /* The response scale `id` of the definition, or null. */
  function scaleOf(definition, id) {
    var scales = obj(definition.response_scales);
    return has(scales, id) && isObject(scales[id]) ? scales[id] : null;
  }

  /* The value if answered on `scale` (a finite number in [min, max]), else null. */
  function answered(value, scale) {
    if (!scale || !isNum(value) || !(scale.max > scale.min)) return null;
    return value >= scale.min && value <= scale.max ? value : null;
  }
  function field(row, key, scale) { return has(row, key) ? answered(row[key], scale) : null; }

  /* § questionnaire: reverse item, x' = min + max − x. */
  function reverseValue(x, min, max) { return min + max - x; }

  /* § questionnaire / matrix: (x − min) / (max − min) × 100. */
  function pomp(x, min, max) { return ((x - min) / (max - min)) * 100; }

  /* § questionnaire "Band": first band with min ≤ score < max; the last also takes score == max. */
  function bandFor(bands, score) {
    var list = arr(bands);
    if (!isNum(score)) return null;
    for (var i = 0; i < list.length; i += 1) {
      var b = obj(list[i]);
      var last = i === list.length - 1;
      if (score >= b.min - EPS && (score < b.max - EPS || (last && score <= b.max + EPS))) return list[i];
    }
    return null;
  }

  /* § nps: 9–10 promoter, 7–8 passive, 0–6 detractor. */
  function npsCategory(x) {
    if (!isNum(x)) return null;
    return x >= 9 ? "promoter" : x >= 7 ? "passive" : "detractor";
  }

  /* A sorted copy; ties keep the input order (explicitly: old engines' sort is not stable). */
  function stableSort(list, compare) {
    return list
      .map(function (value, index) { return { v: value, i: index }; })
      .sort(function (a, b) { return compare(a.v, b.v) || a.i - b.i; })
      .map(function (e) { return e.v; });
  }

  // § questionnaire

  /* sum: Σv; mean: Σv/n; weighted_mean: Σw·v/Σw; pomp + sum: the mean of v. */
  function combine(entries, scoring) {
    if (!entries.length) return null;
    if (scoring.method === "weighted_mean") {
      return sum(entries.map(function (e) { return e.w * e.v; })) / sum(pluck(entries, "w"));
    }
    var values = pluck(entries, "v");
    return scoring.method === "sum" && scoring.normalize !== "pomp" ? sum(values) : mean(values);
  }

  function scoreQuestionnaire(definition, response) {
    var scoring = obj(definition.scoring);
    var items = arr(definition.items);
    var answers = obj(response.answers);
    var entries = [];
    items.filter(isObject).forEach(function (item) {
      var scale = scaleOf(definition, item.scale);
      var x = field(answers, item.id, scale);
      if (x === null) return;
      if (item.reverse === true) x = reverseValue(x, scale.min, scale.max);
      entries.push({
        sub: item.subscale,
        v: scoring.normalize === "pomp" ? pomp(x, scale.min, scale.max) : x,
        w: isNum(item.weight) && item.weight > 0 ? item.weight : 1
      });
    });
    var score = entries.length >= (scoring.min_answered || 1) ? combine(entries, scoring) : null;
    var subscales = {};
    var weakest = [];
    arr(definition.subscales).filter(isObject).forEach(function (sub) {
      var own = entries.filter(function (e) { return e.sub === sub.id; });
      var s = own.length >= (scoring.subscale_min_answered || 1) ? combine(own, scoring) : null;
      subscales[sub.id] = s;
      // weakest: sub-scales at least `weakest_link` below the total.
      if (isNum(scoring.weakest_link) && score !== null && s !== null && s <= score - scoring.weakest_link + EPS) {
        weakest.push(sub.id);
      }
    });
    return {
      mode: "questionnaire", answered: entries.length, total_items: items.length, score: score,
      band: bandFor(definition.bands, score), subscales: subscales, weakest: weakest
    };
  }

  // § matrix

  function scoreMatrix(definition, response) {
    var rows = arr(response.rows).map(function (row) {
      var sw = 0;
      var swv = 0;
      var n = 0;
      arr(definition.criteria).filter(isObject).forEach(function (c) {
        var scale = scaleOf(definition, c.scale);
        var x = field(row, c.id, scale);
        if (x === null) return;
        var w = isNum(c.weight) && c.weight > 0 ? c.weight : 1;
        sw += w; // weights re-normalised over the answered criteria
        swv += w * pomp(x, scale.min, scale.max);
        n += 1;
      });
      var index = n && n >= (definition.min_answered || 1) ? swv / sw : null;
      return { name: nameOf(row), index: index, band: bandFor(definition.bands, index), rank: null };
    });
    // Ranking: non-null index, descending, ties in input order; rank = 1-based position.
    var ranked = stableSort(rows.filter(function (r) { return r.index !== null; }), function (a, b) {
      return desc(a.index, b.index);
    });
    ranked.forEach(function (r, i) { r.rank = i + 1; });
    return { mode: "matrix", rows: rows, ranking: pluck(ranked, "name") };
  }

  // § ipa

  function scoreIpa(definition, response) {
    var iScale = scaleOf(definition, obj(definition.importance).scale);
    var pScale = scaleOf(definition, obj(definition.performance).scale);
    var rows = arr(response.rows).map(function (row) {
      return {
        name: nameOf(row), importance: field(row, "importance", iScale),
        performance: field(row, "performance", pScale), quadrant: null, gap: null
      };
    });
    var complete = rows.filter(function (r) { return r.importance !== null && r.performance !== null; });
    var c = null;
    if (definition.crosshair === "scale_mid") {
      if (iScale && pScale) c = { importance: (iScale.min + iScale.max) / 2, performance: (pScale.min + pScale.max) / 2 };
    } else if (complete.length) {
      c = { importance: mean(pluck(complete, "importance")), performance: mean(pluck(complete, "performance")) };
    }
    complete.forEach(function (r) {
      r.gap = r.performance - r.importance;
      if (!c) return;
      var highI = r.importance >= c.importance - EPS;
      var highP = r.performance >= c.performance - EPS;
      r.quadrant = highI ? (highP ? "keep_up" : "concentrate") : highP ? "overkill" : "low_priority";
    });
    return { mode: "ipa", crosshair: c, rows: rows };
  }

  // § fmea

  /* Level: the first rule all of whose given minimums hold, else `default_level`. */
  function fmeaLevel(definition, s, o, d, rpn) {
    function ok(min, value) { return min === null || min === undefined || value >= min - EPS; }
    var rules = arr(definition.rules);
    for (var i = 0; i < rules.length; i += 1) {
      var r = obj(rules[i]);
      if (ok(r.min_severity, s) && ok(r.min_occurrence, o) && ok(r.min_detection, d) && ok(r.min_rpn, rpn)) {
        return r.level;
      }
    }
    return definition.default_level === undefined ? null : definition.default_level;
  }

  function scoreFmea(definition, response) {
    var scales = ["severity", "occurrence", "detection"].map(function (k) {
      return scaleOf(definition, obj(definition[k]).scale);
    });
    var levels = arr(definition.levels).map(function (l) { return obj(l).id; });
    var rows = arr(response.rows).map(function (row) {
      var s = field(row, "severity", scales[0]);
      var o = field(row, "occurrence", scales[1]);
      var d = field(row, "detection", scales[2]);
      var rpn = s !== null && o !== null && d !== null ? s * o * d : null;
      var level = rpn === null ? null : fmeaLevel(definition, s, o, d, rpn);
      return { name: nameOf(row), severity: s, occurrence: o, detection: d, rpn: rpn, level: level };
    });
    function rank(level) {
      var p = levels.indexOf(level);
      return p === -1 ? levels.length : p;
    }
    // Ranking: level (first in `levels` = highest), then rpn, then S×O (both descending).
    var ranked = stableSort(rows.filter(function (r) { return r.rpn !== null; }), function (a, b) {
      return rank(a.level) - rank(b.level) || desc(a.rpn, b.rpn) ||
        desc(a.severity * a.occurrence, b.severity * b.occurrence);
    });
    return { mode: "fmea", rows: rows, ranking: pluck(ranked, "name") };
  }

  // § nps

  function scoreNps(definition, response) {
    var scale = scaleOf(definition, obj(definition.item).scale) || { min: 0, max: 10 };
    var x = field(obj(response.answers), "nps", scale);
    return { mode: "nps", answered: x === null ? 0 : 1, score: x, category: npsCategory(x) };
  }

  var SCORERS = { questionnaire: scoreQuestionnaire, matrix: scoreMatrix, ipa: scoreIpa, fmea: scoreFmea, nps: scoreNps };

  function modeOf(definition) {
    var mode = obj(definition).mode;
    if (!has(SCORERS, mode)) {
      throw new Error("TouchpointScoring: unknown mode " + JSON.stringify(mode) +
        " (expected " + Object.keys(SCORERS).join(", ") + ")");
    }
    return mode;
  }

  function scoreResponse(definition, response) {
    return SCORERS[modeOf(definition)](definition, obj(response));
  }

  // § aggregate

  function aggregateQuestionnaire(definition, responses) {
    var topBox = arr(obj(definition.scoring).top_box);
    var items = {};
    var bands = {};
    var scores = [];
    var allN = 0;
    var allTop = 0;
    arr(definition.bands).forEach(function (b) { bands[obj(b).label] = 0; });
    responses.forEach(function (response) {
      var result = scoreQuestionnaire(definition, response);
      if (result.score !== null) scores.push(result.score);
      if (result.band) bands[result.band.label] = (bands[result.band.label] || 0) + 1;
    });
    // Per item: the raw answered values (as entered, before reverse scoring).
    arr(definition.items).filter(isObject).forEach(function (item) {
      var scale = scaleOf(definition, item.scale);
      var values = [];
      var dist = {};
      responses.forEach(function (r) {
        var x = field(obj(r.answers), item.id, scale);
        if (x !== null) { values.push(x); dist[x] = (dist[x] || 0) + 1; }
      });
      var top = values.filter(function (x) { return topBox.indexOf(x) !== -1; }).length;
      allN += values.length;
      allTop += top;
      items[item.id] = {
        n: values.length, mean: mean(values), distribution: dist,
        top_box: topBox.length && values.length ? (100 * top) / values.length : null,
        top_box_interval: topBox.length ? shareInterval(top, values.length) : null
      };
    });
    return {
      n: responses.length, items: items, score: { n: scores.length, mean: mean(scores) },
      top_box: topBox.length && allN ? (100 * allTop) / allN : null,
      top_box_interval: topBox.length ? shareInterval(allTop, allN) : null, bands: bands
    };
  }

  // The intervals live in tp-stats.js (the KPI worksheet needs them without this engine).
  var shareInterval = stats.shareInterval;
  var npsInterval = stats.npsInterval;

  function aggregateNps(definition, responses) {
    var k = { promoter: 0, passive: 0, detractor: 0 };
    responses.forEach(function (r) {
      var c = scoreNps(definition, r).category;
      if (c) k[c] += 1;
    });
    var n = k.promoter + k.passive + k.detractor;
    var nps = n ? (100 * (k.promoter - k.detractor)) / n : null;
    return {
      n: n, promoters: k.promoter, passives: k.passive, detractors: k.detractor,
      nps: nps, interval: npsInterval(k.promoter, k.passive, k.detractor), band: bandFor(definition.bands, nps)
    };
  }

  /* The fields asked of every row, by mode. */
  function rowFields(definition) {
    var mode = modeOf(definition);
    if (mode === "matrix") return arr(definition.criteria).filter(isObject).map(function (c) { return c.id; });
    return mode === "ipa" ? ["importance", "performance"] : ["severity", "occurrence", "detection"];
  }

  /* One person's rows with one name count once: their fields are averaged (over the rows that
   * answered each field) into one row, in order of first appearance. Unnamed rows stay apart. */
  function mergeSameNames(definition, rows) {
    var fields = rowFields(definition);
    var merged = [];
    var byName = Object.create(null);
    arr(rows).filter(isObject).forEach(function (row) {
      var name = nameOf(row);
      if (!name) { merged.push(row); return; }
      if (!byName[name]) merged.push((byName[name] = { name: name, rows: [] }));
      byName[name].rows.push(row);
    });
    return merged.map(function (m) {
      if (!m.rows) return m;
      var out = { name: m.name };
      fields.forEach(function (f) {
        var values = m.rows.filter(function (r) { return isNum(r[f]); }).map(function (r) { return r[f]; });
        out[f] = values.length ? mean(values) : null;
      });
      return out;
    });
  }

  /* Scored rows of every response grouped by trimmed name, in order of first appearance; only
   * rows passing `keep` count. Unnamed rows cannot be matched across people and are left out.
   * Names are keys of a map without a prototype, so "__proto__" or "constructor" is a name. */
  function groupRows(definition, responses, keep) {
    var groups = [];
    var byName = Object.create(null);
    responses.forEach(function (response) {
      var rows = mergeSameNames(definition, obj(response).rows);
      scoreResponse(definition, { rows: rows }).rows.forEach(function (row) {
        if (!row.name) return;
        if (!byName[row.name]) groups.push((byName[row.name] = { name: row.name, rows: [] }));
        if (keep(row)) byName[row.name].rows.push(row);
      });
    });
    return groups;
  }

  /* One row of means per group (fields averaged over the kept rows), scored by the one-person
   * rule, with `n` added. Groups without kept rows get nulls. */
  function scoreMeans(definition, groups, fields) {
    var scored = scoreResponse(definition, {
      rows: groups.map(function (g) {
        var row = { name: g.name };
        fields.forEach(function (f) { row[f] = mean(pluck(g.rows, f)); });
        return row;
      })
    });
    scored.rows.forEach(function (r, i) { r.n = groups[i].rows.length; });
    return scored;
  }

  function aggregateMatrix(definition, responses) {
    var rows = groupRows(definition, responses, function (r) { return r.index !== null; }).map(function (g) {
      return { name: g.name, n: g.rows.length, mean_index: mean(pluck(g.rows, "index")) };
    });
    var ranked = stableSort(rows.filter(function (r) { return r.mean_index !== null; }), function (a, b) {
      return desc(a.mean_index, b.mean_index);
    });
    return { rows: rows, ranking: pluck(ranked, "name") };
  }

  function aggregateIpa(definition, responses) {
    // The group means per touchpoint (over complete rows) as I and P, then the crosshair rule.
    var groups = groupRows(definition, responses, function (r) {
      return r.importance !== null && r.performance !== null;
    });
    var s = scoreMeans(definition, groups, ["importance", "performance"]);
    return { rows: pick(s.rows, ["name", "n", "importance", "performance", "quadrant"]), crosshair: s.crosshair };
  }

  function aggregateFmea(definition, responses) {
    // Mean S, O, D per name (over complete rows); rpn of the means; the rules on the means.
    var groups = groupRows(definition, responses, function (r) { return r.rpn !== null; });
    var s = scoreMeans(definition, groups, ["severity", "occurrence", "detection"]);
    return { rows: pick(s.rows, ["name", "n", "severity", "occurrence", "detection", "rpn", "level"]), ranking: s.ranking };
  }

  var AGGREGATORS = {
    questionnaire: aggregateQuestionnaire, matrix: aggregateMatrix, ipa: aggregateIpa, fmea: aggregateFmea, nps: aggregateNps
  };

  function aggregate(definition, responses) {
    return AGGREGATORS[modeOf(definition)](definition, arr(responses).filter(isObject));
  }

  // Worked examples

  /* Numbers within 0.01, null exactly, arrays in order, objects only for the keys in `expected`. */
  function compare(path, expected, actual, out) {
    var got = actual === undefined ? "nothing" : JSON.stringify(actual);
    var bad = "";
    if (expected === null) bad = actual === null ? "" : "null";
    else if (typeof expected === "number") bad = isNum(actual) && Math.abs(actual - expected) <= 0.01 ? "" : String(expected);
    else if (Array.isArray(expected)) {
      if (!Array.isArray(actual) || actual.length !== expected.length) bad = JSON.stringify(expected);
      else expected.forEach(function (e, i) { compare(path + "[" + i + "]", e, actual[i], out); });
    } else if (isObject(expected)) {
      if (!isObject(actual)) bad = "an object";
      else Object.keys(expected).forEach(function (k) { compare(path + "." + k, expected[k], actual[k], out); });
    } else if (expected !== actual) bad = JSON.stringify(expected);
    if (bad) out.push(path + ": expected " + bad + ", got " + got);
  }

  /* The values the `expect` keys of each mode are checked against. */
  function expectView(r) {
    function byName(key) {
      var out = {};
      r.rows.forEach(function (row) {
        if (!has(out, row.name)) out[row.name] = key === "band" ? (row.band ? row.band.label : null) : row[key];
      });
      return out;
    }
    switch (r.mode) {
      case "questionnaire":
        return { score: r.score, band: r.band ? r.band.label : null, subscales: r.subscales, weakest: r.weakest, answered: r.answered };
      case "matrix": return { scores: byName("index"), bands: byName("band"), ranking: r.ranking };
      case "ipa": return { quadrants: byName("quadrant"), crosshair: r.crosshair };
      case "fmea": return { rpn: byName("rpn"), levels: byName("level"), ranking: r.ranking };
      default: return { category: r.category, score: r.score };
    }
  }

  /* Run a worked example; return its mismatch messages (an empty list when it passes). */
  function checkExample(definition, example) {
    var ex = obj(example);
    var view = expectView(scoreResponse(definition, { answers: ex.answers, rows: ex.rows }));
    var out = [];
    var expect = obj(ex.expect);
    Object.keys(expect).forEach(function (key) {
      if (has(view, key)) compare(key, expect[key], view[key], out);
      else out.push(key + ": not an expect key of mode " + definition.mode + " (known: " + Object.keys(view).join(", ") + ")");
    });
    return out;
  }

  return {
    MODES: Object.keys(SCORERS),
    scoreResponse: scoreResponse,
    aggregate: aggregate,
    checkExample: checkExample,
    bandFor: bandFor,
    npsInterval: npsInterval,
    shareInterval: shareInterval,
    reverseValue: reverseValue,
    pomp: pomp,
    npsCategory: npsCategory,
    fmeaLevel: fmeaLevel,
    isAnswered: function (value, scale) { return answered(value, scale) !== null; }
  };
});
