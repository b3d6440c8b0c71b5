"""Properties of the reader over generated replies: zones, DST, quoted history, signatures."""

import itertools
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, available_timezones

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from takt.replies import read_reply
from takt.scheduling.zones import TimeProblem, localize
from tests.replies.golden_cases import load

WEEKDAYS = {
    "sv": ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}
HOUR_WORDS = {
    "sv": ["ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv"],
    "en": ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
           "eleven", "twelve"],
}  # fmt: skip
ZONES = sorted(
    name for name in available_timezones() if "/" in name and not name.startswith("Etc/")
)
# Days when the clocks change somewhere: around them a weekday must still mean its date.
DST_DAYS = [date(2026, 3, 8), date(2026, 3, 29), date(2026, 4, 5), date(2026, 10, 4),
            date(2026, 10, 25), date(2026, 11, 1)]  # fmt: skip
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def received(draw: st.DrawFn) -> datetime:
    """An instant in 2026, often within a few days before a DST change."""
    if draw(st.booleans()):
        day = draw(st.sampled_from(DST_DAYS)) - timedelta(days=draw(st.integers(0, 7)))
    else:
        day = date(2026, 1, 1) + timedelta(days=draw(st.integers(0, 364)))
    moment = datetime.combine(day, time(), tzinfo=UTC)
    return moment + timedelta(minutes=draw(st.integers(0, 24 * 60 - 1)))


def _meant(written: datetime, zone: ZoneInfo, weekday: int, hour: int) -> datetime | None:
    """The instant "<weekday> at <hour>" names by REPLIES.md, or None when it does not exist."""
    today = written.astimezone(zone).date()
    day = today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)
    clock = hour + 12 if 1 <= hour <= 7 else hour
    try:
        return localize(datetime.combine(day, time(clock)), zone)
    except TimeProblem:
        return None


@SETTINGS
@given(
    language=st.sampled_from(["sv", "en"]),
    zone_name=st.sampled_from(ZONES),
    written=received(),
    weekday=st.integers(0, 6),
    hour=st.integers(1, 12),
    in_words=st.booleans(),
    duration=st.sampled_from([30, 45, 60, 90]),
)
def test_a_weekday_and_an_hour_give_that_window_in_every_zone(
    language: str,
    zone_name: str,
    written: datetime,
    weekday: int,
    hour: int,
    in_words: bool,
    duration: int,
) -> None:
    zone = ZoneInfo(zone_name)
    said = HOUR_WORDS[language][hour - 1] if in_words else str(hour)
    name = WEEKDAYS[language][weekday]
    text = f"{name.capitalize()} kl. {said}" if language == "sv" else f"{name} at {said}"
    request = {
        "text": text,
        "received_at": written.isoformat(),
        "timezone": zone_name,
        "duration_minutes": duration,
        "offered": [],
    }
    answer = read_reply(request)
    meant = _meant(written, zone, weekday, hour)
    if meant is None:
        # A wall time the clocks skip or repeat that day: a person settles it.
        assert answer["intent"] == "unclear" and answer["windows"] == []
        return
    end = meant + timedelta(minutes=duration)
    assert answer["intent"] == "propose", (text, answer)
    assert answer["windows"] == [
        {"start": meant.astimezone(UTC).isoformat(), "end": end.astimezone(UTC).isoformat()}
    ]


@SETTINGS
@given(
    language=st.sampled_from(["sv", "en"]),
    zone_name=st.sampled_from(ZONES),
    written=received(),
    weekday=st.integers(0, 6),
    hour=st.integers(1, 12),
    position=st.integers(0, 2),
)
def test_a_weekday_and_an_hour_that_were_offered_choose_that_offer(
    language: str, zone_name: str, written: datetime, weekday: int, hour: int, position: int
) -> None:
    zone = ZoneInfo(zone_name)
    meant = _meant(written, zone, weekday, hour)
    assume(meant is not None)
    assert meant is not None
    # The other offers fall on other days, at the same wall time or the same instant.
    starts = [meant + timedelta(days=days) for days in (1, 2)]
    starts.insert(position, meant)
    offered = [
        {"start": s.isoformat(), "end": (s + timedelta(hours=1)).isoformat()} for s in starts
    ]
    name = WEEKDAYS[language][weekday]
    text = f"{name} kl. {hour} går bra." if language == "sv" else f"{name} at {hour} works."
    answer = read_reply(
        {
            "text": text,
            "received_at": written.isoformat(),
            "timezone": zone_name,
            "duration_minutes": 60,
            "offered": offered,
        }
    )
    assert (answer["intent"], answer["chosen"]) == ("accept", position), (text, answer)


