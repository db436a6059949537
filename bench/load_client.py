"""A chat session spoken at Streamlit's websocket protocol, as a browser tab's frontend drives it.

The client sends the BackMsg a browser sends (run the page; a button's click; the chat box's text) and reads
the ForwardMsg replies with Streamlit's own protobuf classes, noting what the chat page showed. Used by
bench/load.py to load the server without running a browser per session.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import websockets
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from assistant.guardrails.injection import sanitize_output  # the app's own rendering of a question

CONVERSATION_LABEL = re.compile(r"#(\d+)$")  # the conversation picker's labels end with the conversation number
EARLY_FOR_RERUN = ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN
SUCCESS = ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY


@dataclass
class Run:
    """What one script run put on the page, as far as this test needs it."""

    users_before: int = 0  # user messages already in the conversation: the next one is the new question
    status: int = SUCCESS
    chat_input: str | None = None  # the chat box's widget id
    new_button: str | None = None  # the "New" button's widget id, when it is enabled
    conversation_id: int | None = None  # the conversation the picker shows
    turns: list[tuple[str, list[str]]] = field(default_factory=list)  # chat messages shown: (role, texts)
    problems: list[str] = field(default_factory=list)  # error messages and tracebacks shown
    first_text_s: float | None = None  # from the request to the first text of the new answer

    def read(self, msg: ForwardMsg, elapsed: float) -> None:
        """Take note of one delta from the server."""
        kind = msg.delta.WhichOneof("type")
        if kind == "add_block" and msg.delta.add_block.WhichOneof("type") == "chat_message":
            self.turns.append((msg.delta.add_block.chat_message.name, []))
        elif kind == "new_element":
            self._element(msg.delta.new_element, elapsed)

    def _element(self, element: Element, elapsed: float) -> None:
        kind = element.WhichOneof("type")
        if kind == "markdown" and self.turns:
            self.turns[-1][1].append(element.markdown.body)
            if self.first_text_s is None and self.turns[-1][0] == "assistant" and self._new_turns():
                self.first_text_s = elapsed
        elif kind == "chat_input":
            self.chat_input = element.chat_input.id
        elif kind == "button" and element.button.label == "New":
            self.new_button = None if element.button.disabled else element.button.id
        elif kind == "selectbox" and element.selectbox.label == "Conversation":
            match = CONVERSATION_LABEL.search(element.selectbox.options[element.selectbox.default])
            self.conversation_id = int(match.group(1)) if match else None
        elif kind == "alert" and element.alert.format == Alert.ERROR:
            self.problems.append(element.alert.body)
        elif kind == "exception":
            self.problems.append(f"{element.exception.type}: {element.exception.message}")

    def _new_turns(self) -> list[tuple[str, list[str]]]:
        """The chat messages after the history: the new question and its answer."""
        users = [i for i, (role, _) in enumerate(self.turns) if role == "user"]
        return self.turns[users[self.users_before] :] if len(users) > self.users_before else []

    def answer_problem(self, question: str) -> str | None:
        """Why this run does not count as an answered question, or None when it does."""
        if self.status != SUCCESS:
            return f"the script run ended with status {self.status}"
        if self.problems:
            return f"the page showed an error: {self.problems[0][:200]}"
        new = self._new_turns()
        if not new or not new[0][1] or new[0][1][0] != sanitize_output(question):
            return "the question was not shown"
        if not any(role == "assistant" and any(t.strip() for t in texts) for role, texts in new[1:]):
            return "no answer was shown"
        return None


class Tab:
    """One Streamlit session over its websocket, as the browser's frontend drives it."""

    def __init__(self, ws: websockets.ClientConnection, timeout: float) -> None:
        self.ws, self.timeout = ws, timeout
        self.page_hash = ""  # the page the server last showed; "" lets it pick the default page

    async def rerun(self, widget: WidgetState | None = None, users_before: int = 0) -> Run:
        """Ask the server to run the page script (with one widget's new value) and read until the run ends."""
        msg = BackMsg()
        msg.rerun_script.page_script_hash = self.page_hash
        if widget is not None:
            msg.rerun_script.widget_states.widgets.append(widget)
        started = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        run = Run(users_before=users_before)
        while True:
            reply = ForwardMsg()
            reply.ParseFromString(await asyncio.wait_for(self.ws.recv(), self.timeout))
            kind = reply.WhichOneof("type")
            if kind == "delta":
                run.read(reply, time.perf_counter() - started)
            elif kind == "navigation":
                self.page_hash = reply.navigation.page_script_hash
            elif kind == "script_finished" and reply.script_finished != EARLY_FOR_RERUN:
                run.status = reply.script_finished
                return run

    async def click(self, widget_id: str) -> Run:
        return await self.rerun(WidgetState(id=widget_id, trigger_value=True))

    async def ask(self, chat_input: str, question: str, users_before: int) -> Run:
        widget = WidgetState(id=chat_input)
        widget.chat_input_value.data = question
        return await self.rerun(widget, users_before)


@asynccontextmanager
async def open_tab(url: str, timeout: float) -> AsyncIterator[Tab]:
    """A new session on the app served at `url` (http://host:port), closed afterwards."""
    ws_url = url.replace("http://", "ws://", 1) + "/_stcore/stream"
    async with websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None) as ws:
        yield Tab(ws, timeout)
