"""Table text made safe for HTML and Streamlit markdown, and evidence marked in an article.

Any text that came from a table is escaped here before it goes into HTML or a markdown label:
a summary with `<b>` or `[x](y)` in it stays text. Evidence offsets are character offsets
into the article as read from its file; escaping is done per segment, so marks never shift.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

import pandas as pd


def esc(value: object) -> str:
    """HTML-escape a table value (quotes too: it may land in an attribute)."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return html.escape(str(value), quote=True)


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()#+-.!|<>~$:"})


def md_escape(value: object) -> str:
    """Text for a Streamlit markdown label (page links, captions): every markdown character
    is escaped and line breaks folded, so a title with `*`, `[x](y)` or `<b>` shows as typed."""
    if value is None:
        return ""
    return " ".join(str(value).split()).translate(_MD_SPECIAL)


def valid_spans(
    spans: Iterable[tuple[object, object, str]], length: int
) -> list[tuple[int, int, str]]:
    """Spans with integer offsets inside the text; anything else is dropped, not guessed."""
    kept = []
    for start, end, label in spans:
        try:
            first, last = int(str(start)), int(str(end))
        except ValueError:
            continue
        if 0 <= first < last <= length:
            kept.append((first, last, label))
    return sorted(kept)


def highlight_html(text: str, spans: Iterable[tuple[object, object, str]]) -> str:
    """The escaped text with `<mark>` around each evidence span (overlaps are merged).

    Offsets are character offsets into the article text as read from its file; escaping is
    done per segment, so the marks never shift.
    """
    merged: list[list] = []
    for start, end, label in valid_spans(spans, len(text)):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            if label and label not in merged[-1][2]:
                merged[-1][2].append(label)
        else:
            merged.append([start, end, [label] if label else []])
    parts, cursor = [], 0
    for start, end, labels in merged:
        parts.append(esc(text[cursor:start]))
        title = esc(" | ".join(labels))
        parts.append(f'<mark title="{title}">{esc(text[start:end])}</mark>')
        cursor = end
    parts.append(esc(text[cursor:]))
    return "".join(parts)


def passage_context_html(text: str, start: object, end: object, context: int = 160) -> str | None:
    """The evidence passage marked inside a little of its surrounding text, escaped.

    None when the offsets do not fit the text (the card then shows the reference instead).
    """
    spans = valid_spans([(start, end, "")], len(text))
    if not spans:
        return None
    first, last, _ = spans[0]
    lo, hi = max(0, first - context), min(len(text), last + context)
    if lo > 0:
        space = text.find(" ", lo, first)
        lo = space + 1 if space != -1 else lo
    if hi < len(text):
        space = text.rfind(" ", last, hi)
        hi = space if space != -1 else hi
    before = ("…" if lo > 0 else "") + text[lo:first]
    after = text[last:hi] + ("…" if hi < len(text) else "")
    return f"{esc(before)}<mark>{esc(text[first:last])}</mark>{esc(after)}"


def esc_series(values: pd.Series) -> pd.Series:
    """`esc` for a whole column (the same five replacements as html.escape)."""
    text = values.fillna("").astype(str)
    for char, entity in (
        ("&", "&amp;"),
        ("<", "&lt;"),
        (">", "&gt;"),
        ('"', "&quot;"),
        ("'", "&#x27;"),
    ):
        text = text.str.replace(char, entity, regex=False)
    return text
