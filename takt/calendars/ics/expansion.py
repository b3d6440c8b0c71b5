"""dateutil's recurrence scan, each instant and each period it scans counted against the budget.

dateutil yields nothing while a rule matches no day, so counting what it yields
cannot stop a rule that scans to the year 9999; its per-period helper is
replaced here by one that counts every period it builds and stops past the window.
"""

from contextvars import ContextVar
from datetime import date, datetime, timedelta
from typing import Any

import dateutil.rrule
from dateutil.rrule import rrule

from takt.calendars.errors import CalendarError
from takt.calendars.ics.budget import Budget
from takt.calendars.ics.events import Skip

_DAY = timedelta(days=1)


def counted(rule: rrule, low: datetime, last: datetime, budget: Budget) -> list[datetime]:
    """The rule's instants from `low` to `last`, each instant and scanned period a step."""
    stop = (last.astimezone(rule._dtstart.tzinfo) if last.tzinfo else last).date() + _DAY  # type: ignore[attr-defined]
    token = _SCAN.set(_Scan(budget, stop))
    found = []
    try:
        for instant in rule:
            budget.step()
            if instant > last:
                break
            if instant >= low:
                found.append(instant)
                if len(found) > budget.limits.max_occurrences:
                    raise CalendarError("too_many_occurrences", limit=budget.limits.max_occurrences)
    except _PastWindow:
        pass
    except (ValueError, OverflowError) as error:
        raise Skip("bad_rule") from error
    finally:
        _SCAN.reset(token)
    return found


class _PastWindow(Exception):
    """dateutil reached periods after the window: nothing more can be asked of it."""


class _Scan:
    def __init__(self, budget: Budget, stop: date) -> None:
        self.budget = budget
        self.stop = stop
        self.day = date.min

    def period(self, first_day: date) -> None:
        # A day scanned counts once, however many hours or minutes it is scanned in.
        if first_day != self.day:
            self.day = first_day
            self.budget.step()
        if first_day > self.stop:
            raise _PastWindow


_SCAN: ContextVar[_Scan | None] = ContextVar("takt_rrule_scan", default=None)


def _period(year: int, month: int, day: int, back: int = 0) -> None:
    """Count a period dateutil scans; it begins at most `back` days before year-month-day."""
    scan = _SCAN.get()
    if scan is not None:
        try:
            first_day = date(year, month, day) - timedelta(days=back)
        except (ValueError, OverflowError):
            first_day = date.max
        scan.period(first_day)


_IterInfo: Any = dateutil.rrule._iterinfo  # type: ignore[attr-defined]


class _CountedPeriods(_IterInfo):  # type: ignore[misc]
    """dateutil's per-period helper, counting each period it scans.

    dateutil yields nothing while a rule matches no day (FREQ=MINUTELY;BYMONTH=2;
    BYMONTHDAY=30 scans day by day to the year 9999, whatever UNTIL says), so a
    count of yielded instants cannot stop it; each period it builds passes here.
    Outside a read (no _Scan set) this is dateutil unchanged. (No __slots__ of
    its own: dateutil's __init__ sets every name in `self.__slots__`.)
    """

    def ydayset(self, year: int, month: int, day: int) -> Any:
        _period(year, 1, 1)
        return super().ydayset(year, month, day)

    def mdayset(self, year: int, month: int, day: int) -> Any:
        _period(year, month, 1)
        return super().mdayset(year, month, day)

    def wdayset(self, year: int, month: int, day: int) -> Any:
        # The week holding that day may have begun up to six days before it.
        _period(year, month, day, back=6)
        return super().wdayset(year, month, day)

    def ddayset(self, year: int, month: int, day: int) -> Any:
        _period(year, month, day)
        return super().ddayset(year, month, day)


dateutil.rrule._iterinfo = _CountedPeriods  # type: ignore[attr-defined]
