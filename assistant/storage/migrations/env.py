"""Alembic environment: migrations run on the connection (and inside the transaction) the store hands over."""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, transactional_ddl=True)
with context.begin_transaction():  # a no-op inside the caller's transaction: the caller commits or rolls back
    context.run_migrations()
