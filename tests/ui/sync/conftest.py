from tests.server.conftest import db_url, free_port, live_server, postgres, store  # noqa: F401  (fixtures)
from tests.sync.conftest import _own_config_dir, server_cell  # noqa: F401  (fixtures)
