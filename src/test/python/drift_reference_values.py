"""Reference values for the io.hingekit.drift tests, from the installed SciPy (Debian's 1.10.x) and NumPy.

KS statistic and p-value: scipy.stats.ks_2samp(a, b) with the defaults (two-sided, method='auto'); whether the
p-value is exact or asymptotic (including SciPy's fallback from exact, seen through its RuntimeWarning).
Kolmogorov distribution: scipy.stats.kstwo.sf(x, n), and scipy.special.smirnov(n, x) for the one-sided sf.
Wasserstein: scipy.stats.wasserstein_distance(u, v).
PSI: a plain NumPy implementation of the definition in PopulationStabilityIndex's Javadoc (np.quantile edges,
np.unique, outer edges opened, right-closed bins, proportions floored with max(p, floor)).
Bonferroni and Benjamini-Hochberg: plain loops written from statsmodels' multipletests definitions (statsmodels is
not installed here).

Samples are stored in the fixture either as lists of doubles (rounded to a few decimals, so repr round-trips and the
file stays small) or as a grid {"grid": n, "offset": o, "scale": s} meaning offset + scale * ((j + 0.5) / n) for
j = 0..n-1, evaluated in that order in both languages so the doubles are identical.

The "branch" labels restate the case split of scipy/stats/_ksstats.py::_kolmogn (for the survival function) so
that the Java test can check its split picks the same computation; the values themselves come from SciPy.

Writes src/test/resources/io/hingekit/drift/drift_reference.json
Run: /usr/bin/python3 src/test/python/drift_reference_values.py
"""
import json
import math
import os
import warnings

import numpy as np
import scipy
from scipy import special, stats

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "io", "hingekit", "drift",
                   "drift_reference.json")
MAX_AUTO_N = 10000


def grid(n, offset=0.0, scale=1.0):
    return {"grid": n, "offset": offset, "scale": scale}


def values(sample):
    if isinstance(sample, dict):
        n, offset, scale = sample["grid"], sample["offset"], sample["scale"]
        return np.array([offset + scale * ((j + 0.5) / n) for j in range(n)])
    return np.array(sample, dtype=float)


def rounded(x, decimals):
    return [round(float(v), decimals) for v in x]


def kolmogn_branch(n, x):
    """The case split of _kolmogn(n, x, cdf=False) behind kstwo.sf, with kstwo's support check first."""
    if x <= 0.5 / n:
        return "SUPPORT_LOW"
    if x >= 1.0:
        return "SUPPORT_HIGH"
    t = n * x
    if t <= 1.0:
        return "SUPPORT_LOW" if t <= 0.5 else "RUBEN_GAMBINO_LOW"
    if t >= n - 1:
        return "RUBEN_GAMBINO_HIGH"
    if x >= 0.5:
        return "SMIRNOV_HALF"
    nxsquared = t * x
    if n <= 140:
        if nxsquared <= 0.754693:
            return "DURBIN"
        return "POMERANZ" if nxsquared <= 4 else "SMIRNOV_TAIL"
    if nxsquared >= 370.0:
        return "NEGLIGIBLE"
    if nxsquared >= 2.2:
        return "SMIRNOV_TAIL"
    if n <= 100000 and n * x ** 1.5 <= 1.4:
        return "DURBIN"
    return "PELZ_GOOD"


ALL_BRANCHES = ["SUPPORT_LOW", "SUPPORT_HIGH", "RUBEN_GAMBINO_LOW", "RUBEN_GAMBINO_HIGH", "SMIRNOV_HALF", "DURBIN",
                "POMERANZ", "SMIRNOV_TAIL", "NEGLIGIBLE", "PELZ_GOOD"]


