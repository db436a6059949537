#!/usr/bin/env bash
# Install (first time only) and run the whole test suite, browser test included.
# The browser test needs Debian/Ubuntu's chromium; as root it is installed with apt-get when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
bash scripts/install.sh requirements-dev.txt
exec .venv/bin/python -m pytest "$@"
