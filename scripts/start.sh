#!/usr/bin/env bash
# Install (first time only) and start the app on http://127.0.0.1:8501 (ADDRESS/PORT to change).
# Any ADDRESS other than this computer's own (127.0.0.1, localhost, ::1) needs logins: see README, "Logins".
set -euo pipefail
cd "$(dirname "$0")/.."
address="${ADDRESS:-127.0.0.1}"
bash scripts/install.sh requirements.txt
.venv/bin/python -m assistant users check --address "$address"
exec .venv/bin/streamlit run app.py --server.address "$address" --server.port "${PORT:-8501}"
