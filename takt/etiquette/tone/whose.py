"""Whether an apology or a show of interest is the writer's own saying, read from the words
around it: quoted or part of a compound, asked about, said by someone the sentence names,
forgiving rather than asking forgiveness, "beklaglig" judging a thing; interest that was,
that is in something other than the job, or that an unreal condition holds.

Word lists name phrases; these rules read how a sentence is built, so that they hold for
words nobody listed: any name or title before "ber om ursäkt" ("Teamledaren hälsar och ber om
ursäkt"), any phrase in quotation marks ("fick ett 'vi beklagar'-mejl"), any hobby after
"keen on". They read the words as `detectors._words` gives them (lower case, å/ä/ö folded).
`detectors._negated` calls them for each phrase the patterns find.
"""

# Quotation marks: a phrase between them is spoken of, not said ('Det står "vi beklagar" i
# alla avslag'). Swedish opens and closes with the same mark, so all count alike.
_QUOTES = frozenset('"\u201c\u201d\u201e\u00ab\u00bb')

# A question that asks whether to apologise ("Ska jag be om ursäkt?", "Should I apologise to
# him?") speaks of an apology; "Kan du förlåta mig?" and "Får jag be om ursäkt?" make one.
_MODALS = frozenset(
    {"ska", "skall", "skulle", "borde", "bor", "maste", "behover", "behova", "vore", "kanske"}
    | {"should", "shall", "must", "need", "needs", "ought"}
)

# Swedish apology verbs in the present, whose subject may be someone the sentence names.
_APOLOGISING = frozenset(("ber", "beklagar", "skickar", "framfor"))
# "Ledsen" has its subject before "är"/"var": "Konsultchefen ringde och var jätteledsen".
_SAD = frozenset(("ledsen", "ledsna", "jatteledsen", "jatteledsna"))
_BEING_SV = frozenset(("ar", "var"))
# Words that may open a clause before its verb without being its subject: greetings,
# conjunctions and adverbs ("Och återigen ber jag om ursäkt", "Hej, ber om ursäkt").
_OPENERS = frozenset(
    {"och", "men", "sa", "darfor", "aterigen", "igen", "ocksa", "aven", "verkligen", "harmed"}
    | {"nu", "da", "bara", "forst", "annu", "en", "gang", "hej", "hejsan", "hallo", "tack"}
    | {"ja", "nej", "ok", "okej", "jo", "oj", "hmm", "ursakta", "forlat", "sorry"}
)

# The writer as the subject of a clause (possessives like "min" are not: "min chef ber om
# ursäkt" is the manager's apology).
WRITER = frozenset(
    {"jag", "vi", "i", "we", "i'm", "im", "i'd", "i've", "i'll", "we're", "we'd", "we've"}
    | {"we'll", "me", "mig", "oss", "us"}
)

# English words of a person's interest whose subject may be someone else ("The panel was
# keen", "Kim is very interested", "the team would love to meet you").
_FEELING = frozenset(
    {"interested", "keen", "excited", "eager", "enthusiastic", "thrilled", "passionate"}
    | {"motivated", "psyched", "love", "want", "wants"}
)
_BEING = frozenset(
    {"is", "are", "was", "were", "seems", "seemed", "seem", "sounded", "sounds", "looked"}
    | {"looks", "would", "will", "be", "been", "remains", "remained", "felt", "feels", "got"}
)
_BETWEEN = frozenset(
    {"very", "really", "so", "super", "quite", "extremely", "always", "still", "also", "too"}
    | {"genuinely", "particularly", "especially", "clearly", "definitely", "all"}
)
# A subject that points at the sentence itself, not at a person ("It would be great to …",
# "That sounds exciting"), or that may be the writer ("who").
_NOBODY = frozenset(("it", "that", "this", "there", "which", "who", "what", "it'd", "that'd"))
# The beginnings of contractions that keep interest the writer's ("I'd love", "we're keen",
# "it'd be great"); any other ("you'd", "she's", "they're") names someone else.
_CONTRACTED = frozenset(("i", "we", "it", "that", "there", "what", "who", "im"))
_VERBS = frozenset(("d", "re", "s", "ll", "ve", "m"))


