"""Reading a file sized by its stat gives the same bytes and the same limit as reading it
whole (issue: speed: asking for the 16 MiB limit made Python allocate 16 MiB per file)."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from botkit.files import FileReadError, _read_limited


@given(
    content=st.binary(max_size=300),
    expected=st.integers(0, 400),
    limit=st.integers(0, 350),
)
def test_a_file_that_changed_size_since_its_stat_reads_as_a_whole_read_would(
    content: bytes, expected: int, limit: int
) -> None:
    def whole() -> bytes:
        return _read_limited(io.BytesIO(content), "f", limit)

    def sized() -> bytes:
        return _read_limited(io.BytesIO(content), "f", limit, expected=expected)

    if len(content) > limit:
        for read in (whole, sized):
            with pytest.raises(FileReadError):
                read()
    else:
        assert sized() == whole() == content
