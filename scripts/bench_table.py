#!/usr/bin/env python3
"""Print a Markdown table of the `check` bench results (ns per name).

Reads criterion's output for the groups `check/<category>`, benchmark IDs
`dncheck`, `uts46_to_ascii`, `domain_to_ascii_strict`: the median point
estimate in `new/estimates.json` (ns per iteration; one iteration checks every
name of the category), divided by the number of names in the category, counted
from benches/data/corpus.tsv (`all` is the whole corpus).

Criterion 0.5 stores group `check/ascii` in the directory
`target/criterion/check_ascii/` (it replaces `/` with `_`), so results are
found by the `group_id` and `function_id` recorded in each
`new/benchmark.json`; failing that, both `check_<category>/<id>/` and
`check/<category>/<id>/` are tried.

Usage (from anywhere; paths default to the repository of this script):

    cargo bench --bench check
    python3 scripts/bench_table.py [--criterion-dir DIR] [--corpus FILE]
    python3 scripts/bench_table.py --save run1.json      # keep this run
    python3 scripts/bench_table.py --median run*.json    # median over runs

`scripts/measure.sh bench-table ROUNDS` runs the bench several times and
prints the table of the medians (`scripts/measure.sh table` runs this script):
on a noisy machine, one run's ratios can be off by 10-15%.

Missing or unreadable entries are shown as `-`. Standard library only.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

GROUP_PREFIX = "check"
CATEGORY_ORDER = ["ascii", "subdomain", "chinese", "other_idn", "punycode", "variant", "invalid"]
IDS = [
    ("dncheck", "dncheck"),
    ("uts46_to_ascii", "Uts46::to_ascii"),
    ("domain_to_ascii_strict", "domain_to_ascii_strict"),
]


def count_names(corpus: Path) -> Counter:
    counts: Counter = Counter()
    try:
        with corpus.open(encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line:
                    continue
                category, sep, _name = line.partition("\t")
                if sep:
                    counts[category] += 1
    except OSError as e:
        print(f"warning: cannot read corpus {corpus}: {e}", file=sys.stderr)
    if counts:
        counts["all"] = sum(counts.values())
    return counts


def read_median(estimates: Path) -> float | None:
    try:
        with estimates.open(encoding="utf-8") as f:
            value = json.load(f)["median"]["point_estimate"]
        return float(value)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def index_results(criterion_dir: Path) -> dict[tuple[str, str], Path]:
    """Maps (group_id, function_id) to the `new/` directory holding it."""
    found: dict[tuple[str, str], Path] = {}
    if not criterion_dir.is_dir():
        return found
    for meta in criterion_dir.glob("**/new/benchmark.json"):
        try:
            with meta.open(encoding="utf-8") as f:
                info = json.load(f)
            key = (str(info["group_id"]), str(info["function_id"]))
        except (OSError, ValueError, KeyError, TypeError):
            continue
        found[key] = meta.parent
    return found


def median_ns(criterion_dir: Path, index: dict, category: str, bench_id: str) -> float | None:
    candidates = []
    if (f"{GROUP_PREFIX}/{category}", bench_id) in index:
        candidates.append(index[(f"{GROUP_PREFIX}/{category}", bench_id)])
    candidates.append(criterion_dir / f"{GROUP_PREFIX}_{category}" / bench_id / "new")
    candidates.append(criterion_dir / GROUP_PREFIX / category / bench_id / "new")
    for new_dir in candidates:
        value = read_median(new_dir / "estimates.json")
        if value is not None:
            return value
    return None


def fmt_ns(x: float | None) -> str:
    if x is None:
        return "-"
    return f"{x:.1f}"


def fmt_ratio(num: float | None, den: float | None) -> str:
    if num is None or den is None or den <= 0:
        return "-"
    return f"{num / den:.1f}x"


def measure(args) -> dict[str, dict[str, float | None]]:
    """ns per name for each category and benchmark id, from criterion."""
    counts = count_names(args.corpus)
    index = index_results(args.criterion_dir)
    present = {group.split("/", 1)[1] for group, _ in index if group.startswith(GROUP_PREFIX + "/")}
    if not index:
        print(f"warning: no criterion results in {args.criterion_dir}", file=sys.stderr)
    categories = [c for c in CATEGORY_ORDER if c in counts or c in present]
    categories += sorted((set(counts) | present) - set(categories) - {"all"})
    categories.append("all")
    table: dict[str, dict[str, float | None]] = {}
    for category in categories:
        n = counts.get(category)
        row: dict[str, float | None] = {"names": float(n) if n else None}
        for bench_id, _ in IDS:
            total = median_ns(args.criterion_dir, index, category, bench_id)
            row[bench_id] = total / n if total is not None and n else None
        table[category] = row
    return table


def median_of(runs: list[dict]) -> dict[str, dict[str, float | None]]:
    """The median of every value over several saved runs; the ratios are the
    medians of each run's own ratios (the machine's speed drifts between
    runs, and a ratio is only meaningful within one)."""
    table: dict[str, dict[str, list[float]]] = {}
    for run in runs:
        for category, row in run.items():
            cell = table.setdefault(category, {})
            for key, value in row.items():
                cell.setdefault(key, [])
                if value is not None:
                    cell[key].append(value)
            dn = row.get("dncheck")
            for bench_id, _ in IDS[1:]:
                other = row.get(bench_id)
                cell.setdefault(f"ratio:{bench_id}", [])
                if dn and other:
                    cell[f"ratio:{bench_id}"].append(other / dn)
    return {
        c: {k: (statistics.median(v) if v else None) for k, v in row.items()}
        for c, row in table.items()
    }


def print_table(table: dict[str, dict[str, float | None]]) -> None:
    header = ["category", "names"] + [f"{label} ns/name" for _, label in IDS]
    header += ["Uts46 / dncheck", "strict / dncheck"]
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|")
    for category, row in table.items():
        n = row.get("names")
        per_name = [row.get(bench_id) for bench_id, _ in IDS]
        dn, uts, strict = per_name
        cells = [f"`{category}`", str(int(n)) if n else "-"]
        cells += [fmt_ns(x) for x in per_name]
        ratios = [row.get(f"ratio:{bench_id}") for bench_id, _ in IDS[1:]]
        if all(r is not None for r in ratios):
            cells += [f"{r:.1f}x" for r in ratios]
        else:
            cells += [fmt_ratio(uts, dn), fmt_ratio(strict, dn)]
        print("| " + " | ".join(cells) + " |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--criterion-dir",
        type=Path,
        default=ROOT / "target" / "criterion",
        help="criterion's output directory (default: target/criterion)",
    )
    ap.add_argument("--corpus", type=Path, default=ROOT / "benches" / "data" / "corpus.tsv")
    ap.add_argument("--save", type=Path, help="also write this run's numbers to a JSON file")
    ap.add_argument("--median", type=Path, nargs="+", help="print the median of saved runs")
    args = ap.parse_args()

    if args.median:
        runs = []
        for path in args.median:
            with path.open(encoding="utf-8") as f:
                runs.append(json.load(f))
        print_table(median_of(runs))
        return 0
    table = measure(args)
    if args.save:
        with args.save.open("w", encoding="utf-8") as f:
            json.dump(table, f, indent=1)
    print_table(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
