"""Flows drive the whole program through its windows: the GUI tests' fixtures apply here too."""
from tests.ui.conftest import db_path, inline_tasks, modal, no_hanging_modals, no_lasting_hooks  # noqa: F401
