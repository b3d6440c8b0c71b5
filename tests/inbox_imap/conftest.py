from tests.imap_server import dovecot  # noqa: F401 (fixture)
from tests.team_fixtures import book, second_candidate  # noqa: F401 (fixtures)
