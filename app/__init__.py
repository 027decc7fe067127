"""政务公开工作台 — a desktop register for government-information disclosure requests."""

__version__ = "0.1.0"
APP_NAME = "政务公开工作台"
