"""The declarative base of the store's tables: naming conventions and column types, shared by
`schema.py` and `dedup_schema.py` (so that neither imports the other)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase

# Plain JSON on every backend (json, not jsonb, on PostgreSQL): it keeps objects exactly as
# written, key order included, so an analysis reads back byte for byte.
JSONType = JSON()

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {
        dict[str, Any]: JSONType,
        list[Any]: JSONType,
        datetime: DateTime(timezone=True),
        date: Date(),
        str: String(),
        float: Float(),
        int: Integer(),
        bool: Boolean(),
    }
