"""The words of the session kit, in French (the source language), in two registers.

Each function returns the texts of one document for the current locale (call it inside
``flask_babel.force_locale``). The easy-to-read (FALC) wording is written apart, not derived:
short sentences, everyday words, one idea per line (lines are separated by "\\n").
"""
from flask_babel import gettext as _

# --- charte d'accueil ----------------------------------------------------------------------

def charter(falc):
    if falc:
        return {
            "title": _("Charte d'accueil"),
            "intro": _("La charte, ce sont les règles de la rencontre.\n"
                       "Ces règles protègent tout le monde.\n"
                       "Vous êtes le bienvenu, comme vous êtes."),
            "principles": (
                (_("C'est secret"), _("Ce que les gens disent ici reste ici.\nOn ne le répète pas dehors.")),
                (_("Vous pouvez vous taire"), _("Vous pouvez écouter sans parler.\nPersonne ne vous oblige à parler.")),
                (_("Vous pouvez partir"), _("Vous pouvez partir quand vous voulez.\n"
                                            "Vous n'avez pas besoin de dire pourquoi.")),
                (_("Le respect"), _("On parle chacun son tour.\nOn écoute la personne qui parle.")),
                (_("Personne ne juge"), _("Personne ne se moque des autres.\nChacun a le droit d'être différent.")),
                (_("Pas de pression"), _("Personne n'essaie de vous faire changer d'avis.\n"
                                         "On ne parle pas ici pour une religion ou pour un parti.")),
                (_("Nos limites"), _("L'équipe ne soigne pas.\nL'équipe vous écoute.\n"
                                     "L'équipe vous dit où trouver de l'aide, si vous le voulez.")),
            ),
            "rules_heading": _("Les règles de cette rencontre"),
            "help_heading": _("Vous ne vous sentez pas bien ?"),
            "help": _("Parlez à une personne de l'équipe.\nEn cas d'urgence, appelez le 15 ou le 112."),
            "closing": _("L'équipe respecte aussi ces règles."),
        }
    return {
        "title": _("Charte d'accueil"),
        "intro": _("Chaque personne est accueillie telle qu'elle est, sans condition. Ces règles protègent "
                   "tout le monde : nous les rappelons au début de chaque rencontre."),
        "principles": (
            (_("Confidentialité"), _("Ce qui se dit ici reste ici. On ne répète ni ce qu'une personne a "
                                     "confié, ni son nom.")),
            (_("Droit au silence"), _("On peut écouter sans parler. Personne n'est obligé de se présenter "
                                      "ni de raconter sa vie.")),
            (_("Droit de partir à tout moment"), _("On peut quitter la rencontre quand on veut, sans se "
                                                   "justifier, et revenir une autre fois.")),
            (_("Respect"), _("On parle chacun son tour, on laisse finir, on parle de soi plutôt que des autres.")),
            (_("Sans jugement"), _("Chacun vient avec son histoire, ses idées et son rythme. Pas de moquerie, "
                                   "pas de conseils qu'on n'a pas demandés.")),
            (_("Pas de prosélytisme"), _("On ne cherche à convaincre ni à recruter personne, pour une religion, "
                                         "un parti, une cause ou un produit.")),
            (_("Nos limites"), _("Nous ne sommes pas des soignants et ne faisons pas de thérapie ici. Nous "
                                 "écoutons et, si vous le souhaitez, nous vous orientons vers les bonnes "
                                 "personnes (voir la fiche ressources).")),
        ),
        "rules_heading": _("Les règles propres à ce format"),
        "help_heading": _("Si vous ne vous sentez pas bien"),
        "help": _("Dites-le à la personne référente, même discrètement. En cas d'urgence : 15 (SAMU) ou 112 ; "
                  "114 par SMS si vous ne pouvez pas parler."),
        "closing": _("Les personnes qui animent s'engagent à respecter cette charte, comme chaque participant."),
    }


# --- fiche ressources locales --------------------------------------------------------------

def resources_sheet(falc):
    if falc:
        return {
            "title": _("Où trouver de l'aide près de chez vous"),
            "intro": _("Ces lieux peuvent vous aider.\nC'est gratuit, sauf si c'est écrit."),
            "local_heading": _("Près de chez vous"),
            "none": _("La liste des lieux est sur le site de la mairie."),
            "more": _("Il y a d'autres lieux sur le site de la mairie."),
            "numbers_heading": _("Les numéros pour être aidé"),
            "online": _("Toute la liste est sur le site de la mairie :"),
        }
    return {
        "title": _("Fiche ressources locales"),
        "intro": _("Des lieux et des numéros pour être aidé, près de chez vous. Vous pouvez y aller seul ou "
                   "accompagné ; l'équipe peut vous aider à prendre contact."),
        "local_heading": _("Près de chez vous"),
        "none": _("Les ressources locales sont sur le site de la mairie."),
        "more": _("D'autres ressources sont sur le site de la mairie."),
        "numbers_heading": _("Numéros d'aide, gratuits sauf mention contraire"),
        "online": _("Toutes les ressources, à jour :"),
    }


