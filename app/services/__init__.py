"""Use cases: what the screens and the command line ask for (docs/architecture.md)."""
