"""The oracle for "what would curl send": real bash runs real curl against a server on
127.0.0.1 that records every request as it arrives.

curl is wrapped in a bash function that puts ``-q`` first (no ~/.curlrc) and
``--connect-to ::127.0.0.1:PORT``, so whatever host a command names, the
connection goes to the recording server on loopback and nowhere else.
"""

from __future__ import annotations

import os
import subprocess
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit


@dataclass
class Recorded:
    method: str
    target: str  # the request-target exactly as sent: path?query
    headers: list[tuple[str, str]]
    body: bytes

    @property
    def path(self) -> str:
        return urlsplit(self.target).path

    @property
    def query(self) -> str:
        return urlsplit(self.target).query

    def header(self, name: str) -> str | None:
        values = [v for n, v in self.headers if n.lower() == name.lower()]
        return values[-1] if values else None

    def header_names(self) -> list[str]:
        return [n for n, _ in self.headers]


@dataclass
class RecordingServer:
    requests: list[Recorded] = field(default_factory=list)
    port: int = 0

    def __enter__(self) -> RecordingServer:
        records = self.requests

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # quiet
                pass

            def _record(self) -> None:
                body = self._read_body()
                headers = [
                    (name, value.encode("latin-1").decode("utf-8", "surrogateescape"))
                    for name, value in self.headers.items()
                ]
                records.append(Recorded(self.command, self.path, headers, body))
                payload = b"" if self.command == "HEAD" else b'{"ok":true}'
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(b'{"ok":true}')))
                self.end_headers()
                self.wfile.write(payload)

            def _read_body(self) -> bytes:
                if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                    chunks = []
                    while True:
                        size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                        if size == 0:
                            while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                                pass
                            return b"".join(chunks)
                        chunks.append(self.rfile.read(size))
                        self.rfile.readline()
                length = int(self.headers.get("Content-Length") or 0)
                return self.rfile.read(length) if length else b""

            def __getattr__(self, name: str):  # do_GET, do_POST, do_WHATEVER
                if name.startswith("do_"):
                    return self._record
                raise AttributeError(name)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def take(self) -> list[Recorded]:
        """The requests recorded so far, clearing the list for the next run."""
        taken = list(self.requests)
        self.requests.clear()
        return taken


def run_bash(
    script: str,
    server: RecordingServer,
    cwd: Path,
    *,
    timeout: float = 30,
    extra_env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``script`` with real bash; every ``curl`` in it goes to ``server`` on loopback."""
    preamble = (
        "curl() { command curl -q --silent --show-error --max-time 20 "
        f'--connect-to "::127.0.0.1:{server.port}" "$@"; }}\n'
    )
    env = {
        k: v
        for k, v in os.environ.items()
        if "proxy" not in k.lower() and not k.startswith(("CURL_", "BASH_ENV"))
    }
    env.update({"HOME": str(cwd), "LC_ALL": "C.UTF-8"})
    env.update(extra_env or {})
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-c", preamble + script],
        cwd=cwd,
        env=env,
        capture_output=True,
        timeout=timeout,
        check=False,
    )


def send_with_curl(script: str, server: RecordingServer, cwd: Path) -> list[Recorded]:
    """Run ``script`` and return what arrived; fail loudly if bash or curl failed."""
    server.take()
    result = run_bash(script, server, cwd)
    if result.returncode != 0:
        raise AssertionError(
            f"bash exited {result.returncode}\n--- script\n{script}\n--- stderr\n"
            + result.stderr.decode(errors="replace")
        )
    return server.take()