def quoted(text: str, start: int, end: int) -> bool:
    """True when text[start:end] stands between quotation marks on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    before = sum(sign in _QUOTES for sign in text[line_start:start])
    after = sum(sign in _QUOTES for sign in text[end : None if line_end < 0 else line_end])
    return before % 2 == 1 and after > 0


def asked_about(before: list[str], asks: bool) -> bool:
    """True when the clause is a question and a modal verb stands before the phrase in it."""
    return asks and any(word in _MODALS for word in before)


def apologised_by_other(before: list[str], said: list[str], after: list[str]) -> bool:
    """True when a Swedish apology verb in the present has a subject before it that is not
    the writer: "HR ber om ursäkt", "Johan hälsar och ber om ursäkt", "Referenspersonen
    skickar sina ursäkter". `before` is the clause up to the phrase, `after` what follows."""
    words = [*before, *said]
    verb = _verb_at(words, len(before))
    if verb is None:
        return False
    ahead = words[:verb]
    if any(word in WRITER for word in ahead[-3:]) or (after[:1] and after[0] in WRITER):
        return False
    if verb + 1 < len(words) and words[verb + 1] in WRITER:
        return False  # "Därför ber jag om ursäkt"
    # Swedish puts the verb second: the subject is the one word before it, or a name and a
    # verb joined to it by "och" ("Johan hälsar och ber").
    if len(ahead) == 3 and ahead[-1] == "och":
        ahead = ahead[:1]
    subject = [word for word in ahead if word not in _OPENERS]
    return 0 < len(subject) <= 2 and len(ahead) <= 2


def _verb_at(words: list[str], phrase: int) -> int | None:
    """Where the apology verb stands: the phrase itself ("beklagar"), "ber … om" a few words
    before "ursäkt", or "är"/"var" just before "ledsen"."""
    if phrase < len(words) and words[phrase] in _APOLOGISING:
        return phrase
    sad = phrase < len(words) and words[phrase] in _SAD
    verbs = _APOLOGISING | _BEING_SV if sad else _APOLOGISING
    for at in range(phrase - 1, max(-1, phrase - (3 if sad else 5)), -1):
        if words[at] in verbs:
            return at
    return None


def _adverb(word: str) -> bool:
    """A word that may stand between a verb and the feeling ("is incredibly keen")."""
    return word in _BETWEEN or (len(word) > 4 and word.endswith("ly"))


def interested_other(before: list[str], said: list[str]) -> bool:
    """True when an English word of interest is said of someone the clause names before it:
    "The panel was keen to hear more", "Kim is very interested", "the team would love to meet
    you", "Recruiters are always keen to say …"."""
    feeling = next((at for at, word in enumerate(said) if word in _FEELING), None)
    if feeling is None:
        return False
    words = [*before, *said[:feeling]]  # "would love": the feeling is the phrase's second word
    at = len(words)
    while at and _adverb(words[at - 1]):
        at -= 1
    while at and words[at - 1] in ("be", "been"):
        at -= 1
    if asked_of_other(words[:at]) or (at and words[at - 1] in _READER):
        return True  # "Are you still keen?", "u still keen for Thursday?"
    who, _, verb = words[at - 1].partition("'") if at else ("", "", "")
    if verb in _VERBS:
        # "if you'd be interested", "they're keen": a subject and its verb in one word.
        return who not in _CONTRACTED
    if not at or words[at - 1] not in _BEING:
        return False
    while at and words[at - 1] in _BEING:
        at -= 1
    subject = words[:at]
    # The subject's last word names who: "My manager and I are keen", "I think the team is keen".
    return bool(subject) and subject[-1] not in WRITER and subject[-1] not in _NOBODY


