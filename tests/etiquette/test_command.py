"""`takt check FILE|-`: JSON out, exit 0/1/2, errors on standard error in the chosen language."""

import io
import json
from pathlib import Path
from typing import Any

from takt.etiquette.command import main
from tests.etiquette.cases import calm


def run(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, io.StringIO(stdin), out, err)
    return code, out.getvalue(), err.getvalue()


def test_it_prints_the_result_and_exits_0_when_ok() -> None:
    code, out, err = run(["-"], json.dumps(calm()))
    assert (code, err) == (0, "")
    assert json.loads(out) == {"ok": True, "findings": []}


def test_it_exits_1_when_something_blocks_and_keeps_non_ascii(tmp_path: Path) -> None:
    path = tmp_path / "ändring.json"
    path.write_text(json.dumps(calm(reason=None, other_plans_movable=True)), encoding="utf-8")
    code, out, _ = run([str(path)])
    assert code == 1
    result: dict[str, Any] = json.loads(out)
    assert [f["rule"] for f in result["findings"]] == ["reason.missing", "reschedule.last_resort"]
    assert "går att flytta" in out
    assert out.startswith('{\n  "ok": false,')


def test_it_speaks_english_when_asked() -> None:
    _, out, _ = run(["--lang", "en", "-"], json.dumps(calm(other_plans_movable=True)))
    assert "You said the other plan can be moved." in out


def test_bad_json_exits_2_with_the_reason_on_stderr_only() -> None:
    code, out, err = run(["-"], '{"action": "reschedule",}')
    assert (code, out) == (2, "")
    assert err.startswith("Indata är inte giltig JSON (rad 1, kolumn 24)")


def test_bad_input_exits_2_in_the_chosen_language() -> None:
    data = calm(policy={"min_notice_hour": 24})
    code, out, err = run(["--lang", "en", "-"], json.dumps(data))
    assert (code, out) == (2, "")
    assert err.startswith("policy.min_notice_hour: unknown policy setting.")
    code, out, err = run(["-"], json.dumps(calm(surprise=1)))
    assert (code, out) == (2, "")
    assert err.startswith("surprise: okänt fält.")


def test_a_gap_time_and_a_missing_file_exit_2(tmp_path: Path) -> None:
    data = calm()
    data["alternatives"][0]["start"] = "2026-03-29T02:30"
    code, out, err = run(["-"], json.dumps(data))
    assert (code, out) == (2, "")
    assert "finns inte i Europe/Stockholm" in err
    code, out, err = run([str(tmp_path / "saknas.json"), "--lang", "en"])
    assert (code, out) == (2, "")
    assert "cannot be read" in err


def test_an_unknown_language_is_a_usage_error() -> None:
    code, out, err = run(["--lang", "de", "-"], "{}")
    assert (code, out) == (2, "")
    assert "invalid choice" in err
