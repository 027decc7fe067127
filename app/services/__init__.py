"""Use cases: what the screens and the command line ask for (ARCHITECTURE.md)."""
