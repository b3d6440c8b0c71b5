import subprocess
import sys

from takt.cli import COMMANDS, main


def test_help_lists_every_command(capsys) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for name in ("serve", "worker", "migrate", "demo", "createuser", "check", "compose"):
        assert name in COMMANDS
        assert f"  {name} " in out


def test_an_unknown_command_exits_2_with_the_usage(capsys) -> None:
    assert main(["frobnicate"]) == 2
    assert "unknown command 'frobnicate'" in capsys.readouterr().err


def test_the_installed_takt_command_runs() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "takt.cli", "--help"], capture_output=True, text=True, check=True
    )
    assert "usage: takt COMMAND" in out.stdout


def test_takt_check_exits_0_1_and_2_to_the_contract(tmp_path) -> None:
    ok = tmp_path / "ok.json"
    ok.write_text(
        '{"action": "schedule", "side": "candidate", "now": "2026-03-01T10:00:00+01:00",'
        ' "interview": {"start": "2026-03-10T10:00:00+01:00", "end": "2026-03-10T11:00:00+01:00",'
        ' "timezone": "Europe/Stockholm"}, "busy": []}'
    )
    blocked = tmp_path / "blocked.json"
    blocked.write_text(
        ok.read_text().replace(
            '"busy": []',
            '"busy": [{"start": "2026-03-10T10:30:00+01:00", "end": "2026-03-10T12:00:00+01:00"}]',
        )
    )
    bad = tmp_path / "bad.json"
    bad.write_text('{"action": "schedule", "sidee": "candidate"}')
    run = [sys.executable, "-m", "takt.cli", "check"]
    assert subprocess.run([*run, str(ok)], capture_output=True).returncode == 0
    result = subprocess.run([*run, str(blocked)], capture_output=True, text=True)
    assert result.returncode == 1 and '"schedule.conflict"' in result.stdout
    result = subprocess.run([*run, "--lang", "en", str(bad)], capture_output=True, text=True)
    assert result.returncode == 2 and "sidee" in result.stderr and result.stdout == ""
