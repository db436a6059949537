"""Editorial plan: a dated calendar for the clinic's platforms, saved as it is made, editable and ready to import."""

import streamlit as st

from assistant.ui import calendar_view, plan_view, resources, sidebar

svc = resources.services()
profile, pid = sidebar.current(svc)
st.title("Editorial plan")

plan_view.restore_last(svc.store, pid)
plan_view.saved_plans(svc.store, pid)
params = plan_view.inputs(svc.kb, profile, expanded=st.session_state.get("plan") is None)
if params:
    plan_view.generate(svc.store, svc.kb, profile, pid, params)

plan = st.session_state.get("plan")
if plan is not None:
    title = plan_view.title_box(plan, profile)
    status = st.empty()
    flash = st.empty()  # filled after the save below, so "Moved ..." never shows before the move is stored
    tab_cal, tab_table, tab_mix, tab_checks = st.tabs(["Calendar", "Table (bulk edits)", "Mix", "Checks"])
    with tab_table:
        plan = plan_view.editor(plan, svc.kb)  # first, so the calendar shows the table's edits
    with tab_cal:
        clicked = calendar_view.calendar(plan, svc.kb, profile, st.session_state.get("plan_version", 0))
        calendar_view.preview(plan, svc.kb, profile, clicked)
    with tab_mix:
        plan_view.mix_chart(plan)
    with tab_checks:
        plan_view.checks(plan)
    with status.container():
        plan_view.keep_saved(svc.store, pid, plan, title)
    with flash.container():
        calendar_view.flash()
    plan_view.notes(plan)
    plan_view.downloads(plan, svc.kb, profile.country)
