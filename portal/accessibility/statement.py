"""The accessibility statement (« déclaration d'accessibilité », RGAA 4.1 model), built from the
latest audit's result (``portal.accessibility.results``) and the settings, never hand-written:
the page says what the last audit found, and its status changes with the next audit.

Plain functions of the result and the configuration: nothing here needs a request.
"""
import math
from dataclasses import dataclass, field
from datetime import date, datetime

from babel import Locale, UnknownLocaleError
from flask import current_app
from flask_babel import format_date, format_percent, get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal.accessibility import results
from portal.indicators.privacy import contact_address
from portal.roles import ROLE_LABELS, Role

RGAA_CRITERIA = 106  # in RGAA 4.1
NOT_CONFORMING, PARTIAL, TOTAL = "non-conforming", "partial", "total"
STATE_LABELS = {
    NOT_CONFORMING: _l("non conforme"),
    PARTIAL: _l("partiellement conforme"),
    TOTAL: _l("totalement conforme"),
}
# Below this share of the criteria checked being met, the portal is "non conforme" (RGAA).
PARTIAL_FROM = 50

# What each axe-core rule of the WCAG A and AA sets found, said for a person rather than a
# developer. A rule missing here is shown with axe's own (English) help.
PROBLEMS = {
    "area-alt": _l("Des zones cliquables d'une image n'ont pas de texte de remplacement."),
    "aria-allowed-attr": _l("Des éléments portent des attributs ARIA qui ne leur conviennent pas."),
    "aria-braille-equivalent": _l("Des éléments ont un nom en braille sans nom ordinaire équivalent."),
    "aria-command-name": _l("Des commandes n'ont pas de nom lisible par les lecteurs d'écran."),
    "aria-conditional-attr": _l("Des attributs ARIA ne sont pas utilisés comme le rôle de l'élément le prévoit."),
    "aria-deprecated-role": _l("Des éléments utilisent des rôles ARIA abandonnés."),
    "aria-hidden-body": _l("Toute la page est cachée aux lecteurs d'écran."),
    "aria-hidden-focus": _l("Des éléments cachés aux lecteurs d'écran peuvent quand même être atteints au clavier."),
    "aria-input-field-name": _l("Des champs de saisie n'ont pas de nom lisible par les lecteurs d'écran."),
    "aria-meter-name": _l("Des jauges n'ont pas de nom lisible par les lecteurs d'écran."),
    "aria-progressbar-name": _l("Des barres de progression n'ont pas de nom lisible par les lecteurs d'écran."),
    "aria-prohibited-attr": _l("Des éléments portent des attributs ARIA interdits pour leur rôle."),
    "aria-required-attr": _l("Des éléments n'ont pas tous les attributs ARIA que leur rôle demande."),
    "aria-required-children": _l("Des éléments n'ont pas le contenu que leur rôle ARIA demande."),
    "aria-required-parent": _l("Des éléments ne sont pas placés dans le conteneur que leur rôle ARIA demande."),
    "aria-roles": _l("Des éléments ont un rôle ARIA qui n'existe pas."),
    "aria-tab-name": _l("Des onglets n'ont pas de nom lisible par les lecteurs d'écran."),
    "aria-toggle-field-name": _l("Des interrupteurs ou des cases à cocher n'ont pas de nom lisible par les "
                                 "lecteurs d'écran."),
    "aria-tooltip-name": _l("Des bulles d'aide n'ont pas de nom lisible par les lecteurs d'écran."),
    "aria-valid-attr-value": _l("Des attributs ARIA ont une valeur incorrecte."),
    "aria-valid-attr": _l("Des attributs ARIA ont un nom qui n'existe pas."),
    "autocomplete-valid": _l("Des champs indiquent mal l'information qu'ils attendent, ce qui gêne le "
                             "remplissage automatique."),
    "avoid-inline-spacing": _l("Des textes empêchent d'agrandir l'espace entre les lettres, les mots ou les "
                               "lignes."),
    "blink": _l("Des textes clignotent."),
    "button-name": _l("Des boutons n'ont pas de nom lisible par les lecteurs d'écran."),
    "bypass": _l("Il manque un moyen d'aller directement au contenu sans parcourir le menu."),
    "color-contrast": _l("Des textes ne ressortent pas assez sur leur fond (contraste trop faible)."),
    "css-orientation-lock": _l("Des pages ne s'affichent que dans un sens de l'écran (portrait ou paysage)."),
    "definition-list": _l("Des listes de définitions sont mal construites."),
    "dlitem": _l("Des termes ou des définitions sont placés hors d'une liste de définitions."),
    "document-title": _l("Des pages n'ont pas de titre."),
    "duplicate-id-aria": _l("Des identifiants utilisés par les étiquettes ou par ARIA sont en double dans une "
                            "page."),
    "focus-order-semantics": _l("Des éléments atteints au clavier n'ont pas de rôle adapté."),
    "form-field-multiple-labels": _l("Des champs de formulaire ont plusieurs étiquettes."),
    "frame-focusable-content": _l("Des cadres qui contiennent des éléments utilisables ne sont pas "
                                  "accessibles au clavier."),
    "frame-title-unique": _l("Des cadres ont le même titre."),
    "frame-title": _l("Des cadres n'ont pas de titre."),
    "html-has-lang": _l("Des pages n'indiquent pas leur langue."),
    "html-lang-valid": _l("Des pages indiquent une langue qui n'existe pas."),
    "html-xml-lang-mismatch": _l("Des pages indiquent deux langues différentes."),
    "image-alt": _l("Des images n'ont pas de texte de remplacement."),
    "input-button-name": _l("Des boutons de formulaire n'ont pas de texte."),
    "input-image-alt": _l("Des boutons en forme d'image n'ont pas de texte de remplacement."),
    "label-content-name-mismatch": _l("Le nom lu par les lecteurs d'écran ne reprend pas le texte visible de "
                                      "certains éléments, ce qui gêne la commande à la voix."),
    "label": _l("Des champs de formulaire n'ont pas d'étiquette."),
    "link-in-text-block": _l("Des liens dans un texte ne se distinguent que par leur couleur."),
    "link-name": _l("Des liens n'ont pas de texte lisible par les lecteurs d'écran."),
    "list": _l("Des listes contiennent autre chose que des éléments de liste."),
    "listitem": _l("Des éléments de liste sont placés hors d'une liste."),
    "marquee": _l("Des textes défilent tout seuls."),
    "meta-refresh": _l("Des pages se rechargent toutes seules."),
    "meta-viewport": _l("Des pages empêchent d'agrandir l'affichage."),
    "nested-interactive": _l("Des éléments cliquables sont placés à l'intérieur d'autres éléments cliquables."),
    "no-autoplay-audio": _l("Des sons se lancent tout seuls."),
    "object-alt": _l("Des objets intégrés n'ont pas de texte de remplacement."),
    "p-as-heading": _l("Des paragraphes en gras servent de titres à la place de vrais titres."),
    "region": _l("Des contenus sont placés hors des grandes zones de la page (en-tête, menu, contenu, pied de "
                 "page)."),
    "role-img-alt": _l("Des éléments présentés comme des images n'ont pas de texte de remplacement."),
    "scrollable-region-focusable": _l("Des zones qui défilent ne sont pas utilisables au clavier."),
    "select-name": _l("Des listes déroulantes n'ont pas d'étiquette."),
    "server-side-image-map": _l("Des images cliquables ne sont pas utilisables au clavier."),
    "skip-link": _l("Le lien d'accès direct au contenu mène à un endroit qui n'existe pas."),
    "summary-name": _l("Des zones à déplier n'ont pas de titre lisible."),
    "svg-img-alt": _l("Des dessins n'ont pas de texte de remplacement."),
    "table-duplicate-name": _l("Des tableaux ont un titre et un résumé identiques."),
    "table-fake-caption": _l("Des tableaux utilisent une cellule à la place d'un vrai titre."),
    "target-size": _l("Des boutons ou des liens sont trop petits ou trop serrés pour être touchés facilement."),
    "td-has-header": _l("Des cellules de grands tableaux ne sont reliées à aucun en-tête."),
    "td-headers-attr": _l("Des cellules de tableaux renvoient à des en-têtes qui n'existent pas."),
    "th-has-data-cells": _l("Des en-têtes de tableaux ne portent sur aucune cellule."),
    "valid-lang": _l("Des passages indiquent une langue qui n'existe pas."),
    "video-caption": _l("Des vidéos n'ont pas de sous-titres."),
}
IMPACTS = {  # axe's impacts, most serious first
    "critical": _l("bloquant"),
    "serious": _l("grave"),
    "moderate": _l("moyen"),
    "minor": _l("mineur"),
}
VISITOR = "visitor"  # the audit's name for a person without an account


