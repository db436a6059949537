"""A real PostgreSQL server for the test session, on a free loopback port, started and removed by the suite.

Uses the server binaries of Debian's `postgresql` package (/usr/lib/postgresql/<version>/bin; scripts/test.sh
installs it when missing). PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


def server_binaries() -> Path | None:
    """The newest installed PostgreSQL's bin folder (with initdb and pg_ctl), if any."""
    found = [Path(p).parent for p in glob.glob("/usr/lib/postgresql/*/bin/initdb")]
    found.sort(key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)
    if found:
        return found[-1]
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PostgresServer:
    """A throwaway cluster; `new_database()` gives each test an empty database of its own."""

    def __init__(self, binaries: Path, base: Path) -> None:
        self.binaries, self.base = binaries, base
        self.data, self.port = base / "data", _free_port()
        self._names = itertools.count(1)
        self._as_postgres = os.geteuid() == 0  # PostgreSQL will not run as root

    def _run(self, *argv: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if self._as_postgres else []
        result = subprocess.run(prefix + list(argv), capture_output=True, text=True, timeout=120, cwd=self.base)
        if result.returncode != 0:
            log = (self.base / "server.log").read_text() if (self.base / "server.log").exists() else ""
            raise RuntimeError(f"{' '.join(argv)} failed: {result.stderr}{result.stdout}{log}")

    def start(self, initialise: bool = True) -> None:
        """Create the cluster (unless `initialise` is False: a restart) and start the server."""
        if initialise:
            if self._as_postgres:
                shutil.chown(self.base, "postgres", "postgres")
            initdb = [str(self.binaries / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust"]
            self._run(*initdb, "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync")
        # fsync off: a test server's data is thrown away; socket in the temp dir, TCP on loopback only
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.base} -F"
        log = str(self.base / "server.log")
        self._run(str(self.binaries / "pg_ctl"), "-D", str(self.data), "-l", log, "-o", options, "-w", "start")

    def stop(self) -> None:
        self._run(str(self.binaries / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def remove(self) -> None:
        """Stop the server if it runs, and delete its files."""
        try:
            self.stop()
        except RuntimeError:
            pass  # not running (never started, or already stopped)
        shutil.rmtree(self.base, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def execute(self, sql: str, database: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.url(database).replace("+psycopg", ""), autocommit=True) as connection:
            connection.execute(sql)

    def new_database(self) -> str:
        """An empty database on this server; returns its URL."""
        name = f"test_{next(self._names)}"
        self.execute(f"CREATE DATABASE {name} TEMPLATE template0")
        return self.url(name)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    """A running PostgreSQL server on a free loopback port for the whole session."""
    binaries = server_binaries()
    if binaries is None:
        pytest.skip("PostgreSQL is not installed (Debian: apt-get install postgresql; scripts/test.sh does it as root)")
    server = PostgresServer(binaries, Path(tempfile.mkdtemp(prefix="assistant-pg-")))
    try:
        server.start()
        yield server
    finally:
        server.remove()
