#!/usr/bin/env python3
"""Make the virtual environment `.venv` in the repository and install requirements into it.

    python3 scripts/bootstrap.py requirements.txt        # what the dashboard needs
    python3 scripts/bootstrap.py requirements-dev.txt    # and what the tests need

Needs Python 3.11 or newer and the network to PyPI, not root. Debian's python3 comes without
pip and ensurepip (they are in python3-pip and python3-venv) and refuses `pip install` outside
a virtual environment (PEP 668), so `.venv` is made without pip, pip is put into it with
ensurepip where Python has it, else from pip's wheel on PyPI (PIP_WHEEL_URL, checked against
PIP_WHEEL_SHA256), and that pip installs the requirements. Run again, it keeps a working `.venv`
and pip installs only what is missing.

Standard library only.
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import importlib.util
import os
import ssl
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
import venv
from pathlib import Path

MIN_PYTHON = (3, 11)
MIN_PYTHON_TEXT = "3.11"

REPO = Path(__file__).resolve().parent.parent
VENV = REPO / ".venv"

PIP_WHEEL_URL = (
    "https://files.pythonhosted.org/packages/07/25/"
    "ee8c38ae72d66b844ce8eb9711ba905dba21ca1a8a0c960057c41cd23337/pip-26.3-py3-none-any.whl"
)
PIP_WHEEL_SHA256 = "f3b60b20ffaadd4415ed7957212a38ac63fa4c5fa375bd0f4a797777940fad13"

QUIET = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}


class BootstrapError(Exception):
    """What went wrong and what to do, for the user; printed without a traceback."""


def say(message: str) -> None:
    print(f"bootstrap: {message}", flush=True)


def works(python: Path) -> bool:
    """Whether `python` runs and is new enough."""
    check = f"import sys; sys.exit(sys.version_info < {MIN_PYTHON!r})"
    try:
        return subprocess.run([str(python), "-c", check], **QUIET).returncode == 0
    except OSError:
        return False


def make_venv(folder: Path) -> Path:
    """A working virtual environment in `folder`, kept if there is one, else made (anew); its
    python."""
    python = folder / "bin" / "python"
    if works(python):
        return python
    if folder.exists():
        say(f"{folder} has no working Python {MIN_PYTHON_TEXT}+: making it again")
    else:
        say(f"making the virtual environment {folder}")
    try:
        venv.EnvBuilder(clear=folder.exists(), symlinks=True, with_pip=False).create(folder)
    except (OSError, subprocess.CalledProcessError) as error:
        raise BootstrapError(
            f"could not make {folder}: {error}. Check that you may write there and the disk is"
            " not full, then run this again."
        ) from None
    if not works(python):
        raise BootstrapError(f"{folder} was made, but {python} does not run.")
    return python


def has_pip(python: Path) -> bool:
    return subprocess.run([str(python), "-m", "pip", "--version"], **QUIET).returncode == 0


def download(url: str) -> bytes:
    """The file at `url`. Where the server's certificate cannot be checked (a minimal Debian has
    no CA certificates without the ca-certificates package), fetched anyway: callers check the
    file's sha256."""
    context = ssl.create_default_context()
    try:
        try:
            with urllib.request.urlopen(url, timeout=60, context=context) as response:
                return response.read()
        except urllib.error.URLError as error:
            if not isinstance(error.reason, ssl.SSLCertVerificationError):
                raise
            say(
                f"cannot check the certificate of {url} ({error.reason.verify_message}):"
                " fetching it anyway, its sha256 is checked instead"
            )
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        with urllib.request.urlopen(url, timeout=60, context=context) as response:
            return response.read()
    except (OSError, http.client.HTTPException) as error:  # URLError, timeouts, resets
        # "HTTP Error 404: Not Found" as it is; "[Errno -2] Name or service not known" unwrapped
        reason = (
            error if isinstance(error, urllib.error.HTTPError) else getattr(error, "reason", error)
        )
        raise BootstrapError(
            f"could not download {url}: {reason}. Check the network connection (and"
            " https_proxy, if you need a proxy), then run this again."
        ) from None


def fetch_pip_wheel(folder: Path, url: str = PIP_WHEEL_URL, sha256: str = PIP_WHEEL_SHA256) -> Path:
    """pip's wheel from PyPI, checked against its sha256, saved in `folder`."""
    data = download(url)
    digest = hashlib.sha256(data).hexdigest()
    if digest != sha256:
        raise BootstrapError(
            f"{url} has sha256 {digest}, not {sha256}: not installing it. Run this again; if it"
            " happens again, something between here and PyPI changes the file."
        )
    wheel = folder / url.rsplit("/", 1)[1]
    wheel.write_bytes(data)
    return wheel


def install_pip(python: Path, use_ensurepip: bool | None = None) -> None:
    """Put pip into the virtual environment of `python`: with ensurepip if this Python has it,
    else from pip's wheel (pip can run from its wheel to install itself)."""
    if use_ensurepip is None:
        use_ensurepip = importlib.util.find_spec("ensurepip") is not None
    if use_ensurepip:
        say("installing pip with ensurepip")
        command = [str(python), "-m", "ensurepip", "--upgrade", "--default-pip"]
        if subprocess.run(command).returncode == 0:
            return
        say("ensurepip failed (see above): installing pip from PyPI instead")
    else:
        say(
            "this Python has no ensurepip (on Debian it is in python3-venv): installing pip"
            f" from {PIP_WHEEL_URL}"
        )
    with tempfile.TemporaryDirectory() as folder:
        wheel = fetch_pip_wheel(Path(folder))
        command = [str(python), f"{wheel}/pip", "install", "--no-index", "--quiet", str(wheel)]
        if subprocess.run(command).returncode != 0:
            raise BootstrapError(f"pip could not install itself from {wheel.name} (see above).")


def install_requirements(python: Path, files: list[Path]) -> None:
    options = [arg for file in files for arg in ("-r", str(file))]
    say(f"pip install {' '.join(options)}")
    command = [str(python), "-m", "pip", "install", "--disable-pip-version-check", *options]
    status = subprocess.run(command).returncode
    if status != 0:
        raise BootstrapError(
            f"pip could not install the requirements (exit status {status}); its messages above"
            " say why. Fix that (often the network), then run this again: what is installed"
            " stays installed."
        )


def bootstrap(files: list[Path], folder: Path = VENV) -> None:
    for file in files:
        if not file.is_file():
            raise BootstrapError(f"no requirements file {file} (run this in the repository)")
    python = make_venv(folder)
    if not has_pip(python):
        install_pip(python)
    install_requirements(python, files)
    say(f"ready: {folder}")


def main(argv: list[str] | None = None) -> int:
    if sys.version_info < MIN_PYTHON:
        print(
            f"bootstrap: error: the dashboard needs Python {MIN_PYTHON_TEXT} or newer, and"
            f" {sys.executable} is {sys.version.split()[0]}: run this with a newer python3.",
            file=sys.stderr,
        )
        return 1
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("requirements", nargs="+", type=Path, help="requirements files")
    args = parser.parse_args(argv)
    if os.name != "posix":
        parser.error("this makes a POSIX virtual environment (.venv/bin): use Linux or macOS")
    try:
        bootstrap(args.requirements)
    except BootstrapError as error:
        print(f"bootstrap: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("bootstrap: interrupted; run this again to finish", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
