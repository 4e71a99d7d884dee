"""Speed and memory: `recoupe bench`.

On a fixed corpus (the RPM2 documents replicated to N articles, each copy with its own id),
it measures end-to-end articles/s and words/s, the time of every stage, the peak resident
memory, and, in the same run, bare spaCy `nlp.pipe` with the same model and components on the
same texts, so that the ratio between the two does not depend on the machine. It prints
figures and writes them as JSON; it asserts nothing.
"""

from __future__ import annotations

import dataclasses
import inspect
import json
import resource
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from recoupe.errors import DataMissing


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far, in MiB (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class StageClock:
    """Wall-clock seconds per named stage, accumulated over calls."""

    def __init__(self):
        self.seconds: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str):
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started

    def _timed_iteration(self, generator, name: str):
        """Count the time spent producing each item of a lazy stage (spaCy's parse is one)."""
        while True:
            with self.stage(name):
                try:
                    item = next(generator)
                except StopIteration:
                    return
            yield item

    def wrap(self, module, attr: str, name: str):
        """Time every call of `module.attr` under `name` (used to split the analysis stage)."""
        original = getattr(module, attr)

        def timed(*args, **kwargs):
            with self.stage(name):
                result = original(*args, **kwargs)
            if inspect.isgenerator(result):
                return self._timed_iteration(result, name)
            return result

        setattr(module, attr, timed)
        return lambda: setattr(module, attr, original)


def replicate(articles: list, n: int) -> list:
    """`n` articles cycling over `articles`, each copy with a distinct id and origin."""
    out = []
    for i in range(n):
        a = articles[i % len(articles)]
        out.append(dataclasses.replace(a, id=f"{a.id}-{i // len(articles)}",
                                       origin=f"{a.origin}#{i // len(articles)}"))
    return out


def load_corpus(data_dir: Path, n: int, clock: StageClock) -> list:
    from recoupe.pipeline import read

    folder = Path(data_dir) / "rpm2-fr" / "documents"
    if not folder.is_dir():
        raise DataMissing(f"RPM2 documents not found in {folder}; pass --data DIR")
    with clock.stage("read+clean"):
        base = read([folder], warn=lambda msg: None)
    clock.seconds["read+clean per article"] = clock.seconds["read+clean"] / max(len(base), 1)
    return replicate(base, n)


def split_analysis_timing(clock: StageClock) -> list:
    """Time the per-article stages separately, where the analysis module exposes them."""
    import recoupe.analyze as analyze_pkg

    undo = []
    for attr, name in (("parse", "analyze: spaCy parse"), ("find_entities", "analyze: entities"),
                       ("find_times", "analyze: dates"), ("find_quotes", "analyze: quotes"),
                       ("find_claims", "analyze: claims")):
        if callable(getattr(analyze_pkg, attr, None)):
            undo.append(clock.wrap(analyze_pkg, attr, name))
    return undo


def bare_spacy_seconds(texts: list[str], n_process: int) -> tuple[float, list[str]]:
    """Seconds for bare `nlp.pipe` over `texts` with the analysis's own French pipeline."""
    from recoupe.analyze.nlp import get_nlp

    nlp = get_nlp("fr")
    list(nlp.pipe(texts[:20]))  # warm up, as the analysis is warmed up by its own first batch
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64, n_process=n_process):
        pass
    return time.perf_counter() - started, list(nlp.pipe_names)


def run_bench(data_dir: Path, n: int = 2000, n_process: int = 1) -> dict:
    from recoupe.pipeline import analyze, group
    from recoupe.render import dossier_json
    from recoupe.model import Dossier

    clock = StageClock()
    articles = load_corpus(data_dir, n, clock)
    read_per_article = clock.seconds.pop("read+clean per article")
    n_base = len({a.text for a in articles})
    words = sum(len(a.text.split()) for a in articles)
    texts = [a.text for a in articles]

    spacy_seconds, components = bare_spacy_seconds(texts, n_process)

    undo = split_analysis_timing(clock)
    try:
        with clock.stage("analyze"):
            analyze(articles, n_process=n_process)
    finally:
        for u in undo:
            u()
    with clock.stage("stories"):
        stories = group(articles)
    with clock.stage("render json"):
        json.dumps(dossier_json(Dossier(articles=articles, stories=stories)), ensure_ascii=False)

    # reading is measured on the distinct documents and scaled to the corpus size
    read_scaled = read_per_article * len(articles)
    end_to_end = read_scaled + sum(v for k, v in clock.seconds.items()
                                   if k in ("analyze", "stories", "render json"))
    analyze_seconds = clock.seconds["analyze"]
    return {
        "articles": len(articles),
        "distinct_texts": n_base,
        "words": words,
        "processes": n_process,
        "spacy_components": components,
        "end_to_end_seconds": round(end_to_end, 2),
        "articles_per_second": round(len(articles) / end_to_end, 1),
        "words_per_second": round(words / end_to_end),
        "stage_seconds": {k: round(v, 2) for k, v in clock.seconds.items()},
        "read_seconds_scaled": round(read_scaled, 2),
        "bare_spacy_seconds": round(spacy_seconds, 2),
        "bare_spacy_articles_per_second": round(len(articles) / spacy_seconds, 1),
        "analysis_articles_per_second": round(len(articles) / analyze_seconds, 1),
        "analysis_vs_bare_spacy": round(spacy_seconds / analyze_seconds, 3),
        "stories_share_of_end_to_end": round(clock.seconds["stories"] / end_to_end, 3),
        "stories": len(stories),
        "peak_rss_mib": round(peak_rss_mib(), 1),
    }


def print_figures(fig: dict) -> None:
    print(f"corpus: {fig['articles']} articles ({fig['distinct_texts']} distinct RPM2 texts), "
          f"{fig['words']} words, {fig['processes']} process(es)")
    print(f"end to end: {fig['end_to_end_seconds']} s = {fig['articles_per_second']} articles/s, "
          f"{fig['words_per_second']} words/s")
    print("time per stage:")
    for stage, seconds in fig["stage_seconds"].items():
        print(f"  {stage:<24} {seconds:>9.2f} s")
    print(f"bare spaCy nlp.pipe ({', '.join(fig['spacy_components'])}): {fig['bare_spacy_seconds']} s "
          f"= {fig['bare_spacy_articles_per_second']} articles/s")
    print(f"per-article analysis: {fig['analysis_articles_per_second']} articles/s = "
          f"{100 * fig['analysis_vs_bare_spacy']:.0f} % of bare spaCy")
    print(f"cross-source stage: {100 * fig['stories_share_of_end_to_end']:.1f} % of end to end "
          f"({fig['stories']} stories)")
    print(f"peak RSS: {fig['peak_rss_mib']} MiB")


def run_cli(args) -> int:
    figures = run_bench(Path(args.data), n=args.articles, n_process=args.jobs)
    print_figures(figures)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench.json").write_text(json.dumps(figures, indent=2), encoding="utf-8")
    print(f"recoupe: wrote {out / 'bench.json'}", file=sys.stderr)
    return 0
