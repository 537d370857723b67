from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from portal.database import UTCDateTime, db, utcnow

STANDARD = "standard"
FALC = "falc"
REGISTERS = (STANDARD, FALC)


class TranslatedText(db.Model):
    """One variant of a text. ``key`` names what it belongs to, e.g. ``room:12:rules``."""

    __tablename__ = "translated_texts"
    __table_args__ = (sa.UniqueConstraint("key", "locale", "register"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(sa.String(80), index=True)
    locale: Mapped[str] = mapped_column(sa.String(8))
    register: Mapped[str] = mapped_column(sa.String(10), default=STANDARD)
    body: Mapped[str] = mapped_column(sa.Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
