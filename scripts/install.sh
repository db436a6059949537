#!/usr/bin/env bash
# Create .venv (if needed) and install pinned dependencies. Used by start.sh and test.sh.
# TORCH_INDEX_URL: optional package index for PyTorch (e.g. the CPU-only index; see README).
set -euo pipefail
cd "$(dirname "$0")/.."
req="${1:-requirements.txt}"
[ -x .venv/bin/python ] || python3 -m venv .venv
stamp=".venv/.installed-$(cat requirements.txt requirements-dev.txt | sha256sum | cut -c1-16)-$(basename "$req")"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  # torch first, so a CPU-only index (if given) is used for it alone
  .venv/bin/python -m pip install --quiet "torch==2.13.0" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
  .venv/bin/python -m pip install --quiet -r "$req"
  touch "$stamp"
fi
