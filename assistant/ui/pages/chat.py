"""Chat: ask in your own words; answers stream in with numbered sources and compliance checks."""

import streamlit as st

from assistant.ui import chat_view, resources, sidebar

svc = resources.services()
profile, pid = sidebar.current(svc)
engine, notice = resources.chat_engine(svc)
conv_id = chat_view.open_conversation(svc.store, pid)
messages = svc.store.get_messages(conv_id) if conv_id else []
chat_view.adopt_kept_question(pid, profile, conv_id)  # typed while the database could not be read

st.title("Ask the assistant")
bar = st.container()  # filled last, so it reflects a conversation created by this run's question
if engine.uses_model:  # offline is the normal case: say nothing about it
    st.caption(f"Answering with: {resources.provider_label(engine)}")
if notice:
    st.warning(notice, icon=":material/cloud_off:")
resources.ensure_index(svc)

for message in messages:
    chat_view.show_message(message)
starter_box = st.empty()
clicked = None if messages else chat_view.starters(profile, svc.kb, starter_box)
question = st.chat_input("Ask about social media for your clinic…", key=chat_view.TYPED) or clicked
if question:
    starter_box.empty()
    chat_view.answer_turn(svc, engine, profile, pid, conv_id, question, messages)

with bar:
    chat_view.conversation_bar(svc.store, pid, chat_view.open_conversation(svc.store, pid))
