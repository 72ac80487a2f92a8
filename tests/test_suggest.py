"""One "did you mean" for every mistyped id and command name."""

from __future__ import annotations

from botkit.suggest import closest, did_you_mean


def test_the_closest_known_name_is_suggested() -> None:
    known = ["doubletick.assign-chat", "doubletick.unassign-chat", "unblu.forward"]
    assert closest("doubletick.asign-chat", known) == "doubletick.assign-chat"
    assert did_you_mean("unblu.forwrd", known) == "; did you mean unblu.forward?"
    assert did_you_mean("lnt", ["lint", "apis"], quote=True) == "; did you mean 'lint'?"


def test_nothing_close_means_no_hint() -> None:
    assert closest("zzz", ["lint", "apis"]) is None
    assert did_you_mean("zzz", ["lint", "apis"]) == ""
    assert did_you_mean("x", []) == ""
