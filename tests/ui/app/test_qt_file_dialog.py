"""Qt's own file dialog (used where the platform has no native one) is Vietnamese: no English label,
button, column or tooltip is left."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel, QTreeView

ENGLISH = ("Look in", "Files of", "File name", "Cancel", "Save", "Open", "Back", "Forward", "Parent",
           "Create New Folder", "Detail View", "List View", "Name", "Size", "Type", "Date Modified")


def test_the_qt_file_dialog_speaks_vietnamese(qtbot, tmp_path):
    dialog = QFileDialog(None, "Lưu", str(tmp_path), "Tệp PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [w.text() for w in dialog.findChildren(QLabel) if w.isVisibleTo(dialog)]
    texts += [w.text() or w.toolTip() for w in dialog.findChildren(QAbstractButton) if w.isVisibleTo(dialog)]
    for view in dialog.findChildren(QTreeView):
        model = view.model()
        texts += [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
    shown = [t.replace("&", "") for t in texts if t]
    assert "Tìm trong:" in shown and "Loại tệp:" in shown and "Tên tệp:" in shown
    assert not [t for t in shown if any(t.startswith(word) for word in ENGLISH)], shown
