"""What the web pages need beyond the core services, free of Streamlit so it is unit-tested: the profile form,
conversations and stored answers. Plan-table helpers are in `assistant/plan_rows.py`."""
