"""The domain of DESIGN.md: workspaces, people, positions, interviews and their changes."""

from takt.interviews.models.audit import AuditEvent
from takt.interviews.models.change import Alternative, Change, ContactAttempt
from takt.interviews.models.interview import Booking, Interview
from takt.interviews.models.people import Application, Person, Position
from takt.interviews.models.workspace import Membership, Workspace

__all__ = [
    "Alternative",
    "Application",
    "AuditEvent",
    "Booking",
    "Change",
    "ContactAttempt",
    "Interview",
    "Membership",
    "Person",
    "Position",
    "Workspace",
]
