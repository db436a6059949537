"""The tables the store reads and writes, as the newest migration leaves them (migrations/versions/)."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Column, Float, ForeignKey, Index, Integer, MetaData, Table, Text

metadata = MetaData()

ITEM_KINDS = ("ideas", "draft", "reply")

profiles = Table(
    "profiles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False, unique=True),
    Column("data", Text, nullable=False),
    Column("updated_at", Float, nullable=False),
)

conversations = Table(
    "conversations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("profile_id", Integer, ForeignKey("profiles.id", ondelete="SET NULL")),
    Column("title", Text, nullable=False),
    Column("created_at", Float, nullable=False),
    Column("updated_at", Float, nullable=False),
    Column("owner", Text),
    Index("conversations_by_owner", "owner"),
)

messages = Table(
    "messages",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("conversation_id", Integer, ForeignKey("conversations.id", ondelete="CASCADE"), nullable=False),
    Column("role", Text, nullable=False),
    Column("content", Text, nullable=False),
    Column("meta", Text, nullable=False, server_default="{}"),
    Column("created_at", Float, nullable=False),
    CheckConstraint("role IN ('user', 'assistant')", name="messages_role"),
    Index("messages_by_conversation", "conversation_id", "id"),
)

plans = Table(
    "plans",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("profile_id", Integer, ForeignKey("profiles.id", ondelete="SET NULL")),
    Column("title", Text, nullable=False),
    Column("params", Text, nullable=False),
    Column("posts", Text, nullable=False),
    Column("created_at", Float, nullable=False),
    Column("updated_at", Float, nullable=False),
)

app_state = Table(
    "app_state",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", Text, nullable=False, unique=True),
    Column("password_hash", Text, nullable=False),
    Column("clinic", Text, nullable=False, server_default=""),
    Column("created_at", Float, nullable=False),
)

items = Table(
    "items",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("data", Text, nullable=False),
    Column("profile_id", Integer, ForeignKey("profiles.id", ondelete="SET NULL")),
    Column("owner", Text),
    Column("created_at", Float, nullable=False),
    Column("updated_at", Float, nullable=False),
    CheckConstraint("kind IN ('ideas', 'draft', 'reply')", name="items_kind"),
    Index("items_by_owner", "owner", "kind"),
)

# Every table of saved work, parents before the tables that refer to them (the order `db copy` writes them in).
SAVED_WORK = (profiles, users, conversations, messages, plans, items, app_state)
