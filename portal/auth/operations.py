"""Account rules: signing in, invitations, password resets, roles and the account page."""
import secrets
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app, url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import joinedload
from werkzeug.security import check_password_hash, generate_password_hash

from portal import mail
from portal.associations.models import Association, Membership
from portal.auth.models import AccountToken, RoleGrant, User
from portal.security import token_digest
from portal.database import db, utcnow
from portal.errors import Refused
from portal.roles import ROLES_ONLY_ADMIN_GRANTS, Role

# Checked against when the email is unknown, so a wrong email costs as long as a wrong password.
_UNUSABLE_HASH = generate_password_hash(secrets.token_hex(16))


def normalise_email(email):
    return email.strip().lower()


def find_user_by_email(email):
    return db.session.scalar(sa.select(User).where(User.email == normalise_email(email)))


def authenticate(email, password):
    """The person whose email and password these are, or None. Never says which one was wrong."""
    user = find_user_by_email(email)
    if user is None or user.password_hash is None:
        check_password_hash(_UNUSABLE_HASH, password)
        return None
    if not check_password_hash(user.password_hash, password) or not user.active:
        return None
    user.last_login_at = utcnow()
    db.session.commit()
    return user


# Every request reads the person with their roles and associations: one query, not three.
# Built once: SQLAlchemy recognises the same options faster than equal new ones.
_WITH_ROLES_AND_ASSOCIATIONS = (joinedload(User.role_grants), joinedload(User.memberships))


def load_session_user(session_id):
    """Flask-Login's loader: ``id:version``, so that a password change signs out other sessions."""
    user_id, _, version = session_id.partition(":")
    if not user_id.isdigit() or not version.isdigit():
        return None
    user = db.session.get(User, int(user_id), options=_WITH_ROLES_AND_ASSOCIATIONS)
    if user is None or user.session_version != int(version):
        return None
    return user


def _end_sessions(user):
    # The session lives in the browser's cookie: forgetting it on the server would not stop a
    # copy of that cookie. Moving the version on does, as every cookie names the version it
    # was signed in with (see ``load_session_user``); that also ends the person's other sessions.
    user.session_version += 1


def sign_out(user):
    """Sign the person out, here and in any other browser (a copied cookie included)."""
    _end_sessions(user)
    db.session.commit()


def set_password(user, password):
    if len(password) < current_app.config["PASSWORD_MIN_LENGTH"]:
        raise Refused(_l("Le mot de passe doit contenir au moins %(n)s caractères.",
                         n=current_app.config["PASSWORD_MIN_LENGTH"]), field="password")
    user.password_hash = generate_password_hash(password)
    _end_sessions(user)


def change_password(user, current_password, new_password):
    if not user.password_hash or not check_password_hash(user.password_hash, current_password):
        raise Refused(_l("Le mot de passe actuel n'est pas le bon."), field="current_password")
    set_password(user, new_password)
    db.session.commit()


def update_account(user, name, locale):
    user.name = name.strip()
    user.locale = locale or None
    db.session.commit()


# --- single-use links ---------------------------------------------------------------------


def issue_token(user, purpose):
    """A new link for ``user``; earlier unused links of the same purpose stop working."""
    lifetime = (timedelta(days=current_app.config["INVITATION_DAYS"])
                if purpose == AccountToken.INVITATION
                else timedelta(hours=current_app.config["PASSWORD_RESET_HOURS"]))
    now = utcnow()
    for old in user.tokens:
        if old.purpose == purpose and old.used_at is None:
            old.used_at = now
    raw = secrets.token_urlsafe(32)
    user.tokens.append(AccountToken(purpose=purpose, token_hash=token_digest(raw), expires_at=now + lifetime))
    return raw


def find_token(raw_token, purpose):
    """The token behind a link if it is still valid (right purpose, unused, not expired, and
    the account not deactivated since the link was sent)."""
    # Found by its digest, which keeps the lookup's timing silent (see token_digest); the
    # purpose is checked next, so an invitation never serves as a reset link or the reverse.
    token = db.session.scalar(sa.select(AccountToken).where(AccountToken.token_hash == token_digest(raw_token)))
    if token is None or token.purpose != purpose or token.used_at is not None or token.expires_at <= utcnow():
        return None
    if not token.user.active:
        return None
    return token


def _use_token(token, password):
    set_password(token.user, password)
    token.used_at = utcnow()
    db.session.commit()
    return token.user


def accept_invitation(token, name, password, locale=None):
    token.user.name = name.strip()
    if locale:
        token.user.locale = locale
    return _use_token(token, password)


def reset_password(token, password):
    return _use_token(token, password)


