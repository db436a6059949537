"""Typed errors. Each message says what went wrong and how to fix it."""


class AssistantError(Exception):
    """Base class for errors shown to the user as a one-line message."""


class KnowledgeError(AssistantError):
    """The knowledge base is missing, malformed or refers to something that does not exist."""


class ConfigError(AssistantError):
    """A setting is missing or invalid."""


class InputError(AssistantError):
    """The user's input cannot be used (empty, too long, unknown name, impossible date)."""


class SearchIndexError(AssistantError):
    """The search index is missing, corrupted or cannot be reached."""


class ProviderError(AssistantError):
    """A language-model provider is misconfigured, unreachable or failed."""


class StorageError(AssistantError):
    """Saved work could not be read or written. The message names the place, the cause and what to do.

    `cause` is one of: "read-only", "missing", "full", "damaged", "unreachable", "refused", "busy", "newer",
    "failed"; `location` is the database file, or the server and database name (never a password).
    """

    def __init__(self, message: str, *, location: str, cause: str) -> None:
        super().__init__(message)
        self.location = location
        self.cause = cause
