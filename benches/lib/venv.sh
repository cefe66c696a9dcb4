# Sourced by the benchmark scripts that compare with Python peers: makes the virtual
# environment $VENV outside the repository when it is not there yet, and installs the
# pinned requirements file $1 into it.
if [ ! -x "$VENV/bin/python" ]; then
  echo "run.sh: creating the virtual environment $VENV" >&2
  python3 -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$1"
