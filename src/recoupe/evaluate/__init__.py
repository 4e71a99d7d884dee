"""Quality evaluations on the annotated data in ../shared/benchdata, one module per capability.

Each module `recoupe.evaluate.<name>` exposes `run(data_dir: Path, quick: bool = False) -> dict`
returning:

    {"metrics":   {metric: value in percent},
     "reference": {metric: published or baseline value in percent},
     "n": items scored, "notes": short text,
     "dossiers": [Dossier, ...]   # optional: every dossier produced, for the provenance check}

It drives the same code path as `recoupe brief`, never reads gold into the system, and raises
`DataMissing` when its data is absent. A capability that does not exist yet is reported as
"not implemented", never with a made-up score.

This module runs them, prints a table beside the floors of `bench/baseline.json` and the
published references, writes JSON results, checks the floors (`--check`) and regenerates
`docs/EVALUATION.md` (`--write-docs`).
"""

from __future__ import annotations

import importlib
import json
import sys
import time
from pathlib import Path

from recoupe.errors import DataMissing, RecoupeError

EVALUATIONS = {
    # name: (module, what it measures)
    "dates": ("recoupe.evaluate.dates", "temporal expressions: French TimeBank, TempEval-3 English"),
    "quotes": ("recoupe.evaluate.quotes", "quotes and speakers: GGT English, French gold set on RPM2"),
    "stories": ("recoupe.evaluate.stories", "story grouping: RPM2, ECB+, SemEval-2022 T8 similarity"),
    "divergences": ("recoupe.evaluate.divergences", "contradictions: DACCORD, RTE3-FR false flags"),
    "summaries": ("recoupe.evaluate.summaries", "cited summaries: RPM2 ROUGE at 100 words"),
    "entities": ("recoupe.evaluate.entities", "named entities: HIPE-2020 French coarse NER"),
    "facts": ("recoupe.evaluate.facts", "fact alignment: sentence pairs vs ECB+ event chains"),
    "provenance": ("recoupe.evaluate.provenance", "exact spans: text[start:end] == span"),
}

REPO = Path(__file__).resolve().parents[3]
BASELINE = REPO / "bench" / "baseline.json"
DOCS = REPO / "docs" / "EVALUATION.md"

# Metrics where lower is better; every other metric is "higher is better".
LOWER_IS_BETTER_SUFFIXES = ("_rate", "_seconds", "_errors")


def lower_is_better(metric: str) -> bool:
    return metric.endswith(LOWER_IS_BETTER_SUFFIXES)


def run_one(name: str, data_dir: Path, quick: bool = False, dossiers: list | None = None) -> dict:
    """Run one evaluation and return its result, with `status` ok / not implemented / data missing."""
    module_name, what = EVALUATIONS[name]
    result: dict = {"name": name, "what": what, "quick": quick}
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        return {**result, "status": "not implemented"}
    if not hasattr(module, "run"):
        return {**result, "status": "not implemented"}
    started = time.perf_counter()
    try:
        if name == "provenance":
            out = module.run(data_dir, quick=quick, dossiers=dossiers)
        else:
            out = module.run(data_dir, quick=quick)
    except DataMissing as exc:
        return {**result, "status": "data missing", "notes": str(exc)}
    except NotImplementedError as exc:
        return {**result, "status": "not implemented", "notes": str(exc)}
    result.update(out)
    result["status"] = "ok"
    result["seconds"] = round(time.perf_counter() - started, 1)
    return result


def load_floors(path: Path = BASELINE) -> dict:
    """Floors per evaluation and metric: {"dates": {"fr_value_f1": 80.0}}; a ceiling for `_rate`."""
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {name: dict(metrics) for name, metrics in data.get("floors", {}).items()}


def check_floors(results: list[dict], floors: dict) -> list[str]:
    """Every figure below its floor (or above its ceiling), as readable lines."""
    failures = []
    for res in results:
        for metric, floor in floors.get(res["name"], {}).items():
            if res.get("status") != "ok":
                failures.append(f"{res['name']}: {res.get('status')} but a floor exists for {metric}")
                continue
            value = res.get("metrics", {}).get(metric)
            if value is None:
                failures.append(f"{res['name']}.{metric}: missing (floor {floor})")
            elif lower_is_better(metric) and value > floor:
                failures.append(f"{res['name']}.{metric} = {value:.1f}, above its ceiling {floor}")
            elif not lower_is_better(metric) and value < floor:
                failures.append(f"{res['name']}.{metric} = {value:.1f}, below its floor {floor}")
    return failures


def _fmt(value) -> str:
    if value is None:
        return ""
    return f"{value:.1f}" if isinstance(value, (int, float)) else str(value)


def table_rows(results: list[dict], floors: dict) -> list[tuple[str, str, str, str, str]]:
    """(evaluation, metric, ours, floor, reference) rows for printing and for the docs."""
    rows = []
    for res in results:
        if res.get("status") != "ok":
            rows.append((res["name"], "-", res.get("status", "?"), "", ""))
            continue
        refs = res.get("reference", {})
        for metric, value in res.get("metrics", {}).items():
            rows.append((res["name"], metric, _fmt(value),
                         _fmt(floors.get(res["name"], {}).get(metric)), _fmt(refs.get(metric))))
    return rows


