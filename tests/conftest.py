from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# Locally, property tests explore new examples on every run; in CI (CI=true) they run a
# fixed, reproducible set, so a red build always means the same failure on a re-run.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

sys.path.insert(0, str(Path(__file__).parent))

from loopback import RecordingServer  # noqa: E402  (needs the sys.path line above)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def recording_server() -> Iterator[RecordingServer]:
    """One loopback server for the whole run; tests take() what they sent."""
    with RecordingServer() as server:
        yield server
