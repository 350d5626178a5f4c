"""The HTTP API `/api/v1/…` (FastAPI): enroll, push a batch, pull changes. Every call but enrolment is
signed by the device key; all database work runs in worker threads so the event loop stays free."""

from .app import create_app

__all__ = ["create_app"]