def print_table(results: list[dict], floors: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="recoupe evaluation")
    for col in ("evaluation", "metric", "recoupe", "floor", "reference"):
        table.add_column(col, justify="right" if col in ("recoupe", "floor", "reference") else "left")
    for row in table_rows(results, floors):
        table.add_row(*row)
    Console(file=sys.stdout, width=110).print(table)
    for res in results:
        if res.get("notes"):
            print(f"  {res['name']}: {res['notes']}")


def write_results(results: list[dict], out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for res in results:
        clean = {k: v for k, v in res.items() if k != "dossiers"}
        (out_dir / f"{res['name']}.json").write_text(
            json.dumps(clean, ensure_ascii=False, indent=2), encoding="utf-8")


def collect_results(out_dir: Path) -> list[dict]:
    """The latest result of every evaluation found in `out_dir`, in registry order."""
    results = []
    for name in EVALUATIONS:
        path = out_dir / f"{name}.json"
        if path.is_file():
            results.append(json.loads(path.read_text(encoding="utf-8")))
        else:
            results.append({"name": name, "status": "not run"})
    return results


def render_speed(bench: dict) -> list[str]:
    """The speed section of the docs, from the JSON `recoupe bench` wrote."""
    lines = ["", "## Speed (`recoupe bench`)", "",
             f"{bench['articles']} articles ({bench['distinct_texts']} distinct RPM2 texts, "
             f"{bench['words']} words), {bench['processes']} process(es); figures from one run, "
             "ratios against bare spaCy measured in the same run.", "",
             "| figure | value |", "|---|---:|",
             f"| end to end | {bench['articles_per_second']} articles/s, "
             f"{bench['words_per_second']} words/s |",
             f"| per-article analysis vs bare spaCy `nlp.pipe` | "
             f"{100 * bench['analysis_vs_bare_spacy']:.0f} % |",
             f"| cross-source stage, share of end to end | "
             f"{100 * bench['stories_share_of_end_to_end']:.1f} % |",
             f"| peak resident memory | {bench['peak_rss_mib']:.0f} MiB |"]
    lines += [f"| stage: {k} | {v:.1f} s |" for k, v in bench["stage_seconds"].items()]
    return lines


def render_docs(results: list[dict], floors: dict, bench: dict | None = None) -> str:
    lines = [
        "# Evaluation",
        "",
        "Generated by `recoupe eval --write-docs` from the latest results; do not edit by hand.",
        "Figures are percentages on the development halves in `../shared/benchdata`",
        "(see its README for the data and the published references). The floor is what CI",
        "enforces on the quick runs, which score a subset (`bench/baseline.json`; for `_rate`",
        "metrics it is a ceiling); it holds for the full runs too. A run marked quick scored",
        "a subset.",
        "",
        "| evaluation | metric | recoupe | floor | reference |",
        "|---|---|---:|---:|---:|",
    ]
    lines += [f"| {' | '.join(row)} |" for row in table_rows(results, floors)]
    lines += ["", "## What each evaluation measures", ""]
    for res in results:
        what = EVALUATIONS.get(res["name"], ("", ""))[1]
        detail = res.get("notes", "")
        extra = []
        if res.get("n") is not None:
            extra.append(f"n = {res['n']}")
        if res.get("quick"):
            extra.append("quick run")
        if res.get("seconds") is not None:
            extra.append(f"{res['seconds']} s")
        suffix = f" ({', '.join(extra)})" if extra else ""
        lines.append(f"- **{res['name']}**: {what}{suffix}. {detail}".rstrip())
    if bench:
        lines += render_speed(bench)
    return "\n".join(lines) + "\n"


def run_cli(args) -> int:
    names = args.names or list(EVALUATIONS)
    unknown = [n for n in names if n not in EVALUATIONS]
    if unknown:
        raise RecoupeError(f"unknown evaluation {', '.join(unknown)}; "
                           f"choose among {', '.join(EVALUATIONS)}")
    if not Path(args.data).is_dir():
        raise DataMissing(f"evaluation data not found at {args.data}; "
                          "put ../shared/benchdata beside the project or pass --data DIR")
    # provenance checks the dossiers the other evaluations produced, so it runs last
    names = sorted(names, key=lambda n: n == "provenance")
    results, dossiers = [], []
    for name in names:
        print(f"recoupe: evaluating {name}...", file=sys.stderr)
        res = run_one(name, Path(args.data), quick=args.quick, dossiers=dossiers)
        dossiers.extend(res.get("dossiers") or [])
        results.append(res)
    floors = load_floors()
    write_results(results, Path(args.out))
    print_table(results, floors)
    if args.write_docs:
        DOCS.parent.mkdir(parents=True, exist_ok=True)
        bench_file = Path(args.out) / "bench.json"
        bench = json.loads(bench_file.read_text(encoding="utf-8")) if bench_file.is_file() else None
        DOCS.write_text(render_docs(collect_results(Path(args.out)), floors, bench),
                        encoding="utf-8")
        print(f"recoupe: wrote {DOCS}", file=sys.stderr)
    if args.check:
        failures = check_floors(results, {n: f for n, f in floors.items() if n in names})
        for line in failures:
            print(f"recoupe: floor: {line}", file=sys.stderr)
        if failures:
            return 1
        print("recoupe: every figure is at or above its floor", file=sys.stderr)
    return 0
