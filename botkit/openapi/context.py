"""What converting one spec keeps across its operations: the spec and its resolver,
the vendor's variable prefix, the phone-name convention, and the names given so far."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from botkit.openapi.spec import Resolver


@dataclass
class Context:
    resolver: Resolver
    env_prefix: str
    phone_names: re.Pattern[str] | None
    spec: Mapping[str, Any]
    prose: bool = True
    json_bodies: bool = False
    scheme_envs: dict[str, str] = field(default_factory=dict)
