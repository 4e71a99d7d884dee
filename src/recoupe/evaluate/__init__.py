"""Quality evaluations on ../shared/benchdata, one module per capability.

Each module `recoupe.evaluate.<name>` exposes `run(data_dir: Path, quick: bool = False) -> dict`
returning {"metrics": {name: value in percent}, "reference": {name: published value},
"n": items scored, "notes": str}. It drives the same code path as `recoupe brief`, never
reads gold into the system, and raises `DataMissing` when its data is absent.
"""

EVALUATIONS = {
    # name: module
    "dates": "recoupe.evaluate.dates",
    "quotes": "recoupe.evaluate.quotes",
    "stories": "recoupe.evaluate.stories",
    "divergences": "recoupe.evaluate.divergences",
    "summaries": "recoupe.evaluate.summaries",
    "entities": "recoupe.evaluate.entities",
    "provenance": "recoupe.evaluate.provenance",
}


def run_cli(args) -> int:
    raise NotImplementedError
