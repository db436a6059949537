"""Helpers for tests that run `python -m assistant ...` in a subprocess."""

from __future__ import annotations

import subprocess


def one_error_line(result: subprocess.CompletedProcess) -> str:
    """Assert the command failed the way every bad input must: exit 2, one `error:` line, no traceback."""
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 2, stderr
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), stderr
    return lines[0]
