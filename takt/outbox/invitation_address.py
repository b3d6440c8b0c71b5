"""The invitation's ORGANIZER: an address that reaches Takt, in the recruiter's name.

Calendar clients send their answers (iTIP REPLY, COUNTER) to the ORGANIZER,
never to Reply-To, so a team's invitation names
`invite+<interview id>.<signature>@TAKT_REPLY_DOMAIN` with the recruiter's name as
CN, and the e-mail's From is that same name and address (RFC 6047, 2.2 and 3).
The address is bound to the interview, not to one message or change: an
invitation lives as long as its interview, and clients keep answering the
ORGANIZER of the first REQUEST they saw, so it must not change between
updates. The recruiter's own address stays in the invitation as an ATTENDEE
with ROLE=CHAIR. With no reply domain set, or for a job seeker's own file,
the ORGANIZER is the person, as before.
"""

import re
from email.headerregistry import Address

from django.conf import settings
from django.core import signing
from icalendar.parser import Contentline

from takt.core.models import Interview

SALT = "takt.invitation-organizer"
_TOKEN = re.compile(r"invite\+(\d+\.[\w-]+)@", re.IGNORECASE)
_ORGANIZER_LINE = re.compile(r"^ORGANIZER[;:].*$", re.MULTILINE)

Party = tuple[str, str]  # (name, e-mail address)


def _signer() -> signing.Signer:
    return signing.Signer(salt=SALT, sep=".")


def _domain() -> str:
    return str(getattr(settings, "TAKT_REPLY_DOMAIN", "") or "")


def organizer_address(interview: Interview) -> str:
    """The interview's own Takt address, or "" when answers cannot reach Takt."""
    domain = _domain()
    if not domain or interview.pk is None or not interview.workspace.is_team:
        return ""
    return f"invite+{_signer().sign(str(interview.pk))}@{domain}"


def organizer_and_chair(interview: Interview, recruiter: Party) -> tuple[Party, Party | None]:
    """ORGANIZER (Takt's address in the recruiter's name) and the recruiter as CHAIR, if any."""
    address = organizer_address(interview)
    if not address:
        return recruiter, None
    name, email = recruiter
    # A recruiter without an address of their own came back as Takt's sender address.
    chair = (name, email) if email and email != settings.DEFAULT_FROM_EMAIL else None
    return (name or "Takt", address), chair


def interview_id_in(addresses: str) -> int | None:
    """The interview whose organizer address is among `addresses`; None for none or a forgery."""
    for token in _TOKEN.findall(addresses or ""):
        try:
            return int(_signer().unsign(token))
        except (signing.BadSignature, ValueError):
            continue
    return None


def sender_for(ical: str) -> str:
    """The From of an e-mail carrying `ical`: its ORGANIZER if that is Takt's address, else ""."""
    domain = _domain()
    if not ical or not domain:
        return ""
    unfolded = ical.replace("\r\n ", "").replace("\r\n\t", "").replace("\n ", "")
    found = _ORGANIZER_LINE.search(unfolded)
    if found is None:
        return ""
    _name, params, value = Contentline(found.group(0).rstrip("\r")).parts()
    address = str(value).removeprefix("mailto:").removeprefix("MAILTO:")
    if not _TOKEN.match(address) or not address.lower().endswith("@" + domain):
        return ""
    return str(Address(display_name=str(params.get("CN", "")), addr_spec=address))
