/* 95 % intervals of a share and of an NPS from counts: used by the scoring engine (group page)
 * and the KPI worksheet. DOM-free classic script, ES5 style; Node gets it from require(), a
 * browser as window.TPStats. */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.TPStats = api;
})(typeof window !== "undefined" ? window : typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var Z95 = 1.959964;

  /* 95 % interval of a share k/n in percent (Wilson score interval), or null when n = 0. */
  function shareInterval(k, n) {
    if (!(n > 0)) return null;
    var p = k / n;
    var z2 = Z95 * Z95;
    var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    var half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
    return { low: 100 * Math.max(0, centre - half), high: 100 * Math.min(1, centre + half) };
  }

  /* 95 % interval of an NPS from its counts: NPS ± 1.96 × 100 × √(Var / n), where
   * Var = pP(1 − pP) + pD(1 − pD) + 2·pP·pD is the variance of one answer scored +1 / 0 / −1;
   * clipped to −100…+100; null below two answers. */
  function npsInterval(promoters, passives, detractors) {
    var n = promoters + passives + detractors;
    if (!(n >= 2)) return null;
    var pP = promoters / n;
    var pD = detractors / n;
    var half = Z95 * 100 * Math.sqrt((pP * (1 - pP) + pD * (1 - pD) + 2 * pP * pD) / n);
    var nps = 100 * (pP - pD);
    return { low: Math.max(-100, nps - half), high: Math.min(100, nps + half) };
  }

  return { Z95: Z95, shareInterval: shareInterval, npsInterval: npsInterval };
});
