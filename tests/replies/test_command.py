"""`takt reply FILE|-`: the reading on standard output, exit 2 and a reason on bad input."""

import io
import json
from pathlib import Path

from takt.cli import main as takt_main
from takt.replies.command import main

REQUEST = {
    "text": "None of those work, could we do Friday after lunch?",
    "received_at": "2026-05-04T09:12:00+02:00",
    "timezone": "Europe/Stockholm",
    "duration_minutes": 60,
    "offered": [{"start": "2026-05-05T10:00:00+02:00", "end": "2026-05-05T11:00:00+02:00"}],
}


def _run(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, io.StringIO(stdin), out, err)
    return code, out.getvalue(), err.getvalue()


def test_it_reads_a_reply_from_standard_input() -> None:
    code, out, err = _run(["-"], json.dumps(REQUEST))
    assert (code, err) == (0, "")
    assert json.loads(out) == {
        "intent": "propose",
        "chosen": None,
        "windows": [{"start": "2026-05-08T11:00:00+00:00", "end": "2026-05-08T15:00:00+00:00"}],
        "quote": "None of those work, could we do Friday after lunch?",
    }


def test_it_reads_a_reply_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "reply.json"
    path.write_text(json.dumps(dict(REQUEST, text="Tisdag passar bra.")), encoding="utf-8")
    code, out, _ = _run([str(path)])
    assert code == 0 and json.loads(out)["chosen"] == 0


def test_bad_input_exits_2_with_the_reason_in_the_chosen_language() -> None:
    code, out, err = _run(["-", "--lang", "en"], json.dumps(dict(REQUEST, offerd=[])))
    assert (code, out) == (2, "")
    assert "offerd: unknown field" in err


def test_text_that_is_not_json_exits_2() -> None:
    code, out, err = _run(["-"], "{not json")
    assert (code, out) == (2, "") and "JSON" in err


def test_the_takt_command_lists_and_runs_it(capsys, monkeypatch) -> None:
    assert takt_main(["--help"]) == 0
    assert "reply" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(REQUEST)))
    assert takt_main(["reply", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["intent"] == "propose"
