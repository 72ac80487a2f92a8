"""Every option the table accepts quietly changes nothing the server receives.

"Quiet" is what botkit does: the option gives no warning and the same request as
the command without it.  For each such option of the table, real curl runs the
command with and without it against a recorder on loopback that keeps the raw
bytes of each request (request line, headers in order, body), over http:// and,
when ``openssl`` can make a certificate, over https:// with ``-k``; the bytes
must be identical.  All runs of a scheme go in one bash script.

What is not compared, and why, is listed here and asserted: ``SKIP`` (the check
needs what the test machine lacks: a resolver, an address, a build feature) and
the options the installed curl does not know (newer curls).  ``TRANSPORT`` is
the one header a quiet option may add: what any HTTP client negotiates itself.
"""

from __future__ import annotations

import re
import shlex
import shutil
import socketserver
import ssl
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from botkit.curl import read_curl
from botkit.curl.options import ROWS, CurlOption, by_long

pytestmark = pytest.mark.skipif(shutil.which("curl") is None, reason="needs the curl binary")

URL = "{scheme}://h.example/o/{tag}"
# A value each option that takes one can read (files are made by the test).
VALUES = {
    "alt-svc": "altsvc.txt",
    "cacert": "cert.pem",
    "capath": "dir",
    "cert-type": "PEM",
    "ciphers": "DEFAULT",
    "connect-timeout": "5",
    "cookie-jar": "jar.txt",
    "create-file-mode": "0644",
    "crlfile": "empty.txt",
    "curves": "X25519",
    "delegation": "none",
    "dump-header": "headers.txt",
    "egd-file": "empty.txt",
    "etag-save": "etag.txt",
    "ftp-method": "multicwd",
    "ftp-port": "-",
    "ftp-ssl-ccc-mode": "active",
    "hostpubmd5": "0123456789abcdef0123456789abcdef",
    "hostpubsha256": "AAAA",
    "hsts": "hsts.txt",
    "interface": "lo",
    "key-type": "PEM",
    "libcurl": "code.c",
    "limit-rate": "1M",
    "local-port": "40000-49000",
    "mail-auth": "a@h.example",
    "mail-from": "a@h.example",
    "mail-rcpt": "a@h.example",
    "max-filesize": "1M",
    "noproxy": "*",
    "output": "out.txt",
    "output-dir": "dir",
    "pinnedpubkey": "sha256//AAAA",
    "proto": "=http,https",
    "proto-redir": "=http,https",
    "proto-default": "https",
    "proxy-tlsauthtype": "SRP",
    "tlsauthtype": "SRP",
    "proxy-cert-type": "PEM",
    "proxy-header": "X-Proxy: 1",
    "proxy-key-type": "PEM",
    "pubkey": "empty.txt",
    "quote": "NOOP",
    "random-file": "empty.txt",
    "stderr": "stderr.txt",
    "telnet-option": "TTYPE=vt100",
    "tftp-blksize": "512",
    "tls-max": "1.3",
    "tls13-ciphers": "TLS_AES_128_GCM_SHA256",
    "trace": "trace.txt",
    "trace-ascii": "trace.txt",
    "write-out": "%{http_code}",
}
DEFAULT_VALUE = "5"
# Quiet options not compared here, each with the reason.
SKIP = {
    "ipv6": "resolves to IPv6 only, and the recorder listens on 127.0.0.1",
    "dns-interface": "needs a curl built with c-ares",
    "dns-ipv4-addr": "needs a curl built with c-ares",
    "dns-ipv6-addr": "needs a curl built with c-ares",
    "dns-servers": "needs a curl built with c-ares",
    "engine": "needs an OpenSSL engine installed",
    "http3": "this curl has no HTTP/3 and refuses it; elsewhere it is QUIC under the same request",
    "proxy-tlsauthtype": "this curl's TLS library has no SRP ('a bad argument'); proxies only",
}
SKIP_HTTPS = {
    "cert-status": "asks for OCSP stapling, which a self-signed test server cannot give",
    "pinnedpubkey": "pins a key: curl refuses the test server's (a check, no change)",
    "crlfile": "curl refuses an empty revocation list (a check, no change)",
}
# The one header a quiet option may add, and why a component leaves it out.
TRANSPORT = {
    "compressed": (
        "Accept-Encoding",
        "curl asks for compressed answers; an HTTP client negotiates its own encoding",
    ),
}


def _argv(option: CurlOption) -> list[str]:
    if not option.takes_arg:
        return [option.spelled]
    return [option.spelled, VALUES.get(option.long, DEFAULT_VALUE)]


def _quiet(option: CurlOption, base: Path) -> bool:
    """botkit reads the command with the option exactly as without it, and says nothing."""
    url = URL.format(scheme="http", tag="x")
    plain = read_curl(f"curl {url}", base_dir=base).request
    try:
        read = read_curl(shlex.join(["curl", *_argv(option), url]), base_dir=base)
    except Exception:
        return False
    return read.warnings == [] and read.request == plain


def _known_to_curl() -> set[str]:
    listing = subprocess.run(
        ["curl", "--help", "all"], capture_output=True, text=True, check=True
    ).stdout
    return set(re.findall(r"^\s+(?:-\S, )?--(\S+)", listing, re.M))


