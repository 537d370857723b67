"""Hints for easy-to-read (FALC) texts: what a machine can notice, never a verdict.

``check(text, locale)`` returns ``Hint``s in reading order; ``readability(text, locale)`` the
Kandel–Moles score (French only). Both are pure functions of the text. Only people concerned
can say a text is easy to read: these hints help staff before that reading, and never block.

What is checked, and the choices made:

- sentences over 15 words (a sentence ends with . ! ? or …, or with its line);
- words over 3 syllables that are not everyday words (French only: a syllable counter by
  vowel groups, a silent final e, and a few hiatuses such as « é-a »; ``EVERYDAY`` lists the
  long words everyone knows);
- abbreviations and initials: words in capitals (CCAS), dotted initials (S.N.C.F.), and the
  usual abbreviations (etc., M., Mme, cf.…); a few capital words everyone knows (SMS, OK) pass;
- percentages, numbers of 1000 and more, decimal numbers; years (1900–2099) and phone
  numbers (01 23 45 67 89, 0 800 47 47 88, « appelez le 3114 ») are fine;
- special characters: & § # * + = < > | \\ / ~ ^ _ { } [ ] and the semicolon (it joins two
  ideas; reported as a sign, not again as a second idea). Guillemets « », apostrophes,
  dashes, parentheses, colons, and the @ and / of e-mail and web addresses are fine;
- dates written in figures (12/03, 12/03/2026, 2026-03-12, 12.03.26): write « jeudi 12 mars »;
- more than one idea per line: several sentences on one line, or a sentence whose parts
  joined by « et », « mais », « ou », a comma… each have a conjugated verb (a heuristic: a
  subject pronoun, a common verb form, or an imperative such as « Rangez »).

A word or a sign found several times is reported once, where it first appears.
"""
import functools
import re
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from textstat.textstat import textstatistics

MAX_WORDS = 15
MAX_SYLLABLES = 3

LONG_SENTENCE, LONG_WORD, ABBREVIATION, NUMBER, SPECIAL, DATE, IDEAS = (
    "long_sentence", "long_word", "abbreviation", "number", "special_character", "date", "ideas")
KIND_LABELS = {
    LONG_SENTENCE: _l("Phrase longue"),
    LONG_WORD: _l("Mot difficile"),
    ABBREVIATION: _l("Sigle ou abréviation"),
    NUMBER: _l("Nombre"),
    SPECIAL: _l("Caractère spécial"),
    DATE: _l("Date en chiffres"),
    IDEAS: _l("Plusieurs idées"),
}


@dataclass(frozen=True)
class Hint:
    """``excerpt`` is the sentence (or line) at fault; ``excerpt[start:end]`` the part to mark."""

    kind: str
    message: str
    excerpt: str
    start: int
    end: int
    line: int  # 1 for the first line of the text

    @property
    def label(self):
        return KIND_LABELS[self.kind]

    @property
    def before(self):
        return self.excerpt[:self.start]

    @property
    def marked(self):
        return self.excerpt[self.start:self.end]

    @property
    def after(self):
        return self.excerpt[self.end:]


# --- what each language needs ---------------------------------------------------------------

@dataclass(frozen=True)
class Language:
    everyday: frozenset = frozenset()  # long words everyone knows (French only)
    abbreviations: frozenset = frozenset()  # written without their dot where it has one
    dotted: frozenset = frozenset()  # abbreviations only when followed by a dot (« ex. », « M. »)
    joiners: tuple = ()
    subjects: frozenset = frozenset()
    verbs: frozenset = frozenset()
    imperative_ending: str | None = None
    not_imperatives: frozenset = frozenset()
    phone_cues: frozenset = frozenset()