# Forgiving is not apologising ("Vi har förlåtit leverantören"), unless the writer asks for it
# ("Kan du förlåta mig?"); "förlåt" itself and "ber om förlåtelse" apologise.
_FORGIVING = frozenset(
    ("forlater", "forlatit", "forlata", "forlatande", "forlaten", "forlatet", "forlatna")
)
# "Kan du förlåta mig?", "Hoppas du kan förlåta att jag dröjt".
_ASKED_FOR = frozenset(("mig", "mej", "oss", "jag", "vi"))


def forgiving(said: list[str], after: list[str]) -> bool:
    """True when a Swedish word of forgiving is not the writer asking to be forgiven."""
    return bool(said) and said[0] in _FORGIVING and not _ASKED_FOR & set(after[:3])


def compound(text: str, start: int, end: int) -> bool:
    """True when a one-word phrase is the first part of a compound ("Sorry-mejl",
    "interest-free"): it names a kind of thing, it is not said."""
    one_word = len(text[start:end].split()) == 1
    return one_word and text[end : end + 1] == "-" and text[end + 1 : end + 2].isalpha()


# Interest in the past that the sentence then turns from ("I was very interested in the role
# at first, but …", "I used to be keen on consulting"), or that has gone ("my enthusiasm for
# the position has faded").
_WAS = frozenset(("was", "were", "used", "had"))
# Words between "was"/"used to be"/"had" and the feeling: "I had a keen interest".
_ON_THE_WAY = frozenset(("be", "been", "to", "a", "an", "real", "genuine", "great", "strong"))
_TURNS = frozenset(
    ("but", "until", "though", "however", "first", "initially", "originally", "anymore", "ago")
)
_GONE = frozenset(
    {"faded", "waned", "cooled", "dwindled", "evaporated", "disappeared", "vanished", "died"}
    | {"gone", "dropped", "diminished", "worn", "fizzled", "dimmed", "wane", "fade"}
)


def interest_past(before: list[str], said: list[str], rest: list[str]) -> bool:
    """True when English interest is told of in the past and the sentence turns from it, or
    the rest of the sentence says it has gone. `rest` is the sentence after the phrase."""
    if set(rest) & _GONE:
        return True
    words = [*before, *said[:1]]
    at = len(words) - 1
    while at and (_adverb(words[at - 1]) or words[at - 1] in _ON_THE_WAY):
        at -= 1
    return bool(at) and words[at - 1] in _WAS and bool(set(rest) & _TURNS)


# "Beklaglig" judges something ("en beklaglig utveckling", "Bemötandet var beklagligt"); only
# "det är beklagligt att …" says regret, and it apologises when it is about the writer and
# the reader.
_DEPLORABLE = frozenset(("beklaglig", "beklagligt"))
_IS = frozenset(("ar", "var", "vore", "kanns", "kandes"))
_DEGREE = frozenset(("verkligen", "mycket", "oerhort", "djupt", "sa", "valdigt", "jatte"))


def judged(before: list[str], said: list[str], after: list[str]) -> bool:
    """True when "beklaglig" is said of a thing rather than as "det är beklagligt" or
    "beklagligt nog"."""
    if not said or said[0] not in _DEPLORABLE or after[:1] == ["nog"]:
        return False
    words = list(before)
    while words and words[-1] in _DEGREE:
        words.pop()
    said_of_it = words[-1:] and words[-1] in _IS and {"det", "detta"} & set(words[-3:-1])
    return not said_of_it


# Words that call for attention before a question ("Ursäkta mig, vet du om …?", "Excuse me,
# is this the right floor?"): they ask, they do not apologise.
_ATTENTION = frozenset(("ursakta", "excuse"))
_ME = frozenset(("mig", "mej", "me"))


def calls_for_attention(before: list[str], said: list[str], rest: list[str], asks: bool) -> bool:
    """True when the phrase is a bare "Ursäkta (mig)" or "Excuse me" in a question.
    `rest` is the clause after the phrase, `asks` whether its sentence is a question."""
    bare = not before and bool(said) and said[0] in _ATTENTION
    return asks and bare and all(word in _ME for word in [*said[1:], *rest])


