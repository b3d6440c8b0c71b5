"""Where a zone's calendar days and UTC offsets begin and end, in microseconds.

Slot times are aligned on the local wall clock ("10:00, 10:15"), so the search
needs the local offset; asking zoneinfo once per stretch of constant offset,
instead of once per candidate time, keeps the search loop in integer arithmetic.
"""

from typing import NamedTuple
from zoneinfo import ZoneInfo

from takt.scheduling.epoch import DAY_US, from_us, span_us


class Stretch(NamedTuple):
    """[start, end) in UTC microseconds, all on one local date at one UTC offset."""

    start: int
    end: int
    offset: int  # local wall time minus UTC, in microseconds
    midnight: int  # the local date's 00:00 as wall-clock microseconds since 1970-01-01
    day: int  # the local date as days since 1970-01-01


class LocalDays:
    """Cuts time into stretches of one local date and one offset in `tz`."""

    def __init__(self, tz: ZoneInfo) -> None:
        self.tz = tz

    def offset_us(self, instant_us: int) -> int:
        """The zone's offset from UTC at that instant."""
        offset = from_us(instant_us).astimezone(self.tz).utcoffset()
        assert offset is not None
        return span_us(offset)

    def stretch(self, instant_us: int) -> Stretch:
        """The stretch from `instant_us` until the local date or the offset changes."""
        offset = self.offset_us(instant_us)
        wall = instant_us + offset
        day = wall // DAY_US
        # Where the wall clock reaches midnight if the offset holds until then.
        end = instant_us + (day + 1) * DAY_US - wall
        if self.offset_us(end - 1) != offset:
            # The clocks change before midnight: find the first instant of the new offset.
            same, changed = instant_us, end - 1
            while changed - same > 1:
                middle = (same + changed) // 2
                if self.offset_us(middle) == offset:
                    same = middle
                else:
                    changed = middle
            end = changed
        return Stretch(instant_us, end, offset, day * DAY_US, day)
