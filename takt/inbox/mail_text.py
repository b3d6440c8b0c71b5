"""The words of an RFC 822 mail as text: plain part first, HTML made plain, any charset."""

import email
import email.policy
import re
from email.message import EmailMessage, MIMEPart
from html import unescape
from html.parser import HTMLParser

# Tags after which a line ends, so quoted headers ("On … wrote:") keep a line of their own.
_BLOCKS = {"p", "div", "br", "tr", "li", "blockquote", "h1", "h2", "h3", "hr", "table"}
_HIDDEN = {"style", "script", "head", "title"}


def parse(raw: bytes) -> EmailMessage:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def words_of(message: EmailMessage) -> str:
    """The body as plain text: the plain part if there is one, else the HTML one made plain."""
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    content = _content(part)
    if part.get_content_subtype() == "html":
        return html_to_text(content)
    return content


def _content(part: MIMEPart) -> str:
    try:
        text = part.get_content()
    except (LookupError, UnicodeError):
        # An unknown or lying charset: the bytes as Latin-1 still show the words.
        payload = part.get_payload(decode=True)
        text = payload.decode("latin-1") if isinstance(payload, bytes) else ""
    return str(text).replace("\r\n", "\n")


class _Plain(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.hidden = 0
        self.quoted = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        if tag in _BLOCKS:
            self.out.append("\n")
        if tag == "blockquote":
            self.quoted += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        if tag == "blockquote":
            self.quoted = max(0, self.quoted - 1)
        if tag in _BLOCKS:
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        text = re.sub(r"\s+", " ", data)
        if self.quoted and text.strip():
            # A quoted part reads as quoted text does: every line starts with ">".
            text = "> " + text.strip()
        self.out.append(text)


def html_to_text(html: str) -> str:
    parser = _Plain()
    parser.feed(html)
    parser.close()
    lines = [line.strip() for line in unescape("".join(parser.out)).split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
