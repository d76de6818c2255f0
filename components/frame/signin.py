"""Editor sign-in on the page: a name and password checked against argon2 hashes from Streamlit
secrets or NEWSDESK_EDITORS, or `st.login` when an OIDC provider is configured (`[auth]` in the
secrets; the editors are then the addresses in `editor_emails`). Failed attempts are slowed
down per name across all sessions of the server (`newsdesk.editors.auth.Throttle`).

The signed-in name lives in the session only: the menu shows the editor page to that session
and to no other.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import streamlit as st

from newsdesk.config import EDITORS_ENV, editors_setting
from newsdesk.editors.auth import Throttle, editors_from, sign_in

EDITOR_KEY = "nd_editor"


@st.cache_resource(show_spinner=False)
def _throttle() -> Throttle:
    return Throttle()


def _secrets() -> Mapping[str, object]:
    """The secrets as a dict; a deployment without a secrets file has none."""
    try:
        return st.secrets.to_dict()
    except Exception:
        return {}


def _oidc_editor(secrets: Mapping[str, object]) -> str | None:
    if "auth" not in secrets:
        return None
    try:
        if not st.user.is_logged_in:
            return None
        email = str(st.user.get("email") or "")
    except Exception:
        return None
    allowed = {str(e).casefold() for e in secrets.get("editor_emails", []) or []}
    return email if email and email.casefold() in allowed else None


def current_editor() -> str | None:
    """The signed-in editor of this session, or None (readers)."""
    name = st.session_state.get(EDITOR_KEY)
    if name:
        return name
    return _oidc_editor(_secrets())


def sign_out() -> None:
    st.session_state.pop(EDITOR_KEY, None)


def sign_in_form(t) -> None:
    """The sign-in form (or the OIDC button) for a session that is not signed in."""
    secrets = _secrets()
    st.caption(t("editor.signin_intro"))
    if "auth" in secrets:
        st.button(t("editor.oidc"), on_click=st.login, key="nd-oidc", type="primary")
        try:
            email = st.user.get("email") if st.user.is_logged_in else None
        except Exception:
            email = None
        if email:
            st.error(t("editor.oidc_refused", email=email))
    editors = editors_from(secrets, {EDITORS_ENV: editors_setting()})
    if not editors:
        if "auth" not in secrets:
            st.info(t("editor.none_configured"))
        return
    with st.form("nd-signin", clear_on_submit=False):
        name = st.text_input(t("editor.name"), key="nd-signin-name")
        password = st.text_input(t("editor.password"), type="password", key="nd-signin-password")
        submitted = st.form_submit_button(t("editor.signin"), type="primary")
    if not submitted:
        return
    ok, wait = sign_in(editors, _throttle(), name or "", password or "")
    if ok:
        st.session_state[EDITOR_KEY] = name.strip()
        st.session_state.pop("nd-signin-password", None)
        st.rerun()
    elif wait > 0:
        st.warning(t("editor.wait", seconds=math.ceil(wait)))
    else:
        st.error(t("editor.wrong"))
