"""Replies shaped as real mail clients send them, for delivery into the test IMAP server.

Each builder takes the address Takt's message came from (the Reply-To token, or a
plain address when the thread headers are to find the change), the writer's own
words, and returns the RFC 822 bytes as that client would put them on the wire:
its MIME layout, transfer encoding, charset and way of quoting the message it
answers. The quoted part always names other days and times than the words do,
so a reader that let the history in would give another answer.
"""

import base64
import quopri
from dataclasses import dataclass
from email.header import Header

ERIK = "Erik Lind <erik@example.se>"


@dataclass(frozen=True)
class Reply:
    """One reply: how it was sent, the writer's own words and the raw mail."""

    client: str
    words: str
    raw: bytes


def _qp(text: str, charset: str) -> str:
    return quopri.encodestring(text.encode(charset)).decode("ascii")


def _b64(text: str, charset: str) -> str:
    return base64.encodebytes(text.encode(charset)).decode("ascii")


def _head(to: str, subject: str, date: str, message_id: str, sender: str, extra: str = "") -> str:
    return (
        f"From: {sender}\r\n"
        f"To: {to}\r\n"
        f"Subject: {Header(subject, 'utf-8').encode()}\r\n"
        f"Date: {date}\r\n"
        f"Message-ID: <{message_id}>\r\n"
        f"{extra}"
        "MIME-Version: 1.0\r\n"
    )


def gmail_swedish(to: str, words: str, *, message_id: str, sender: str = ERIK) -> Reply:
    """Gmail: multipart/alternative, UTF-8 quoted-printable, 'Den … skrev:' and a blockquote."""
    plain = (
        f"Hej Anna!\n\n{words}\n\nMvh Erik\n\n"
        "Den mån 4 maj 2026 kl 10:12 skrev Anna Berg <anna@norrsken.example>:\n\n"
        "> Hej Erik! Passar tisdag 5 maj kl. 14.00? Annars fredag efter lunch.\n"
        "> Hälsningar, Anna\n"
    )
    html = (
        f'<div dir="ltr"><div>Hej Anna!</div><div><br></div><div>{words}</div><div><br></div>'
        '<div>Mvh Erik</div></div><br><div class="gmail_quote"><div dir="ltr" '
        'class="gmail_attr">Den mån 4 maj 2026 kl 10:12 skrev Anna Berg &lt;'
        'anna@norrsken.example&gt;:<br></div><blockquote class="gmail_quote" style="margin:0 '
        '0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex">Hej Erik! Passar tisdag 5 maj '
        "kl. 14.00? Annars fredag efter lunch.<br>Hälsningar, Anna</blockquote></div>"
    )
    raw = (
        _head(
            to, "Re: Nya tider för intervjun", "Mon, 4 May 2026 10:30:00 +0200", message_id, sender
        )
        + 'Content-Type: multipart/alternative; boundary="000000000000a1b2c3"\r\n\r\n'
        "--000000000000a1b2c3\r\n"
        'Content-Type: text/plain; charset="UTF-8"\r\n'
        "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        f"{_qp(plain, 'utf-8')}\r\n"
        "--000000000000a1b2c3\r\n"
        'Content-Type: text/html; charset="UTF-8"\r\n'
        "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        f"{_qp(html, 'utf-8')}\r\n"
        "--000000000000a1b2c3--\r\n"
    )
    return Reply("Gmail (sv, quoted-printable UTF-8)", words, raw.encode("ascii"))


def outlook_html_only(to: str, words: str, *, message_id: str, sender: str = ERIK) -> Reply:
    """Outlook: HTML only, base64, windows-1252, the 'From: … Sent: …' header block."""
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=Windows-1252">'
        '<style>p{margin:0}</style></head><body dir="ltr">'
        f'<div style="font-family:Calibri,Arial"><p>Hi Anna,</p><p>{words}</p>'
        "<p>Kind regards,<br>Erik Lind</p></div>"
        '<hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" '
        'dir="ltr"><font face="Calibri" color="#000000"><b>From:</b> Anna Berg &lt;'
        "anna@norrsken.example&gt;<br><b>Sent:</b> Monday, May 4, 2026 10:12 AM<br>"
        "<b>To:</b> Erik Lind &lt;erik@example.se&gt;<br><b>Subject:</b> New times for your "
        "interview</font></div><div><p>Could you do Tuesday 5 May at 14:00? Björn will join "
        "us. Otherwise Friday after lunch works for us.</p></div></body></html>"
    )
    raw = (
        _head(
            to,
            "RE: New times for your interview",
            "Mon, 4 May 2026 08:40:00 +0000",
            message_id,
            sender.replace("Erik Lind", "=?windows-1252?Q?Erik_Lind?="),
            "Thread-Topic: New times for your interview\r\n",
        )
        + 'Content-Type: text/html; charset="windows-1252"\r\n'
        "Content-Transfer-Encoding: base64\r\n\r\n"
        f"{_b64(html, 'cp1252')}\r\n"
    )
    return Reply("Outlook (en, HTML only, base64 windows-1252)", words, raw.encode("ascii"))