FRENCH = Language(
    everyday=frozenset("""
        accompagner activité activités aujourd'hui anniversaire appartement
        association associations bibliothèque calendrier cinéma difficile électricité
        ensemble facilement habituellement hôpital immédiatement important information
        informations inscription internet médiathèque médecin ordinateur particulier
        participer participez pharmacie photographie possibilité premièrement quotidien
        régulièrement rendez-vous secrétariat supermarché téléphone téléphonez télévision
        utiliser utilisez vacances vétérinaire""".split()),
    abbreviations=frozenset("mme mmes mlle mlles dr pr rdv svp bd qqn qqch n° nº".split()),
    dotted=frozenset("etc m mm cf ex env tél av p ch st ste max min nb éd vol".split()),
    joiners=(",", ":", "et", "mais", "ou", "puis", "donc", "car", "alors", "ensuite",
             "parce que", "parce qu'", "puisque", "puisqu'", "tandis que", "tandis qu'"),
    subjects=frozenset("je j tu il elle on nous vous ils elles".split()),
    verbs=frozenset("""
        est sont suis es sommes êtes ai as a avons avez ont vais vas va allons allez vont
        peux peut pouvons pouvez peuvent dois doit devons devez doivent faut fais fait faisons
        faites font viens vient venons venez viennent prends prend prenons prenez prennent
        dis dit disons dites disent sais sait savons savez savent veux veut voulons voulez
        veulent était étaient sera seront aura auront ira iront sert servent reste restent
        commence commencent finit finissent ouvre ouvrent ferme ferment""".split()),
    imperative_ending="ez",
    not_imperatives=frozenset("chez assez nez rez".split()),
    phone_cues=frozenset("le au numéro appelez appeler appelle composez composer tél tel téléphone sms".split()),
)
ENGLISH = Language(
    abbreviations=frozenset("mr mrs ms dr st".split()),
    dotted=frozenset("etc cf approx tel vs".split()),
    joiners=(",", ":", "and", "but", "or", "then", "so", "because"),
    subjects=frozenset("i you he she it we they".split()),
    verbs=frozenset("""
        am is are was were be has have had do does did can could will would must should
        may might go goes went get gets got""".split()),
    phone_cues=frozenset("call dial text number phone on".split()),
)
LANGUAGES = {"fr": FRENCH, "en": ENGLISH}
NEUTRAL = Language()

# Capital words everyone reads as words, not as initials.
KNOWN_CAPITALS = frozenset({"SMS", "OK", "TV", "WC", "PDF"})

# An abbreviation's dot inside a line does not end a sentence: « M. Martin », « la S.N.C.F. passe ».
NO_SENTENCE_END = FRENCH.dotted | ENGLISH.dotted

WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
LETTERS = re.compile(r"[^\W\d_]+")
SENTENCE_END = re.compile(r"[.!?…]+(?=\s|$)")
# Elided articles and pronouns do not make a word longer: « l'administration ».
ELISION = re.compile(r"^(?:[ldjmtsnc]|qu|jusqu|lorsqu|puisqu)['’]", re.I)

