"""Use cases. Each mutation is one transaction writing data, change log and audit together."""
