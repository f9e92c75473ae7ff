"""The ODK web-forms engine (tools/odk_oracle/oracle.mjs) as a child process.

One node process serves every request of a test session, one JSON line each way.
Reads have a timeout (a reader thread feeds a queue), so a hung engine fails the test
instead of hanging the suite. Also used by bench/bench_oracle.py.
"""

from __future__ import annotations

import itertools
import json
import queue
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
ORACLE_DIR = REPO_ROOT / "tools" / "odk_oracle"
ENGINE_PACKAGE = ORACLE_DIR / "node_modules" / "@getodk" / "xforms-engine" / "package.json"
REPLY_TIMEOUT = 120.0  # seconds; the largest corpus form opens in well under one


def unavailable_reason() -> str | None:
    """Why the oracle cannot run here, or None when it can."""
    if shutil.which("node") is None:
        return "node is not installed (the ODK oracle runs @getodk/xforms-engine under node)"
    if not ENGINE_PACKAGE.is_file():
        return f"{ENGINE_PACKAGE.parent} is missing: run `npm ci --prefix tools/odk_oracle`"
    return None


class OracleError(RuntimeError):
    pass


class Oracle:
    """`ask(request)` sends one request to oracle.mjs and returns its parsed answer."""

    def __init__(self) -> None:
        # stderr to a file: a pipe nobody reads could fill and block the engine.
        self._stderr = tempfile.TemporaryFile()
        self._process = subprocess.Popen(
            ["node", str(ORACLE_DIR / "oracle.mjs")],
            cwd=ORACLE_DIR, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=self._stderr, text=True, encoding="utf-8",
        )
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._ids = itertools.count(1)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self._process.stdout:
            self._lines.put(line)
        self._lines.put(None)  # end of output: the process has exited

    def ask(self, request: dict, timeout: float = REPLY_TIMEOUT) -> dict:
        request = {**request, "id": next(self._ids)}
        try:
            self._process.stdin.write(json.dumps(request) + "\n")
            self._process.stdin.flush()
        except BrokenPipeError as exc:
            raise OracleError(f"the oracle has exited: {self.stderr_text()}") from exc
        try:
            line = self._lines.get(timeout=timeout)
        except queue.Empty:
            raise OracleError(f"no answer from the oracle within {timeout} s") from None
        if line is None:
            raise OracleError(f"the oracle has exited: {self.stderr_text()}")
        answer = json.loads(line)
        if answer.get("id") != request["id"]:
            raise OracleError(f"answer {answer.get('id')} to request {request['id']}")
        return answer

    def stderr_text(self) -> str:
        self._stderr.seek(0)
        return self._stderr.read().decode("utf-8", "replace")[-4000:]

    def close(self) -> None:
        self._process.stdin.close()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._reader.join(timeout=10)  # it ends at the pipe's end of file
        self._process.stdout.close()
        self._stderr.close()
