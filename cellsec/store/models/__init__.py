"""All ORM models. Importing this package registers every table on Base.metadata (Alembic needs that)."""

from ..base import Base  # noqa: F401
from . import core  # noqa: F401
from . import members  # noqa: F401
from . import reviews  # noqa: F401
from . import meetings  # noqa: F401
from . import finalised  # noqa: F401
from .. import search  # noqa: F401  (search_docs table + the index-maintenance hook)
from . import scoring  # noqa: F401
from . import dues  # noqa: F401
from . import drafts  # noqa: F401
from . import sync  # noqa: F401
from . import numbers  # noqa: F401
