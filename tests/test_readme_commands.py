"""The README opens with its two commands (start the dashboard; run the tests), and CI runs the
second one word for word."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    """The commands of the README's first two ```bash blocks, before its first section."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    opening = text.split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", opening, flags=re.DOTALL)[:2]


def test_readme_opens_with_the_two_commands() -> None:
    start, tests = readme_commands()
    for command in (start, tests):
        assert "\n" not in command, "each command is one line, to paste"
        assert command.startswith("python3 scripts/bootstrap.py requirements")
    assert start.endswith("streamlit run dashboard.py")
    assert "requirements.txt" in start
    assert tests.endswith("python -m pytest")
    assert "requirements-dev.txt" in tests


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    _, tests = readme_commands()
    lines = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    run = [line for line in lines if line.startswith(tests)]
    assert run, f".ci/run has no line starting with the README's test command: {tests}"
    # only the exit status is caught after it, so the command's own text is all that runs
    assert all(line[len(tests) :] in ("", " || status=$?") for line in run)


def test_requirements_files_exist() -> None:
    for command in readme_commands():
        for name in re.findall(r"requirements[\w-]*\.txt", command):
            assert (REPO / name).is_file(), name
