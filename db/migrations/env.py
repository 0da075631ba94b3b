"""Alembic environment: migrations run on a connection handed over by db.migrate."""

from alembic import context
from sqlmodel import SQLModel

import db.models  # noqa: F401  (registers every table on the metadata)

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations through db.migrate.upgrade(), which supplies a connection.")

context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