def ks_case(name, a, b):
    x, y = values(a), values(b)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = stats.ks_2samp(x, y)
    fell_back = any("Exact calculation unsuccessful" in str(w.message) for w in caught)
    n1, n2 = len(x), len(y)
    exact = max(n1, n2) <= MAX_AUTO_N and not fell_back
    case = {"name": name, "a": a, "b": b, "statistic": float(result.statistic), "pvalue": float(result.pvalue),
            "method": "EXACT" if exact else "ASYMPTOTIC"}
    # SciPy returns NaN or inf when a sample holds an infinity; the Java side refuses such samples instead.
    finite = bool(np.all(np.isfinite(x)) and np.all(np.isfinite(y)))
    case["wasserstein"] = float(stats.wasserstein_distance(x, y)) if finite else None
    if not exact:
        big, small = sorted([float(n1), float(n2)], reverse=True)
        en = int(np.round(big * small / (big + small)))
        d = float(result.statistic)
        case["effective_n"] = en
        case["branch"] = kolmogn_branch(en, d)
        # The n -> infinity Kolmogorov limit at the same D: what a lazy implementation would return.
        case["limit_pvalue"] = float(stats.kstwobign.sf(d * math.sqrt(en)))
    return case


def ks_cases():
    rng = np.random.default_rng(20240611)
    normal = lambda n, loc=0.0: rounded(rng.normal(loc, 1.0, n), 4)
    uniform = lambda n, lo=0.0, hi=1.0: rounded(rng.uniform(lo, hi, n), 6)
    big_grid = grid(20000)
    cases = [
        # Exact path, hand-checkable and tiny.
        ks_case("hand_123_vs_456", [1.0, 2.0, 3.0], [4.0, 5.0, 6.0]),
        ks_case("hand_013_vs_568", [0.0, 1.0, 3.0], [5.0, 6.0, 8.0]),
        ks_case("tiny_3_vs_5", normal(3), normal(5, 0.5)),
        ks_case("tiny_1_vs_4", normal(1), normal(4)),
        ks_case("equal_100_same", normal(100), normal(100)),
        ks_case("equal_100_shifted", normal(100), normal(100, 0.5)),
        ks_case("ties_60_vs_90", rounded(np.round(rng.normal(0, 1, 60) * 2) / 2, 1),
                rounded(np.round(rng.normal(0.3, 1, 90) * 2) / 2, 1)),
        ks_case("ties_equal_200", rounded(rng.integers(0, 6, 200), 0), rounded(rng.integers(0, 7, 200), 0)),
        ks_case("unequal_500_vs_800_shifted", normal(500), normal(800, 0.15)),
        ks_case("unequal_1000_vs_1500_same", normal(1000), normal(1500)),
        ks_case("exact_tiny_p_200_vs_300", normal(200), normal(300, 1.5)),
        ks_case("exact_tiny_p_equal_300", normal(300), normal(300, 1.2)),
        ks_case("identical_2000", list(range(2000)), list(range(2000))),
        ks_case("one_vs_9999", [0.25], uniform(9999)),
        ks_case("infinities", [-math.inf, 0.0, 1.0, math.inf], [0.5, 2.0, math.inf]),
        ks_case("signed_zeros", [-0.0, 0.0, 1.0], [0.0, -0.0, 1.0]),
        # SciPy's exact path gives up (2P rounds above 1 at h = 1) and falls back to the asymptotic one.
        ks_case("fallback_equal_5", [0.0, 1.0, 2.0, 3.0, 4.0], [0.0, 1.0, 2.0, 3.0, 4.5]),
        ks_case("fallback_equal_1000", list(range(999)) + [999.0], list(range(999)) + [999.5]),
        # At the switch: 10000 is still exact.
        ks_case("exact_10000_vs_10000", normal(10000), normal(10000, 0.03)),
        ks_case("exact_10000_vs_7000", normal(10000), normal(7000, 0.04)),
        ks_case("exact_10000_vs_7000_far", normal(10000), normal(7000, 0.5)),
        ks_case("exact_9999_vs_10000", normal(9999), normal(10000, 0.02)),
        # Above the switch: asymptotic, effective n = round(12000*9000/21000) = 5143.
        ks_case("asymp_12000_vs_9000_same", normal(12000), normal(9000)),
        ks_case("asymp_12000_vs_9000_shifted", normal(12000), normal(9000, 0.068)),
        ks_case("asymp_12000_vs_9000_p1e-5", normal(12000), normal(9000, 0.08)),
        ks_case("asymp_12000_vs_9000_far", normal(12000), normal(9000, 1.0)),
        # Small effective n from a small sample against a large regular grid on (0, 1): each branch of kolmogn.
        ks_case("asymp_n50_durbin", uniform(50), big_grid),
        ks_case("asymp_n50_pomeranz", uniform(50, 0.18, 1.18), big_grid),
        ks_case("asymp_n100_smirnov_tail", uniform(100, 0.245, 1.245), big_grid),
        ks_case("asymp_n20_smirnov_half", uniform(20, 0.62, 1.62), big_grid),
        ks_case("asymp_n150_smirnov_half", uniform(150, 0.52, 1.52), big_grid),
        ks_case("asymp_n3_ruben_gambino_high", [0.05, 1.5, 1.6], big_grid),
        ks_case("asymp_n3_separated", [2.0, 3.0, 4.0], big_grid),
        ks_case("asymp_n10_ruben_gambino_low", [(i + 0.8) / 10 for i in range(10)], big_grid),
        ks_case("asymp_n200_ruben_gambino_low", [(i + 0.8) / 200 for i in range(200)], big_grid),
        # round(150*40000/40150) = 149 and D is about 1/300 < 0.5/149: below the support of D_149.
        ks_case("asymp_n150_support_low", [(i + 0.5) / 150 for i in range(150)], grid(40000)),
        ks_case("asymp_n150_durbin", [(i + 0.5) / 150 + 0.04 for i in range(150)], big_grid),
        ks_case("asymp_n150_pelz_good", uniform(150), big_grid),
        ks_case("asymp_n400_smirnov_tail", uniform(400, 0.12, 1.12), big_grid),
    ]
    return cases


