#!/usr/bin/env bash
# Install (first time only) and start the app on http://127.0.0.1:8501 (ADDRESS/PORT to change).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh requirements.txt
exec .venv/bin/streamlit run app.py --server.address "${ADDRESS:-127.0.0.1}" --server.port "${PORT:-8501}"
