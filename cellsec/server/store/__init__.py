"""The server's own database: tables (`models`), engine and migrations (`db`), and the rules that write
them: administration (`admin`), enrolment (`enrollment`), request authentication (`security`), push
(`batches`) and pull (`feed`). Its Alembic migrations are its own, separate from the laptop's."""
