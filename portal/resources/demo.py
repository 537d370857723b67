"""Local resources and help numbers of the demo town, Belleville-sur-Loire (all fictional:
names, addresses, phone numbers in the 02 00 … range, example.org addresses).

``load()`` looks each record up by name first, so loading twice changes nothing; it flushes
but does not commit (the caller does).
"""
import sqlalchemy as sa
from dateutil.relativedelta import relativedelta

from portal import clock
from portal.content import operations as content
from portal.database import db
from portal.resources.models import LocalHelpNumber, Resource, ResourceLanguage

WEEKDAYS = "Du lundi au vendredi, 9 h – 12 h 30 et 13 h 30 – 17 h"

# name, kind, address, neighbourhood, hours, phone, email, website,
# (step-free, accessible toilets, hearing loop, sign language), accessibility notes, languages,
# in the kit, months since the last review,
# {(locale, register): description}
RESOURCES = [
    ("CMP adultes de Belleville", "cmp", "15 rue Pasteur", "Centre",
     "Du lundi au vendredi, 9 h – 17 h 30\nAccueil sans rendez-vous le mardi matin", "02 00 10 20 30",
     "cmp-adultes@chs-belleville.example.org", "", (True, True, True, False),
     "Salle d'attente calme au rez-de-chaussée.", ("fr", "en"), True, 2,
     {("fr", "standard"): "Consultations gratuites avec des infirmiers, psychologues et psychiatres, pour "
                          "toute personne adulte qui traverse une période difficile. Premier rendez-vous "
                          "rapide, sans passer par un médecin.",
      ("en", "standard"): "Free appointments with nurses, psychologists and psychiatrists for any adult going "
                          "through a hard time. A first appointment comes quickly, no referral needed.",
      ("fr", "falc"): "Ce centre est un lieu de soins.\nVous pouvez parler à un soignant.\n"
                      "C'est gratuit.\nLe mardi matin, vous pouvez venir sans rendez-vous.",
      ("en", "falc"): "This centre is a place of care.\nYou can talk to a nurse or a doctor.\n"
                      "It is free.\nOn Tuesday morning, you can come without an appointment."}),
    ("CMP enfants et adolescents", "cmp", "3 allée des Lilas", "Les Prés", WEEKDAYS, "02 00 10 20 40",
     "cmp-enfants@chs-belleville.example.org", "", (True, True, False, False), "", ("fr",), False, 5,
     {("fr", "standard"): "Soins psychologiques pour les enfants et les jeunes jusqu'à 18 ans, avec leurs "
                          "parents. Les rendez-vous se prennent par téléphone.",
      ("en", "standard"): "Psychological care for children and young people up to 18, with their parents. "
                          "Appointments are made by phone."}),
    ("Maison de santé des Tisserands", "generaliste", "31 rue des Tisserands", "Tisserands",
     "Du lundi au samedi, 8 h – 20 h (samedi jusqu'à 12 h)", "02 00 10 30 10", "",
     "https://msp-tisserands.example.org", (True, True, False, False), "Parking réservé devant l'entrée.",
     ("fr", "ar", "en"), True, 3,
     {("fr", "standard"): "Quatre médecins généralistes, des infirmières et une sage-femme. Ils acceptent "
                          "de nouveaux patients et pratiquent le tiers payant.",
      ("en", "standard"): "Four general practitioners, nurses and a midwife. They take new patients and you "
                          "do not pay upfront."}),
    ("Cabinet médical du Centre", "generaliste", "8 place du Marché", "Centre",
     "Du lundi au vendredi, 8 h 30 – 19 h, sur rendez-vous", "02 00 10 30 20", "", "",
     (False, False, False, False), "Trois marches à l'entrée, pas de rampe.", ("fr", "es"), False, 14,
     {("fr", "standard"): "Deux médecins généralistes. Visites à domicile pour les personnes qui ne peuvent "
                          "pas se déplacer.",
      ("en", "standard"): "Two general practitioners. Home visits for people who cannot travel."}),
    ("Centre de santé du Campus", "generaliste", "Campus du Val, bâtiment C", "Campus",
     "Du lundi au vendredi, 9 h – 17 h, pendant l'année universitaire", "02 00 10 30 30",
     "sante@campus-val.example.org", "https://sante.campus-val.example.org", (True, True, True, False), "",
     ("fr", "en", "zh"), False, 1,
     {("fr", "standard"): "Consultations de médecine générale et de psychologie pour les étudiantes et les "
                          "étudiants, sans avance de frais.",
      ("en", "standard"): "General practice and psychology appointments for students, with nothing to pay "
                          "upfront."}),
    ("PMI des Prés", "pmi", "6 allée des Lilas", "Les Prés", WEEKDAYS, "02 00 10 40 10",
     "pmi-pres@departement.example.org", "", (True, True, False, False), "Espace pour les poussettes.",
     ("fr", "ar", "pt"), True, 4,
     {("fr", "standard"): "Suivi gratuit des futurs parents et des enfants de moins de 6 ans : pesées, "
                          "vaccins, conseils, écoute.",
      ("en", "standard"): "Free check-ups for parents-to-be and children under 6: weighing, vaccines, "
                          "advice, someone to talk to.",
      ("fr", "falc"): "Ce centre aide les parents et les bébés.\nUne infirmière pèse votre bébé.\n"
                      "Elle répond à vos questions.\nC'est gratuit."}),
    ("CCAS – Espace solidarités", "ccas", "12 rue des Tilleuls", "Centre", WEEKDAYS, "02 00 10 00 10",
     "ccas@belleville-sur-loire.example.org", "https://www.belleville-sur-loire.example.org/ccas",
     (True, True, True, True), "Accueil en langue des signes le jeudi après-midi.", ("fr", "en", "ar"), True, 1,
     {("fr", "standard"): "Aides financières, domiciliation, accompagnement des personnes âgées et des "
                          "familles. Un travailleur social vous reçoit sur rendez-vous ou à la permanence.",
      ("en", "standard"): "Financial help, a postal address, support for older people and families. A social "
                          "worker sees you by appointment or at the drop-in desk.",
      ("fr", "falc"): "Ce service de la mairie aide les habitants.\nIl aide à payer des factures.\n"
                      "Il aide les personnes âgées.\nVous pouvez venir poser vos questions.",
      ("en", "falc"): "This town hall service helps people who live in the town.\nIt helps to pay bills.\n"
                      "It helps older people.\nYou can come and ask your questions."}),
    ("Antenne du CCAS aux Tisserands", "ccas", "27 rue des Tisserands", "Tisserands",
     "Mardi et jeudi, 14 h – 17 h", "02 00 10 00 20", "ccas@belleville-sur-loire.example.org", "",
     (True, True, False, False), "Dans la maison de quartier.", ("fr", "ar", "tr"), False, 6,
     {("fr", "standard"): "Une permanence du CCAS près de chez vous, sans rendez-vous, pour vos démarches "
                          "d'aide sociale.",
      ("en", "standard"): "A CCAS desk near you, no appointment needed, for help with social support "
                          "paperwork."}),
    ("France services de Belleville", "france_services", "5 rue Victor-Hugo", "Centre",
     "Du lundi au vendredi, 9 h – 17 h ; samedi 9 h – 12 h", "02 00 10 50 10",
     "france-services@belleville-sur-loire.example.org", "", (True, True, True, False), "",
     ("fr", "en", "es"), True, 2,
     {("fr", "standard"): "Des agents vous aident pour vos démarches en ligne : impôts, retraite, CAF, "
                          "assurance maladie, emploi. Ordinateurs en libre accès.",
      ("en", "standard"): "Staff help you with online paperwork: taxes, pensions, family benefits, health "
                          "insurance, jobs. Computers free to use."}),
    ("France services itinérant", "france_services", "Parking de la médiathèque, allée des Lilas", "Les Prés",
     "Le jeudi, 9 h 30 – 12 h 30", "02 00 10 50 20", "", "", (False, False, False, False),
     "Bus aménagé : une marche haute, aide possible pour monter.", ("fr",), False, 15,
     {("fr", "standard"): "Le bus France services s'arrête aux Prés chaque jeudi matin pour vous aider "
                          "dans vos démarches.",
      ("en", "standard"): "The France services bus stops at Les Prés every Thursday morning to help you "
                          "with paperwork."}),
    ("Point justice de Belleville", "point_justice", "Hôtel de ville, 1 place de la République", "Centre",
     "Mercredi, 9 h – 12 h, sur rendez-vous", "02 00 10 60 10", "point-justice@belleville-sur-loire.example.org",
     "", (True, True, True, False), "", ("fr", "en"), True, 3,
     {("fr", "standard"): "Informations juridiques gratuites et confidentielles avec un avocat ou un "
                          "conciliateur : logement, famille, travail, dettes.",
      ("en", "standard"): "Free, confidential legal information with a lawyer or a mediator: housing, "
                          "family, work, debts.",
      ("fr", "falc"): "Vous avez un problème avec la loi ?\nUn avocat vous explique vos droits.\n"
                      "C'est gratuit.\nIl faut prendre rendez-vous."}),
    ("Permanence d'accès aux droits des Tisserands", "acces_droits", "27 rue des Tisserands", "Tisserands",
     "Un samedi sur deux, 10 h – 12 h", "02 00 10 60 20", "", "", (True, True, False, False), "",
     ("fr", "ar", "ro"), False, 4,
     {("fr", "standard"): "Des bénévoles formés vous aident à comprendre un courrier et à faire valoir vos "
                          "droits.",
      ("en", "standard"): "Trained volunteers help you understand a letter and claim your rights."}),
    ("Accès au droit des étudiants", "acces_droits", "Campus du Val, maison de l'étudiant", "Campus",
     "Lundi, 12 h – 14 h", "", "droits@campus-val.example.org", "", (True, True, False, False), "",
     ("fr", "en"), False, 2,
     {("fr", "standard"): "Questions de logement, de bourse ou de titre de séjour : une juriste répond aux "
                          "étudiants.",
      ("en", "standard"): "Questions about housing, grants or residence permits: a lawyer answers students."}),
    ("Aide aux victimes Loire", "acces_droits", "9 rue des Tilleuls", "Centre", WEEKDAYS, "02 00 10 60 30",
     "contact@aide-victimes-loire.example.org", "", (True, False, False, False), "", ("fr", "en", "uk"), True, 7,
     {("fr", "standard"): "Écoute, information sur vos droits et accompagnement après une agression, un "
                          "vol ou un accident. Gratuit et confidentiel.",
      ("en", "standard"): "Support, information about your rights and help after an assault, a theft or an "
                          "accident. Free and confidential."}),
    ("Écoute solidaire de Belleville", "ligne_ecoute", "", "", "Tous les jours, 17 h – 22 h", "02 00 10 70 10",
     "", "", (False, False, False, False), "Ligne téléphonique uniquement.", ("fr", "en"), True, 2,
     {("fr", "standard"): "Des bénévoles formés à l'écoute vous répondent le soir, quand la solitude pèse. "
                          "Anonyme et gratuit.",
      ("en", "standard"): "Volunteers trained in listening answer in the evening, when loneliness weighs "
                          "on you. Anonymous and free.",
      ("fr", "falc"): "Vous vous sentez seul ?\nAppelez ce numéro le soir.\nUne personne vous écoute.\n"
                      "Vous ne donnez pas votre nom."}),
    ("Écoute étudiante du Campus", "ligne_ecoute", "Campus du Val", "Campus",
     "Du jeudi au dimanche, 21 h – 2 h 30", "02 00 10 70 20", "", "https://ecoute.campus-val.example.org",
     (False, False, False, False), "Par téléphone ou par tchat.", ("fr", "en"), False, 13,
     {("fr", "standard"): "Des étudiants formés écoutent d'autres étudiants, la nuit, sans jugement.",
      ("en", "standard"): "Trained students listen to other students at night, without judgement."}),
    ("Ligne des aidants", "ligne_ecoute", "", "", "Du lundi au vendredi, 14 h – 18 h", "02 00 10 70 30",
     "aidants@belleville-sur-loire.example.org", "", (False, False, False, False), "", ("fr",), False, 5,
     {("fr", "standard"): "Vous accompagnez un proche malade, âgé ou handicapé ? Une professionnelle vous "
                          "écoute et vous oriente.",
      ("en", "standard"): "Caring for a relative who is ill, old or disabled? A professional listens and "
                          "points you to the right help."}),
    ("Accueil de la mairie", "contact_mairie", "1 place de la République", "Centre",
     "Du lundi au vendredi, 8 h 30 – 17 h 30 ; samedi 9 h – 12 h", "02 00 10 00 01",
     "accueil@belleville-sur-loire.example.org", "https://www.belleville-sur-loire.example.org",
     (True, True, True, True), "", ("fr", "en"), True, 1,
     {("fr", "standard"): "Le premier point de contact pour toute question sur la ville : l'accueil vous "
                          "oriente vers le bon service.",
      ("en", "standard"): "The first place to ask any question about the town: the front desk sends you to "
                          "the right service."}),
    ("Service vie associative", "contact_mairie", "1 place de la République", "Centre", WEEKDAYS,
     "02 00 10 00 05", "vie-associative@belleville-sur-loire.example.org", "", (True, True, True, False), "",
     ("fr",), False, 2,
     {("fr", "standard"): "Salles municipales, aide aux associations, Passerelle : le service répond aux "
                          "associations et aux bénévoles.",
      ("en", "standard"): "Town rooms, support for associations, Passerelle: the service answers "
                          "associations and volunteers."}),
    ("Mairie annexe des Prés", "contact_mairie", "2 place des Prés", "Les Prés",
     "Mardi, jeudi et vendredi, 9 h – 12 h", "02 00 10 00 30", "", "", (True, False, False, False), "",
     ("fr", "pt"), False, 3,
     {("fr", "standard"): "État civil, inscriptions scolaires et informations de la mairie, près de chez "
                          "vous.",
      ("en", "standard"): "Civil records, school enrolment and town hall information, near you."}),
]

