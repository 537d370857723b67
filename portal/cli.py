"""Command-line tools: ``flask --app portal demo``, ``translate …``, ``easy-read``, ``tick``, ``accessibility audit``,
``backup`` and ``restore``."""
from pathlib import Path

import click
from babel.messages.frontend import CommandLineInterface
from flask import current_app
from flask.cli import AppGroup, with_appcontext

from portal import demo as demo_data
from portal.binomes import retention as binomes
from portal.content import easy_read as easy_read_check
from portal.content import operations as content
from portal.indicators import follow_up
from portal.sessions import public as participants
from portal.volunteers import operations as volunteers

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
TEMPLATE = TRANSLATIONS / "messages.pot"

translate = AppGroup("translate", help="Extract, update and compile the interface translations.")


def _pybabel(*args):
    CommandLineInterface().run(["pybabel", "-q", *args])


@translate.command("extract")
def extract():
    """Collect every translatable string into translations/messages.pot."""
    _pybabel("extract", "-F", str(ROOT / "babel.cfg"), "-k", "_l", "--no-location", "--sort-output",
             "--project", "Passerelle", "-o", str(TEMPLATE), str(ROOT))


@translate.command("update")
def update():
    """Extract, then merge new strings into every language's catalogue."""
    extract.callback()
    _pybabel("update", "-i", str(TEMPLATE), "-d", str(TRANSLATIONS), "--no-fuzzy-matching",
             "--ignore-obsolete")


@translate.command("init")
@click.argument("locale")
def init(locale):
    """Start the catalogue of a new language."""
    extract.callback()
    _pybabel("init", "-i", str(TEMPLATE), "-d", str(TRANSLATIONS), "-l", locale)


@translate.command("compile")
def compile_catalogues():
    """Compile the catalogues (.po to .mo); run by make run and make test."""
    _pybabel("compile", "-d", str(TRANSLATIONS))


@click.command("demo")
@click.option("--if-empty", is_flag=True, help="Only when the database has no account yet.")
@with_appcontext
def demo(if_empty):
    """Load the demo town (places, associations, one account per role). Safe to run twice."""
    if if_empty and not demo_data.database_is_empty():
        click.echo("La base contient déjà des comptes : données de démonstration inchangées.")
        return
    demo_data.load_demo()
    click.echo(f"Démo prête sur {current_app.config['PORTAL_TOWN_NAME']}. "
               f"Mot de passe des comptes : {demo_data.DEMO_PASSWORD}")


@click.command("easy-read")
@with_appcontext
def easy_read():
    """Report easy-read hints on every stored easy-to-read (FALC) text. Hints never fail the
    command (exit status 0): people concerned, not the machine, say a text is easy to read."""
    texts = content.easy_read_texts()
    total = 0
    for text in texts:
        report = easy_read_check.report(text.body, text.locale)
        total += len(report.hints)
        score = "" if report.score is None else f" – lisibilité {report.score}/100 ({report.level})"
        reviewed = " – relu par des personnes concernées" if text.reviewed else ""
        click.echo(f"{text.key} [{text.locale}]{score}{reviewed}")
        for hint in report.hints:
            click.echo(f"  {text.key} [{text.locale}] ligne {hint.line} · {hint.label} : {hint.message}")
            click.echo(f"      « {hint.before}[{hint.marked}]{hint.after} »")
    click.echo(f"{len(texts)} texte(s) facile(s) à lire vérifié(s), {total} conseil(s).")


@click.command("tick")
@click.option("--url", envvar="PORTAL_URL", default="http://localhost:5000", show_default=True,
              help="The portal's public address, for the links in the messages (or PORTAL_URL); "
                   "SERVER_NAME wins when it is configured.")
@with_appcontext
def tick(url):
    """Send the reminders that are due (48 h before a date; a week ahead, a missing referent; a
    binôme's follow-up point to the mediators; a questionnaire's follow-ups to the date's team),
    erase the contacts left by participants once their date is over (and their sign-ups a month
    later), the follow-up contacts after
    FOLLOW_UP_KEEP_WEEKS weeks, and the binômes' people after their retention period.
    Safe to run twice: each reminder is sent once. Meant for cron, every 15 minutes."""
    # No request here: the links in the messages are built as if the portal were asked at ``url``.
    with current_app.test_request_context(base_url=url):
        reminders, warnings = volunteers.tick()
        forgotten = participants.forget_past_contacts()
        sign_ups_forgotten = participants.forget_past_sign_ups()
        follow_ups = binomes.remind_follow_ups()
        purged = binomes.purge()
        follow_ups_due = follow_up.remind()
        follow_ups_forgotten = follow_up.forget()
    click.echo(f"{reminders} rappel(s) envoyé(s) aux équipes, {warnings} alerte(s) « pas de référent » "
               f"envoyée(s) aux associations, {forgotten} contact(s) de participants effacé(s), "
               f"{sign_ups_forgotten} inscription(s) passée(s) effacée(s), "
               f"{follow_ups} point(s) de suivi de binôme signalé(s) à la médiation, "
               f"{purged} personne(s) effacée(s) de la file des binômes, "
               f"{follow_ups_due} suivi(s) après questionnaire signalé(s) aux équipes, "
               f"{follow_ups_forgotten} contact(s) de suivi effacé(s).")


def init_app(app):
    from portal.accessibility.cli import accessibility
    from portal.backup import backup_command, restore_command

    app.cli.add_command(accessibility)
    app.cli.add_command(backup_command)
    app.cli.add_command(restore_command)
    app.cli.add_command(translate)
    app.cli.add_command(demo)
    app.cli.add_command(easy_read)
    app.cli.add_command(tick)
