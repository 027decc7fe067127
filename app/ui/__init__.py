"""The desktop screens (PySide6). Views call app.services only; never the store."""
