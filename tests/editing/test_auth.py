"""Editor sign-in: hashes only, editors from secrets or the environment, guesses slowed down."""

from __future__ import annotations

from newsdesk.editors.auth import (
    EDITORS_ENV,
    FREE_ATTEMPTS,
    Throttle,
    editors_from,
    hash_password,
    parse_editors,
    sign_in,
    verify,
)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_hashes_verify_and_never_hold_the_password() -> None:
    hashed = hash_password("s3cret-pass")
    assert "s3cret" not in hashed and hashed.startswith("$argon2id$")
    assert verify({"ana": hashed}, "ana", "s3cret-pass")
    assert not verify({"ana": hashed}, "ana", "wrong")
    assert not verify({"ana": hashed}, "bob", "s3cret-pass")
    assert not verify({"ana": "plain-text-password"}, "ana", "plain-text-password")


def test_editors_from_secrets_and_environment() -> None:
    one, two = hash_password("password-one"), hash_password("password-two")
    env = {EDITORS_ENV: f"bob:{two}; broken ;"}
    assert parse_editors(env[EDITORS_ENV]) == {"bob": two}
    assert editors_from({"editors": {"ana": one}}, env) == {"ana": one, "bob": two}
    assert editors_from(None, {}) == {}


def test_failures_are_slowed_down_and_a_success_resets() -> None:
    clock = Clock()
    throttle = Throttle(clock=clock)
    editors = {"ana": hash_password("right-password")}
    for _ in range(FREE_ATTEMPTS - 1):
        assert sign_in(editors, throttle, "ana", "guess") == (False, 0.0)
    assert sign_in(editors, throttle, "ana", "guess") == (False, 2.0)
    # While waiting even the right password is not checked.
    assert sign_in(editors, throttle, "ana", "right-password") == (False, 2.0)
    clock.now += 2.0
    assert sign_in(editors, throttle, "ana", "guess") == (False, 4.0)  # the wait doubles
    clock.now += 4.0
    assert sign_in(editors, throttle, "ANA", "right-password")[0] is False  # names are exact
    clock.now += 8.0
    assert sign_in(editors, throttle, "ana", "right-password") == (True, 0.0)
    assert throttle.wait("ana") == 0.0
