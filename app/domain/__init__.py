"""The office's rules as pure Python: no Qt, no database (ARCHITECTURE.md)."""
