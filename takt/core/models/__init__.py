"""The domain of DESIGN.md: workspaces, people, positions, interviews and their changes."""

from takt.core.models.audit import AuditEvent
from takt.core.models.change import Alternative, Change, ContactAttempt, Side
from takt.core.models.event import Event
from takt.core.models.interview import Booking, Interview
from takt.core.models.people import Application, Person, Position
from takt.core.models.workspace import Membership, Workspace

__all__ = [
    "Alternative",
    "Application",
    "AuditEvent",
    "Booking",
    "Change",
    "ContactAttempt",
    "Event",
    "Interview",
    "Membership",
    "Person",
    "Position",
    "Side",
    "Workspace",
]
