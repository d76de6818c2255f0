"""The dashboard run headless on a free local port, for the browser tests and the benchmark.

Both need the same thing: a fresh `streamlit run dashboard.py` on given data, a wait until it
answers its health check (or the reason it never did), the headless Chromium flags DESIGN.md
lists, and a server that is stopped however the caller exits.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class ServerDidNotStart(RuntimeError):
    """The dashboard exited or did not answer in time; the message ends with its log."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def dashboard_server(
    env: Mapping[str, str], log_path: Path, timeout: float = 300
) -> Iterator[tuple[str, subprocess.Popen]]:
    """Yield the base URL and the process of a dashboard that answers its health check.

    The timeout is generous (a loaded CI machine starts Streamlit many times slower); the wait
    ends as soon as the server answers or exits."""
    port = free_port()
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "dashboard.py",
                "--server.headless=true",
                "--server.address=127.0.0.1",
                f"--server.port={port}",
                "--browser.gatherUsageStats=false",
            ],
            cwd=REPO,
            env=dict(env),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while not _healthy(base):
            if time.monotonic() > deadline or _exited(process, within=0.2):
                raise ServerDidNotStart(f"streamlit did not start:\n{log_path.read_text()[-3000:]}")
        yield base, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def _exited(process: subprocess.Popen, within: float) -> bool:
    """Whether the server exits within that time: the pause between health checks, which ends
    at once if the server dies."""
    try:
        process.wait(timeout=within)
    except subprocess.TimeoutExpired:
        return False
    return True


def _healthy(base: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base}/_stcore/health", timeout=10) as answer:
            return answer.status == 200
    except OSError:
        return False