@dataclass(frozen=True)
class ManualAudit:
    """A full manual RGAA audit (``ACCESSIBILITY_MANUAL_AUDIT``): its date, who made it, its rate."""
    day: date
    auditor: str
    rate: float


@dataclass(frozen=True)
class Conformity:
    state: str  # NOT_CONFORMING, PARTIAL or TOTAL
    checked: int = 0  # RGAA criteria some automated test checked
    met: int = 0  # of those, criteria where no violation was found
    manual: ManualAudit | None = None  # the manual audit that decided, if one did

    @property
    def rate(self):
        """Share of the criteria checked that are met, in %; None when none was checked."""
        return 100 * self.met / self.checked if self.checked else None

    @property
    def label(self):
        return str(STATE_LABELS[self.state])


@dataclass
class Problem:
    """One violation, as the statement lists it."""
    description: str
    lang: str | None  # "en" when the description is axe's own help text
    impact: str
    criteria: list[str]
    pages: list[str]
    count: int


@dataclass
class Statement:
    conformity: Conformity
    verdict: str  # the status as a sentence
    reason: str  # why this status, from the figures
    rules: list[str]  # how any status is decided
    audit: dict | None
    audited_on: str | None
    rate: str | None
    languages: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    keyboard: dict | None = None
    keyboard_failures: list[str] = field(default_factory=list)
    derogations: list[str] = field(default_factory=list)
    exempt: list[str] = field(default_factory=list)
    manual: ManualAudit | None = None
    manual_on: str | None = None
    manual_rate: str | None = None
    contact: str = ""
    summary: list[str] = field(default_factory=list)  # easy-to-read (FALC), one sentence a line
    criteria_total: int = RGAA_CRITERIA


def conformity(result, manual=None):
    """The status, from the audit's result alone (and a full manual audit, if there was one).

    - no result: non conforme;
    - violations found (axe, or a keyboard journey that failed): partiellement conforme when at
      least half of the criteria checked are met, non conforme below;
    - nothing found: the automated tests check only part of the 106 criteria, so partiellement
      conforme, unless a full manual audit decides: 100 % totalement conforme, under half non
      conforme.
    """
    if result is None:
        return Conformity(NOT_CONFORMING)
    failing = {criterion for violation in result["violations"] for criterion in violation["criteria"]}
    # A criterion a violation names was tested, even if the audit forgot to list it as checked.
    checked = set(result["criteria_checked"]) | failing
    counts = {"checked": len(checked), "met": len(checked - failing)}
    if has_problems(result):
        met_share = 100 * counts["met"] / counts["checked"] if checked else 0
        return Conformity(PARTIAL if met_share >= PARTIAL_FROM else NOT_CONFORMING, **counts)
    if manual is not None:
        state = TOTAL if manual.rate >= 100 else PARTIAL if manual.rate >= PARTIAL_FROM else NOT_CONFORMING
        return Conformity(state, manual=manual, **counts)
    return Conformity(PARTIAL, **counts)


def manual_audit():
    """``ACCESSIBILITY_MANUAL_AUDIT`` read, or None when absent or not {date, auditor, rate}."""
    given = current_app.config.get("ACCESSIBILITY_MANUAL_AUDIT")
    if not isinstance(given, dict):
        return None
    try:
        day = given["date"] if isinstance(given["date"], date) else date.fromisoformat(given["date"])
        rate = float(given["rate"])
        auditor = str(given["auditor"])
    except (KeyError, TypeError, ValueError):
        return None
    return ManualAudit(day, auditor, rate) if 0 <= rate <= 100 and auditor.strip() else None


def current():
    """The portal's status now (what the footer of every page states)."""
    return conformity(results.latest(), manual_audit())


def has_problems(result):
    """Violations found by axe, or a journey made with the keyboard alone that failed."""
    return bool(result["violations"] or keyboard_failures(result))


def keyboard_failures(result):
    return (result.get("keyboard") or {}).get("failures") or []


def build():
    """The whole statement, from the latest audit's result and the settings."""
    result, manual = results.latest(), manual_audit()
    found = conformity(result, manual)
    config = current_app.config
    exempt = config.get("ACCESSIBILITY_EXEMPT_CONTENTS")
    statement = Statement(
        conformity=found,
        verdict=_("Le portail Passerelle est %(state)s avec le référentiel général d'amélioration de "
                  "l'accessibilité (RGAA), version 4.1.", state=found.label),
        reason=_reason(found, result),
        rules=rules(),
        audit=result,
        audited_on=_day(datetime.fromisoformat(result["finished_at"])) if result else None,
        rate=_percent(found.rate),
        derogations=list(config.get("ACCESSIBILITY_DEROGATIONS") or ()),
        exempt=list(exempt) if exempt is not None else [
            _("Les documents envoyés par les associations (affiches, programmes, comptes rendus) et qui ne "
              "sont pas produits par le portail.")],
        manual=manual,
        manual_on=_day(manual.day) if manual else None,
        manual_rate=_percent(manual.rate) if manual else None,
        contact=config.get("ACCESSIBILITY_CONTACT_EMAIL") or contact_address(),
    )
    if result is not None:
        statement.languages = [_language(code) for code in result["languages"]]
        statement.roles = [_role(role) for role in result["roles"]]
        statement.problems = problems(result)
        statement.keyboard = result.get("keyboard")
        statement.keyboard_failures = keyboard_failures(result)
    statement.summary = easy_read_summary(statement)
    return statement


def rules():
    """How the status is decided, in plain words (the page says it under the status)."""
    half, whole = format_percent(PARTIAL_FROM / 100), format_percent(1)
    return [
        _("Le RGAA 4.1 compte %(total)d critères. Les tests automatiques n'en vérifient qu'une partie ; les "
          "autres demandent un audit manuel, fait par une personne.", total=RGAA_CRITERIA),
        _("Le taux de conformité est la part des critères vérifiés pour lesquels aucun problème n'a été trouvé."),
        _("Sans audit, le portail est déclaré non conforme."),
        _("Si les tests trouvent des problèmes, le portail est partiellement conforme quand le taux atteint "
          "%(half)s, non conforme en dessous.", half=half),
        _("Si les tests ne trouvent aucun problème, le portail reste partiellement conforme, car une partie "
          "seulement des critères a été vérifiée. Seul un audit manuel complet qui trouve %(whole)s des critères "
          "respectés permet de le déclarer totalement conforme ; s'il en trouve moins de %(half)s, le portail "
          "est non conforme.", whole=whole, half=half),
    ]


def _reason(found, result):
    if result is None:
        return _("Aucun audit n'a encore été réalisé : la conformité du portail n'a pas pu être vérifiée.")
    figures = _("Critères vérifiés automatiquement : %(checked)d sur %(total)d. Critères respectés parmi eux : "
                "%(met)d, soit un taux de %(rate)s.", checked=found.checked, total=RGAA_CRITERIA, met=found.met,
                rate=_percent(found.rate) or "–")
    if found.manual is not None:
        return " ".join([figures, _("Un audit manuel complet, réalisé le %(day)s par %(auditor)s, a trouvé "
                                    "%(rate)s des critères respectés.", day=_day(found.manual.day),
                                    auditor=found.manual.auditor, rate=_percent(found.manual.rate))])
    if not has_problems(result):
        return " ".join([figures, _("Les tests automatiques n'ont trouvé aucun problème, mais les autres critères "
                                    "n'ont pas encore été vérifiés par un audit manuel complet.")])
    return figures


def problems(result):
    """The violations, the most serious first, each in plain words with its criteria and pages."""
    order = list(IMPACTS)
    found = []
    for violation in sorted(result["violations"],
                            key=lambda v: (order.index(v["impact"]) if v["impact"] in order else len(order),
                                           v["rule"])):
        plain = PROBLEMS.get(violation["rule"])
        found.append(Problem(
            description=str(plain) if plain else violation["help"],
            lang=None if plain else "en",
            impact=str(IMPACTS.get(violation["impact"], "")),
            criteria=sorted(violation["criteria"], key=_criterion_order),
            pages=list(dict.fromkeys(violation["pages"])),  # a page kind met by several roles, once
            count=violation["count"]))
    return found


def easy_read_summary(statement):
    """The statement in easy-to-read French: short sentences, no abbreviation, one idea a line."""
    lines = [_("Cette page dit si le portail est facile à utiliser pour tout le monde."),
             _("Par exemple avec un lecteur d'écran, ou seulement avec le clavier.")]
    state, audit = statement.conformity.state, statement.audit
    if audit is None:
        lines += [_("Personne n'a encore vérifié le portail."),
                  _("Nous ne savons donc pas s'il est facile à utiliser pour tout le monde.")]
    else:
        lines.append(_("Un ordinateur a vérifié le portail le %(day)s.", day=statement.audited_on))
        lines.append(_("Il a trouvé des problèmes.") if has_problems(audit)
                     else _("Il n'a pas trouvé de problème."))
        if state == TOTAL:
            lines += [_("Des spécialistes ont aussi vérifié tout le portail."),
                      _("Le portail est facile à utiliser pour tout le monde.")]
        elif state == PARTIAL:
            lines += [_("Un ordinateur ne peut pas tout vérifier."),
                      _("Le portail est facile à utiliser en partie seulement.")]
        else:
            lines.append(_("Le portail n'est pas encore facile à utiliser pour tout le monde."))
    lines += [_("Vous avez du mal à utiliser le portail ?"), _("Écrivez à la mairie, elle vous aidera.")]
    return lines


def _criterion_order(criterion):
    return tuple(int(part) if part.isdigit() else 0 for part in criterion.split("."))


def _percent(value):
    # Rounded down: a rate just under 50 % must not read "50 %" next to "non conforme".
    return format_percent(math.floor(value) / 100) if value is not None else None


def _day(moment):
    return format_date(moment, "long")


def _language(code):
    try:
        return Locale.parse(code).get_language_name(str(get_locale()))
    except (ValueError, UnknownLocaleError):
        return code


def _role(role):
    if role == VISITOR:
        return _("Personne sans compte")
    try:
        return str(ROLE_LABELS[Role(role)])
    except ValueError:
        return role
