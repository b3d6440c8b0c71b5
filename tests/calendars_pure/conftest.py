from tests.servers import radicale_server, smtp_server  # noqa: F401 (fixtures)
