"""The `recoupe` command line. Each verb parses its arguments and hands over to one package."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from recoupe import __version__, settings
from recoupe.errors import RecoupeError

DESCRIPTION = """\
recoupe cross-checks the news. Give it several articles about the same event (text files,
HTML pages, URLs, RSS/Atom feeds, JSON Lines) and it tells you what the sources agree on,
who said what, when each thing happened, where the outlets diverge, and how many
independent origins stand behind the echo. Every answer points to the exact characters of
its sources. It never rules on truth: it shows corroboration and divergence.
"""

EPILOG = """\
examples:
  recoupe brief examples/ -o dossier.html          read a folder, write an HTML dossier
  recoupe brief a.txt b.html --format md           Markdown on standard output
  recoupe brief https://example.org/feed.xml -o out.json
  recoupe ingest ~/articles/                       store articles for `recoupe serve`
  recoupe serve                                    browse the store at http://127.0.0.1:8000
  recoupe eval dates quotes                        measure quality on ../shared/benchdata
  recoupe bench                                    measure speed

run `recoupe VERB --help` for the options of each verb.
"""

FORMATS = ("json", "md", "html")
INGEST_BATCH = 50  # articles analysed and committed together by `recoupe ingest`


def _add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="files, folders, URLs, feeds or JSON Lines; '-' reads standard input")
    p.add_argument("--allow-private", action="store_true",
                   help="allow URLs on private or loopback addresses (refused by default)")
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                   help="processes for per-article analysis (default: 1)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bars or warnings")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="recoupe", description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"recoupe {__version__}")
    verbs = parser.add_subparsers(dest="verb", metavar="VERB")

    p = verbs.add_parser(
        "brief", help="run the whole job and write the dossier",
        description="Read the inputs, analyse each article, group them into stories and write "
                    "the dossier: JSON (the recoupe.dossier/1 contract), Markdown or a "
                    "self-contained HTML page.",
        epilog="the format follows the extension of -o (.json, .md, .html) unless --format says "
               "otherwise; without -o the dossier goes to standard output.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    _add_input_options(p)
    p.add_argument("-o", "--output", type=Path, metavar="OUT",
                   help="where to write the dossier (default: standard output)")
    p.add_argument("--format", choices=FORMATS, help="json, md or html (default: from -o, else json)")
    p.add_argument("--store", type=Path, metavar="DB",
                   help="also keep the articles in this SQLite store, grouped into its stories "
                        "as `recoupe ingest` does")
    p.add_argument("--export", type=Path, metavar="DIR",
                   help="also write articles, quotes, facts and divergences to DIR as JSON Lines "
                        "and quotes and divergences as CSV")

    p = verbs.add_parser(
        "ingest", help="read, clean and analyse articles into the store",
        description="Read, clean and analyse articles, and keep them in the SQLite store. "
                    "An article already stored is stored once; an interrupted ingest keeps "
                    "everything committed before the interruption. New articles join or open "
                    "stories (in date order, after those already grouped); only the stories "
                    "that changed are made again.")
    _add_input_options(p)
    p.add_argument("--store", type=Path, default=settings.DEFAULT_STORE, metavar="DB",
                   help=f"the SQLite store (default: {settings.DEFAULT_STORE}, or $RECOUPE_STORE)")

    p = verbs.add_parser(
        "serve", help="browse the store in a local web app with a REST API",
        description="Serve the stored stories and articles at http://HOST:PORT, with a JSON API "
                    "under /api and its OpenAPI document at /api/openapi.json.")
    p.add_argument("--store", type=Path, default=settings.DEFAULT_STORE, metavar="DB")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--allow-private", action="store_true",
                   help="let 'add by URL' fetch private or loopback addresses")

    p = verbs.add_parser(
        "eval", help="measure quality on the annotated evaluation data",
        description="Run the quality evaluations (dates, quotes, stories, divergences, summaries, "
                    "entities, facts, provenance) on ../shared/benchdata or --data, print each "
                    "figure beside its baseline and published reference, and write the results "
                    "as JSON.")
    p.add_argument("names", nargs="*", metavar="NAME", help="evaluations to run (default: all)")
    p.add_argument("--data", type=Path, default=settings.DEFAULT_BENCHDATA, metavar="DIR",
                   help="the evaluation data folder (default: ../shared/benchdata)")
    p.add_argument("--out", type=Path, default=Path("bench/results"), metavar="DIR",
                   help="where to write the JSON results (default: bench/results)")
    p.add_argument("--check", action="store_true",
                   help="exit non-zero when a figure falls below its floor in bench/baseline.json")
    p.add_argument("--quick", action="store_true",
                   help="only the evaluations that fit a CI run")
    p.add_argument("--write-docs", action="store_true",
                   help="regenerate docs/EVALUATION.md from the results")

    p = verbs.add_parser(
        "bench", help="measure speed and memory",
        description="Measure end-to-end throughput, time per stage and peak memory on a fixed "
                    "corpus, beside bare spaCy on the same texts. Prints figures; asserts nothing.")
    p.add_argument("--data", type=Path, default=settings.DEFAULT_BENCHDATA, metavar="DIR")
    p.add_argument("-n", "--articles", type=int, default=2000, metavar="N",
                   help="corpus size, by replicating RPM2 (default: 2000)")
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N")
    p.add_argument("--out", type=Path, default=Path("bench/results"), metavar="DIR")
    return parser


def _warner(quiet: bool):
    if quiet:
        return lambda msg: None
    return lambda msg: print(f"recoupe: warning: {msg}", file=sys.stderr)


def cmd_brief(args) -> int:
    from recoupe.pipeline import brief
    from recoupe.render import write_dossier

    fmt = args.format
    if fmt is None and args.output is not None:
        fmt = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}.get(
            args.output.suffix.lower(), "json")
    dossier = brief(args.inputs, allow_private=args.allow_private, n_process=args.jobs,
                    store=args.store, progress=not args.quiet, warn=_warner(args.quiet))
    write_dossier(dossier, fmt or "json", args.output)
    if args.export is not None:
        from recoupe.render import write_exports

        write_exports(dossier, args.export)
    if args.output is not None and not args.quiet:
        print(f"recoupe: {len(dossier.articles)} articles, {len(dossier.stories)} stories "
              f"-> {args.output}", file=sys.stderr)
    return 0


def cmd_ingest(args) -> int:
    from recoupe.pipeline import analyze, group_stored, read
    from recoupe.progress import track
    from recoupe.store import Store

    articles = read(args.inputs, allow_private=args.allow_private, warn=_warner(args.quiet),
                    progress=not args.quiet)
    batches = [articles[i:i + INGEST_BATCH] for i in range(0, len(articles), INGEST_BATCH)]
    added = 0
    with Store(args.store) as db:
        for batch in track(batches, "Analysing and storing", enabled=not args.quiet):
            new, _ = db.store_articles(analyze(batch, n_process=args.jobs))  # one commit per batch
            added += len(new)
        # only the new articles join stories; the stories that changed are made again (the
        # store notes the articles analysed again, so an interrupted ingest loses none)
        group_stored(db, progress=not args.quiet, warn=_warner(args.quiet))
        n_stories = db.story_count()
    if not args.quiet:
        print(f"recoupe: {added} new of {len(articles)} articles, {n_stories} stories in the "
              f"store -> {args.store}", file=sys.stderr)
    return 0


def cmd_serve(args) -> int:
    from recoupe.serve import serve

    serve(args.store, host=args.host, port=args.port, allow_private=args.allow_private)
    return 0


def cmd_eval(args) -> int:
    from recoupe.evaluate import run_cli

    return run_cli(args)


def cmd_bench(args) -> int:
    from recoupe.evaluate.bench import run_cli

    return run_cli(args)


COMMANDS = {"brief": cmd_brief, "ingest": cmd_ingest, "serve": cmd_serve,
            "eval": cmd_eval, "bench": cmd_bench}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.verb is None:
        parser.print_help()
        return 2
    try:
        return COMMANDS[args.verb](args)
    except RecoupeError as exc:
        print(f"recoupe: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("recoupe: interrupted; what was already stored is kept", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
