"""Who may use the app: the address it serves on, local accounts (bcrypt) and single sign-on (OpenID Connect).

Core code, no streamlit: the login page (`assistant/ui/login.py`), `app.py`, the `users` command and
`scripts/start.sh` all decide through these functions, so the rules are the same everywhere and testable.
"""

from __future__ import annotations

import ipaddress
import re
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Protocol

import bcrypt
from pydantic import BaseModel

from .config import PROJECT_ROOT, _read_secrets
from .errors import ConfigError, InputError

SECRETS_PATH = PROJECT_ROOT / ".streamlit" / "secrets.toml"
# bcrypt reads at most 72 bytes of a password; longer ones are refused rather than silently cut.
MAX_PASSWORD_BYTES = 72
MIN_PASSWORD_CHARS = 8
USERNAME = re.compile(r"[a-z0-9][a-z0-9._@+-]{0,63}")
# The keys Streamlit's st.login needs in the [auth] section, besides the identity provider's own.
OIDC_KEYS = ("redirect_uri", "cookie_secret")
OIDC_PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")
FAILED_LOGIN = "Wrong username or password."
LOCKED_OUT = "Too many failed attempts. Wait a few minutes and try again."

HOW_TO_CONFIGURE = (
    "add a local account with `python -m assistant users add NAME`, or set up single sign-on in the [auth] "
    "section of .streamlit/secrets.toml (see the Logins section of README.md); or serve on 127.0.0.1 only"
)


class AuthConfig(BaseModel):
    """What logins are set up: single sign-on providers (from [auth]) and the number of local accounts."""

    oidc_providers: list[str] = []  # "" = the unnamed provider configured directly in [auth]
    local_accounts: int = 0

    @property
    def configured(self) -> bool:
        return bool(self.oidc_providers) or self.local_accounts > 0


class UserStore(Protocol):
    """The part of the Store that accounts need."""

    def get_user(self, username: str) -> dict[str, Any] | None: ...
    def list_users(self) -> list[dict[str, Any]]: ...


def oidc_providers(auth_section: Mapping[str, Any] | None) -> list[str]:
    """Providers usable by st.login from an [auth] secrets section: "" for the unnamed one, else their names."""
    if not auth_section or not all(auth_section.get(key) for key in OIDC_KEYS):
        return []
    names = [
        name
        for name, value in auth_section.items()
        if isinstance(value, Mapping) and all(value.get(key) for key in OIDC_PROVIDER_KEYS)
    ]
    if all(auth_section.get(key) for key in OIDC_PROVIDER_KEYS):
        names.insert(0, "")
    return names


def read_auth_section(secrets_path: Path = SECRETS_PATH) -> dict[str, Any]:
    """The [auth] section of a secrets.toml file ({} when there is none)."""
    section = _read_secrets(secrets_path).get("auth")
    return section if isinstance(section, dict) else {}


def auth_config(auth_section: Mapping[str, Any] | None, store: UserStore) -> AuthConfig:
    """The logins configured: from the [auth] section and the store's local accounts."""
    return AuthConfig(oidc_providers=oidc_providers(auth_section), local_accounts=len(store.list_users()))


