"""``make lab``: JupyterLab starts on notebooks/ with the project's kernel and lists the chapters.

The server is started headless through the Makefile target itself (``LAB_ARGS``), on a free 127.0.0.1 port
with a random token, asked for ``/api/contents/notebooks``; a kernel started through the server says which
python it runs (the venv's); the server is then stopped. Every step is bounded in time.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

from conftest import NOTEBOOKS, REPO

START_TIMEOUT = 60.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _request(url: str, token: str, method: str = "GET", body: dict | None = None) -> dict:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def _get(url: str, token: str) -> dict:
    return _request(url, token)


def _run_in_kernel(ws_url: str, code: str, timeout: float = 60.0) -> str:
    """Execute ``code`` in a running kernel over the server's websocket; return what it printed."""
    import websocket  # websocket-client, a dependency of jupyter_server

    msg_id = uuid.uuid4().hex
    ws = websocket.create_connection(ws_url, timeout=timeout)
    try:
        ws.send(
            json.dumps(
                {
                    "header": {
                        "msg_id": msg_id,
                        "msg_type": "execute_request",
                        "username": "test",
                        "session": uuid.uuid4().hex,
                        "version": "5.3",
                    },
                    "parent_header": {},
                    "metadata": {},
                    "channel": "shell",
                    "buffers": [],
                    "content": {
                        "code": code,
                        "silent": False,
                        "store_history": False,
                        "user_expressions": {},
                        "allow_stdin": False,
                    },
                }
            )
        )
        printed, deadline = "", time.monotonic() + timeout
        while time.monotonic() < deadline:
            msg = json.loads(ws.recv())
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "stream":
                printed += msg["content"]["text"]
            elif msg["msg_type"] == "error":
                raise AssertionError(f"the kernel raised {msg['content']['ename']}")
            elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return printed
        raise AssertionError(f"no reply from the kernel in {timeout:.0f} s")
    finally:
        ws.close()


@pytest.mark.end_to_end  # make lab: a JupyterLab server and a kernel (3 s): make test runs it, make unit does not
def test_make_lab_serves_the_notebooks_with_the_project_kernel(tmp_path: Path) -> None:
    port, token = _free_port(), secrets.token_hex(16)
    args = (
        f"--no-browser --ServerApp.ip=127.0.0.1 --ServerApp.port={port} --ServerApp.port_retries=0 "
        f"--IdentityProvider.token={token}" + (" --allow-root" if os.geteuid() == 0 else "")
    )
    env = {
        **os.environ,
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
        "JUPYTER_DATA_DIR": str(tmp_path / "data"),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    log = tmp_path / "lab.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            ["make", "--no-print-directory", "lab", f"LAB_ARGS={args}"],
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}/api"
    try:
        deadline, contents = time.monotonic() + START_TIMEOUT, None
        while contents is None:
            assert server.poll() is None, f"make lab exited with {server.returncode}:\n{log.read_text()[-3000:]}"
            assert time.monotonic() < deadline, f"no answer in {START_TIMEOUT:.0f} s:\n{log.read_text()[-3000:]}"
            try:
                contents = _get(f"{base}/contents/notebooks", token)
            except urllib.error.HTTPError:
                raise
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.5)
        listed = {item["name"] for item in contents["content"] if item["type"] == "notebook"}
        assert listed == {nb.name for nb in NOTEBOOKS}
        kernel = _request(f"{base}/kernels", token, method="POST", body={})
        executable = _run_in_kernel(
            f"ws://127.0.0.1:{port}/api/kernels/{kernel['id']}/channels?token={token}",
            "import sys; print(sys.executable)",
        )
        assert Path(executable.strip()).parent == Path(sys.executable).parent, executable
        try:
            _get(f"{base}/contents/notebooks", "wrong-token")
            raise AssertionError("the server answered without the right token")
        except urllib.error.HTTPError as exc:
            assert exc.code == 403
    finally:
        _stop(server)
    assert "without encryption" not in log.read_text(), "the lab's kernel runs over plain TCP (see make lab)"


def _stop(server: subprocess.Popen) -> None:
    """Stop make and the server it started (their own process group), by force after 20 s."""
    for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, 10)):
        try:
            os.killpg(server.pid, sig)
        except ProcessLookupError:
            return
        try:
            server.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue
