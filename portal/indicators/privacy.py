"""What the privacy page says: for each kind of personal data the portal keeps, what it is, why,
for how long, who sees it, and how a person sees, downloads or erases it.

Every period and threshold is read from the settings and the code when the page is asked for,
so the page says what the portal does today, not what it did when these sentences were written.
With ``falc``, the same facts in short sentences, one idea per line.
"""
from dataclasses import dataclass

from flask import current_app, url_for
from flask_babel import gettext as _
from flask_babel import ngettext

from portal.binomes.models import PURPOSES
from portal.binomes.retention import UNCONFIRMED_DAYS
from portal.indicators.follow_up import DUE_AFTER
from portal.indicators.models import FOLLOW_UP_OUTCOMES
from portal.sessions.public import SIGN_UPS_KEPT


@dataclass
class Kept:
    """One row of a kind's table."""
    data: str
    why: str
    how_long: str
    who_sees: str


@dataclass
class Kind:
    """One kind of personal data: a heading, what it is about, its table, how to use one's rights
    (and where, when a page of the portal does it)."""
    key: str  # the section's anchor
    heading: str
    about: str
    kept: list[Kept]
    rights: str
    link: tuple[str, str] | None = None  # (label, address)


def min_count():
    """K: a figure built from fewer answers or people is never shown."""
    return current_app.config["INDICATORS_MIN_COUNT"]


def contact_address():
    """Where people write to use their rights: the mairie's service that sends the portal's mails."""
    return current_app.config["MAIL_FROM"]


def _weeks(count):
    return ngettext("%(num)d semaine", "%(num)d semaines", count)


def _months(count):
    return ngettext("%(num)d mois", "%(num)d mois", count)


def _days(count):
    return ngettext("%(num)d jour", "%(num)d jours", count)


def _quoted(labels, falc=False):
    """« a », « b » (the quotes of the reader's language): one per line in easy-to-read."""
    return ("\n" if falc else ", ").join(_("« %(label)s »", label=label) for label in labels)


def kinds(falc=False):
    """The kinds of data, in the order of the page."""
    return [accounts(falc), sign_ups(falc), buddies(falc), questionnaire(falc), follow_up(falc), indicators(falc)]


def accounts(falc=False):
    everyone = (_("Vous, le service vie associative\net l'administration du portail.") if falc
                else _("Vous, le service vie associative et l'administration du portail"))
    while_open = _("Tant que le compte existe.") if falc else _("Tant que le compte existe")
    return Kind(
        "comptes", _("Les comptes") if falc else _("Comptes du portail"),
        _("Les personnes de la mairie, des associations,\nles bénévoles et la médiation ont un compte.\n"
          "Le compte est créé sur invitation.") if falc else
        _("Les agents de la mairie, les membres des associations, les bénévoles et la médiation ont un compte, "
          "créé sur invitation."),
        [Kept(_("Votre nom, votre adresse e-mail, votre langue.") if falc
              else _("Nom, adresse e-mail, langue des messages"),
              _("Pour vous connecter.\nPour vous écrire.") if falc
              else _("Vous connecter, vous écrire, vous montrer le portail dans votre langue"),
              while_open, everyone),
         Kept(_("Vos rôles et vos associations.") if falc else _("Rôles et associations"),
              _("Pour savoir ce que vous pouvez faire sur le portail.") if falc
              else _("Savoir ce que chaque compte peut faire"),
              while_open, everyone),
         Kept(_("Votre mot de passe.") if falc else _("Mot de passe"),
              _("Pour protéger votre compte.") if falc else _("Protéger votre compte"),
              _("Tant que le compte existe.\nIl est transformé : personne ne peut le relire.") if falc
              else _("Tant que le compte existe, sous une forme transformée que personne ne peut relire"),
              _("Personne.") if falc else _("Personne")),
         Kept(_("Les dates où vous êtes dans l'équipe d'une rencontre.") if falc
              else _("Équipes et dates des rencontres où vous êtes bénévole"),
              _("Pour organiser les rencontres.\nPour vous rappeler vos dates.") if falc
              else _("Organiser les rencontres, vous rappeler vos dates"),
              while_open,
              _("Vous, l'association de la rencontre\net le service vie associative.") if falc
              else _("Vous, l'association de la rencontre et le service vie associative")),
         Kept(_("Le journal des décisions :\nqui a demandé ou validé une réservation.") if falc
              else _("Journal des décisions : qui a demandé, validé ou refusé une réservation"),
              _("Pour savoir qui a décidé quoi.") if falc else _("Savoir qui a décidé quoi, et pourquoi"),
              _("La décision reste.\nSi le compte est supprimé, votre nom est retiré du journal.") if falc
              else _("La décision reste ; si le compte est supprimé, votre nom en est retiré"),
              _("Le service vie associative\net l'association concernée.") if falc
              else _("Le service vie associative et l'association concernée"))],
        _("Dans « Mon compte », vous voyez vos informations.\nVous pouvez les corriger.\n"
          "Vous pouvez télécharger toutes vos données.\n"
          "Pour supprimer votre compte, demandez-le au service vie associative.\n"
          "Tout ce qui est lié au compte est alors effacé.") if falc else
        _("Dans « Mon compte », vous voyez et corrigez vos informations, et vous téléchargez tout ce que le "
          "portail garde sur vous (fichier JSON). Pour supprimer votre compte, demandez-le au service vie "
          "associative : le compte et tout ce qui s'y rattache sont effacés."),
        (_("Mon compte"), url_for("auth.account")))


def sign_ups(falc=False):
    """People who signed up for a date: see ``portal.sessions.public`` (``cancel``,
    ``forget_past_contacts``, ``forget_past_sign_ups``)."""
    kept = _days(SIGN_UPS_KEPT.days)
    return Kind(
        "inscriptions", _("S'inscrire à une rencontre") if falc else _("Inscriptions aux rencontres"),
        _("Pour certaines rencontres, il faut s'inscrire.\nVotre prénom suffit.\n"
          "Le portail ne garde pas de trace de votre téléphone ou de votre ordinateur.") if falc else
        _("Certaines rencontres se font sur inscription, avec un simple prénom ou un pseudonyme. Le portail ne "
          "garde aucune trace de votre appareil (ni adresse IP, ni navigateur)."),
        [Kept(_("Votre prénom ou un pseudonyme.") if falc else _("Prénom ou pseudonyme"),
              _("Pour vous garder une place.") if falc
              else _("Vous garder une place, ou un rang sur la liste d'attente"),
              _("Il est effacé %(days)s après la rencontre.", days=kept) if falc
              else _("Effacé %(days)s après la rencontre", days=kept),
              _("Vous, avec votre lien personnel.\nL'équipe voit seulement le nombre de places prises.") if falc
              else _("Vous, avec votre lien personnel ; l'équipe voit seulement le nombre de places prises")),
         Kept(_("Votre téléphone ou votre e-mail, si vous le donnez.") if falc
              else _("Téléphone ou adresse e-mail, facultatif"),
              _("Pour vous prévenir si une place se libère.\nPour vous prévenir si la date change.") if falc
              else _("Vous prévenir si une place se libère ou si la date change"),
              _("Il est effacé après la rencontre.\nIl est effacé aussi si vous annulez.") if falc
              else _("Effacé une fois la rencontre passée, ou dès que vous annulez"),
              _("Personne.\nLe portail envoie les messages tout seul.") if falc
              else _("Personne : le portail envoie les messages lui-même")),
         Kept(_("Votre lien personnel.") if falc else _("Lien personnel"),
              _("Pour voir votre inscription.\nPour l'annuler.") if falc
              else _("Voir votre inscription, l'annuler"),
              _("Le portail garde seulement une empreinte du lien.\nL'empreinte ne permet pas de retrouver le lien.")
              if falc else _("Le portail n'en garde qu'une empreinte, qui ne permet pas de le retrouver"),
              _("Vous seulement.") if falc else _("Vous seul·e"))],
        _("Avec votre lien personnel, vous voyez votre inscription.\nVous pouvez l'annuler.\n"
          "Votre contact est alors effacé tout de suite.\n"
          "Pour effacer aussi votre prénom avant, écrivez à la mairie.") if falc else
        _("Avec votre lien personnel, vous voyez votre inscription et vous pouvez l'annuler : votre contact est "
          "effacé aussitôt. Pour effacer aussi votre prénom ou pseudonyme sans attendre, écrivez à la mairie "
          "(adresse plus bas)."))


def buddies(falc=False):
    """The binômes' queue: see ``portal.binomes.queue`` and ``portal.binomes.retention``."""
    months, days = _months(current_app.config["BINOME_RETENTION_MONTHS"]), _days(UNCONFIRMED_DAYS)
    how_long = (_("Tant que vous attendez un binôme ou que vous êtes en binôme.\n"
                  "Après une pause ou la fin d'un binôme :\neffacé après %(months)s sans nouvelles de vous.\n"
                  "Quelqu'un vous a inscrit et vous n'avez pas dit oui ?\nTout est effacé après %(days)s.",
                  months=months, days=days) if falc else
                _("Tant que vous attendez un binôme ou êtes en binôme ; après une pause ou la fin d'un binôme, "
                  "effacé au bout de %(months)s sans nouvelles ; une inscription faite pour vous et pas "
                  "confirmée est effacée au bout de %(days)s", months=months, days=days))
    # Consents and the access log hang on the person's row: they go with it.
    with_you = (_("Effacé en même temps que votre prénom.") if falc
                else _("Effacé en même temps que votre prénom et votre contact"))
    return Kind(
        "binomes", _("Les binômes") if falc else _("Binômes de convivialité"),
        _("Pour vous proposer un binôme, la médiation doit mieux vous connaître.\n"
          "On vous demande seulement ce qui sert à trouver la bonne personne.") if falc else
        _("Pour vous proposer un binôme, la médiation a besoin de mieux vous connaître. On vous demande seulement "
          "ce qui sert à trouver la bonne personne."),
        [Kept(_("Votre prénom ou un pseudonyme.\nUn téléphone ou un e-mail.") if falc
              else _("Prénom ou pseudonyme, et un contact (téléphone ou e-mail)"),
              _("Pour vous joindre.\nPour vous proposer un binôme.") if falc
              else _("Vous joindre pour vous proposer un binôme"),
              how_long,
              _("La médiation.\nL'autre personne voit votre prénom si vous dites oui tous les deux.\n"
                "Elle ne voit jamais votre contact.") if falc else
              _("La médiation ; l'autre personne voit votre prénom seulement si vous dites oui tous les deux, "
                "jamais votre contact")),
         Kept(_("Votre quartier, vos activités, vos moments libres,\n"
                "vos langues, vos besoins, votre rythme de marche.\n"
                "Si vous voulez : votre âge, si vous êtes une femme ou un homme,\net avec qui vous préférez être.")
              if falc else
              _("Quartier, activités, disponibilités, langues, besoins (par exemple des lieux sans marches), rythme "
                "de marche ; si vous le voulez : tranche d'âge, genre et préférence pour votre binôme"),
              _("Pour trouver une personne qui vous convient.") if falc
              else _("Trouver une personne qui vous convient"),
              with_you,
              _("La médiation.\nQuand on vous propose un binôme, l'autre personne voit ce que vous avez en commun,\n"
                "sans votre prénom.") if falc else
              _("La médiation ; une proposition montre à l'autre personne ce que vous avez en commun, sans votre "
                "prénom")),
         Kept(_("Vos accords, un pour chaque chose :\n%(purposes)s\n"
                "Avec la version de la charte que vous avez lue,\nla date et la façon de donner votre accord.",
                purposes=_quoted(PURPOSES.values(), falc)) if falc else
              _("Vos accords, un par objectif (%(purposes)s), avec la version de la charte que vous avez lue, la date "
                "et la façon de les donner", purposes=_quoted(PURPOSES.values())),
              _("Pour prouver ce que vous avez accepté.\nEt seulement cela.") if falc
              else _("Savoir ce que vous avez accepté, et seulement cela"),
              with_you,
              _("Vous et la médiation.") if falc else _("Vous et la médiation")),
         Kept(_("La liste des personnes qui ont ouvert votre fiche, et quand.") if falc
              else _("Journal des consultations : qui a ouvert votre fiche, et quand"),
              _("Pour vérifier que seules les bonnes personnes lisent votre fiche.") if falc
              else _("Vérifier que seules les personnes autorisées la lisent"),
              with_you,
              _("Vous, dans le fichier de vos données.\nLa médiation.") if falc
              else _("Vous (dans le fichier de vos données) et la médiation"))],
        _("Avec votre lien personnel, vous voyez tout ce qui est gardé sur vous.\n"
          "Vous pouvez télécharger vos données.\nVous pouvez faire une pause.\n"
          "Vous pouvez partir : tout est effacé tout de suite.\n"
          "Vous avez perdu votre lien ? La médiation peut vous en donner un nouveau.") if falc else
        _("Avec votre lien personnel, vous voyez tout ce qui est gardé sur vous, vous téléchargez vos données "
          "(fichier JSON), vous faites une pause ou vous partez : tout est alors effacé aussitôt. Lien perdu ? "
          "La médiation peut vous en créer un nouveau. Il reste seulement des comptages sans nom (inscriptions, "
          "binômes formés, départs, par mois)."),
        (_("La page des binômes"), url_for("binomes.home")))


def questionnaire(falc=False):
    """The anonymous questionnaire: see ``portal.indicators.models.Answer``."""
    return Kind(
        "questionnaire", _("Le questionnaire") if falc else _("Questionnaire anonyme"),
        _("Après une rencontre, vous pouvez répondre à quelques questions.\nC'est si vous voulez.\n"
          "Vous n'avez pas besoin de compte.\nLe portail ne garde ni votre adresse IP, ni l'heure.\n"
          "Il garde seulement la date de la rencontre.") if falc else
        _("Après une rencontre, vous pouvez répondre à quelques questions, si vous le voulez. Les réponses sont "
          "anonymes : pas de compte, pas d'adresse IP, pas d'heure de réponse, seulement la date de la rencontre. "
          "Aucun cookie, à part celui qui protège le formulaire."),
        [Kept(_("Vos notes de 0 à 10.\nPar exemple : est-ce que vous vous sentez seul,\nau début et à la fin ?")
              if falc else
              _("Vos notes de 0 à 10 : isolement ressenti au début et à la fin ; pour le cercle d'écoute, ses trois "
                "questions"),
              _("Pour savoir si les rencontres aident.\nPour les améliorer.") if falc
              else _("Savoir si les rencontres aident, pour les améliorer"),
              _("Elles restent avec la date de la rencontre.\nElles ne disent pas qui a répondu.") if falc
              else _("Gardées avec la date de la rencontre ; elles ne disent pas qui a répondu"),
              _("L'association de la rencontre\net le service vie associative.\nIls voient seulement des totaux.")
              if falc else _("L'association de la rencontre et le service vie associative, seulement en totaux")),
         Kept(_("Ce que vous écrivez :\nce qui vous a aidé, ce qui manque.") if falc
              else _("Vos réponses écrites : « ce qui a aidé », « ce qui manque »"),
              _("Pour améliorer la rencontre.") if falc else _("Améliorer la rencontre"),
              _("Elles restent avec la date de la rencontre.\n"
                "Une réponse qui permet de reconnaître quelqu'un est cachée.") if falc else
              _("Gardées avec la date de la rencontre ; une réponse qui permettrait de reconnaître quelqu'un est "
                "masquée par le service vie associative et ne compte plus"),
              _("Le service vie associative.") if falc else _("Le service vie associative")),
         Kept(_("Un code tiré au hasard.\nSeul votre téléphone sait qu'il est à vous.") if falc
              else _("Un code tiré au hasard par le portail ; seul votre téléphone sait qu'il est le vôtre"),
              _("Pour relier votre réponse du début et celle de la fin.\nSans savoir qui vous êtes.") if falc
              else _("Relier votre réponse du début et celle de la fin, sans savoir qui vous êtes"),
              _("Il reste avec vos réponses.") if falc else _("Gardé avec vos réponses"),
              _("Personne ne peut savoir à qui est ce code.") if falc
              else _("Personne ne peut savoir à qui il appartient"))],
        _("Personne ne sait qui a répondu.\nOn ne peut donc pas retrouver vos réponses pour vous les montrer.\n"
          "Une réponse écrite permet de reconnaître quelqu'un ?\nDites-le à la mairie : elle sera cachée.") if falc else
        _("Comme personne ne sait qui a répondu, vos réponses ne peuvent pas être retrouvées pour vous être "
          "montrées ou effacées. Si une réponse écrite permet de reconnaître quelqu'un, signalez-le à la mairie : "
          "elle sera masquée."))


