"""Accounts: a person, the roles they hold, and the single-use links sent to them."""
from datetime import datetime

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.database import UTCDateTime, db, utcnow
from portal.roles import Role


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    # Empty until the person accepts their invitation and chooses a password.
    password_hash: Mapped[str | None] = mapped_column(sa.String(255))
    locale: Mapped[str | None] = mapped_column(sa.String(8))
    active: Mapped[bool] = mapped_column(default=True)
    # Bumped when the password changes or the person signs out, which ends every session (and
    # any copy of its cookie) signed in with an earlier version.
    session_version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    role_grants: Mapped[list["RoleGrant"]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin")
    memberships: Mapped[list["Membership"]] = relationship(  # noqa: F821 (associations.models)
        back_populates="user", cascade="all, delete-orphan", lazy="selectin")
    tokens: Mapped[list["AccountToken"]] = relationship(
        back_populates="user", cascade="all, delete-orphan")

    @property
    def roles(self):
        return {Role(grant.role) for grant in self.role_grants}

    def has_role(self, *roles):
        return bool(self.roles.intersection(roles))

    @property
    def associations(self):
        return sorted((m.association for m in self.memberships), key=lambda a: a.name.lower())

    @property
    def is_active(self):
        return self.active and self.password_hash is not None

    def get_id(self):
        return f"{self.id}:{self.session_version}"


class RoleGrant(db.Model):
    __tablename__ = "role_grants"

    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(sa.String(20), primary_key=True)

    user: Mapped[User] = relationship(back_populates="role_grants")


class AccountToken(db.Model):
    """A link sent by email: an invitation or a password reset. Only its hash is kept."""

    __tablename__ = "account_tokens"

    INVITATION = "invitation"
    PASSWORD_RESET = "password_reset"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[str] = mapped_column(sa.String(20))
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship(back_populates="tokens")
