#!/usr/bin/env python3
"""The origin of the `history` goldens (tests/golden/README.md): asv's own step detection.

    python3 tests/tools/history_oracle.py ASV_SOURCE RESULTS [THRESHOLD] < spyglass-history.json

ASV_SOURCE is an unpacked asv 0.6.6 source tree (the offline kit's asv-0.6.6.tar.gz); its
`asv/step_detect.py` is imported as it is (the pure-Python fallback of `_rangemedian`, identical
to the compiled module on every real history tried, spec history.md 9.11). RESULTS is an asv
results folder. The series are built here from the spec's rules (history.md section 2, written
independently of spyglass's C++), asv's detect_steps and detect_regressions run on each, and the
result is compared with `spyglass history RESULTS --format json` read from stdin: every series,
commit and float must be equal (floats as doubles, exactly). Exit 0 when they agree.
"""
import glob
import itertools
import json
import math
import os
import sys


def build_series(results):
    catalog = json.load(open(os.path.join(results, "benchmarks.json")))
    series = {}
    for path in sorted(glob.glob(os.path.join(results, "*", "*.json"))):
        if os.path.basename(path) in ("machine.json", "benchmarks.json"):
            continue
        data = json.load(open(path))
        columns = data["result_columns"]
        for key, row in data["results"].items():
            if key not in catalog:
                continue
            cells = dict(zip(columns, row))
            if cells.get("version") is not None and cells["version"] != catalog[key].get("version"):
                continue
            params = catalog[key]["params"]
            combinations = list(itertools.product(*params)) if params else [()]
            file_params = cells.get("params") or []
            file_combinations = list(itertools.product(*file_params)) if file_params else [()]
            values = cells.get("result")
            ci_a, ci_b = cells.get("stats_ci_99_a"), cells.get("stats_ci_99_b")
            for combination in combinations:
                if combination not in file_combinations:
                    continue
                k = file_combinations.index(combination)
                value = values[k] if values is not None else None
                if value is not None and value != value:
                    value = None
                weight = None
                if ci_a is not None and ci_b is not None:
                    a, b = ci_a[k], ci_b[k]
                    if a is not None and b is not None and not (math.isinf(a) or math.isinf(b)) and a != b:
                        weight = 2 / abs(b - a)
                name = key
                if combination:
                    name += "(" + ", ".join(" ".join(p.split()) for p in combination) + ")"
                points = series.setdefault((name, data["params"]["machine"], data["env_name"]), [])
                points.append((data["date"], data["commit_hash"], value, weight))
    return series


def expected_records(step_detect, results, threshold):
    records = []
    series = build_series(results)
    for key in sorted(series, key=lambda k: tuple(part.encode() for part in k)):
        points = sorted(series[key], key=lambda p: (p[0], p[1]))
        if all(p[2] is None for p in points):
            continue
        y = [p[2] for p in points]
        w = [p[3] for p in points]
        steps = step_detect.detect_steps(y, w)
        last, best, jumps = step_detect.detect_regressions(steps, threshold)
        records.append({
            "benchmark": key[0], "machine": key[1], "env": key[2],
            "points": sum(1 for v in y if v is not None),
            "steps": [[points[l][1], points[r - 1][1], float(v), float(m), float(e)]
                      for l, r, v, m, e in steps],
            "regressions": [[points[a][1], points[b][1], float(va), float(vb)]
                            for a, b, va, vb in (jumps or [])],
            "last_value": last, "best_value": best,
        })
    return records


def main():
    asv_source, results = sys.argv[1], sys.argv[2]
    threshold = float(sys.argv[3]) if len(sys.argv) > 3 else 0.05
    sys.path.insert(0, os.path.join(asv_source, "asv"))
    import step_detect  # asv's own module, with its imports of the standard library only

    expected = expected_records(step_detect, results, threshold)
    actual = json.load(sys.stdin)["series"]
    for record in actual:
        del record["unit"]
    if expected != actual:
        for e, a in zip(expected, actual):
            if e != a:
                print("first difference:\n asv:      %r\n spyglass: %r" % (e, a))
                break
        print("asv: %d series, spyglass: %d series" % (len(expected), len(actual)))
        return 1
    print("agree: %d series, %d regressions" % (len(expected), sum(len(r["regressions"]) for r in expected)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
