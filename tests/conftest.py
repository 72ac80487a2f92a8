from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from loopback import RecordingServer

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def recording_server() -> Iterator[RecordingServer]:
    """One loopback server for the whole run; tests take() what they sent."""
    with RecordingServer() as server:
        yield server
