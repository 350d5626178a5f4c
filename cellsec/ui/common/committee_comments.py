"""The committee's comments on the record being edited (a member's review, a meeting's minutes), read-only,
where the secretary works on that record: who wrote it (the committee and its officer), when (Vietnam time)
and what. Hidden while there is none; the comments arrive with a sync (`services.sync.comments_on`)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from .widgets import VIETNAM_TIME


class CommitteeComments(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("committee_comments")
        self.comments: list = []
        self.text = QLabel()
        self.text.setObjectName("committee_comments_text")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setWidget(self.text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.scroll)
        self.setStyleSheet("QGroupBox#committee_comments { background: #fff8e1; }"
                           "QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }")
        self.setVisible(False)

    def load(self, services, entity: str, entity_id: str) -> None:
        """Read the comments on (entity, entity_id) and show them; a laptop never connected has none."""
        self.show_comments(services.sync.comments_on(entity, entity_id))

    def show_comments(self, comments: list) -> None:
        self.comments = list(comments)
        self.setTitle(self.tr("Comments of the committee above ({count})").format(count=len(self.comments)))
        self.text.setText("<br>".join(self._one(c) for c in self.comments))
        self.setVisible(bool(self.comments))
        # As tall as the comments, at most six lines on a 768-pixel screen; a long exchange scrolls inside.
        width = max(self.width() - 40, 400)
        needed = self.text.heightForWidth(width) if self.comments else 0
        self.scroll.setFixedHeight(min(max(needed, 0), self.fontMetrics().lineSpacing() * 6) + 4)

    def _one(self, comment) -> str:
        who = " · ".join(part for part in (comment.committee, comment.author) if part) or self.tr("Committee above")
        when = comment.written_at.astimezone(VIETNAM_TIME).strftime("%d/%m/%Y %H:%M") if comment.written_at else ""
        head = html.escape(who) + (f" — {when}" if when else "")
        body = html.escape(comment.text).replace("\n", "<br>")
        return f"<b>{head}</b><br>{body}"

    def plain_text(self) -> str:
        """What the box says, as text (for tests and screen readers)."""
        return self.text.text()
