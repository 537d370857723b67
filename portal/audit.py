"""The audit log: who decided what, when, and why. Written in the same transaction as the
decision it records, so one never exists without the other."""
from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.auth.models import User
from portal.database import UTCDateTime, db, utcnow


class AuditEntry(db.Model):
    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    # Kept when the account is erased: the decision stays, the name goes.
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(sa.String(40))
    subject_type: Mapped[str] = mapped_column(sa.String(40))
    subject_id: Mapped[int] = mapped_column()
    reason: Mapped[str] = mapped_column(sa.Text, default="")

    actor: Mapped[User | None] = relationship()

    __table_args__ = (sa.Index("ix_audit_entries_subject", "subject_type", "subject_id"),)


def record(actor, action, subject, reason=""):
    db.session.add(AuditEntry(actor=actor, action=action, subject_type=subject.__tablename__,
                              subject_id=subject.id, reason=reason or ""))


def history(*subjects):
    """Entries about any of ``subjects``, oldest first."""
    by_type = {}
    for subject in subjects:
        by_type.setdefault(subject.__tablename__, []).append(subject.id)
    if not by_type:
        return []
    return db.session.scalars(
        sa.select(AuditEntry).where(sa.or_(*(
            sa.and_(AuditEntry.subject_type == kind, AuditEntry.subject_id.in_(ids))
            for kind, ids in by_type.items())))
        .order_by(AuditEntry.created_at, AuditEntry.id)).all()


ACTION_LABELS = {
    "booking.requested": _l("demande envoyée"),
    "booking.edited": _l("demande modifiée pour les dates à venir"),
    "occurrence.approved": _l("date approuvée"),
    "occurrence.declined": _l("date refusée"),
    "occurrence.proposed": _l("autre créneau proposé"),
    "occurrence.proposal_accepted": _l("créneau proposé accepté"),
    "occurrence.proposal_declined": _l("créneau proposé refusé"),
    "occurrence.cancelled": _l("date annulée"),
    "occurrence.cancelled_by_closure": _l("date annulée par une fermeture"),
    "occurrence.requested_again": _l("date redemandée"),
    "closure.created": _l("fermeture créée"),
    "place.created": _l("lieu créé"),
    "place.updated": _l("lieu modifié"),
    "place.archived": _l("lieu archivé"),
    "place.unarchived": _l("lieu réactivé"),
    "room.created": _l("salle créée"),
    "room.updated": _l("salle modifiée"),
    "room.archived": _l("salle archivée"),
    "room.unarchived": _l("salle réactivée"),
    "room.deleted": _l("salle supprimée"),
    "format.created": _l("format créé"),
    "format.updated": _l("format modifié"),
    "format.archived": _l("format archivé"),
    "format.unarchived": _l("format réactivé"),
    "resource.created": _l("ressource créée"),
    "resource.updated": _l("ressource modifiée"),
    "resource.reviewed": _l("ressource vérifiée"),
    "resource.archived": _l("ressource archivée"),
    "resource.unarchived": _l("ressource réactivée"),
    "help_number.created": _l("numéro local créé"),
    "help_number.updated": _l("numéro local modifié"),
    "help_number.archived": _l("numéro local archivé"),
    "help_number.unarchived": _l("numéro local réactivé"),
    "session.created": _l("rencontre commencée (brouillon)"),
    "session.updated": _l("étape de la rencontre enregistrée"),
    "session.published": _l("rencontre publiée"),
    "buddy.confirmed_by_phone": _l("inscription au binôme confirmée par téléphone"),
    "buddy.new_link": _l("nouveau lien personnel créé"),
    "pair.proposed": _l("binôme proposé"),
    "pair.ended": _l("binôme arrêté par la médiation"),
    "pair.followed_up": _l("point de suivi du binôme enregistré"),
    "answer.hidden": _l("réponse au questionnaire masquée"),
    "answer.shown": _l("réponse au questionnaire rétablie"),
}


def label(action):
    return ACTION_LABELS.get(action, action)


def init_app(app):
    app.jinja_env.globals["audit_label"] = label