# --- plan d'escalade -----------------------------------------------------------------------

def escalation_plan(falc):
    if falc:
        return {
            "title": _("Que faire si une personne ne va pas bien ?"),
            "intro": _("Cette feuille est pour l'équipe.\nGardez-la près de vous pendant la rencontre."),
            "referent_heading": _("La personne référente"),
            "name": _("Nom :"),
            "phone": _("Téléphone :"),
            "steps_heading": _("Les 3 étapes"),
            "steps": (
                (_("Faire une pause"), _("Arrêtez l'activité.\nParlez doucement.")),
                (_("Aller dans un endroit calme"), _("Une personne de l'équipe va avec la personne.\n"
                                                     "Elle ne la laisse pas seule.\n"
                                                     "Une autre personne reste avec le groupe.")),
                (_("Appeler"), _("Si vous avez un doute, appelez.\nIl vaut mieux appeler pour rien.")),
            ),
            "numbers_heading": _("Quel numéro appeler ?"),
            "numbers": (
                ("15", _("La personne a un malaise ou est blessée.")),
                ("112", _("Vous ne savez pas qui appeler.")),
                ("3114", _("La personne parle de mourir.")),
                ("114", _("Par SMS, si la personne ne peut pas parler ou n'entend pas.")),
            ),
            "after_heading": _("Après"),
            "after": _("Prévenez la personne référente le jour même.\n"
                       "Elle prévient la mairie.\n"
                       "Ne racontez pas la vie de la personne."),
            "inform": _("À prévenir aussi :"),
            "debrief_heading": _("Et vous ?"),
            "debrief": _("C'est normal d'être secoué.\n"
                         "La personne référente vous propose d'en parler.\n"
                         "Vous pouvez aussi le demander."),
        }
    return {
        "title": _("Plan d'escalade en cas de détresse"),
        "intro": _("Pour l'équipe : à garder à portée de main pendant toute la rencontre. « Mieux vaut "
                   "appeler pour rien que trop tard. »"),
        "referent_heading": _("Personne référente"),
        "name": _("Nom :"),
        "phone": _("Téléphone :"),
        "steps_heading": _("Si quelqu'un ne va pas bien"),
        "steps": (
            (_("Pause"), _("Proposez une pause au groupe. Restez calme, parlez doucement, sans brusquer.")),
            (_("Accompagner vers un lieu calme"), _("Une personne de l'équipe accompagne la personne à l'écart "
                                                    "et ne la laisse pas seule ; une autre reste avec le groupe.")),
            (_("Appeler si nécessaire"), _("Au moindre doute sur sa sécurité, appelez : vous n'avez pas à "
                                           "juger de la gravité vous-même.")),
        ),
        "numbers_heading": _("Quel numéro pour quoi"),
        "numbers": (
            ("15", _("SAMU : malaise, blessure, personne qui ne réagit plus, détresse vitale.")),
            ("112", _("Urgence de tout type, depuis n'importe quel téléphone, si vous ne savez pas qui appeler.")),
            ("3114", _("Risque suicidaire : la personne parle de mourir ou vous êtes inquiet pour elle. Des "
                       "soignants répondent jour et nuit. En cas de danger immédiat, le 15.")),
            ("114", _("Par SMS : personne sourde ou malentendante, ou alerte silencieuse quand on ne peut pas "
                      "parler sans danger.")),
        ),
        "after_heading": _("Après"),
        "after": _("Prévenez la personne référente le jour même ; elle informe le service de la mairie qui suit "
                   "la rencontre. Notez les faits et l'heure, sans diagnostic ni détail personnel inutile."),
        "inform": _("À prévenir aussi :"),
        "debrief_heading": _("Et vous, après ?"),
        "debrief": _("Être secoué est normal. La personne référente vous propose un temps d'échange (débriefing) "
                     "dans les deux jours ; demandez-le si ce n'est pas fait. Vous pouvez aussi appeler SOS Amitié "
                     "ou le 3114 pour vous-même."),
    }