# name, number, hours, free, position, {(locale, register): what it is for}
HELP_NUMBERS = [
    ("Permanence du CCAS", "02 00 10 00 15", "Du lundi au vendredi, 9 h – 17 h", False, 1,
     {("fr", "standard"): "Une situation sociale urgente : plus de chauffage, plus de quoi manger, une expulsion.",
      ("en", "standard"): "An urgent social situation: no heating, no food, an eviction."}),
    ("CMP adultes de Belleville", "02 00 10 20 30", "Du lundi au vendredi, 9 h – 17 h 30", False, 2,
     {("fr", "standard"): "Parler à un soignant quand on va mal, sans attendre un rendez-vous.",
      ("en", "standard"): "Talk to a carer when you feel unwell, without waiting for an appointment."}),
    ("Astreinte de la mairie", "02 00 10 00 99", "Nuits, week-ends et jours fériés", False, 3,
     {("fr", "standard"): "Un problème urgent dans la ville la nuit ou le week-end.",
      ("en", "standard"): "An urgent problem in the town at night or at the weekend."}),
]


def load():
    """Add the demo resources and local help numbers that are missing (by name)."""
    now = clock.now()
    known = set(db.session.scalars(sa.select(Resource.name)))
    for (name, kind, address, neighbourhood, hours, phone, email, website, (step_free, toilets, loop, lsf),
         notes, languages, in_kit, months, descriptions) in RESOURCES:
        if name in known:
            continue
        resource = Resource(
            name=name, kind=kind, address=address, neighbourhood=neighbourhood, hours=hours, phone=phone,
            email=email, website=website, step_free=step_free, accessible_toilets=toilets, hearing_loop=loop,
            sign_language=lsf, accessibility_notes=notes, in_kit=in_kit,
            reviewed_at=now - relativedelta(months=months),
            language_rows=[ResourceLanguage(code=code) for code in languages])
        db.session.add(resource)
        db.session.flush()  # the description's key needs the id
        content.save_variants(resource.description_key, descriptions)
    numbers = set(db.session.scalars(sa.select(LocalHelpNumber.name)))
    for name, number, hours, free, position, purposes in HELP_NUMBERS:
        if name not in numbers:
            line = LocalHelpNumber(name=name, number=number, hours=hours, free=free, position=position)
            db.session.add(line)
            db.session.flush()
            content.save_variants(line.purpose_key, purposes)
    db.session.flush()
