"""Pure reply reader: what "Onsdag kl. 13 går bra" means, to the contract of REPLIES.md.

Imports nothing from Django; JSON-shaped data in, JSON-shaped data out.
"""

from takt.replies.reader import answer, read_reply
from takt.replies.request import ReplyRequest, parse_reply_request

__all__ = ["ReplyRequest", "answer", "parse_reply_request", "read_reply"]
