"""Domain errors: each carries a message that is safe to show the person who caused it."""

from __future__ import annotations


class KinshipError(Exception):
    """An expected failure with a message meant for the member, shown ephemerally."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInput(KinshipError):
    """The member gave a value we cannot use; nothing was changed."""


class NotConfigured(KinshipError):
    """A command needs a part of the server configuration that is unset."""

    def __init__(self, item_label: str, reason: str | None = None) -> None:
        detail = f" ({reason})" if reason else ""
        super().__init__(
            f"This server has no {item_label} set up yet{detail}. "
            "Someone with the Manage Server permission can set it with `/setup`."
        )
        self.item_label = item_label


class NotFound(KinshipError):
    """The thing the member asked about does not exist in this server."""
