"""Use cases that assemble the data of printed documents when no single feature owns it (the member
register as it stood on a date, ...)."""
