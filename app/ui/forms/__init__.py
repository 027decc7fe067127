"""GENERATED CODE — DO NOT EDIT the ui_*.py modules in this package.

Each ui_X.py is compiled from forms/X.ui with `pyside6-uic forms/X.ui -o app/ui/forms/ui_X.py`.
Edit the .ui file in Qt Designer and recompile; tests/ui/test_forms_current.py fails when a
committed module differs from what its .ui file compiles to.
"""