class _Recorder(socketserver.ThreadingTCPServer):
    """Keeps the raw bytes of each request, by the tag at the end of its path."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, context: ssl.SSLContext | None) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.context = context
        self.requests: dict[str, bytes] = {}


class _Handler(socketserver.BaseRequestHandler):
    server: _Recorder

    def handle(self) -> None:
        sock = self.request
        sock.settimeout(5)
        try:
            if self.server.context is not None:
                sock = self.server.context.wrap_socket(sock, server_side=True)
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = sock.recv(65536)
                if not chunk:
                    return
                data += chunk
            head, _, body = data.partition(b"\r\n\r\n")
            length = re.search(rb"(?im)^content-length:\s*(\d+)", head)
            while length and len(body) < int(length.group(1)):
                body += sock.recv(65536)
            target = head.split(b" ", 2)[1] if head.count(b" ") >= 2 else b""
            tag = target.rsplit(b"/", 1)[-1].decode("latin-1")
            self.server.requests[tag] = head.replace(target, b"/o/TAG", 1) + b"\r\n\r\n" + body
            sock.sendall(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                b"Content-Length: 2\r\nConnection: close\r\n\r\n{}"
            )
        except (OSError, ssl.SSLError):
            return


def _serve(context: ssl.SSLContext | None) -> Iterator[_Recorder]:
    server = _Recorder(context)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("quiet")
    (base / "dir").mkdir()
    (base / "empty.txt").write_text("")
    (base / "hsts.txt").write_text("")
    (base / "altsvc.txt").write_text("")
    if shutil.which("openssl"):
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
             "-subj", "/CN=h.example", "-keyout", "key.pem", "-out", "cert.pem"],
            cwd=base, capture_output=True, check=True,
        )  # fmt: skip
    else:
        (base / "cert.pem").write_text("")
    return base


@pytest.fixture(scope="module")
def quiet_options(workdir: Path) -> list[CurlOption]:
    return [by_long(row[0])[0] for row in ROWS if _quiet(by_long(row[0])[0], workdir)]


def _run_all(scheme: str, options: list[CurlOption], workdir: Path) -> dict[str, bytes]:
    context = None
    if scheme == "https":
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(workdir / "cert.pem", workdir / "key.pem")
    for server in _serve(context):
        port = server.server_address[1]
        wrapper = (
            f"run() {{ command curl -q --silent --max-time 3 --retry 0 "
            f'--connect-to ::127.0.0.1:{port} {"-k " if scheme == "https" else ""}"$@"; }}\n'
        )
        lines = ["mkdir -p errors", f"run {URL.format(scheme=scheme, tag='base')} >/dev/null 2>&1"]
        for option in options:
            argv = shlex.join(_argv(option))
            url = URL.format(scheme=scheme, tag=option.long)
            lines.append(f"run {argv} {url} >/dev/null 2>errors/{option.long} </dev/null")
        script = wrapper + "\n".join(lines) + "\n"
        subprocess.run(
            ["bash", "--noprofile", "--norc", "-c", script],
            cwd=workdir, env={"PATH": "/usr/bin:/bin", "HOME": str(workdir), "LC_ALL": "C"},
            capture_output=True, timeout=600, check=False,
        )  # fmt: skip
        return dict(server.requests)
    raise AssertionError("unreachable")


def _differences(
    scheme: str, options: list[CurlOption], workdir: Path, skip: dict[str, str]
) -> dict[str, str]:
    compared = [o for o in options if o.long not in skip]
    sent = _run_all(scheme, compared, workdir)
    base = sent.pop("base")
    problems = {}
    unknown = set()
    for option in compared:
        got = sent.get(option.long)
        if got is None:
            error = (workdir / "errors" / option.long).read_text(errors="replace")
            if re.search(r"option --\S+: is unknown", error):
                unknown.add(option.long)  # a newer curl's option: nothing to compare
            else:
                problems[option.long] = f"no request arrived: {error.strip()!r}"
            continue
        if option.long in TRANSPORT:
            name = TRANSPORT[option.long][0].encode()
            got = re.sub(rb"(?im)^" + re.escape(name) + rb":[^\r\n]*\r\n", b"", got)
        if got != base:
            problems[option.long] = f"sent {got!r}, without it {base!r}"
    # What this curl did not know, it does not list either (it is newer than this curl).
    assert not unknown & _known_to_curl(), unknown & _known_to_curl()
    assert len(unknown) < len(compared) // 4
    return problems


def test_the_lists_of_exceptions_name_quiet_options(quiet_options: list[CurlOption]) -> None:
    quiet = {o.long for o in quiet_options}
    assert len(quiet) > 150
    assert set(SKIP) <= quiet and set(SKIP_HTTPS) <= quiet and set(TRANSPORT) <= quiet
    assert set(VALUES) <= {row[0] for row in ROWS}


def test_quiet_options_send_the_same_bytes_over_http(quiet_options, workdir: Path) -> None:
    assert _differences("http", quiet_options, workdir, SKIP) == {}


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs openssl for a test certificate")
def test_quiet_options_send_the_same_bytes_over_https(quiet_options, workdir: Path) -> None:
    assert _differences("https", quiet_options, workdir, SKIP | SKIP_HTTPS) == {}
