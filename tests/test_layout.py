"""The house rules of the code's layout, checked on the source: which package may import which,
no Streamlit outside the UI, no page body importing another's, thin pages, small modules, and a
docstring on every package saying what it holds."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
MAX_LINES = 500

# What each part of newsdesk may import of newsdesk, besides itself (newsdesk/__init__.py).
MAY_IMPORT: dict[str, frozenset[str]] = {
    "newsdesk.config": frozenset(),
    "newsdesk.language": frozenset({"newsdesk.config"}),
    "newsdesk.contract": frozenset({"newsdesk.config"}),
    # the extraction steps read text, lexicons and dates, never the build, merge or intake
    "newsdesk.pipeline.extraction": frozenset(
        {
            "newsdesk.config",
            "newsdesk.language",
            "newsdesk.contract",
            "newsdesk.pipeline.text",
            "newsdesk.pipeline.gazetteer",
            "newsdesk.pipeline.date_phrases",
            "newsdesk.pipeline.date_resolution",
            "newsdesk.pipeline.date_context",
            "newsdesk.pipeline.publication_date",
        }
    ),
    "newsdesk.pipeline": frozenset({"newsdesk.config", "newsdesk.language", "newsdesk.contract"}),
    "newsdesk.view": frozenset({"newsdesk.config", "newsdesk.language", "newsdesk.contract"}),
    "newsdesk.editors": frozenset(
        {"newsdesk.config", "newsdesk.language", "newsdesk.contract", "newsdesk.pipeline.summaries"}
    ),
    "newsdesk.formats": frozenset(
        {"newsdesk.config", "newsdesk.language", "newsdesk.contract", "newsdesk.view"}
    ),
    "newsdesk.readers": frozenset({"newsdesk.contract", "newsdesk.editors", "newsdesk.view"}),
}
# Modules of components/ that are not one page's body: every page may use them.
UI_COMMON = ("components.frame", "components.shared")


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def sources(*folders: str) -> list[Path]:
    return sorted(path for folder in folders for path in (REPO / folder).rglob("*.py"))


def is_module(name: str) -> bool:
    path = REPO.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


@cache
def imported(path: Path) -> frozenset[str]:
    """The modules a file imports: `from a import b` is `a.b` when that is a module of ours,
    else `a`; third-party modules as written."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                names.add(full if is_module(full) else node.module)
    return frozenset(names)


def part_of(module: str, prefixes) -> str | None:
    return next((p for p in prefixes if module == p or module.startswith(f"{p}.")), None)


@pytest.mark.parametrize("path", sources("newsdesk"), ids=lambda p: module_name(p))
def test_newsdesk_imports_only_what_its_layer_may(path: Path) -> None:
    module = module_name(path)
    if module in ("newsdesk", "newsdesk.__main__", "newsdesk.cli"):
        return  # the package's door and the command line may use everything
    layer = part_of(module, MAY_IMPORT)
    assert layer, f"{module} is in no layer: add it to MAY_IMPORT and to newsdesk/__init__.py"
    wrong = [
        name
        for name in imported(path)
        if part_of(name, ["newsdesk"])
        and not part_of(name, [layer])
        and not part_of(name, MAY_IMPORT[layer])
    ]
    assert not wrong, f"{module} ({layer}) may not import {sorted(wrong)}"


@pytest.mark.parametrize("path", sources("newsdesk"), ids=lambda p: module_name(p))
def test_no_streamlit_outside_the_ui(path: Path) -> None:
    assert not part_of_any(imported(path), "streamlit"), f"{module_name(path)} imports streamlit"


def part_of_any(names: frozenset[str], root: str) -> bool:
    return any(part_of(name, [root]) for name in names)


def page_body(module: str) -> str | None:
    """The page a components module belongs to (`components.map.page` -> `components.map`);
    None for the frame and the shared parts."""
    if part_of(module, UI_COMMON) or module == "components":
        return None
    return ".".join(module.split(".")[:2])


@pytest.mark.parametrize("path", sources("components"), ids=lambda p: module_name(p))
def test_no_page_body_imports_another_pages_body(path: Path) -> None:
    module, mine = module_name(path), page_body(module_name(path))
    for name in imported(path):
        theirs = page_body(name) if part_of(name, ["components"]) else None
        if theirs is not None and theirs != mine:
            what = "the frame and the shared parts" if mine is None else "a page's body"
            pytest.fail(f"{module} imports {name}: {what} may not import another page's body")


@pytest.mark.parametrize("path", [REPO / "dashboard.py", *sources("pages")], ids=lambda p: p.name)
def test_pages_are_thin(path: Path) -> None:
    """A page file calls the frame and draws one page body: nothing else."""
    names = {name for name in imported(path) if part_of(name, ["components"])}
    bodies = {page_body(name) for name in names} - {None}
    assert len(bodies) == 1, f"{path.name} draws {sorted(bodies)}"
    assert {name for name in names if page_body(name) is None} == {"components.frame.page"}
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 12


@pytest.mark.parametrize(
    "path", sources("newsdesk", "components"), ids=lambda p: str(p.relative_to(REPO))
)
def test_modules_stay_small(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(REPO)} has {lines} lines (at most {MAX_LINES})"


@pytest.mark.parametrize(
    "path",
    sorted((REPO / "newsdesk").rglob("__init__.py"))
    + sorted((REPO / "components").rglob("__init__.py")),
    ids=lambda p: module_name(p),
)
def test_every_package_says_what_it_holds(path: Path) -> None:
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert doc and len(doc.split()) >= 15, f"{module_name(path)} needs a docstring"