def outlook_swedish_plain(to: str, words: str, *, message_id: str, sender: str = ERIK) -> Reply:
    """Outlook in Swedish, plain text in windows-1252 quoted-printable, 'Från: … Skickat: …'."""
    plain = (
        f"Hej,\n\n{words}\n\nVänliga hälsningar\nErik Lind\n\n"
        "Från: Anna Berg <anna@norrsken.example>\n"
        "Skickat: den 4 maj 2026 10:12\n"
        "Till: Erik Lind <erik@example.se>\n"
        "Ämne: Nya tider för intervjun\n\n"
        "Hej Erik! Passar tisdag 5 maj kl. 14.00? Annars går torsdag bra.\n"
    )
    raw = (
        _head(
            to, "SV: Nya tider för intervjun", "Mon, 4 May 2026 11:02:00 +0200", message_id, sender
        )
        + 'Content-Type: text/plain; charset="windows-1252"\r\n'
        "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        f"{_qp(plain, 'cp1252')}\r\n"
    )
    return Reply("Outlook (sv, plain, quoted-printable windows-1252)", words, raw.encode("ascii"))


def apple_mail_plain(
    in_reply_to: str, words: str, *, message_id: str, sender: str = ERIK, swedish: bool = False
) -> Reply:
    """Apple Mail: plain ISO-8859-1 quoted-printable, 'On … wrote:', found by its thread only."""
    if swedish:
        tail = (
            "Skickat från min iPhone\n\n"
            "4 maj 2026 kl. 10:12 skrev Anna Berg <anna@norrsken.example>:\n\n"
            "> Passar tisdag kl. 14.00? Annars onsdag, eller det första förslaget.\n"
        )
    else:
        tail = (
            "Sent from my iPhone\n\n"
            "On 4 May 2026, at 10:12, Anna Berg <anna@norrsken.example> wrote:\n\n"
            "> Would Tuesday at 14:00 work? Otherwise Thursday, or the second option.\n"
        )
    plain = f"{words}\n\nErik\n\n{tail}"
    raw = (
        _head(
            "Anna Berg <noreply@takt.example>",
            "Re: Nya tider" if swedish else "Re: New times",
            "Mon, 4 May 2026 10:45:00 +0200",
            message_id,
            sender,
            f"In-Reply-To: {in_reply_to}\r\nReferences: <older@takt.example> {in_reply_to}\r\n",
        )
        + "Content-Type: text/plain; charset=iso-8859-1\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        f"{_qp(plain, 'iso-8859-1')}\r\n"
    )
    language = "sv" if swedish else "en"
    return Reply(
        f"Apple Mail ({language}, plain, quoted-printable ISO-8859-1)", words, raw.encode("ascii")
    )


def apple_mail_html_only(to: str, words: str, *, message_id: str, sender: str = ERIK) -> Reply:
    """Apple Mail in Swedish: HTML only, UTF-8 base64, a 'Den … skrev' line and blockquote cite."""
    html = (
        '<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>'
        '<body dir="auto"><div dir="ltr"></div><div dir="ltr">'
        f'{words}</div><div dir="ltr"><br></div><div dir="ltr">/Erik</div>'
        '<div dir="ltr"><br><blockquote type="cite">Den 4 maj 2026 kl. 10:12 skrev Anna Berg '
        "&lt;anna@norrsken.example&gt;:<br><br></blockquote></div>"
        '<blockquote type="cite"><div dir="ltr">Hej Erik! Torsdag kl. 14.00 eller onsdag '
        "kl. 14.00?</div></blockquote></body></html>"
    )
    raw = (
        _head(to, "Re: Nya tider", "Mon, 4 May 2026 10:50:00 +0200", message_id, sender)
        + "Content-Type: text/html; charset=utf-8\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n"
        f"{_b64(html, 'utf-8')}\r\n"
    )
    return Reply("Apple Mail (sv, HTML only, base64 UTF-8)", words, raw.encode("ascii"))
