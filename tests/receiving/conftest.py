from tests.team_fixtures import (  # noqa: F401 (fixtures)
    _clear_cache,
    book,
    recruiter_client,
    second_candidate,
)
