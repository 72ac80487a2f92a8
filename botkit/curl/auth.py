"""Which credentials curl's first request carries, picked the way curl picks them.

curl keeps a set of auth schemes, changed option by option in the order written
(curl 7.88's tool_getparam.c, measured against the loopback recorder):
``--basic``, ``--digest``, ``--ntlm``, ``--ntlm-wb``, ``--negotiate`` add their scheme
(``--no-X`` removes it), ``--oauth2-bearer`` and ``--aws-sigv4`` add theirs,
``--anyauth`` sets every scheme (``--no-anyauth`` changes nothing).  Then:

- no scheme, or Basic alone: ``-u`` (or the URL's credentials) as Basic auth;
- Bearer alone: ``Authorization: Bearer TOKEN``, and ``-u`` is not sent;
- Digest, Negotiate, or more than one scheme: no credentials at all until the
  server answers 401 with a challenge; NTLM alone sends a negotiation message
  that holds none; AWS SigV4 signs the request at run time.

A component holds Basic auth or a header, and answers no challenge: in the last
case it holds no credentials, and the option that decided it is a warning.
"""

from __future__ import annotations

from typing import Literal

from botkit.curl.options import Effect
from botkit.curl.record import Use
from botkit.values import Record

_BITS = {
    Effect.BASIC: 1,
    Effect.DIGEST: 2,
    Effect.NEGOTIATE: 4,
    Effect.NTLM: 8,
    Effect.NTLM_WB: 16,
    Effect.BEARER: 32,
    Effect.AWS_SIGV4: 64,
}
_ANY = sum(_BITS.values())
BASIC, BEARER = _BITS[Effect.BASIC], _BITS[Effect.BEARER]


class AuthChoice(Record):
    """What the first request carries: Basic auth, the bearer token, or neither."""

    _fields = ("sends", "deciders", "mixed")

    def __init__(
        self,
        sends: Literal["basic", "bearer", "none"],
        deciders: list[Use] | None = None,
        mixed: Use | None = None,
    ) -> None:
        self.sends = sends
        # The options that made it "none" and say so in their note (--digest...).
        self.deciders: list[Use] = [] if deciders is None else deciders
        # Else, when two schemes a component could hold (Basic and Bearer) leave curl
        # choosing: the later of them.
        self.mixed = mixed


def choose(schemes: list[Use]) -> AuthChoice:
    mask = 0
    setters: dict[int, Use] = {}  # which option last put each scheme in the set
    for use in schemes:
        if use.option.effect == Effect.ANYAUTH:
            if use.on:
                mask = _ANY
                setters = dict.fromkeys(_BITS.values(), use)
            continue
        bit = _BITS[use.option.effect]
        if use.on:
            mask |= bit
            setters[bit] = use
        else:
            mask &= ~bit
    if mask in (0, BASIC):
        return AuthChoice("basic")
    if mask == BEARER:
        return AuthChoice("bearer")
    present = [setters[bit] for bit in sorted(setters) if mask & bit]
    deciders: list[Use] = []
    for use in present:
        if use.option.effect not in (Effect.BASIC, Effect.BEARER) and use not in deciders:
            deciders.append(use)
    if deciders:
        return AuthChoice("none", deciders)
    return AuthChoice("none", mixed=max(present, key=lambda u: (u.word.line, u.word.column)))