def kstwo_cases():
    rng = np.random.default_rng(7)
    cases = []
    for n in [1, 2, 3, 5, 10, 37, 100, 140, 141, 500, 5143, 20000, 100000, 100001, 300000]:
        xs = list(np.exp(rng.uniform(np.log(0.4 / n), 0.0, 8)))  # log-uniform over the whole support
        xs += list(np.sqrt(rng.uniform(0.05, 12.0, 6) / n))      # n*x^2 across the small-n and tail cut-offs
        xs += [0.5, 1.0 / n, 0.99, 1.0, 0.25 / n]
        for x in xs:
            x = float(x)
            if 0.0 < x <= 1.0:
                cases.append({"n": n, "x": x, "sf": float(stats.kstwo.sf(x, n)), "branch": kolmogn_branch(n, x)})
    # Deep tails, where only a relative comparison means anything.
    for n, nx2 in [(60, 14.0), (140, 30.0), (5000, 10.0), (5000, 300.0), (300, 40.0)]:
        x = math.sqrt(nx2 / n)
        cases.append({"n": n, "x": x, "sf": float(stats.kstwo.sf(x, n)), "branch": kolmogn_branch(n, x)})
    return cases


def smirnov_cases():
    rng = np.random.default_rng(11)
    cases = []
    for n in [2, 5, 20, 141, 1000, 5143, 30000, 2000000]:
        for x in list(rng.uniform(0.0, 1.0, 4)) + list(np.sqrt(rng.uniform(1.1, 40.0, 4) / n)) + [1.0 / n]:
            x = float(x)
            if 0.0 < x < 1.0:
                cases.append({"n": n, "x": x, "sf": float(special.smirnov(n, x))})
    return cases


def psi_reference(ref, cur, bins, floor):
    ref, cur = np.asarray(ref, dtype=float), np.asarray(cur, dtype=float)
    edges = np.unique(np.quantile(ref, np.linspace(0, 1, bins + 1)))
    inner = edges[1:-1]
    r = np.bincount(np.searchsorted(inner, ref, side="left"), minlength=len(inner) + 1) / len(ref)
    c = np.bincount(np.searchsorted(inner, cur, side="left"), minlength=len(inner) + 1) / len(cur)
    rf, cf = np.maximum(r, floor), np.maximum(c, floor)
    value = float(np.sum((cf - rf) * np.log(cf / rf)))
    return value, inner, r, c


def psi_case(name, ref, cur, bins=10, floor=1e-4):
    value, inner, r, c = psi_reference(values(ref), values(cur), bins, floor)
    return {"name": name, "reference": ref, "current": cur, "bins": bins, "floor": floor, "psi": value,
            "boundaries": [float(v) for v in inner], "reference_proportions": [float(v) for v in r],
            "current_proportions": [float(v) for v in c]}


