"""The command line's log file: where the details of an unexpected failure go (redacted), instead of a traceback."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

LOG_NAME = "assistant-cli.log"


def _log_path() -> Path:
    """<data dir>/logs/assistant-cli.log, or the system's temporary folder when the data folder cannot be used."""
    try:
        from ..config import load_settings

        folder = load_settings().data_dir / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOG_NAME
        with path.open("a", encoding="utf-8"):
            pass
        return path
    except Exception:  # noqa: BLE001 - a broken setting or data folder must not hide the original failure
        return Path(tempfile.gettempdir()) / LOG_NAME


def log_exception(exc: BaseException) -> Path | None:
    """Append the exception and its traceback to the log file; return the file, or None if nothing could be written."""
    from ..config import RedactingFormatter

    path = _log_path()
    logger = logging.getLogger("assistant.cli")
    try:
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.propagate = False  # the details go to the file only: the terminal gets the one `error:` line
    try:
        logger.error("unexpected error in `python -m assistant`", exc_info=exc)
    finally:
        logger.removeHandler(handler)
        handler.close()
    return path
