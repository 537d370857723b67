"""The indicators' pages for the teams, associations and staff: counts after a date, the
dashboard and its exports. (The public questionnaire is in ``public_views``.)"""
from datetime import date

from flask import Blueprint, Response, abort, current_app, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from portal.database import db
from portal.errors import error_page
from portal.forms import form_status, submitted
from portal.indicators import aggregates, charts, counts, summary_pdf
from portal.indicators import models  # noqa: F401 (the tables)
from portal.indicators.forms import CountForm, DashboardFilters
from portal.kit.views import pdf_in_chosen_language
from portal.roles import MANAGERS, Role
from portal.rooms.models import Occurrence
from portal.sessions.models import Session
from portal.volunteers.operations import title_of
from portal.web import allow, owned_or_404, render

bp = Blueprint("indicators", __name__)


# --- the count of a date, by its team (staff read it) -------------------------------------------

def _date(occurrence_id, may):
    """The date, if ``may(user, date)``; strangers get a 404, as if it did not exist."""
    occurrence = owned_or_404(db.session.get(Occurrence, occurrence_id))
    if occurrence.booking.session_id is None or not may(current_user, occurrence):
        abort(404)
    return occurrence


def _count_page(occurrence, form, status=200, adjusted=None, saved=False):
    session = db.session.get(Session, occurrence.booking.session_id)
    return render("indicators/counts/page.html", "indicators/counts/_form.html", status=status,
                  occurrence=occurrence, session=session, title=title_of(session), form=form,
                  count=counts.count_of(occurrence), not_countable=counts.not_countable(occurrence),
                  may_record=counts.may_record(current_user, occurrence), adjusted=adjusted, saved=saved,
                  most=counts.MOST, note_length=counts.NOTE_LENGTH)


@bp.route("/dates/<int:occurrence_id>/bilan")
@allow(Role.VOLUNTEER, Role.ASSOCIATION, *MANAGERS)
def occurrence_count(occurrence_id):
    occurrence = _date(occurrence_id, counts.may_read)
    return _count_page(occurrence, CountForm(obj=counts.count_of(occurrence)))


@bp.route("/dates/<int:occurrence_id>/bilan", methods=["POST"])
@allow(Role.VOLUNTEER, Role.ASSOCIATION)
def record_count(occurrence_id):
    occurrence = _date(occurrence_id, counts.may_record)
    form = CountForm()
    step = request.form.get("adjust")
    if step is not None:  # a − or + button: the page again, with the number changed, nothing saved
        form.adjust(step)
        return _count_page(occurrence, form, adjusted=step)
    if submitted(form, lambda: counts.record(current_user, occurrence, form.numbers, form.improvement_note.data)):
        if not request.htmx:
            flash(_("Bilan enregistré. Merci !"), "success")
            return redirect(url_for("indicators.occurrence_count", occurrence_id=occurrence.id))
        return _count_page(occurrence, CountForm(obj=counts.count_of(occurrence)), saved=True)
    return _count_page(occurrence, form, form_status(form))


# --- the dashboard and its exports (staff: every association; members: their own) --------------

def _filters_form():
    staff = current_user.has_role(*MANAGERS)
    return DashboardFilters(request.args, aggregates.associations_for(current_user),
                            _("Toutes les associations") if staff else _("Toutes vos associations"))


def _filters(form, first=None, last=None, period=None):
    return aggregates.Filters(first=first or form.first.data, last=last or form.last.data,
                              period=period or form.period.data, dimension=form.dimension.data,
                              associations=aggregates.scope_of(current_user, form.chosen_association))


def _export_filters(**override):
    """The filters an export link carries, or None when they cannot be read."""
    form = _filters_form()
    return _filters(form, **override) if form.validate() else None


WRONG_FILTERS = _l("Ces filtres ne conviennent pas : revenez au tableau de bord pour les corriger.")


def _chart(figure):
    bars, _over_time = figure.bars()
    return charts.bar_chart(f"chart-{figure.key}", figure.title, f"summary-{figure.key}", bars, figure.text,
                            figure.bounds)


def _query(form, **more):
    """The filters as URL arguments, for the exports' links."""
    values = {"dimension": form.dimension.data, "association": form.association.data or None, **more}
    return {name: value for name, value in values.items() if value}


@bp.route("/indicateurs")
@allow(Role.ASSOCIATION, *MANAGERS)
def dashboard():
    form = _filters_form()
    figures = quarters = selection = None
    if form.validate():
        filters = _filters(form)
        figures = aggregates.dashboard(filters)
        quarters = aggregates.periods_between(filters.first, filters.last, aggregates.QUARTER)
        selection = aggregates.in_words(filters)
    return render("indicators/dashboard/page.html", "indicators/dashboard/_results.html",
                  status=422 if form.errors else 200, filters=form, figures=figures, quarters=quarters,
                  selection=selection, chart=_chart, k=current_app.config["INDICATORS_MIN_COUNT"],
                  query=_query(form, first=_month(form.first), last=_month(form.last), period=form.period.data),
                  summary_query=_query(form))


def _month(field):
    return field.data.strftime("%Y-%m") if field.data else None


@bp.route("/indicateurs/export.csv")
@allow(Role.ASSOCIATION, *MANAGERS)
def export_csv():
    filters = _export_filters()
    if filters is None:
        return error_page(400, WRONG_FILTERS)
    name = f"indicateurs-{filters.first:%Y-%m}-{filters.last:%Y-%m}.csv"
    return Response(aggregates.to_csv(aggregates.dashboard(filters), filters.dimension), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@bp.route("/indicateurs/synthese-<int:year>-T<int:quarter>.pdf")
@allow(Role.ASSOCIATION, *MANAGERS)
def quarter_summary(year, quarter):
    if not (1 <= quarter <= 4 and 2000 <= year <= 2999):
        abort(404)
    period = aggregates.Period(date(year, quarter * 3 - 2, 1), aggregates.QUARTER)
    filters = _export_filters(first=period.first, last=period.first, period=aggregates.QUARTER)
    if filters is None:
        return error_page(400, WRONG_FILTERS)
    k = current_app.config["INDICATORS_MIN_COUNT"]

    def build(locale, falc):  # in the chosen language: the formats' names too
        return summary_pdf.build(period, aggregates.dashboard(filters, k), filters.dimension,
                                 aggregates.scope_in_words(filters.associations), k, locale, falc)

    return pdf_in_chosen_language(
        build, f"indicateurs-{year}-T{quarter}",
        _("Ce document n'existe pas dans cette langue ou cette version. Langues disponibles : %(locales)s.",
          locales=", ".join(current_app.config["PORTAL_LOCALES"])))
