"""Form helpers shared by every domain."""
from flask_babel import lazy_gettext as _l
from wtforms import SelectMultipleField, widgets
from wtforms.validators import DataRequired

from portal.database import db
from portal.errors import Refused


class CheckboxesField(SelectMultipleField):
    """A group of checkboxes, rendered inside a fieldset with its legend."""

    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


def strip(value):
    """A filter: spaces pasted around an email address must not make it invalid."""
    return value.strip() if isinstance(value, str) else value


def required():
    return DataRequired(message=_l("Ce champ est obligatoire."))


def attach_refusal(form, refusal: Refused):
    """Show a business rule's refusal next to the field it concerns (or above the form)."""
    field = getattr(form, refusal.field, None) if refusal.field else None
    if field is not None:
        field.errors = [*field.errors, refusal.message]
    else:
        form.form_errors = [*form.form_errors, refusal.message]


def applied(form, operation):
    """True once ``operation()`` has run for an already validated ``form``. A business rule's
    refusal is rolled back, so nothing is half-written, and shown next to its field."""
    try:
        operation()
    except Refused as refusal:
        db.session.rollback()
        attach_refusal(form, refusal)
        return False
    return True


def submitted(form, operation):
    """True once a valid posted ``form`` has been applied by ``operation()`` (see ``applied``)."""
    return form.validate_on_submit() and applied(form, operation)


def form_status(form):
    """422 when the form carries errors (htmx swaps it in place), 200 otherwise."""
    return 422 if form.errors or form.form_errors else 200
