"""The office's rules as pure Python: no Qt, no database (docs/architecture.md)."""
