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
    """Render ``templates/mail/<template>.txt`` (first line: subject) and send it to ``to``:
    True once it left, False when the mail server failed.

    Every message is news of a change already saved (callers commit first), so a failure is
    logged and the change stands: an error page would say that nothing was saved, and a link
    shown once would be lost. Callers that promise an email say otherwise when it is False."""
    with force_locale(locale or current_app.config["BABEL_DEFAULT_LOCALE"]):
        subject, _, body = render_template(f"mail/{template}.txt", **context).partition("\n")
    message = EmailMessage()
    message["From"] = current_app.config["MAIL_FROM"]
    message["To"] = to
    message["Subject"] = subject.strip()
    message["Message-ID"] = make_msgid(domain="passerelle")
    message.set_content(body.strip() + "\n")
    try:
        _deliver(message)
    except (smtplib.SMTPException, OSError) as error:  # OSError: refused, unreachable, timed out, disk full
        # The template and the kind of failure: the server's answer may quote the address.
        current_app.logger.error("Mail %s not sent: %s", template, type(error).__name__)
        return False
    return True


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
