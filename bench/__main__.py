"""Runs each benchmark module and writes bench/results.json.

Each module in RUNNERS has a `run()` returning {figure: {"value": number, "unit": text}}.
A module whose name is not importable yet is skipped with a note, so the
benchmarks of one part can land before another part exists.
"""

import importlib
import json
import sys
from pathlib import Path

RUNNERS = [
    "bench.check_bench",
    "bench.slots_bench",
    "bench.outbox_bench",
    "bench.ics_bench",
    "bench.close_position_bench",
    "bench.tone_bench",
    "bench.reply_bench",
    "bench.pages_bench",
    "bench.workers_bench",
    "bench.webhooks_bench",
]


def main() -> int:
    results: dict[str, dict[str, object]] = {}
    only = sys.argv[1:]
    for name in RUNNERS:
        if only and not any(part in name for part in only):
            continue
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name == name:
                print(f"{name}: not written yet, skipped")
                continue
            raise
        figures = module.run()
        for figure, value in figures.items():
            print(f"{figure}: {value['value']} {value['unit']}")
        results.update(figures)
    path = Path(__file__).with_name("results.json")
    previous = json.loads(path.read_text()) if path.exists() and only else {}
    previous.update(results)
    path.write_text(json.dumps(previous, indent=2, sort_keys=True) + "\n")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
