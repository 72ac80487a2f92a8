"""Telling a real credential from a placeholder or a variable, and never printing one.

The vocabulary (which names and values are credentials, what a placeholder looks
like) is botkit/secret_names.py's; the masking rule and the one masking point are
botkit/masking.py's.  Both are re-exported here under the names the rules use.
"""

from __future__ import annotations

from botkit.masking import mask as mask
from botkit.masking import mask_known as mask_known
from botkit.masking import scrub as scrub
from botkit.secret_names import credential as credential
from botkit.secret_names import is_placeholder as is_placeholder
from botkit.secret_names import is_shell_variable as is_shell_variable
from botkit.secret_names import is_variable as is_variable
