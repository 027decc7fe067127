"""GENERATED CODE — DO NOT EDIT the ui_*.py modules in this package.

Each ui_X.py is compiled from forms/X.ui by `python forms/compile.py` (pyside6-uic, then its
imports cut to what the form uses: start-up speed). Edit the .ui file in Qt Designer and recompile;
tests/ui/test_forms_current.py fails when a committed module differs from what its .ui compiles to.
"""
