"""Printed documents: the Party document model and renderer, and the PDF / DOCX / XLSX exporters.

- document.py  the model (PartyDocument, Book, blocks, Header, Signatures) and LayoutSettings
- layout.py    `render(doc, path, layout)`: the one renderer; its docstring shows how to build a document
- pdf.py       reportlab backend (Liberation Serif embedded); docx.py python-docx backend (Times New Roman)
- member_register.py, members_xlsx.py: the member register PDF and the member list spreadsheet

Nothing here is imported at app start-up: callers import these modules inside the function that prints,
off the UI thread. This package's __init__ stays empty of imports for that reason.
"""
