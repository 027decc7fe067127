"""The baseline for bench/startup.py: a bare PySide6 QMainWindow, timed exactly like the program.

Prints ``ZWGK_SHOWN <seconds>`` (process start to the window's first paint, process start taken from
ZWGK_BENCH_T0 as the program does) and quits. Frozen by bench/startup.py for the frozen baseline.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class _FirstPaint(QObject):
    def __init__(self, t0: float):
        super().__init__()
        self._t0 = t0
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        print(f"ZWGK_SHOWN {time.time() - self._t0:.3f}", flush=True)
        QApplication.quit()


def _process_start() -> float:
    """As app/ui/app/application.py: ZWGK_BENCH_T0 from the launcher, else the start time in /proc."""
    if os.environ.get("ZWGK_BENCH_T0"):
        return float(os.environ["ZWGK_BENCH_T0"])
    try:
        ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return time.time() - uptime + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.time()


def main() -> int:
    t0 = _process_start()
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1100, 700)
    hook = _FirstPaint(t0)
    window.installEventFilter(hook)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
