"""Small iCalendar texts for the reader's tests."""

from datetime import UTC, datetime


def calendar(*events: str, header: str = "") -> bytes:
    body = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n" + header
    for event in events:
        body += "BEGIN:VEVENT\n" + event.strip() + "\nEND:VEVENT\n"
    body += "END:VCALENDAR\n"
    return body.replace("\n", "\r\n").encode()


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)
