"""The three documents of the session kit, each one A4 page, from plain data (``KitContext``).

A format's kit (this issue) and a session's kit (issue 5) differ only in their context: the
session knows its referent and date, the format leaves lines to fill in by hand.
"""
from dataclasses import dataclass, field
from datetime import date

from flask_babel import force_locale

from portal import clock
from portal.kit import texts
from portal.pdf import Document, FillIn, Flow, Framed, Heading, Items, Paragraph, Table, unbroken


@dataclass(frozen=True)
class Contact:
    name: str = ""
    phone: str = ""

    def __str__(self):
        return " – ".join(part for part in (self.name, self.phone) if part)


@dataclass(frozen=True)
class KitResource:
    name: str
    category: str = ""
    description: str = ""
    address: str = ""
    phone: str = ""
    hours: str = ""
    website: str = ""


@dataclass(frozen=True)
class KitNumber:
    number: str
    name: str
    purpose: str = ""


@dataclass(frozen=True)
class KitContext:
    town: str
    format_name: str
    locale: str
    falc: bool = False
    rules: tuple = ()  # the format's own rules, one a line
    resources: tuple = ()  # KitResource
    numbers: tuple = ()  # KitNumber: national and local help numbers
    referent: Contact | None = None  # None: lines to fill in by hand
    inform: Contact | None = None  # whom to inform after an incident, besides the referent
    day: date = field(default_factory=clock.today)
    online_url: str = ""  # the resources directory, for what does not fit on the sheet


def build(document, context):
    """The PDF bytes of ``document`` (one of DOCUMENTS) for ``context``."""
    with force_locale(context.locale):
        return DOCUMENTS[document](context)


def _document(context, title):
    doc = Document(f"{title} – {context.format_name}", large=context.falc, locale=context.locale,
                   date=context.day, town=context.town)
    doc.add_page()
    return doc


def one_page(doc, blocks_for, total=0):
    """Draw the largest layout that fits on the page: ``blocks_for(kept)`` with all ``total``
    variable entries (rules, resources) if they fit at some scale, else with as many as fit at
    the smallest scale. Returns the PDF bytes."""
    flow = Flow(doc, blocks_for(total))
    scale = flow.fit()
    if scale is None:
        scale = flow.scales[-1]
        low, high = 0, total  # the most entries that fit at the smallest scale, found by halves
        while low < high:
            middle = (low + high + 1) // 2
            if Flow(doc, blocks_for(middle)).fits(scale):
                low = middle
            else:
                high = middle - 1
        flow = Flow(doc, blocks_for(low))
    flow.draw(scale)  # with no entry left, only an over-long text could still overflow
    return doc.to_bytes()


def _lines(*parts, falc):
    """Parts of an entry: one a line in easy-to-read, else run together."""
    return ("\n" if falc else " · ").join(part for part in parts if part)


# --- the documents -------------------------------------------------------------------------

def charter(context):
    words = texts.charter(context.falc)
    doc = _document(context, words["title"])

    def blocks(kept):
        shown = [Heading(words["title"]), Heading(context.format_name, level=2, muted=True),
                 Paragraph(words["intro"]), Items(words["principles"])]
        if context.rules:
            rules = [("", rule) for rule in context.rules[:kept]]
            if kept < len(context.rules):
                rules.append(("", "…"))
            shown += [Heading(words["rules_heading"], level=2), Items(rules)]
        shown += [Framed([Heading(words["help_heading"], level=2), Paragraph(words["help"])]),
                  Paragraph(words["closing"], muted=True, smaller=True)]
        return shown

    return one_page(doc, blocks, len(context.rules))


def resources_sheet(context):
    words = texts.resources_sheet(context.falc)
    doc = _document(context, words["title"])
    falc = context.falc

    def entry(resource):
        text = _lines(resource.description, resource.address, unbroken(resource.phone), resource.hours,
                      resource.website, falc=falc)
        title = f"{resource.name} ({resource.category})" if resource.category and not falc else resource.name
        return title, text

    def blocks(kept):
        shown = [Heading(words["title"]), Heading(context.format_name, level=2, muted=True),
                 Paragraph(words["intro"]), Heading(words["local_heading"], level=2)]
        if context.resources:
            shown.append(Items(entry(resource) for resource in context.resources[:kept]))
        if kept < len(context.resources) or not context.resources:
            shown.append(Paragraph(words["more"] if context.resources else words["none"], bold=True))
        shown += [Heading(words["numbers_heading"], level=2),
                  Table(((number.number, str(number.name), "" if falc else str(number.purpose))
                         for number in context.numbers), columns=1 if falc else 2)]  # easy-to-read: one list
        if context.online_url:
            shown.append(Paragraph(f"{words['online']} {context.online_url}", muted=True))
        return shown

    return one_page(doc, blocks, len(context.resources))


def escalation_plan(context):
    words = texts.escalation_plan(context.falc)
    doc = _document(context, words["title"])
    referent = context.referent or Contact()

    def blocks(_kept):
        return [
            Heading(words["title"]), Heading(context.format_name, level=2, muted=True), Paragraph(words["intro"]),
            Framed([Heading(words["referent_heading"], level=2), FillIn(words["name"], referent.name),
                    FillIn(words["phone"], referent.phone)]),
            Heading(words["steps_heading"], level=2), Items(words["steps"], numbered=True),
            Heading(words["numbers_heading"], level=2),
            Table((number, "", text) for number, text in words["numbers"]),
            Heading(words["after_heading"], level=2), Paragraph(words["after"]),
            FillIn(words["inform"], str(context.inform or "")),
            Heading(words["debrief_heading"], level=2), Paragraph(words["debrief"]),
        ]

    return one_page(doc, blocks)


DOCUMENTS = {"charte": charter, "ressources": resources_sheet, "escalade": escalation_plan}