GOLDEN = [g for g in load("sv") + load("en") if not g.known_miss]
OTHER_DAYS = [
    "Tisdag kl. 10, onsdag kl. 13 eller torsdag kl. 9?",
    "Passar fredag eftermiddag eller nästa vecka?",
    "Does Tuesday at 10 or Wednesday at 1pm work?",
    "We could also do any time next week except Monday.",
    "Jag kan tyvärr inte på onsdag.",
    "None of those work for me.",
    "Vilken som helst av dem går bra.",
    "The second option, please.",
]
SIGNATURES = [
    "Erik Lind\nTelefontid måndag–fredag kl. 8–10\n070-123 45 67",
    "Erik Lind\nOffice hours Monday-Friday 9am-5pm\nOut of office on Fridays",
    "Anna Berg | Norrsken AB\nLedig på fredagar",
]


@st.composite
def history(draw: st.DrawFn) -> tuple[str, str]:
    """Something a mail client adds: where it goes ("after" or "before") and its text."""
    lines = draw(st.lists(st.sampled_from(OTHER_DAYS + [g.request["text"] for g in GOLDEN[:60]]),
                          min_size=1, max_size=4))  # fmt: skip
    quoted = "\n".join("> " + line for text in lines for line in text.split("\n"))
    plain = "\n".join(lines)
    style = draw(st.sampled_from(["gmail_sv", "gmail_en", "outlook_sv", "outlook_en", "apple",
                                  "quoted_only", "signature", "inline_above"]))  # fmt: skip
    if style == "gmail_sv":
        return (
            "after",
            f"\n\nDen mån 4 maj 2026 kl 08:40 skrev Anna Berg <anna@x.example>:\n{quoted}",
        )
    if style == "gmail_en":
        return (
            "after",
            f"\n\nOn Mon, 4 May 2026 at 08:40, Anna Berg <anna@x.example> wrote:\n{quoted}",
        )
    if style == "outlook_sv":
        return "after", (
            "\n\nFrån: Anna Berg <anna@x.example>\nSkickat: den 4 maj 2026 08:40\n"
            f"Till: Erik Lind\nÄmne: Intervju\n\n{plain}"
        )
    if style == "outlook_en":
        return "after", (
            "\n\nFrom: Anna Berg <anna@x.example>\nSent: Monday, May 4, 2026 8:40 AM\n"
            f"To: Erik Lind\nSubject: Interview\n\n{plain}"
        )
    if style == "apple":
        return "after", f"\n\n> On 4 May 2026, at 08:40, Anna Berg wrote:\n>\n{quoted}"
    if style == "signature":
        return "after", "\n\n-- \n" + draw(st.sampled_from(SIGNATURES))
    if style == "inline_above":
        return "before", quoted + "\n"
    return "after", "\n\n" + quoted


@settings(max_examples=400, deadline=None)
@given(golden=st.sampled_from(GOLDEN), added=history())
def test_a_quoted_history_or_a_signature_never_changes_the_answer(golden, added) -> None:
    where, extra = added
    text = golden.request["text"]
    longer = extra + text if where == "before" else text + extra
    assert read_reply({**golden.request, "text": longer}) == read_reply(golden.request)


FRAGMENT_TEXT = (
    "onsdag tisdag fredag nästa vecka kl. 13 13.00 halv tre kvart över nio efter lunch före 10 "
    "mellan och 13–16 den första alternativ 3 vilken som helst utom inte går bra passar ? . , men "
    "6 maj 6/5 i morgon idag Monday Friday at 1pm noon next week except not works none of those "
    "the second option any of them 1-4pm -- > Den skrev: On wrote: Från: Skickat: Mvh 24 0 99 "
    "31/2 30 feb 12am 0:00 halv ett kvart i ett"
)
FRAGMENTS = FRAGMENT_TEXT.split()


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=5), max_size=25),
    language=st.sampled_from([None, "sv", "en"]),
    starts=st.lists(st.integers(0, 6), max_size=3),
)
def test_whatever_the_words_the_answer_keeps_the_contracts_shape(words, language, starts) -> None:
    offered = [
        {"start": f"2026-05-0{5 + i % 3}T1{i}:00:00+02:00",
         "end": f"2026-05-0{5 + i % 3}T1{i}:30:00+02:00"}
        for i in starts
    ]  # fmt: skip
    request = {
        "text": " ".join(words),
        "received_at": "2026-05-04T09:12:00+02:00",
        "timezone": "Europe/Stockholm",
        "duration_minutes": 30,
        "offered": offered,
    }
    if language:
        request["language"] = language
    answer = read_reply(request)
    assert answer["intent"] in ("accept", "propose", "decline", "withdraw", "unclear")
    assert (answer["chosen"] is not None) == (answer["intent"] == "accept")
    assert answer["chosen"] is None or 0 <= answer["chosen"] < len(offered)
    windows = answer["windows"]
    assert answer["intent"] == "propose" or windows == []
    for window in windows:
        assert window["start"].endswith("+00:00") and window["end"].endswith("+00:00")
        assert window["end"] > window["start"]
    for first, second in itertools.pairwise(windows):
        assert first["end"] < second["start"]  # sorted and merged
