"""PySide6 widgets, item models and dialogs. Qt lives only here."""
