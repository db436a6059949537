"""Block every connection and DNS lookup that would leave this machine (loopback stays allowed).

Installed for the whole test session by conftest.py, and in subprocesses the tests start through
`tests/offline_site/sitecustomize.py` (put that folder on PYTHONPATH; see `offline_env`).
"""

from __future__ import annotations

import ipaddress
import os
import socket
from pathlib import Path

SITE_DIR = Path(__file__).resolve().parent / "offline_site"
ROOT = Path(__file__).resolve().parent.parent


class NetworkBlocked(RuntimeError):
    """Raised when code under test tries to reach beyond this machine."""


def is_loopback(host) -> bool:
    """True for localhost names and 127.0.0.0/8 / ::1 addresses."""
    if host is None:
        return True  # getaddrinfo(None, port) resolves to a local wildcard or loopback address
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    host = str(host).strip("[]").lower()
    if host in ("", "localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"):
        return True  # "" is the local wildcard address
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False  # a name that would need DNS


def _check(host, what: str) -> None:
    if not is_loopback(host):
        raise NetworkBlocked(f"NETWORK BLOCKED IN TESTS: {what} {host!r}; the product must work offline")


def _host_of(address):
    if isinstance(address, tuple) and address:
        return address[0]
    return "localhost"  # AF_UNIX paths and the like never leave the machine


_REAL = {
    "connect": socket.socket.connect,
    "connect_ex": socket.socket.connect_ex,
    "getaddrinfo": socket.getaddrinfo,
    "create_connection": socket.create_connection,
    "gethostbyname": socket.gethostbyname,
    "gethostbyname_ex": socket.gethostbyname_ex,
}


def _connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _check(_host_of(address), "connect to")
    return _REAL["connect"](self, address)


def _connect_ex(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _check(_host_of(address), "connect_ex to")
    return _REAL["connect_ex"](self, address)


def _getaddrinfo(host, *args, **kwargs):
    _check(host, "DNS lookup of")
    return _REAL["getaddrinfo"](host, *args, **kwargs)


def _create_connection(address, *args, **kwargs):
    _check(_host_of(address), "create_connection to")
    return _REAL["create_connection"](address, *args, **kwargs)


def _gethostbyname(host):
    _check(host, "DNS lookup of")
    return _REAL["gethostbyname"](host)


def _gethostbyname_ex(host):
    _check(host, "DNS lookup of")
    return _REAL["gethostbyname_ex"](host)


def install() -> None:
    """Replace the socket functions with guarded ones (idempotent)."""
    socket.socket.connect = _connect
    socket.socket.connect_ex = _connect_ex
    socket.getaddrinfo = _getaddrinfo
    socket.create_connection = _create_connection
    socket.gethostbyname = _gethostbyname
    socket.gethostbyname_ex = _gethostbyname_ex


def offline_env(**extra: str) -> dict[str, str]:
    """Environment for a subprocess: the same network block, no API keys, offline provider."""
    env = {k: v for k, v in os.environ.items() if k not in ("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "CHROMA_HOST")}
    paths = [str(SITE_DIR), str(ROOT)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else [])
    env.update(
        PYTHONPATH=os.pathsep.join(paths),
        ASSISTANT_PROVIDER="offline",
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        PYTHONIOENCODING="utf-8",
    )
    env.update(extra)
    return env
