"""Translated content: a text per (locale, register), register being standard or easy-to-read."""
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from portal.auth.models import User
from portal.database import UTCDateTime, db, utcnow

STANDARD = "standard"
FALC = "falc"
REGISTERS = (STANDARD, FALC)


class TranslatedText(db.Model):
    """One variant of a text. ``key`` names what it belongs to, e.g. ``room:12:rules``.

    A variant may be marked as read by people concerned (``reviewed_at``, and who recorded it
    in ``reviewed_by``): only they can say a text is really easy to read."""

    __tablename__ = "translated_texts"
    __table_args__ = (sa.UniqueConstraint("key", "locale", "register"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(sa.String(80), index=True)
    locale: Mapped[str] = mapped_column(sa.String(8))
    register: Mapped[str] = mapped_column(sa.String(10), default=STANDARD)
    body: Mapped[str] = mapped_column(sa.Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    # Kept when the account is erased: the text stays reviewed, the name goes.
    reviewed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    reviewed_by: Mapped[User | None] = relationship()

    @property
    def reviewed(self):
        return self.reviewed_at is not None

    @validates("body")
    def _forget_review_of_another_text(self, _attribute, body):
        # The review was of the text as it was: whoever changes the body, it no longer holds.
        if self.body is not None and body != self.body:
            self.forget_review()
        return body

    def mark_reviewed(self, by, at=None):
        self.reviewed_by, self.reviewed_at = by, at or utcnow()

    def forget_review(self):
        self.reviewed_by, self.reviewed_by_id, self.reviewed_at = None, None, None