def follow_up(falc=False):
    """The follow-up contact, kept apart from the answers: see ``portal.indicators.models.FollowUpContact``."""
    after, weeks = _days(DUE_AFTER.days), _weeks(current_app.config["FOLLOW_UP_KEEP_WEEKS"])
    outcomes = _quoted(FOLLOW_UP_OUTCOMES.values(), falc)
    return Kind(
        "suivi", _("Avoir de vos nouvelles") if falc else _("Prise de nouvelles après la rencontre"),
        _("À la fin du questionnaire, vous pouvez laisser un téléphone ou un e-mail.\n"
          "C'est si vous voulez.\nQuelqu'un prendra de vos nouvelles, une seule fois.\n"
          "Votre contact est rangé à part : rien ne le relie à vos réponses.") if falc else
        _("À la fin du questionnaire, vous pouvez laisser un téléphone ou un e-mail pour qu'on prenne de vos "
          "nouvelles, une seule fois. C'est facultatif. Ce contact est rangé à part : rien ne le relie à vos "
          "réponses."),
        [Kept(_("Votre téléphone ou votre e-mail.") if falc else _("Téléphone ou adresse e-mail"),
              _("Pour vous appeler ou vous écrire une fois,\n%(days)s après la rencontre.", days=after) if falc
              else _("Vous appeler ou vous écrire une seule fois, %(days)s après la rencontre", days=after),
              _("Effacé quand l'appel est fait.\nAu plus tard %(weeks)s après la rencontre.", weeks=weeks) if falc
              else _("Effacé dès que la prise de nouvelles est notée, au plus tard %(weeks)s après la rencontre",
                     weeks=weeks),
              _("L'équipe de la rencontre,\nquand c'est le moment de vous appeler.") if falc
              else _("L'équipe de la rencontre, quand vient le moment d'appeler")),
         Kept(_("Ce que l'équipe note après l'appel.\nUn seul choix parmi :\n%(outcomes)s", outcomes=outcomes) if falc
              else _("Une seule réponse parmi : %(outcomes)s", outcomes=outcomes),
              _("Pour savoir si la rencontre vous a aidé à aller plus loin.") if falc
              else _("Savoir si les rencontres aident à aller vers d'autres services ou activités"),
              _("Gardé sans votre contact.\nIl ne dit pas qui vous êtes.") if falc
              else _("Gardée sans votre contact : elle ne dit pas qui vous êtes"),
              _("L'association de la rencontre\net le service vie associative.\nIls voient seulement des totaux.")
              if falc else _("L'association de la rencontre et le service vie associative, seulement en totaux"))],
        _("Vous ne voulez plus qu'on vous appelle ?\nÉcrivez à la mairie : votre contact sera effacé.") if falc else
        _("Vous ne souhaitez plus être appelé·e ? Écrivez à la mairie : votre contact sera effacé."))


def indicators(falc=False):
    """The dashboard and its exports: aggregates only, small cells suppressed."""
    k = min_count()
    return Kind(
        "indicateurs", _("Les chiffres") if falc else _("Indicateurs"),
        _("Les chiffres servent à améliorer les rencontres.\nIls ne servent pas à surveiller les personnes.\n"
          "Quand un chiffre vient de moins de %(k)d personnes, il n'est pas montré.\n"
          "On écrit « moins de %(k)d ».\n"
          "Parfois, on cache aussi un autre chiffre.\nComme ça, personne ne peut retrouver le chiffre caché.", k=k)
        if falc else
        _("Les indicateurs servent à améliorer les rencontres, pas à surveiller les personnes. Ils montrent "
          "seulement des totaux. Un chiffre calculé sur moins de %(k)d réponses ou personnes n'est jamais montré : "
          "on écrit « moins de %(k)d ». Une autre case est masquée aussi quand il le faut, pour que le chiffre "
          "caché ne puisse pas être retrouvé à partir des totaux. Les exports contiennent seulement ces totaux, "
          "jamais les réponses.", k=k),
        [Kept(_("Ce que l'équipe compte après la rencontre :\nles participants, les nouvelles personnes,\n"
                "les orientations proposées, les binômes créés.") if falc else
              _("Ce que l'équipe compte après une rencontre : participants, nouvelles personnes, orientations "
                "proposées, binômes créés (des nombres, aucun nom)"),
              _("Pour suivre la vie des rencontres.") if falc else _("Suivre la vie des rencontres"),
              _("Ils restent avec la date de la rencontre.") if falc else _("Gardés avec la date de la rencontre"),
              _("L'association, pour ses rencontres.\nLe service vie associative.") if falc
              else _("Chaque association pour ses rencontres, et le service vie associative")),
         Kept(_("Les totaux par format, lieu, association, mois ou trimestre.") if falc
              else _("Totaux par format, lieu, association, mois ou trimestre"),
              _("Pour améliorer les formats.\nPour faire un bilan au conseil municipal, chaque trimestre.") if falc
              else _("Améliorer les formats ; un bilan d'une page par trimestre pour le conseil municipal"),
              _("Ils ne disent rien de personne.") if falc else _("Gardés : ils ne disent rien de personne"),
              _("Le service vie associative.\nChaque association, pour ses rencontres.\nLe conseil municipal.")
              if falc else
              _("Le service vie associative, chaque association pour ses rencontres, le conseil municipal"))],
        _("Ces chiffres ne parlent de personne en particulier.") if falc
        else _("Ces chiffres ne concernent personne en particulier : il n'y a rien à montrer ou à effacer pour une "
               "personne."))
