"""The reader is a pure package: `takt reply` starts without Django."""

import subprocess
import sys


def test_the_reader_and_its_command_import_nothing_from_django() -> None:
    probe = (
        "import sys, takt.replies, takt.replies.command; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    )
    found = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert found.strip() == "[]"


def test_the_benchmark_reports_the_median_reading_time() -> None:
    from bench import reply_bench

    figures = reply_bench.run()
    assert set(figures) == {"reply_read_ms"}
    assert figures["reply_read_ms"]["unit"] == "ms"
    assert figures["reply_read_ms"]["value"] > 0
