/* Scoring engine of the course's scales (量表). The contract is the scoring spec (README section
 * "Scale definitions and the scoring engine"); section names in the comments below refer to it.
 * Classic script, no DOM, no dependencies, ES5 style (old WeChat WebViews). In Node `require()`
 * returns the API; in a browser it sets `window.TouchpointScoring`. Loading it twice is harmless.
 * A definition is `model_dump(mode="json")` of macros/models/scale.py. Missing, null,
 * non-numeric or out-of-range answers count as unanswered and are never imputed. Scores are not
 * rounded. Only an unknown `mode` throws. */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.TouchpointScoring = api;
})(typeof window !== "undefined" ? window : typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // Float noise guard for comparisons only (band limits, crosshairs, rule minimums, ties):
  // e.g. a mean of POMP values can come out as 49.99999999999 for an exact 50.
  var EPS = 1e-9;
  var QUADRANTS = ["concentrate", "keep_up", "low_priority", "overkill"];

  function has(obj, key) {
    return obj !== null && typeof obj === "object" && Object.prototype.hasOwnProperty.call(obj, key);
  }
  function isObject(x) { return x !== null && typeof x === "object" && !Array.isArray(x); }
  function asObject(x) { return isObject(x) ? x : {}; }
  function asArray(x) { return Array.isArray(x) ? x : []; }
  function isNum(x) { return typeof x === "number" && isFinite(x); }
  function sumOf(list) { return list.reduce(function (a, b) { return a + b; }, 0); }
  function meanOf(list) { return list.length ? sumOf(list) / list.length : null; }
  function rowName(row) {
    var name = isObject(row) ? row.name : null;
    return typeof name === "string" ? name.trim() : name === null || name === undefined ? "" : String(name).trim();
  }

  /* A response scale from the definition (by id), or null. */
  function scaleOf(definition, id) {
    var scales = asObject(definition.response_scales);
    return has(scales, id) && isObject(scales[id]) ? scales[id] : null;
  }

  /* The value if it is answered on `scale` (a finite number within [min, max]), else null. */
  function answered(value, scale) {
    if (!scale || !isNum(value) || !isNum(scale.min) || !isNum(scale.max) || scale.max <= scale.min) return null;
    return value >= scale.min && value <= scale.max ? value : null;
  }

  /* questionnaire: reverse scoring, x' = min + max − x. */
  function reverseValue(value, min, max) { return min + max - value; }

  /* POMP (percent of maximum possible): (x − min) / (max − min) × 100. */
  function pomp(value, min, max) { return max === min ? null : ((value - min) / (max - min)) * 100; }

  /* Band: the first band with min ≤ score < max; the last band also includes score == max. */
  function bandFor(bands, score) {
    var list = asArray(bands);
    if (!isNum(score)) return null;
    for (var i = 0; i < list.length; i += 1) {
      var band = list[i];
      if (!isObject(band) || score < band.min - EPS) continue;
      if (score < band.max - EPS || (i === list.length - 1 && score <= band.max + EPS)) return band;
    }
    return null;
  }

  /* nps: 9–10 promoter, 7–8 passive, 0–6 detractor; null when not a number. */
  function npsCategory(value) {
    if (!isNum(value)) return null;
    return value >= 9 ? "promoter" : value >= 7 ? "passive" : "detractor";
  }

  /* Sort a copy by `compare`, then by input position (stable even where Array#sort is not). */
  function stableSort(list, compare) {
    return list
      .map(function (value, index) { return { value: value, index: index }; })
      .sort(function (a, b) { return compare(a.value, b.value) || a.index - b.index; })
      .map(function (entry) { return entry.value; });
  }
  function descending(a, b) { return Math.abs(a - b) <= EPS ? 0 : b - a; }

  // ---- questionnaire ------------------------------------------------------------------------

  /* Score the answered items of `items` per the method (spec "questionnaire"). */
  function combine(entries, scoring) {
    if (!entries.length) return null;
    var values = entries.map(function (e) { return e.v; });
    var method = scoring.method;
    if (method === "weighted_mean") {
      var w = sumOf(entries.map(function (e) { return e.w; }));
      return sumOf(entries.map(function (e) { return e.w * e.v; })) / w;
    }
    // "If normalize is pomp and method is sum, the total is the mean of v (the POMP of the sum)."
    if (method === "sum" && scoring.normalize !== "pomp") return sumOf(values);
    return meanOf(values);
  }

  function scoreQuestionnaire(definition, response) {
    var scoring = asObject(definition.scoring);
    var items = asArray(definition.items);
    var answers = asObject(response.answers);
    var entries = [];
    items.forEach(function (item) {
      if (!isObject(item)) return;
      var scale = scaleOf(definition, item.scale);
      var x = has(answers, item.id) ? answered(answers[item.id], scale) : null;
      if (x === null) return;
      var xr = item.reverse === true ? reverseValue(x, scale.min, scale.max) : x;
      var v = scoring.normalize === "pomp" ? pomp(xr, scale.min, scale.max) : xr;
      var w = isNum(item.weight) && item.weight > 0 ? item.weight : 1;
      entries.push({ subscale: item.subscale, v: v, w: w });
    });
    var minAnswered = isNum(scoring.min_answered) ? scoring.min_answered : 1;
    var score = entries.length >= minAnswered ? combine(entries, scoring) : null;
    var subMin = isNum(scoring.subscale_min_answered) ? scoring.subscale_min_answered : 1;
    var subscales = {};
    var weakest = [];
    asArray(definition.subscales).forEach(function (sub) {
      if (!isObject(sub)) return;
      var own = entries.filter(function (e) { return e.subscale === sub.id; });
      var s = own.length >= subMin ? combine(own, scoring) : null;
      subscales[sub.id] = s;
      // weakest: sub-scales at least `weakest_link` below the total.
      if (isNum(scoring.weakest_link) && score !== null && s !== null && s <= score - scoring.weakest_link + EPS) {
        weakest.push(sub.id);
      }
    });
    return {
      mode: "questionnaire",
      answered: entries.length,
      total_items: items.length,
      score: score,
      band: bandFor(definition.bands, score),
      subscales: subscales,
      weakest: weakest
    };
  }

  // ---- matrix -------------------------------------------------------------------------------

  function scoreMatrix(definition, response) {
    var criteria = asArray(definition.criteria).filter(isObject);
    var minAnswered = isNum(definition.min_answered) ? definition.min_answered : 1;
    var rows = asArray(response.rows).map(function (row) {
      var data = asObject(row);
      var sw = 0;
      var swv = 0;
      var n = 0;
      criteria.forEach(function (c) {
        var scale = scaleOf(definition, c.scale);
        var x = has(data, c.id) ? answered(data[c.id], scale) : null;
        if (x === null) return;
        var w = isNum(c.weight) && c.weight > 0 ? c.weight : 1;
        // v on 0–100; weights re-normalised over the answered criteria.
        sw += w;
        swv += w * pomp(x, scale.min, scale.max);
        n += 1;
      });
      var index = n > 0 && n >= minAnswered ? swv / sw : null;
      return { name: rowName(row), index: index, band: bandFor(definition.bands, index), rank: null };
    });
    // Ranking: non-null index, descending; ties keep the input order. rank = position (1-based).
    var ranked = stableSort(rows.filter(function (r) { return r.index !== null; }), function (a, b) {
      return descending(a.index, b.index);
    });
    ranked.forEach(function (r, i) { r.rank = i + 1; });
    return { mode: "matrix", rows: rows, ranking: ranked.map(function (r) { return r.name; }) };
  }

  // ---- ipa ----------------------------------------------------------------------------------

  function quadrantOf(i, p, cross) {
    var highI = i >= cross.importance - EPS;
    var highP = p >= cross.performance - EPS;
    if (highI) return highP ? "keep_up" : "concentrate";
    return highP ? "overkill" : "low_priority";
  }

  function scoreIpa(definition, response) {
    var iScale = scaleOf(definition, asObject(definition.importance).scale);
    var pScale = scaleOf(definition, asObject(definition.performance).scale);
    var rows = asArray(response.rows).map(function (row) {
      var data = asObject(row);
      return {
        name: rowName(row),
        importance: answered(data.importance, iScale),
        performance: answered(data.performance, pScale),
        quadrant: null,
        gap: null
      };
    });
    var complete = rows.filter(function (r) { return r.importance !== null && r.performance !== null; });
    var cross = null;
    if (definition.crosshair === "scale_mid") {
      if (iScale && pScale) {
        cross = { importance: (iScale.min + iScale.max) / 2, performance: (pScale.min + pScale.max) / 2 };
      }
    } else if (complete.length) {
      // data_mean: the means over the complete rows.
      cross = {
        importance: meanOf(complete.map(function (r) { return r.importance; })),
        performance: meanOf(complete.map(function (r) { return r.performance; }))
      };
    }
    if (cross) {
      complete.forEach(function (r) {
        r.quadrant = quadrantOf(r.importance, r.performance, cross);
        r.gap = r.performance - r.importance;
      });
    }
    return { mode: "ipa", crosshair: cross, rows: rows };
  }

  // ---- fmea ---------------------------------------------------------------------------------

  /* Level: the first rule all of whose given minimums hold, else `default_level`. */
  function fmeaLevel(definition, s, o, d, rpn) {
    var rules = asArray(definition.rules);
    function holds(min, value) { return min === null || min === undefined || value >= min - EPS; }
    for (var i = 0; i < rules.length; i += 1) {
      var r = rules[i];
      if (!isObject(r)) continue;
      if (holds(r.min_severity, s) && holds(r.min_occurrence, o) && holds(r.min_detection, d) && holds(r.min_rpn, rpn)) {
        return r.level;
      }
    }
    return definition.default_level === undefined ? null : definition.default_level;
  }

  function scoreFmea(definition, response) {
    var sScale = scaleOf(definition, asObject(definition.severity).scale);
    var oScale = scaleOf(definition, asObject(definition.occurrence).scale);
    var dScale = scaleOf(definition, asObject(definition.detection).scale);
    var levelIds = asArray(definition.levels).map(function (l) { return asObject(l).id; });
    var rows = asArray(response.rows).map(function (row) {
      var data = asObject(row);
      var s = answered(data.severity, sScale);
      var o = answered(data.occurrence, oScale);
      var d = answered(data.detection, dScale);
      var rpn = s !== null && o !== null && d !== null ? s * o * d : null;
      return {
        name: rowName(row), severity: s, occurrence: o, detection: d, rpn: rpn,
        level: rpn === null ? null : fmeaLevel(definition, s, o, d, rpn)
      };
    });
    // Ranking: level (first in `levels` = highest), rpn desc, S×O desc, input order.
    function position(level) {
      var p = levelIds.indexOf(level);
      return p === -1 ? levelIds.length : p;
    }
    var ranked = stableSort(rows.filter(function (r) { return r.rpn !== null; }), function (a, b) {
      return position(a.level) - position(b.level) || descending(a.rpn, b.rpn) ||
        descending(a.severity * a.occurrence, b.severity * b.occurrence);
    });
    return { mode: "fmea", rows: rows, ranking: ranked.map(function (r) { return r.name; }) };
  }

  // ---- nps ----------------------------------------------------------------------------------

  function scoreNps(definition, response) {
    var scale = scaleOf(definition, asObject(definition.item).scale) || { min: 0, max: 10 };
    var answers = asObject(response.answers);
    var x = has(answers, "nps") ? answered(answers.nps, scale) : null;
    return { mode: "nps", answered: x === null ? 0 : 1, score: x, category: npsCategory(x) };
  }

  // ---- public: one response -----------------------------------------------------------------

  var SCORERS = {
    questionnaire: scoreQuestionnaire, matrix: scoreMatrix, ipa: scoreIpa, fmea: scoreFmea, nps: scoreNps
  };

  function scorerFor(definition) {
    var mode = isObject(definition) ? definition.mode : undefined;
    if (typeof mode !== "string" || !has(SCORERS, mode)) {
      throw new Error("TouchpointScoring: unknown mode " + JSON.stringify(mode) +
        " (expected one of " + Object.keys(SCORERS).join(", ") + ")");
    }
    return SCORERS[mode];
  }

  function scoreResponse(definition, response) {
    return scorerFor(definition)(definition, asObject(response));
  }

  // ---- public: a group (spec "aggregate") ---------------------------------------------------

  function aggregateQuestionnaire(definition, responses) {
    var scoring = asObject(definition.scoring);
    var topBox = asArray(scoring.top_box);
    var items = {};
    var allN = 0;
    var allTop = 0;
    var scores = [];
    var bands = {};
    asArray(definition.bands).forEach(function (b) { if (isObject(b)) bands[b.label] = 0; });
    var raw = asArray(definition.items).filter(isObject).map(function (item) {
      items[item.id] = { n: 0, mean: null, distribution: {}, top_box: null };
      return { item: item, scale: scaleOf(definition, item.scale), values: [] };
    });
    responses.forEach(function (response) {
      var answers = asObject(response.answers);
      raw.forEach(function (r) {
        var x = has(answers, r.item.id) ? answered(answers[r.item.id], r.scale) : null;
        if (x !== null) r.values.push(x);
      });
      var result = scoreQuestionnaire(definition, response);
      if (result.score !== null) scores.push(result.score);
      if (result.band) bands[result.band.label] = (bands[result.band.label] || 0) + 1;
    });
    // Items: raw answered values (as entered, before reverse scoring); top box = CSAT %.
    raw.forEach(function (r) {
      var out = items[r.item.id];
      var top = r.values.filter(function (x) { return topBox.indexOf(x) !== -1; }).length;
      out.n = r.values.length;
      out.mean = meanOf(r.values);
      r.values.forEach(function (x) { out.distribution[x] = (out.distribution[x] || 0) + 1; });
      out.top_box = topBox.length && out.n ? (100 * top) / out.n : null;
      allN += out.n;
      allTop += top;
    });
    return {
      n: responses.length,
      items: items,
      score: { n: scores.length, mean: meanOf(scores) },
      top_box: topBox.length && allN ? (100 * allTop) / allN : null,
      bands: bands
    };
  }

  function aggregateNps(definition, responses) {
    var counts = { promoter: 0, passive: 0, detractor: 0 };
    responses.forEach(function (response) {
      var c = scoreNps(definition, response).category;
      if (c) counts[c] += 1;
    });
    var n = counts.promoter + counts.passive + counts.detractor;
    var nps = n ? (100 * (counts.promoter - counts.detractor)) / n : null;
    return {
      n: n, promoters: counts.promoter, passives: counts.passive, detractors: counts.detractor,
      nps: nps, band: bandFor(definition.bands, nps)
    };
  }

  /* Collect per-name (trimmed) groups of scored rows, in order of first appearance; rows
   * without a name cannot be matched across people and are left out. */
  function groupRows(definition, responses, keep) {
    var order = [];
    var groups = {};
    responses.forEach(function (response) {
      scoreResponse(definition, response).rows.forEach(function (row) {
        if (!row.name) return;
        if (!has(groups, row.name)) { groups[row.name] = []; order.push(row.name); }
        if (keep(row)) groups[row.name].push(row);
      });
    });
    return order.map(function (name) { return { name: name, rows: groups[name] }; });
  }
  function meanField(rows, field) { return meanOf(rows.map(function (r) { return r[field]; })); }

  function aggregateMatrix(definition, responses) {
    var rows = groupRows(definition, responses, function (r) { return r.index !== null; }).map(function (g) {
      return { name: g.name, n: g.rows.length, mean_index: meanField(g.rows, "index") };
    });
    var ranked = stableSort(rows.filter(function (r) { return r.mean_index !== null; }), function (a, b) {
      return descending(a.mean_index, b.mean_index);
    });
    return { rows: rows, ranking: ranked.map(function (r) { return r.name; }) };
  }

  function aggregateIpa(definition, responses) {
    var groups = groupRows(definition, responses, function (r) { return r.importance !== null && r.performance !== null; });
    // The group means per touchpoint become one row each; then the crosshair rule over them.
    var means = groups.map(function (g) {
      return { name: g.name, importance: meanField(g.rows, "importance"), performance: meanField(g.rows, "performance") };
    });
    var scored = scoreIpa(definition, { rows: means });
    return {
      rows: scored.rows.map(function (r, i) {
        return { name: r.name, n: groups[i].rows.length, importance: r.importance, performance: r.performance, quadrant: r.quadrant };
      }),
      crosshair: scored.crosshair
    };
  }

  function aggregateFmea(definition, responses) {
    var groups = groupRows(definition, responses, function (r) { return r.rpn !== null; });
    // Mean S, O, D per name; rpn of the means; the level rules applied to the means.
    var means = groups.map(function (g) {
      return {
        name: g.name, severity: meanField(g.rows, "severity"),
        occurrence: meanField(g.rows, "occurrence"), detection: meanField(g.rows, "detection")
      };
    });
    var scored = scoreFmea(definition, { rows: means });
    return {
      rows: scored.rows.map(function (r, i) {
        return {
          name: r.name, n: groups[i].rows.length, severity: r.severity, occurrence: r.occurrence,
          detection: r.detection, rpn: r.rpn, level: r.level
        };
      }),
      ranking: scored.ranking
    };
  }

  var AGGREGATORS = {
    questionnaire: aggregateQuestionnaire, matrix: aggregateMatrix, ipa: aggregateIpa,
    fmea: aggregateFmea, nps: aggregateNps
  };

  function aggregate(definition, responses) {
    scorerFor(definition); // throws on an unknown mode
    return AGGREGATORS[definition.mode](definition, asArray(responses).map(asObject));
  }

  // ---- worked examples ----------------------------------------------------------------------

  /* Compare `actual` with `expected`: numbers within 0.01, null exactly, arrays in order,
   * objects key by key for the keys present in `expected`. Pushes messages onto `out`. */
  function compare(path, expected, actual, out) {
    var shown = actual === undefined ? "nothing" : JSON.stringify(actual);
    if (expected === null) {
      if (actual !== null) out.push(path + ": expected null, got " + shown);
    } else if (typeof expected === "number") {
      if (!isNum(actual) || Math.abs(actual - expected) > 0.01) out.push(path + ": expected " + expected + ", got " + shown);
    } else if (Array.isArray(expected)) {
      if (!Array.isArray(actual) || actual.length !== expected.length) {
        out.push(path + ": expected " + JSON.stringify(expected) + ", got " + shown);
      } else {
        expected.forEach(function (e, i) { compare(path + "[" + i + "]", e, actual[i], out); });
      }
    } else if (isObject(expected)) {
      if (!isObject(actual)) out.push(path + ": expected an object, got " + shown);
      else Object.keys(expected).forEach(function (k) { compare(path + "." + k, expected[k], actual[k], out); });
    } else if (expected !== actual) {
      out.push(path + ": expected " + JSON.stringify(expected) + ", got " + shown);
    }
  }

  function byName(rows, field) {
    var out = {};
    rows.forEach(function (r) { if (!has(out, r.name)) out[r.name] = r[field]; });
    return out;
  }
  function label(band) { return band ? band.label : null; }

  /* The `expect` keys of each mode, as functions of the result. */
  var EXPECT = {
    questionnaire: {
      score: function (r) { return r.score; },
      band: function (r) { return label(r.band); },
      subscales: function (r) { return r.subscales; },
      weakest: function (r) { return r.weakest; },
      answered: function (r) { return r.answered; }
    },
    matrix: {
      scores: function (r) { return byName(r.rows, "index"); },
      bands: function (r) { return byName(r.rows.map(function (x) { return { name: x.name, band: label(x.band) }; }), "band"); },
      ranking: function (r) { return r.ranking; }
    },
    ipa: {
      quadrants: function (r) { return byName(r.rows, "quadrant"); },
      crosshair: function (r) { return r.crosshair; }
    },
    fmea: {
      rpn: function (r) { return byName(r.rows, "rpn"); },
      levels: function (r) { return byName(r.rows, "level"); },
      ranking: function (r) { return r.ranking; }
    },
    nps: {
      category: function (r) { return r.category; },
      score: function (r) { return r.score; }
    }
  };

  /* Run a worked example; return a list of mismatch messages (empty when it passes). */
  function checkExample(definition, example) {
    var ex = asObject(example);
    var result = scoreResponse(definition, { answers: ex.answers, rows: ex.rows });
    var keys = EXPECT[definition.mode];
    var out = [];
    var expect = asObject(ex.expect);
    Object.keys(expect).forEach(function (key) {
      if (!has(keys, key)) {
        out.push(key + ": not an expect key of mode " + definition.mode + " (known: " + Object.keys(keys).join(", ") + ")");
      } else {
        compare(key, expect[key], keys[key](result), out);
      }
    });
    return out;
  }

  return {
    version: 1,
    MODES: Object.keys(SCORERS),
    QUADRANTS: QUADRANTS,
    scoreResponse: scoreResponse,
    aggregate: aggregate,
    checkExample: checkExample,
    bandFor: bandFor,
    reverseValue: reverseValue,
    pomp: pomp,
    npsCategory: npsCategory,
    fmeaLevel: fmeaLevel,
    isAnswered: function (value, scale) { return answered(value, scale) !== null; }
  };
});
