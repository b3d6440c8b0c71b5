"""The text of a calendar file: its calendars, their zones and their events, cut apart unparsed.

Events are kept as text and parsed one at a time later (events.py), so a whole
parsed calendar never sits in memory, and one broken event stays one broken event.
"""

import contextlib
import re
from dataclasses import dataclass, field

from icalendar import Calendar

from takt.calendars.errors import CalendarError

_FOLD = re.compile(r"\r?\n[ \t]")
_BOUNDARY = re.compile(r"^(BEGIN|END):([A-Za-z0-9-]+)[ \t]*\r?$", re.MULTILINE | re.IGNORECASE)
_X_WR_TIMEZONE = re.compile(r"^X-WR-TIMEZONE(?:;[^:\r\n]*)?:([^\r\n]*)", re.M | re.I)
_RDATE = re.compile(r"^RDATE(?:;[^:\r\n]*)?:([^\r\n]*)", re.M | re.I)
_SUMMARY = re.compile(r"^SUMMARY(?:;[^:\r\n]*)?:([^\r\n]*)", re.M | re.I)


@dataclass
class RawCalendar:
    """One VCALENDAR's text, cut into its own lines, its zones and its events (unparsed)."""

    own_lines: list[str] = field(default_factory=list)
    timezones: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)

    def extra_dates(self) -> int:
        return sum(
            found.group(1).count(",") + 1
            for event in self.events
            for found in _RDATE.finditer(event)
        )

    def x_wr_timezone(self) -> str | None:
        for lines in self.own_lines:
            found = _X_WR_TIMEZONE.search(lines)
            if found:
                return found.group(1).strip()
        return None


def split(data: bytes) -> list[RawCalendar]:
    """The calendars in a text; CalendarError when it is not calendars and nothing else.

    Events are kept as text and parsed one at a time later, so a whole parsed
    calendar never sits in memory, and one broken event stays one broken event.
    """
    text = _FOLD.sub("", data.decode("utf-8-sig", errors="replace"))
    calendars: list[RawCalendar] = []
    current = RawCalendar()
    open_names: list[str] = []
    own_from = block_from = 0
    for match in _BOUNDARY.finditer(text):
        begins, name = match.group(1).upper() == "BEGIN", match.group(2).upper()
        depth = len(open_names)
        if begins:
            if depth == 0:
                if name != "VCALENDAR" or text[own_from : match.start()].strip():
                    raise CalendarError("malformed", detail="no VCALENDAR")
                current = RawCalendar()
                own_from = match.end()
            elif depth == 1:
                current.own_lines.append(text[own_from : match.start()])
                block_from = match.start()
            open_names.append(name)
            continue
        if not open_names or open_names[-1] != name:
            raise CalendarError("malformed", detail=f"END:{name} out of place")
        open_names.pop()
        if depth == 1:
            current.own_lines.append(text[own_from : match.start()])
            calendars.append(current)
            own_from = match.end()
        elif depth == 2:
            block = text[block_from : match.end()]
            if name == "VEVENT":
                current.events.append(block)
            elif name == "VTIMEZONE":
                current.timezones.append(block)
            own_from = match.end()
    if open_names:
        # A cut-off download: the events after the cut are missing.
        raise CalendarError("malformed", detail=f"the text ends inside {open_names[-1]}")
    if not calendars or text[own_from:].strip():
        raise CalendarError("malformed", detail="no VCALENDAR")
    return calendars


def learn_timezones(blocks: list[str]) -> None:
    """Parse the calendar's VTIMEZONEs, which icalendar then uses for their TZIDs."""
    if not blocks:
        return
    # A broken zone leaves its times floating, read in the owner's zone.
    with contextlib.suppress(Exception):
        Calendar.from_ical("BEGIN:VCALENDAR\r\n" + "".join(blocks) + "END:VCALENDAR\r\n")


def summary_of(block: str) -> str | None:
    found = _SUMMARY.search(block)
    return found.group(1).strip().replace("\\,", ",").replace("\\;", ";") if found else None
