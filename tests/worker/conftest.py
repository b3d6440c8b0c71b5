from tests.servers import smtp_server  # noqa: F401 (fixture)
