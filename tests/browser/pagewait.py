"""How the browser tests wait: on the page's state, never on the clock.

A Streamlit page is ready when its script has run to the end: `stApp` then carries
`data-test-script-state=notRunning` (before the first run it says `initial`). Right after a
click that attribute still describes the run before the click, because the browser only learns
that a rerun began when the server says so. So `settle` (wait for notRunning) is used only once
something shows the rerun has begun (its new content, its URL), or before an action, so that
the action meets a finished page; `reran` waits, with no such sign, until the server reports
that a run begun after the action has finished.

The timeout is generous: it costs nothing when the machine is fast, and a CI machine at a load
of 8 on 2 cores is ten times slower than an idle one (the first run of a page alone took over
30 s there). Every wait below ends on a state; none sleeps.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from playwright.sync_api import Locator, Page, WebSocket, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

WAIT_MS = 120_000
IDLE = "[data-testid=stApp][data-test-script-state=notRunning]"
expect.set_options(timeout=WAIT_MS)


def patient(page: Page) -> Page:
    """Give a fresh tab (before its first navigation) the generous timeout, and remember its
    Streamlit connection for `reran`."""
    page.context.set_default_timeout(WAIT_MS)
    page.context.set_default_navigation_timeout(WAIT_MS)

    def connected(socket: WebSocket) -> None:
        if socket.url.endswith("/_stcore/stream"):
            page.streamlit_socket = socket  # type: ignore[attr-defined]

    page.on("websocket", connected)
    return page


def settle(page: Page) -> None:
    """Until the script is not running (see the module's note on when that means anything)."""
    page.wait_for_selector(IDLE, state="attached")


def wait_idle(page: Page) -> None:
    """After a navigation: until the page's first run has drawn its heading and ended."""
    settle(page)  # `initial` until the first run has begun, so this cannot pass early
    page.wait_for_selector(".st-key-nd-body h1")
    settle(page)


def open_page(page: Page, path: str) -> None:
    page.goto(f"{page.base}/{path}")  # type: ignore[attr-defined]
    wait_idle(page)


def _finished(payload: str | bytes) -> bool:
    """A server message saying a run ended on its own (not one cut short for a rerun)."""
    if isinstance(payload, str):
        return False
    message = ForwardMsg()
    message.ParseFromString(payload)
    return (
        message.WhichOneof("type") == "script_finished"
        and message.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY
    )


@contextmanager
def reran(page: Page) -> Iterator[None]:
    """Around an action that reruns the script without showing anything new to wait for:
    the page is idle before the action, and after it the server has reported a run that began
    after the action and ended (a chain of `st.rerun` counts once, at its end)."""
    settle(page)
    socket: WebSocket = page.streamlit_socket  # type: ignore[attr-defined]
    with socket.expect_event("framereceived", predicate=_finished, timeout=WAIT_MS):
        yield
    settle(page)


def computed(page: Page, selector: str, prop: str) -> str:
    return page.eval_on_selector(selector, f"e => getComputedStyle(e).{prop}")


def wait_for_style(page: Page, selector: str, prop: str, wanted: str) -> None:
    """Until the element's computed style has that value (the page's CSS arrives with its run).
    A timeout here is left to the caller's assertion, which then says what was wrong."""
    with suppress(PlaywrightTimeout):
        page.wait_for_function(
            "([selector, prop, wanted]) => {"
            " const e = document.querySelector(selector);"
            " return e !== null && getComputedStyle(e)[prop] === wanted; }",
            arg=[selector, prop, wanted],
        )


# true once the element's box is the one it had at the previous frame (polled every frame)
_STILL = """e => {
    const r = e.getBoundingClientRect();
    const now = [r.x, r.y, r.width, r.height].join();
    const still = e.ndLastBox === now;
    e.ndLastBox = now;
    return still;
}"""


def still_box(locator: Locator) -> dict[str, float]:
    """The element's bounding box once it has stopped moving (charts and frames resize after
    they first appear), for clicks at a point and for layout checks."""
    locator.page.wait_for_function(_STILL, arg=locator.element_handle(), polling="raf")
    box = locator.bounding_box()
    assert box is not None, locator
    return box


def snap(page: Page, path: Path, **options) -> None:
    """A screenshot of a page that has finished drawing: the script idle (for the app's pages),
    the fonts loaded, CSS transitions run to their end, and two screenshots in a row alike
    (plotly, Leaflet and deck.gl draw on later frames). Saved even if the page never holds still
    within the timeout: it is a picture to look at, not an assertion."""
    if page.url.startswith("http"):
        settle(page)
    page.wait_for_function("() => document.fonts.status === 'loaded'")
    options = {"animations": "disabled", **options}
    deadline = time.monotonic() + WAIT_MS / 1000  # bounds the loop; nothing sleeps
    shot = page.screenshot(**options)
    while time.monotonic() < deadline:
        again = page.screenshot(**options)
        if again == shot:
            break
        shot = again
    path.write_bytes(shot)
