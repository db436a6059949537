#!/usr/bin/env bash
# Install (first time only) and run the whole test suite, browser test and PostgreSQL tests included.
# The browser test needs Debian/Ubuntu's chromium, the storage tests PostgreSQL's server binaries (the suite
# starts its own server on a free loopback port); as root both are installed with apt-get when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
if [ "${#missing[@]}" -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
bash scripts/install.sh requirements-dev.txt
.venv/bin/ruff format --check --quiet .  # formatting (config in pyproject.toml): run `ruff format .` to fix
.venv/bin/ruff check --quiet .  # lint
.venv/bin/mypy  # types (config in pyproject.toml): must report no issues
exec .venv/bin/python -m pytest "$@"
