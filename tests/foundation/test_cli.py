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