def is_loopback(address: str | None) -> bool:
    """True for addresses only this machine can reach: 127.0.0.0/8, ::1 and localhost."""
    host = (address or "").strip().strip("[]").lower()
    if host in ("localhost", "localhost.localdomain", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False  # empty (all interfaces), 0.0.0.0, a LAN address or a host name


def check_address(address: str | None, config: AuthConfig) -> None:
    """Refuse to serve beyond this machine without logins: anyone on the network could read the clinic's work."""
    if is_loopback(address) or config.configured:
        return
    where = f"on {address}" if address and address.strip() else "on every network address"
    raise ConfigError(
        f"the app is set to listen {where}, which other computers can reach, and no logins are "
        f"configured; {HOW_TO_CONFIGURE}"
    )


def normalize_username(name: str) -> str:
    """A valid username, lowercased: letters, digits and . _ @ + - (an e-mail address works)."""
    username = name.strip().lower()
    if not USERNAME.fullmatch(username):
        raise InputError(
            f"{name!r} is not a valid username: use 1 to 64 letters, digits and . _ @ + - "
            "(starting with a letter or digit)"
        )
    return username


def validate_password(password: str) -> str:
    """The password if it is long enough and fits what bcrypt reads."""
    try:
        password.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError("the password contains characters that cannot be saved; type it again") from None
    if len(password) < MIN_PASSWORD_CHARS:
        raise InputError(f"the password is too short: use at least {MIN_PASSWORD_CHARS} characters")
    if len(password.encode("utf-8")) > MAX_PASSWORD_BYTES:
        raise InputError(
            f"the password is too long: use at most {MAX_PASSWORD_BYTES} characters (fewer with accented letters)"
        )
    return password


def hash_password(password: str, rounds: int = 12) -> str:
    """A salted bcrypt hash of a valid password."""
    return bcrypt.hashpw(validate_password(password).encode("utf-8"), bcrypt.gensalt(rounds)).decode("ascii")


def verify_password(password: str, password_hash: str) -> bool:
    """True if the password matches the hash; False for anything malformed."""
    data = password.encode("utf-8", "surrogatepass")
    if len(data) > MAX_PASSWORD_BYTES:
        return False
    try:
        return bcrypt.checkpw(data, password_hash.encode("ascii"))
    except ValueError:
        return False


class LoginThrottle:
    """Failed logins per username, in this process: after `max_failures` a name is locked for `lockout_s`."""

    def __init__(
        self,
        max_failures: int = 5,
        lockout_s: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
        max_names: int = 10_000,
    ) -> None:
        self.max_failures, self.lockout_s, self.clock, self.max_names = max_failures, lockout_s, clock, max_names
        self._failures: dict[str, tuple[int, float]] = {}  # name -> (count, time of the last failure)
        self._lock = threading.Lock()

    def locked(self, username: str) -> bool:
        with self._lock:
            count, last = self._failures.get(username, (0, 0.0))
            if count >= self.max_failures and self.clock() - last < self.lockout_s:
                return True
            if count >= self.max_failures:
                del self._failures[username]  # the lockout is over: a fresh start
            return False

    def failed(self, username: str) -> None:
        with self._lock:
            if len(self._failures) >= self.max_names:  # bounded memory under a flood of made-up names
                self._failures.pop(next(iter(self._failures)))
            count, _ = self._failures.get(username, (0, 0.0))
            self._failures[username] = (count + 1, self.clock())

    def succeeded(self, username: str) -> None:
        with self._lock:
            self._failures.pop(username, None)


class LoginResult(BaseModel):
    """The outcome of a login attempt: the user and clinic, or a message that reveals nothing."""

    username: str | None = None
    clinic: str = ""
    message: str = ""


_DUMMY_HASH: list[str] = []


def _dummy_hash() -> str:
    # Checked when the name is unknown, so a wrong name takes as long as a wrong password.
    if not _DUMMY_HASH:
        _DUMMY_HASH.append(hash_password("not a real password"))
    return _DUMMY_HASH[0]


def authenticate(
    store: UserStore,
    throttle: LoginThrottle,
    username: str,
    password: str,
    *,
    sleep: Callable[[float], None] = time.sleep,
    delay_s: float = 1.0,
) -> LoginResult:
    """Check a local account's password; a failure waits `delay_s` and counts towards a lockout."""
    name = username.strip().lower()
    if throttle.locked(name):
        sleep(delay_s)
        return LoginResult(message=LOCKED_OUT)
    user = store.get_user(name) if USERNAME.fullmatch(name) else None
    ok = verify_password(password, user["password_hash"] if user else _dummy_hash())
    if user is not None and ok:
        throttle.succeeded(name)
        return LoginResult(username=user["username"], clinic=user.get("clinic") or "")
    throttle.failed(name)
    sleep(delay_s)
    return LoginResult(message=LOCKED_OUT if throttle.locked(name) else FAILED_LOGIN)


def oidc_owner(user_info: Mapping[str, Any]) -> str | None:
    """Whose work a single sign-on user sees: their e-mail address, else the provider's subject id."""
    if not user_info.get("is_logged_in"):
        return None
    owner = user_info.get("email") or user_info.get("sub")
    return str(owner).strip().lower() if owner else None