# The reader named right before the feeling, the verb left out ("u still keen?").
_READER = frozenset(("you", "u", "ya", "y'all"))

# A question puts its verb before the subject ("Are you still keen?", "Does Ben want the
# job?"), so the subject is the word after the verb.
_ASKING = frozenset(
    {"are", "is", "was", "were", "do", "does", "did", "would", "will", "could", "can"}
    | {"should", "have", "has"}
)


def asked_of_other(words: list[str]) -> bool:
    """True when `words`, the clause up to a feeling word (adverbs left off), end with a
    question's verb and a subject that is not the writer."""
    if len(words) < 2 or words[-2] not in _ASKING:
        return False
    return words[-1] not in WRITER and words[-1] not in _NOBODY


# What interest may be in: the job and the meeting with the reader. A feeling word followed by
# what it is about ("keen on rock climbing", "interested in a pottery workshop", "excited about
# the new flat") is interest in that, unless those words touch the job, the reader or the
# meeting ("keen on the role", "excited about Thursday", "interested in what you're building").
# Only "about", "in", "on": what follows "to" is often a step of the process ("keen to
# proceed", "excited to continue"), too many to list.
_ABOUT = frozenset(("about", "in", "on"))
_FEELINGS = (_FEELING | frozenset(("curious", "interest"))) - frozenset(("love", "want", "wants"))
_OBJECT_REACH = 5
_STRANDED = frozenset(("for", "since", "all", "and", "but", "so", "because", "ever", "now"))
_JOB = frozenset(
    {"role", "roles", "position", "job", "jobs", "post", "opportunity", "opportunities"}
    | {"company", "team", "teams", "firm", "organisation", "organization", "vacancy", "career"}
    | {"interview", "interviews", "interviewing", "meeting", "meet", "call", "chat", "chatting"}
    | {"conversation", "process", "offer", "work", "working", "join", "joining", "talk"}
    | {"talking", "speak", "speaking", "discuss", "discussing", "hear", "hearing", "learn"}
    | {"learning", "contribute", "contributing", "start", "starting", "next", "step", "steps"}
    | {"you", "your", "yours", "u", "ur", "ya", "it", "this", "that", "them", "us", "there"}
    | {"here", "everyone", "all", "department", "project", "projects", "product", "products"}
    | {"monday", "tuesday", "wednesday", "thursday", "friday", "tomorrow", "week", "date"}
    | {"slot", "visit", "panel", "manager", "business", "mission", "culture", "vision"}
    | {"challenge", "challenges", "responsibilities", "tasks", "duties", "industry", "field"}
    | {"considered", "part", "onboard", "aboard", "again", "more", "soon", "back", "news"}
    | {"continuing", "recruitment", "application", "assignment", "case", "round", "what"}
    | {"you're", "you've", "progressing", "proceeding", "possibility", "prospect", "there's"}
)


def interest_elsewhere(said: list[str], after: list[str], named: bool) -> bool:
    """True when a feeling word is followed by what it is about and nothing of it touches the
    job, the reader or the meeting. `after` is the rest of the clause; `named` whether it
    holds a capitalised name, which may be the employer's ("my interest in Northwind")."""
    words = [*said, *after]
    feeling = next((at for at, word in enumerate(words) if word in _FEELINGS), None)
    if feeling is None:
        return False
    rest = words[feeling + 1 :]
    if not rest or rest[0] not in _ABOUT:
        return False
    thing = rest[1 : 1 + _OBJECT_REACH]
    if named or not thing or thing[0] in _STRANDED:
        return False  # "something I've been excited about for weeks": no object follows
    return not _JOB & set(thing) and not any(word.endswith("'s") for word in thing)


def counterfactual(sentence: list[str]) -> bool:
    """True when the sentence is an unreal condition ("I'd be excited about the role if it were
    remote", "If the salary were higher, I'd be more interested"): interest that is not."""
    return "if" in sentence and "were" in sentence and bool({"would", "i'd", "id"} & set(sentence))
