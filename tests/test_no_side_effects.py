"""No network, no side effects: the whole fixture set read with sockets blocked, in a fresh
process whose temporary directory and working directory must stay empty and whose input
files must stay as they were; markup that names external entities or DTDs fetches nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

from conftest import fixture_documents

from inspection_extract import extract

# Run in a fresh process: every import, lazy or not, happens with the network blocked.
_BLOCKED_RUN = r"""
import json, socket, sys

class NoNetwork(RuntimeError):
    pass

def refuse(*args, **kwargs):
    raise NoNetwork(f"network use: {args!r}")

class Socket(socket.socket):
    def __init__(self, family=-1, type=-1, *args, **kwargs):
        if family in (-1, socket.AF_INET, socket.AF_INET6):
            refuse(family, type)
        super().__init__(family, type, *args, **kwargs)

socket.socket = Socket
socket.create_connection = refuse
socket.getaddrinfo = refuse
socket.gethostbyname = refuse

from pathlib import Path
from inspection_extract import extract_many

paths = [Path(p) for p in sys.argv[1:]]
out = []
for r in extract_many(paths):
    out.append([r.index, r.record is not None, type(r.error).__name__ if r.error else None, str(r.error or "")])
print(json.dumps(out))
"""


def _digest(paths: list[Path]) -> dict[str, tuple[str, int]]:
    return {str(p): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in paths}


def test_fixture_set_with_sockets_blocked_leaves_no_trace(tmp_path: Path) -> None:
    docs = fixture_documents()
    before = _digest(docs)
    tmp_dir, work_dir = tmp_path / "tmp", tmp_path / "cwd"
    tmp_dir.mkdir()
    work_dir.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp_dir), "TEMP": str(tmp_dir), "TMP": str(tmp_dir)}
    proc = subprocess.run(
        [sys.executable, "-c", _BLOCKED_RUN, *map(str, docs)],
        cwd=work_dir, env=env, capture_output=True, text=True, check=False, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads(proc.stdout)
    assert len(results) == len(docs)
    for i, ((index, ok, error_type, message), doc) in enumerate(zip(results, docs, strict=True)):
        assert index == i
        assert "NoNetwork" not in message and "internal error" not in message, (doc.name, message)
        assert ok or error_type, doc.name
    assert sum(ok for _, ok, _, _ in results) > 50  # the good fixtures were read, not refused
    assert not list(tmp_dir.iterdir()), "temporary files left behind"
    assert not list(work_dir.iterdir()), "files written to the working directory"
    assert _digest(docs) == before, "an input file was modified"


class _Listener:
    """A local TCP server that counts the connections made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self.stop.set()
        self.thread.join()
        self.sock.close()


def test_markup_fetches_nothing_and_resolves_no_external_entity(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER", encoding="utf-8")
    listener = _Listener()
    try:
        base = f"http://127.0.0.1:{listener.port}"
        pages = [
            f'<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "{base}/x.dtd">\n'
            "<html><body><p>Kirklees PDU was rated ‘Good’.</p></body></html>",
            f'<?xml version="1.0"?>\n<!DOCTYPE html [ <!ENTITY xxe SYSTEM "file://{secret}">'
            f' <!ENTITY web SYSTEM "{base}/e.txt"> <!ENTITY % p SYSTEM "{base}/p.dtd"> %p; ]>\n'
            "<html><body><p>Kirklees PDU was rated ‘Good’. &xxe; &web;</p></body></html>",
            f'<html><head><link rel="stylesheet" href="{base}/s.css"><script src="{base}/a.js"></script></head>'
            f'<body><img src="{base}/i.png"><iframe src="{base}/f.html"></iframe>'
            f'<p>Kirklees PDU was rated ‘Good’.</p><object data="{base}/o.svg"></object></body></html>',
            f'<svg xmlns="http://www.w3.org/2000/svg"><image href="{base}/i.png"/></svg>'
            f'<div><p>Kirklees PDU was rated ‘Good’.</p><p><a href="{base}/r.pdf">report</a></p></div>',
        ]
        for page in pages:
            rec = extract(page)
            assert rec.overall_rating is not None and rec.overall_rating.value == "Good", rec.text
            assert "TOP-SECRET-MARKER" not in rec.text
    finally:
        listener.close()
    assert listener.connections == 0, "the parser fetched something"
