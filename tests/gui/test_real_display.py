"""The README's first command on a real X display: Qt's xcb platform, not offscreen.

A missing xcb library (libxcb-icccm4, libxcb-keysyms1, …) fails only here: every other
GUI test runs offscreen. The test starts its own Xvfb on a display number the server
picks (-displayfd), runs `recourse --demo --screenshots` on it, and stops it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

import recourse

ROOT = Path(recourse.__file__).resolve().parents[2]


def _start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    read, write = os.pipe()
    try:
        xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten",
             "tcp", "-noreset"], pass_fds=(write,), stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE)
    finally:
        os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        xvfb.kill()
        _, err = xvfb.communicate(timeout=10)
        raise AssertionError(f"Xvfb did not start: {err.decode(errors='replace')[-500:]}")
    return xvfb, f":{number}"


def _distinct_colours(image: QImage, step: int = 8) -> int:
    return len({image.pixel(x, y) for x in range(0, image.width(), step)
                for y in range(0, image.height(), step)})


def test_the_demo_starts_on_a_real_x_display(tmp_path: Path) -> None:
    xvfb, display = _start_xvfb()
    try:
        env = dict(os.environ, QT_QPA_PLATFORM="xcb", DISPLAY=display,
                   QT_DEBUG_PLUGINS="0", XDG_RUNTIME_DIR=str(tmp_path))
        env.pop("WAYLAND_DISPLAY", None)
        out = tmp_path / "shots"
        done = subprocess.run(
            [sys.executable, "-m", "recourse", "--demo", "--screenshots", str(out)],
            env=env, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
        assert done.returncode == 0, done.stderr[-3000:]
        assert "Could not load the Qt platform plugin" not in done.stderr
        shot = out / "display.png"  # saved only when the platform is a real display
        assert shot.exists(), (sorted(p.name for p in out.iterdir()), done.stderr[-2000:])
        image = QImage(str(shot))
        assert (image.width(), image.height()) == (1280, 800)
        # The X root window alone is one colour; the window on it has text and widgets.
        assert _distinct_colours(image) > 20
        overview = QImage(str(out / "overview.png"))
        assert not overview.isNull()
    finally:
        xvfb.terminate()
        xvfb.wait(10)
