"""Editorial plan: a dated calendar for the clinic's platforms, editable, checked, and ready to import."""
import streamlit as st

from assistant.ui import plan_view, resources, sidebar

svc = resources.services()
profile, pid = sidebar.current(svc)
st.title("Editorial plan")

plan_view.saved_plans(svc.store, pid)
params = plan_view.inputs(svc.kb, profile)
if params:
    plan_view.generate(svc.kb, profile, params)

plan = st.session_state.get("plan")
if plan is not None:
    plan = plan_view.editor(plan, svc.kb)
    plan_view.notes(plan)
    tab_week, tab_mix, tab_checks = st.tabs(["Week view", "Mix", "Compliance checks"])
    with tab_week:
        plan_view.week_view(plan, svc.kb)
    with tab_mix:
        plan_view.mix_chart(plan)
    with tab_checks:
        plan_view.checks(plan)
    plan_view.downloads(plan, svc.kb, profile.country)
    plan_view.save_box(svc.store, pid, profile, plan)
