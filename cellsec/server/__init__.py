"""The committee server (đảng ủy cấp trên): receives the cells' changes, sends committee decisions down.

A separate process from the desktop app (FastAPI + uvicorn, SQLAlchemy 2 + Alembic, PostgreSQL or an
embedded SQLite file for a trial). Layers: `store` (tables, migrations, the rules of enrolment, push and
pull), `api` (HTTP: signed requests in, JSON out), `cli` (administration and `serve`). It uses
cellsec.domain and cellsec.sync.protocol, never the desktop UI, services or store.
"""
