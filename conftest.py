"""Repository-wide pytest setup.

nbval resolves ``--nbval-sanitize-with`` relative to the current directory,
so the sanitize file is anchored here, at the rootdir, and used by default.
"""

from pathlib import Path

SANITIZE = Path(__file__).parent / "tests" / "sanitize.cfg"


def pytest_configure(config):
    opt = config.option
    if getattr(opt, "nbval_sanitize_with", "missing") is None:
        opt.nbval_sanitize_with = str(SANITIZE)
    if hasattr(opt, "nbval_current_env"):
        # Run notebooks with this interpreter, whatever kernelspec is installed.
        opt.nbval_current_env = True