def request_password_reset(email):
    """Send a reset link if an active account has this email. Says nothing either way."""
    user = find_user_by_email(email)
    if user is None or not user.active or user.password_hash is None:
        return
    raw = issue_token(user, AccountToken.PASSWORD_RESET)
    db.session.commit()
    # A failure is logged, not shown: the answer must not tell whether the address has an account.
    mail.send(user.email, "password_reset", locale=user.locale, user=user,
              link=url_for("auth.reset_password", token=raw, _external=True),
              hours=current_app.config["PASSWORD_RESET_HOURS"])


# --- people managed by staff --------------------------------------------------------------

def check_may_grant(actor, roles_before, roles_after):
    """Staff manage everyday roles; only administrators touch admin and staff roles."""
    changed = set(roles_before) ^ set(roles_after)
    if changed & ROLES_ONLY_ADMIN_GRANTS and not actor.has_role(Role.ADMIN):
        raise Refused(_l("Seule l'administration du portail peut donner ou retirer "
                         "les rôles « administration » et « service vie associative »."), field="roles")


def _apply_roles_and_associations(user, roles, association_ids):
    roles = {Role(role) for role in roles}
    if not roles:
        raise Refused(_l("Choisissez au moins un rôle."), field="roles")
    associations = db.session.scalars(
        sa.select(Association).where(Association.id.in_(association_ids or []),
                                     Association.archived_at.is_(None))).all()
    if Role.ASSOCIATION in roles and not associations:
        raise Refused(_l("Un membre d'association doit appartenir à au moins une association."),
                      field="associations")
    # Linking a membership to its association loads that association's members; an autoflush
    # at that moment meets the previous new membership before it is in the session (SAWarning).
    with db.session.no_autoflush:
        user.role_grants = [RoleGrant(role=role.value) for role in sorted(roles)]
        user.memberships = [Membership(association=a) for a in associations]


def invite_person(actor, email, name, roles, association_ids, locale=None):
    """Create an account without a password and email the person a link to choose one:
    (the account, whether the mail left)."""
    email = normalise_email(email)
    if find_user_by_email(email):
        raise Refused(_l("Une personne a déjà un compte avec cette adresse."), field="email")
    check_may_grant(actor, set(), {Role(role) for role in roles})
    user = User(email=email, name=name.strip(), locale=locale or None)
    db.session.add(user)
    _apply_roles_and_associations(user, roles, association_ids)
    raw = issue_token(user, AccountToken.INVITATION)
    db.session.commit()
    return user, send_invitation(user, raw, actor)


def resend_invitation(actor, user):
    """A new invitation link (the old one stops working): whether the mail left."""
    if user.password_hash is not None:
        raise Refused(_l("Cette personne a déjà accepté son invitation."))
    raw = issue_token(user, AccountToken.INVITATION)
    db.session.commit()
    return send_invitation(user, raw, actor)


def send_invitation(user, raw_token, actor):
    return mail.send(user.email, "invitation", locale=user.locale, user=user, inviter=actor,
                     link=url_for("auth.accept_invitation", token=raw_token, _external=True),
                     days=current_app.config["INVITATION_DAYS"])


def update_person(actor, user, name, roles, association_ids, active):
    if user.has_role(*ROLES_ONLY_ADMIN_GRANTS) and not actor.has_role(Role.ADMIN):
        raise Refused(_l("Seule l'administration du portail peut modifier ce compte."))
    check_may_grant(actor, user.roles, {Role(role) for role in roles})
    if user.id == actor.id and not active:
        raise Refused(_l("Vous ne pouvez pas désactiver votre propre compte."), field="active")
    user.name = name.strip()
    _apply_roles_and_associations(user, roles, association_ids)
    user.active = active
    db.session.commit()


def delete_person(actor, user):
    """Erase an account and everything personal attached to it."""
    if user.id == actor.id:
        raise Refused(_l("Vous ne pouvez pas supprimer votre propre compte ici."))
    if user.has_role(*ROLES_ONLY_ADMIN_GRANTS) and not actor.has_role(Role.ADMIN):
        raise Refused(_l("Seule l'administration du portail peut supprimer ce compte."))
    db.session.delete(user)
    db.session.commit()


def search_people(text="", role=None):
    query = sa.select(User).order_by(sa.func.lower(User.name))
    text = text.strip().lower()
    if text:
        # "%" and "_" typed in the search box are looked for as such, not as wildcards.
        literal = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{literal}%"
        query = query.where(sa.or_(sa.func.lower(User.name).like(pattern, escape="\\"),
                                   sa.func.lower(User.email).like(pattern, escape="\\")))
    if role:
        query = query.where(User.role_grants.any(RoleGrant.role == role))
    return db.session.scalars(query).all()


def export_account(user):
    """Everything the portal keeps about a person, as they may download it."""
    return {
        "email": user.email,
        "name": user.name,
        "locale": user.locale,
        "roles": sorted(user.roles),
        "associations": [a.name for a in user.associations],
        "active": user.active,
        "created_at": user.created_at.isoformat(),
        "last_login_at": user.last_login_at.isoformat() if user.last_login_at else None,
    }
