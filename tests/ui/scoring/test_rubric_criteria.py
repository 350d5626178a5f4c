"""Groups and criteria of the rubric editor: adding, moving and removing items edits the rubric in place
and says so; the detail shows the chosen item."""

from __future__ import annotations

import copy

from cellsec.ui.scoring.rubric_criteria import CriteriaEditor


def _editor(qtbot, services) -> tuple[CriteriaEditor, list]:
    info = next(i for i in services.rubrics.list() if i.target == "cell_year")
    rubric = copy.deepcopy(services.rubrics.get(info.id))
    editor = CriteriaEditor(services, rubric)
    qtbot.addWidget(editor)
    editor.show()
    edits: list[int] = []
    editor.edited.connect(lambda: edits.append(1))
    return editor, edits


def test_add_move_and_remove_edit_the_rubric(qtbot, services):
    editor, edits = _editor(qtbot, services)
    rubric = editor.rubric
    groups = len(rubric.groups)
    assert editor.tree.topLevelItemCount() == groups and editor.detail.currentIndex() == 0
    editor.add_group()
    assert len(rubric.groups) == groups + 1 and edits
    added = rubric.groups[-1]
    assert editor.current is added and editor.detail.currentIndex() == 1
    assert added.criteria[0].text == "Tiêu chí mới"
    editor.move_item(-1)
    assert rubric.groups[-2] is added
    editor.tree.setCurrentItem(editor.tree.topLevelItem(groups - 1).child(0))
    assert editor.detail.currentIndex() == 2 and editor.criterion_id.text() == added.criteria[0].id
    editor.add_criterion()
    assert len(added.criteria) == 2
    editor.tree.setCurrentItem(editor.tree.topLevelItem(groups - 1))
    editor.remove_item()
    assert added not in rubric.groups and editor.tree.topLevelItemCount() == groups
