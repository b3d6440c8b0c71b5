"""`make bench` writes bench/results.json as figure -> {"value": number, "unit": text}."""

import json
import sys
from pathlib import Path

import pytest

import bench.__main__ as bench_main


def test_every_figure_has_a_number_and_a_unit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Fake:
        @staticmethod
        def run() -> dict[str, dict[str, object]]:
            return {"fake_ms": {"value": 1.5, "unit": "ms"}}

    monkeypatch.setitem(sys.modules, "bench.fake_bench", Fake)
    monkeypatch.setattr(bench_main, "RUNNERS", ["bench.fake_bench"])
    written = tmp_path / "results.json"
    monkeypatch.setattr(bench_main, "Path", lambda _: tmp_path / "bench_main.py")
    monkeypatch.setattr(sys, "argv", ["bench"])
    assert bench_main.main() == 0
    figures = json.loads(written.read_text())
    assert figures == {"fake_ms": {"value": 1.5, "unit": "ms"}}


@pytest.mark.parametrize("name", ["check_bench", "slots_bench"])
def test_the_quick_benchmarks_report_numbers_with_units(name: str) -> None:
    module = __import__(f"bench.{name}", fromlist=["run"])
    for figure, value in module.run().items():
        assert set(value) == {"value", "unit"}, figure
        assert isinstance(value["value"], int | float) and value["value"] > 0, figure
        assert isinstance(value["unit"], str) and value["unit"], figure