# The look-behinds start a match only where its run of characters starts: the same matches, but
# a long run is read once instead of once per character (100 000 pasted digits took minutes).
URL_OR_EMAIL = re.compile(r"\b(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.I)
PHONE = re.compile(r"(?:\+33\s?|\b0)\s?[1-9](?:[\s.]?\d{2}){4}\b|\b0\s?[89]\d{2}(?:\s?\d{2}){3}\b")
TIME = re.compile(r"\b\d{1,2}\s?[h:]\s?\d{2}\b|\b\d{1,2}\s?h\b")
# 12/03, 12/03/2026, 12.03.26, 12-03-2026, 2026-03-12 (not « 3-4 personnes », nor « 2.5 »).
DATES = re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\b\d{1,2}([.-])\d{1,2}\1\d{2,4}\b")
PERCENT = re.compile(r"(?<!\d)\d+(?:[.,]\d+)?\s?%|(?<!\d)\d+(?:[.,]\d+)?\s?(?:pour ?cent|percent|per cent)\b",
                     re.I)
NUMBER_RE = re.compile(r"\b\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?:,\d+)?\b|\b\d+[.,]\d+\b|\b\d{4,}\b")
SPECIALS = re.compile(r"[&§#*+=<>|\\/~^_{}\[\];]")
CAPITALS = re.compile(r"\b[A-ZÀ-ÖØ-Þ]{2,}s?\b")
INITIALS = re.compile(r"\b(?:[A-Za-zÀ-ÿ]{1,2}\.-?){2,}")
ABBREVIATION_RE = re.compile(r"(?<![\w.])(n[°º]|[^\W\d_]+)(\.?)(?![\w'’])")


def _language(locale):
    return LANGUAGES.get((locale or "fr").split("_")[0].lower(), NEUTRAL)


# --- syllables ------------------------------------------------------------------------------

VOWELS = "aeiouyàâäéèêëîïôöùûüœæ"
VOWEL_GROUP = re.compile(f"[{VOWELS}]+")


def _hiatuses(group, at_end):
    """Vowels side by side said separately: ré-a-li-té, po-é-sie, cré-é, na-ïf, No-ël (but not
    the silent e of « an-née »)."""
    count = 0
    for index, (first, second) in enumerate(zip(group, group[1:])):
        silent_e = second == "e" and at_end and index == len(group) - 2
        if second in "éïë" or (first == "é" and not silent_e):
            count += 1
    return count


def syllables(word):
    """Spoken syllables of a French word, by a heuristic good enough to spot long words."""
    word = ELISION.sub("", word.lower())
    groups = list(VOWEL_GROUP.finditer(word))
    count = len(groups) + sum(_hiatuses(group.group(), re.fullmatch(r"s?", word[group.end():]) is not None)
                              for group in groups)
    # A final e or es after a consonant is silent: « ta-ble », « fe-nêtres ». (A final « ent »
    # is silent in verbs only, « ils parlent » but « moment »: it is counted.)
    if count > 1 and re.search(f"[^{VOWELS}]es?$", word):
        count -= 1
    return max(count, 1)


# --- the check ------------------------------------------------------------------------------

def check(text, locale="fr"):
    """Hints for ``text`` written in ``locale``, in reading order (see the module's notes)."""
    language = _language(locale)
    hints, seen = [], set()

    def add(kind, message, excerpt, start, end, line, once=None):
        if once is not None:
            if (kind, once) in seen:
                return
            seen.add((kind, once))
        hints.append(Hint(kind, message, excerpt, start, end, line))

    for number, line in enumerate((text or "").splitlines(), start=1):
        sentences = _sentences(line)
        if len(sentences) > 1:
            # The line as excerpt, the sentences after the first one marked: they go below.
            excerpt, lead = line.strip(), len(line) - len(line.lstrip())
            add(IDEAS, _l("Plusieurs phrases sur la même ligne : mettez chaque phrase sur sa propre ligne."),
                excerpt, sentences[1][0] - lead, len(excerpt), number)
        for _offset, sentence in sentences:
            _check_sentence(sentence, number, language, add)
    return hints


def _sentences(line):
    """(offset, sentence) of each sentence of one line, an abbreviation's dot not ending one."""
    found, start, length = [], 0, len(line.rstrip())
    for end in SENTENCE_END.finditer(line):
        last = _last_word(line, start, end.start()).lower().lstrip("(«\"")
        if end.group() == "." and end.end() < length and (
                (len(last) == 1 and last.isalpha()) or "." in last or last in NO_SENTENCE_END):
            continue
        found.append((start, line[start:end.end()]))
        start = end.end()
    found.append((start, line[start:]))
    # Give each sentence without its surrounding spaces, keeping its offset right.
    cleaned = []
    for offset, sentence in found:
        stripped = sentence.strip()
        if stripped:
            cleaned.append((offset + len(sentence) - len(sentence.lstrip()), stripped))
    return cleaned


def _last_word(line, start, stop):
    """``line[start:stop].split()[-1]`` ("" without a word), read backwards from ``stop``: after
    a run of abbreviations that part is long, and splitting it at each dot was quadratic."""
    end = stop
    while end > start and line[end - 1].isspace():
        end -= 1
    begin = end
    while begin > start and not line[begin - 1].isspace():
        begin -= 1
    return line[begin:end]


def _check_sentence(sentence, line, language, add):
    words = WORD.findall(sentence)
    if len(words) > MAX_WORDS:
        add(LONG_SENTENCE, _l("Phrase de %(count)d mots : au-delà de 15 mots, coupez-la en plusieurs phrases.",
                              count=len(words)), sentence, 0, len(sentence), line)

    # Addresses, dates, times and phone numbers are read as wholes: their signs and digits
    # are not reported as special characters or numbers.
    masked = sentence
    for pattern in (URL_OR_EMAIL, PHONE):
        masked = _mask(masked, pattern)
    for match in DATES.finditer(masked):
        add(DATE, _l("Date en chiffres « %(date)s » : écrivez-la en entier, par exemple « jeudi 12 mars ».",
                     date=match.group()), sentence, match.start(), match.end(), line, once=match.group())
    masked = _mask(_mask(masked, DATES), TIME)

    for match in PERCENT.finditer(masked):
        add(NUMBER, _l("Pourcentage « %(number)s » : écrivez plutôt « la moitié », « la plupart » ou « peu ».",
                       number=match.group()), sentence, match.start(), match.end(), line, once=match.group())
    masked = _mask(masked, PERCENT)
    for match in NUMBER_RE.finditer(masked):
        value = match.group()
        if _is_year(value) or _is_phone(masked[:match.start()], value, language):
            continue
        add(NUMBER, _l("Grand nombre ou nombre à virgule « %(number)s » : écrivez plutôt « beaucoup », "
                       "« environ mille » ou un nombre arrondi.", number=value),
            sentence, match.start(), match.end(), line, once=value)

    for match in SPECIALS.finditer(masked):
        sign = match.group()
        message = (_l("Point-virgule : il relie deux idées. Faites plutôt deux phrases.") if sign == ";" else
                   _l("Caractère spécial « %(sign)s » : écrivez le mot à la place (« et » pour &) "
                      "ou retirez-le.", sign=sign))
        add(SPECIAL, message, sentence, match.start(), match.end(), line, once=sign)

    _check_abbreviations(sentence, masked, line, language, add)
    _check_long_words(sentence, line, language, add)
    _check_ideas(sentence, line, language, add)


def _mask(text, pattern):
    """``text`` with the matches of ``pattern`` blanked out, offsets unchanged."""
    return pattern.sub(lambda match: " " * len(match.group()), text)


def _is_year(value):
    return value.isdigit() and len(value) == 4 and 1900 <= int(value) <= 2099


def _is_phone(before, value, language):
    # A short number right after « appelez le », « au », « numéro »: 3114, 3919…
    previous = LETTERS.findall(before[-30:].lower())
    return value.isdigit() and len(value) <= 5 and bool(previous) and previous[-1] in language.phone_cues


def _check_abbreviations(sentence, masked, line, language, add):
    def report(start, end):
        word = sentence[start:end]
        add(ABBREVIATION, _l("Sigle ou abréviation « %(word)s » : écrivez les mots en entier, ou expliquez-le.",
                             word=word), sentence, start, end, line, once=word)

    for match in INITIALS.finditer(masked):
        report(match.start(), match.end())
    masked = _mask(masked, INITIALS)
    for match in CAPITALS.finditer(masked):
        if match.group() not in KNOWN_CAPITALS:
            report(match.start(), match.end())
    for match in ABBREVIATION_RE.finditer(masked):
        word, dot = match.group(1).lower(), match.group(2)
        if word in language.abbreviations or (dot and word in language.dotted and _not_a_sentence_end(
                masked, match, word)):
            report(match.start(), match.end())


def _not_a_sentence_end(masked, match, word):
    # « M. » at the end of a sentence is the letter m, not Monsieur; « etc. » always counts.
    return word != "m" or match.end() < len(masked.rstrip())


def _check_long_words(sentence, line, language, add):
    if language is not FRENCH:
        return
    for match in WORD.finditer(sentence):
        word = match.group()
        bare = ELISION.sub("", word.lower()).replace("’", "'")
        if any(char.isdigit() for char in word) or word.isupper():
            continue
        if bare in language.everyday or bare.rstrip("sx") in language.everyday:
            continue
        if "-" not in bare and syllables(bare) > MAX_SYLLABLES:
            start = match.start() + len(word) - len(ELISION.sub("", word))
            add(LONG_WORD, _l("Mot long « %(word)s » : cherchez un mot plus court et courant, ou expliquez-le.",
                              word=sentence[start:match.end()]), sentence, start, match.end(), line, once=bare)


def _check_ideas(sentence, line, language, add):
    """Several conjugated verbs in parts joined by « et », « mais », a comma…: several ideas."""
    if not language.joiners:
        return
    parts, joints, start = [], [], 0
    for match in _splitter(language).finditer(sentence):
        parts.append(sentence[start:match.start()])
        joints.append(match)
        start = match.end()
    parts.append(sentence[start:])
    with_verb = [_has_verb(part, language) for part in parts]
    for index in range(1, len(parts)):
        if with_verb[index] and any(with_verb[:index]):
            joint = joints[index - 1]
            start, end = joint.start(), joint.end()
            while start < end and sentence[start].isspace():
                start += 1
            while end > start and sentence[end - 1].isspace():
                end -= 1
            add(IDEAS, _l("Plusieurs idées dans la même phrase, reliées par « %(joiner)s » : "
                          "faites une phrase par idée.", joiner=sentence[start:end]),
                sentence, start, end, line)
            return


@functools.cache
def _splitter(language):
    """Where a sentence's parts join: a comma or a colon, or a joining word between spaces."""
    words = [re.escape(joiner).replace("'", "['’]") for joiner in language.joiners if joiner[0].isalpha()]
    signs = "".join(re.escape(joiner) for joiner in language.joiners if not joiner[0].isalpha())
    return re.compile(rf"\s*[{signs}]\s*|\s+(?:{'|'.join(words)})(?:\s+|(?<=['’]))", re.I)


def _has_verb(part, language):
    words = [word.lower() for word in LETTERS.findall(part)]
    if not words:
        return False
    if any(word in language.verbs for word in words):
        return True
    if any(word in language.subjects for word in words[:-1]):
        return True
    first = words[0]
    return bool(language.imperative_ending and first.endswith(language.imperative_ending)
                and len(first) > 3 and first not in language.not_imperatives)


# --- readability ----------------------------------------------------------------------------

_french = textstatistics()
_french.set_lang("fr")


def readability(text, locale="fr"):
    """The Kandel–Moles score of a French text, from 0 (hard) to 100 (easy), as textstat
    computes it (207 − 1.015 × words per sentence − 73.6 × syllables per word); None for
    another language or an empty text. A hint, like the others."""
    if _language(locale) is not FRENCH or not WORD.search(text or ""):
        return None
    # One sentence per line, as easy-to-read texts are written, even without a full stop.
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    sentences = " ".join(line if line[-1] in ".!?…" else f"{line}." for line in lines)
    return max(0, min(100, round(_french.flesch_reading_ease(sentences))))


def level(score):
    """The score in words, for the panel."""
    if score >= 70:
        return _l("facile à lire")
    if score >= 50:
        return _l("moyennement facile à lire")
    return _l("difficile à lire")


@dataclass(frozen=True)
class Report:
    """What the panel under an easy-to-read text shows: its hints and its score."""

    text: str
    locale: str
    hints: list
    score: int | None

    @property
    def level(self):
        return None if self.score is None else level(self.score)


def report(text, locale="fr"):
    return Report(text or "", locale, check(text, locale), readability(text, locale))
