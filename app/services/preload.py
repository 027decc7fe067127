"""What the window-first start imports off the GUI thread after the first paint (docs/performance.md,
Start-up): nothing in the services imports this module, so it can name them all."""
from __future__ import annotations


def load_store() -> None:
    """Import what opening the file and the home page's first count need (peewee, the store, the
    services), on any thread, so the imports do not keep the painted window from answering."""
    from app.services import (audit, backup, connection, deadlines, home, security,  # noqa: F401
                              settings, workspace)
    from app.store import server  # noqa: F401 - what tells a file from a server's address (store.engine)
