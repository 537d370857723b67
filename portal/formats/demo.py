"""The guide's eight formats for the demo town. Loading twice changes nothing: a format is
looked up by its address (slug) first. The caller commits."""
from portal.content import operations as content
from portal.database import db
from portal.formats import operations
from portal.formats.demo_texts import FORMATS
from portal.formats.models import Format


def _body(text):
    return "\n".join(text) if isinstance(text, tuple) else text


def load():
    for data in FORMATS:
        if operations.by_slug(data["slug"]) is not None:
            continue
        least, most = data["group"]
        fmt = Format(slug=data["slug"], kind=data["kind"], duration=data["duration"], group_min=least,
                     group_max=most, needs_calm=data["needs_calm"], needs_step_free=data["needs_step_free"],
                     outdoor_start=data["outdoor_start"])
        fmt.roles = data["roles"]
        db.session.add(fmt)
        db.session.flush()  # the texts' keys need its id
        for variant, texts in data["texts"].items():
            for field, text in texts.items():
                content.save_variants(fmt.text_key(field), {variant: _body(text)})
