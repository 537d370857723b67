"""Outgoing mail: SMTP when ``MAIL_SERVER`` is set, otherwise a file in ``instance/outbox``.

Messages are written in the recipient's language, whatever language the sender uses.
"""
import smtplib
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

from flask import current_app, render_template
from flask_babel import force_locale


def send(to, template, locale=None, **context):
    """Render ``templates/mail/<template>.txt`` (first line: subject) and send it to ``to``."""
    with force_locale(locale or current_app.config["BABEL_DEFAULT_LOCALE"]):
        subject, _, body = render_template(f"mail/{template}.txt", **context).partition("\n")
    message = EmailMessage()
    message["From"] = current_app.config["MAIL_FROM"]
    message["To"] = to
    message["Subject"] = subject.strip()
    message["Message-ID"] = make_msgid(domain="passerelle")
    message.set_content(body.strip() + "\n")
    _deliver(message)
    return message


def _deliver(message):
    cfg = current_app.config
    if cfg["MAIL_SERVER"]:
        with smtplib.SMTP(cfg["MAIL_SERVER"], cfg["MAIL_PORT"], timeout=20) as smtp:
            if cfg["MAIL_USE_TLS"]:
                smtp.starttls()
            if cfg["MAIL_USERNAME"]:
                smtp.login(cfg["MAIL_USERNAME"], cfg["MAIL_PASSWORD"])
            smtp.send_message(message)
        return
    outbox = Path(cfg["OUTBOX_PATH"])
    outbox.mkdir(parents=True, exist_ok=True)
    name = message["Message-ID"].strip("<>").replace("@", "_") + ".eml"
    (outbox / name).write_bytes(message.as_bytes())
