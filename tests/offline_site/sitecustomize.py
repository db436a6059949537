"""Imported at start-up by Python processes the tests launch: installs the same network block."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))
from tests.netblock import install  # noqa: E402

install()
