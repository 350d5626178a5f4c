"""The colours messages are written in (a module of their own: the overview needs them before the window's
first paint, without loading the form widgets of ui/common/widgets.py)."""

ERROR_COLOR = "#b3261e"
WARNING_COLOR = "#8a5300"  # a dark amber: readable on white, clearly not an error
