"""A small OpenAI-compatible HTTP server on 127.0.0.1 for tests (a stand-in for vLLM / LM Studio).

It speaks the real wire protocol (`POST /v1/chat/completions`, streaming as server-sent events), so the
real LangChain/OpenAI clients are exercised. It records every request body, and can inject faults:
`mode` = "ok" | "http500" | "slow" | "malformed" | "cut" (stream stops mid-way without [DONE]).
"""

from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class OpenAICompatibleServer:
    def __init__(self, reply: str = "Hello from the test model [1].", mode: str = "ok", delay_s: float = 5.0):
        self.reply = reply
        self.mode = mode
        self.delay_s = delay_s
        self.requests: list[dict] = []
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def __enter__(self) -> OpenAICompatibleServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def received_text(self) -> str:
        """Everything the clients sent in message contents, joined (to assert on what left the app)."""
        return "\n".join(str(m.get("content", "")) for r in self.requests for m in r.get("messages", []))

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output clean
                pass

            def do_POST(self) -> None:  # noqa: N802 - http.server API
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                server.requests.append(body)
                if server.mode == "http500":
                    return self._send(500, {"error": {"message": "internal error", "type": "server_error"}})
                if server.mode == "slow":
                    time.sleep(server.delay_s)
                if body.get("stream"):
                    return self._stream(body)
                return self._send(200, _completion(body, server.reply))

            def _send(self, status: int, payload: dict) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _stream(self, body: dict) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                words = server.reply.split(" ")
                for i, word in enumerate(words):
                    if server.mode == "malformed" and i == 1:
                        self.wfile.write(b"data: {not json at all\n\n")
                        self.wfile.flush()
                        return
                    if server.mode == "cut" and i == len(words) // 2:
                        self.wfile.flush()
                        self.connection.shutdown(socket.SHUT_RDWR)
                        return
                    chunk = _chunk(body, (" " if i else "") + word)
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                    self.wfile.flush()
                self.wfile.write(f"data: {json.dumps(_chunk(body, '', finish='stop'))}\n\n".encode())
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()

        return Handler


def _completion(body: dict, text: str) -> dict:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": body.get("model", "test"),
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


def _chunk(body: dict, text: str, finish: str | None = None) -> dict:
    delta = {"content": text} if text else {}
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": body.get("model", "test"),
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }


def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens (connection refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"