def psi_cases():
    rng = np.random.default_rng(99)
    normal = lambda n, loc=0.0, scale=1.0: rounded(rng.normal(loc, scale, n), 4)
    return [
        psi_case("normal_same_1000", normal(1000), normal(1000)),
        psi_case("normal_shifted_5000", normal(5000), normal(3000, 0.3)),
        psi_case("normal_wider_bins5", normal(2000), normal(2000, 0.0, 1.5), bins=5),
        psi_case("normal_shifted_bins20_floor1e-3", normal(2000), normal(1500, 0.5), bins=20, floor=1e-3),
        psi_case("ties_collapse_edges", rounded(rng.poisson(1.0, 1000), 0), rounded(rng.poisson(1.6, 800), 0)),
        psi_case("ties_half_zero", [0.0] * 50 + [1.0] * 50, [0.0] * 10 + [1.0] * 80 + [2.0] * 10),
        psi_case("current_far_away_empty_bins", normal(1000), normal(500, 6.0)),
        psi_case("edges_on_data_points", [float(i) for i in range(11)], [0.0, 1.0, 1.0, 2.5, 9.0, 10.0, 10.0, 11.0]),
        psi_case("constant_reference", [3.0] * 20, [1.0, 3.0, 5.0]),
        psi_case("small_reference_many_bins", [0.3, 0.1, 0.7], [0.0, 0.2, 0.4, 0.6, 0.8], bins=10),
        psi_case("floor_tiny", normal(500), normal(500, 2.0), bins=10, floor=1e-8),
        # Non-empty bins below the floor (1 to 4 points of 400 against a floor of 0.02) are raised too.
        psi_case("floor_raises_sparse_bins", normal(1000), normal(400, 2.2), bins=10, floor=0.02),
        psi_case("grid_vs_grid", grid(20000), grid(15000, 0.05, 1.0)),
    ]


def bonferroni(p):
    m = len(p)
    return [min(1.0, float(v) * float(m)) for v in p]


def benjamini_hochberg(p):
    p = np.asarray(p, dtype=float)
    m = len(p)
    order = np.argsort(p, kind="mergesort")
    adjusted = np.empty(m)
    running = np.inf
    for rank in range(m, 0, -1):
        i = order[rank - 1]
        running = min(running, p[i] / (rank / float(m)))
        adjusted[i] = min(running, 1.0)
    return [float(v) for v in adjusted]


def multitest_cases():
    rng = np.random.default_rng(5)
    lists = [
        [0.01, 0.04, 0.03, 0.005, 0.2],
        [0.5],
        [0.0, 1.0, 0.5, 0.5, 0.02, 0.02, 0.02],
        [float(v) for v in rng.uniform(0, 1, 20)],
        [float(v) for v in np.concatenate([rng.uniform(0, 1e-3, 30), rng.uniform(0, 1, 70)])],
        [1.0, 1.0, 1.0],
        [float(v) for v in rng.uniform(0, 0.05, 12)],
    ]
    return [{"pvalues": p, "bonferroni": bonferroni(p), "benjamini_hochberg": benjamini_hochberg(p)} for p in lists]


def main():
    ks = ks_cases()
    kstwo = kstwo_cases()
    seen = {c["branch"] for c in ks if "branch" in c}
    missing = [b for b in ALL_BRANCHES if b not in seen]
    assert not missing, f"two-sample cases miss kolmogn branches {missing}"
    missing = [b for b in ALL_BRANCHES if b not in {c["branch"] for c in kstwo}]
    assert not missing, f"kstwo cases miss branches {missing}"
    fixture = {
        "generator": "src/test/python/drift_reference_values.py",
        "scipy": scipy.__version__,
        "numpy": np.__version__,
        "ks_2samp": ks,
        "kstwo_sf": kstwo,
        "smirnov": smirnov_cases(),
        "psi": psi_cases(),
        "multiple_testing": multitest_cases(),
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(fixture, f, separators=(",", ":"), allow_nan=True)
        f.write("\n")
    print(f"wrote {OUT}: {os.path.getsize(OUT) / 1e6:.2f} MB, {len(ks)} KS cases, {len(kstwo)} kstwo points")
    for c in ks:
        print(f"  {c['name']:32s} D={c['statistic']:.6g} p={c['pvalue']:.6g} {c['method']} {c.get('branch', '')}"
              + (f" n={c['effective_n']} limit={c['limit_pvalue']:.6g}" if "branch" in c else ""))


if __name__ == "__main__":
    main()
