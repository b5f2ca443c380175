"""The built-in OpenID Connect issuer: sign-in for the embedded default and for tests.

Authorization code flow with PKCE (S256 only) for the one public client, the desktop
app, which receives the code on a loopback redirect URI on any port (RFC 8252 §7.3).
Refresh tokens rotate on every use; presenting a used one again revokes its whole
family, since only a thief or a broken client would do that (OAuth 2.0 Security BCP).
Codes and refresh tokens are stored only as SHA-256 hashes.
"""

from __future__ import annotations

import base64
import hashlib
import html
import math
import re
import secrets
import time
import uuid
from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from joserfc import jwt
from sqlalchemy import delete, insert, select, update

from . import db
from .auth import BUILTIN_ALGORITHM, ensure_signing_key, public_jwks
from .config import CLIENT_ID, Settings
from .passwords import DUMMY_HASH, verify_password

CODE_TTL = 120
SCOPES = ("openid", "profile", "offline_access")
_PKCE_VALUE = re.compile(r"^[A-Za-z0-9\-._~]{43,128}$")
_FIELD_LIMIT = 1000
_REQUEST_FIELDS = (
    "client_id", "redirect_uri", "response_type", "scope", "state", "nonce",
    "code_challenge", "code_challenge_method",
)

router = APIRouter(include_in_schema=False)


def _settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def _hash(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def is_loopback_redirect(uri: str) -> bool:
    """`http://127.0.0.1:PORT/...` or `http://[::1]:PORT/...`, nothing else."""
    if len(uri) > _FIELD_LIMIT or any(ch.isspace() for ch in uri):
        return False
    try:
        parts = urlsplit(uri)
        port = parts.port
    except ValueError:
        return False
    host_part = parts.netloc.rsplit(":", 1)[0] if port is not None else parts.netloc
    return (
        parts.scheme == "http"
        and host_part in ("127.0.0.1", "[::1]")
        and port is not None
        and 0 < port < 65536
        and "@" not in parts.netloc
        and not parts.fragment
        and parts.path.startswith("/")
    )


def discovery(request: Request) -> dict[str, Any]:
    issuer = _settings(request).issuer_url
    return {
        "issuer": issuer,
        "authorization_endpoint": f"{issuer}/oauth/authorize",
        "token_endpoint": f"{issuer}/oauth/token",
        "jwks_uri": f"{issuer}/oauth/jwks",
        "revocation_endpoint": f"{issuer}/oauth/revoke",
        "response_types_supported": ["code"],
        "response_modes_supported": ["query"],
        "grant_types_supported": ["authorization_code", "refresh_token"],
        "code_challenge_methods_supported": ["S256"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": [BUILTIN_ALGORITHM],
        "token_endpoint_auth_methods_supported": ["none"],
        "revocation_endpoint_auth_methods_supported": ["none"],
        "scopes_supported": list(SCOPES),
        "claims_supported": ["sub", "iss", "aud", "exp", "iat", "nonce", "name",
                             "preferred_username"],
        "authorization_response_iss_parameter_supported": True,
    }


@router.get("/.well-known/openid-configuration")
def openid_configuration(request: Request) -> JSONResponse:
    return JSONResponse(discovery(request), headers={"Cache-Control": "max-age=300"})


@router.get("/oauth/jwks")
def jwks(request: Request) -> JSONResponse:
    return JSONResponse(public_jwks(request.app.state.engine),
                        headers={"Cache-Control": "max-age=300"})


# --- authorization endpoint ------------------------------------------------------------

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in to Recourse</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 26rem; margin: 3rem auto;
       padding: 0 1rem; color: #1b1b1b; background: #fff; }}
label {{ display: block; margin-top: 1rem; font-weight: 600; }}
input[type=text], input[type=password] {{ width: 100%; padding: .5rem; font-size: 1rem;
       box-sizing: border-box; }}
.error {{ color: #a00; border-left: 4px solid #a00; padding-left: .75rem; }}
button {{ margin-top: 1.25rem; padding: .5rem 1.25rem; font-size: 1rem; }}
</style></head>
<body><h1>Sign in to Recourse</h1>
<p>Sign in with your force account to see the data the force holds about you.</p>
{message}
<form method="post" action="/oauth/authorize">
{hidden}
<label for="username">Username</label>
<input type="text" id="username" name="username" value="{username}"
       autocomplete="username" required autofocus>
<label for="password">Password</label>
<input type="password" id="password" name="password" autocomplete="current-password" required>
<button type="submit" name="action" value="login">Sign in</button>
<button type="submit" name="action" value="cancel" formnovalidate>Cancel</button>
</form></body></html>
"""

_PAGE_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
    "form-action 'self'; frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


def _error_page(message: str, status: int = 400) -> HTMLResponse:
    body = (
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>Sign-in request refused</title></head><body><h1>Sign-in request refused</h1>"
        f"<p>{html.escape(message)}</p></body></html>"
    )
    return HTMLResponse(body, status_code=status, headers=_PAGE_HEADERS)


def _redirect_with(redirect_uri: str, params: dict[str, str]) -> RedirectResponse:
    separator = "&" if "?" in redirect_uri else "?"
    return RedirectResponse(redirect_uri + separator + urlencode(params), status_code=303,
                            headers={"Cache-Control": "no-store"})


def _check_request(
    fields: dict[str, str], issuer: str
) -> tuple[Response | None, dict[str, str]]:
    """Validate an authorization request. Returns (refusal, cleaned fields)."""
    if any(len(value) > _FIELD_LIMIT for value in fields.values()):
        return _error_page("The sign-in request is too long."), fields
    if fields.get("client_id") != CLIENT_ID:
        return _error_page("This application is not registered with this server."), fields
    redirect_uri = fields.get("redirect_uri", "")
    if not is_loopback_redirect(redirect_uri):
        return _error_page(
            "The application asked to be sent back to an address this server does not "
            "allow. Only the Recourse desktop app on this computer may sign in here."
        ), fields

    def refuse(error: str, description: str) -> RedirectResponse:
        params = {"error": error, "error_description": description, "iss": issuer}
        if fields.get("state"):
            params["state"] = fields["state"]
        return _redirect_with(redirect_uri, params)

    if fields.get("response_type") != "code":
        return refuse("unsupported_response_type", "Only response_type=code is supported."), fields
    if fields.get("code_challenge_method") != "S256":
        return refuse("invalid_request", "PKCE with code_challenge_method=S256 is required."), \
            fields
    if not _PKCE_VALUE.match(fields.get("code_challenge", "")):
        return refuse("invalid_request", "A valid S256 code_challenge is required."), fields
    scopes = fields.get("scope", "").split()
    if "openid" not in scopes:
        return refuse("invalid_scope", "The openid scope is required."), fields
    fields["scope"] = " ".join(s for s in SCOPES if s in scopes)
    return None, fields


def _login_page(fields: dict[str, str], message: str = "", username: str = "",
                status: int = 200) -> HTMLResponse:
    hidden = "\n".join(
        f'<input type="hidden" name="{name}" value="{html.escape(fields.get(name, ""))}">'
        for name in _REQUEST_FIELDS
    )
    note = f'<p class="error" role="alert">{html.escape(message)}</p>' if message else ""
    return HTMLResponse(
        _PAGE.format(message=note, hidden=hidden, username=html.escape(username)),
        status_code=status,
        headers=_PAGE_HEADERS,
    )


@router.get("/oauth/authorize")
def authorize_page(request: Request) -> Response:
    fields = {name: request.query_params.get(name, "") for name in _REQUEST_FIELDS}
    refusal, fields = _check_request(fields, _settings(request).issuer_url)
    if refusal is not None:
        return refusal
    return _login_page(fields)


@router.post("/oauth/authorize")
async def authorize_submit(request: Request) -> Response:
    form = await request.form()
    fields = {name: str(form.get(name, "")) for name in _REQUEST_FIELDS}
    issuer = _settings(request).issuer_url
    refusal, fields = _check_request(fields, issuer)
    if refusal is not None:
        return refusal
    state = {"state": fields["state"]} if fields.get("state") else {}
    if form.get("action") == "cancel":
        return _redirect_with(fields["redirect_uri"], {
            "error": "access_denied", "error_description": "Sign-in was cancelled.",
            "iss": issuer, **state,
        })
    username = str(form.get("username", ""))[:200]
    password = str(form.get("password", ""))[:1000]
    engine = request.app.state.engine
    now = _clock(request)()
    address = request.client.host if request.client else "unknown"
    keys = {"account": "account:" + username.casefold(), "address": "address:" + address}
    throttled = _claim_attempt(engine, keys, now)
    if throttled is not None:
        which, wait = throttled
        whose = "for this account" if which == "account" else "from this computer"
        seconds = max(1, math.ceil(wait))
        page = _login_page(
            fields, f"Too many wrong passwords have been tried {whose}. For your safety, "
            f"wait {_duration(seconds)} and try again.", username=username, status=429)
        page.headers["Retry-After"] = str(seconds)
        return page
    with engine.connect() as conn:
        row = conn.execute(
            select(db.accounts.c.officer_id, db.accounts.c.password_hash)
            .where(db.accounts.c.username == username)
        ).first()
    stored_hash = row[1] if row is not None else DUMMY_HASH
    if not verify_password(password, stored_hash) or row is None:
        return _login_page(fields, "The username or password is not right. Try again.",
                           username=username, status=200)
    _forgive_attempt(engine, keys)
    code = secrets.token_urlsafe(32)
    with engine.begin() as conn:
        conn.execute(insert(db.authorization_codes), {
            "code_hash": _hash(code), "client_id": fields["client_id"],
            "redirect_uri": fields["redirect_uri"],
            "code_challenge": fields["code_challenge"], "officer_id": row[0],
            "nonce": fields.get("nonce") or None, "scope": fields["scope"],
            "expires_at": time.time() + CODE_TTL, "used": False,
        })
    return _redirect_with(fields["redirect_uri"], {"code": code, "iss": issuer, **state})


# --- login throttling ------------------------------------------------------------------

#: Wrong passwords allowed without a wait, per account name and per client address (an
#: office behind one address gets more), then each one doubles the wait, up to the cap.
FREE_FAILURES = {"account": 5, "address": 20}
MAX_WAIT = 15 * 60
#: A key with no wrong password for this long starts again from nothing.
FORGET_AFTER = 3600


def _clock(request: Request) -> Any:
    return getattr(request.app.state, "issuer_clock", None) or time.time


def _wait_after(failures: int, which: str) -> float:
    over = failures - FREE_FAILURES[which]
    return 0.0 if over < 0 else float(min(MAX_WAIT, 2 ** over))


def _duration(seconds: int) -> str:
    if seconds < 120:
        return f"{seconds} second" + ("" if seconds == 1 else "s")
    minutes = math.ceil(seconds / 60)
    return f"{minutes} minutes"


def _claim_attempt(engine: Any, keys: dict[str, str],
                   now: float) -> tuple[str, float] | None:
    """Count this attempt as a wrong password before the password is checked (a right
    one is forgiven after), or refuse it with (which key, seconds left to wait).

    Each count is a compare-and-set on the stored count, so parallel requests cannot all
    slip in under the same count; one that loses the race is refused for a moment.
    """
    t = db.login_throttle.c
    with engine.begin() as conn:
        rows = {}
        for which, key in keys.items():
            db.insert_or_ignore(conn, db.login_throttle, {
                "key": key, "failures": 0, "last_failure": 0.0, "blocked_until": 0.0})
            rows[which] = conn.execute(select(t.failures, t.last_failure, t.blocked_until)
                                       .where(t.key == key)).one()
        for which, (_failures, _last, blocked_until) in rows.items():
            if blocked_until > now:
                return which, blocked_until - now
        for which, (failures, last_failure, _blocked) in rows.items():
            counted = (0 if now - last_failure > FORGET_AFTER else failures) + 1
            claimed = conn.execute(
                update(db.login_throttle)
                .where(t.key == keys[which], t.failures == failures,
                       t.last_failure == last_failure)
                .values(failures=counted, last_failure=now,
                        blocked_until=now + _wait_after(counted, which))
            ).rowcount
            if claimed != 1:
                return which, 1.0
    return None


def _forgive_attempt(engine: Any, keys: dict[str, str]) -> None:
    """The password was right: the account starts afresh; the address loses this count."""
    t = db.login_throttle.c
    with engine.begin() as conn:
        conn.execute(delete(db.login_throttle).where(t.key == keys["account"]))
        conn.execute(update(db.login_throttle).where(t.key == keys["address"], t.failures > 0)
                     .values(failures=t.failures - 1))


# --- token endpoint --------------------------------------------------------------------

def _oauth_error(error: str, description: str, status: int = 400) -> JSONResponse:
    return JSONResponse({"error": error, "error_description": description},
                        status_code=status,
                        headers={"Cache-Control": "no-store", "Pragma": "no-cache"})


def _issue_tokens(request: Request, *, officer_id: str, scope: str, family_id: str,
                  nonce: str | None) -> JSONResponse:
    settings = _settings(request)
    engine = request.app.state.engine
    key = ensure_signing_key(engine)
    with engine.connect() as conn:
        account = conn.execute(
            select(db.accounts.c.username, db.accounts.c.name)
            .where(db.accounts.c.officer_id == officer_id)
        ).first()
    if account is None:
        return _oauth_error("invalid_grant", "The account no longer exists.")
    now = int(time.time())
    header = {"alg": BUILTIN_ALGORITHM, "kid": key.kid}
    access_claims = {
        "iss": settings.issuer_url, "sub": officer_id, "aud": settings.audience,
        "client_id": CLIENT_ID, "scope": scope, "iat": now, "nbf": now,
        "exp": now + settings.access_token_ttl, "jti": uuid.uuid4().hex,
        "preferred_username": account[0], "sid": family_id,
    }
    access_token = jwt.encode({**header, "typ": "at+jwt"}, access_claims, key,
                              algorithms=[BUILTIN_ALGORITHM])
    digest = hashlib.sha256(access_token.encode()).digest()
    id_claims: dict[str, Any] = {
        "iss": settings.issuer_url, "sub": officer_id, "aud": CLIENT_ID, "iat": now,
        "exp": now + 3600, "auth_time": now, "preferred_username": account[0],
        "name": account[1],
        "at_hash": base64.urlsafe_b64encode(digest[:16]).rstrip(b"=").decode(),
    }
    if nonce:
        id_claims["nonce"] = nonce
    id_token = jwt.encode({**header, "typ": "JWT"}, id_claims, key,
                          algorithms=[BUILTIN_ALGORITHM])
    refresh_token = secrets.token_urlsafe(48)
    with engine.begin() as conn:
        conn.execute(insert(db.refresh_tokens), {
            "token_hash": _hash(refresh_token), "family_id": family_id,
            "officer_id": officer_id, "client_id": CLIENT_ID, "scope": scope,
            "expires_at": time.time() + settings.refresh_token_ttl,
            "used": False, "revoked": False,
        })
    return JSONResponse(
        {
            "access_token": access_token, "token_type": "Bearer",
            "expires_in": settings.access_token_ttl, "refresh_token": refresh_token,
            "id_token": id_token, "scope": scope,
        },
        headers={"Cache-Control": "no-store", "Pragma": "no-cache"},
    )


def _pkce_matches(verifier: str, challenge: str) -> bool:
    if not _PKCE_VALUE.match(verifier):
        return False
    computed = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
    return secrets.compare_digest(computed.rstrip(b"=").decode(), challenge)


async def _form(request: Request) -> dict[str, str] | Response:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/x-www-form-urlencoded":
        return _oauth_error("invalid_request",
                            "Send the request as application/x-www-form-urlencoded.")
    form = await request.form()
    return {k: str(v)[:_FIELD_LIMIT * 4] for k, v in form.items()}


@router.post("/oauth/token")
async def token(request: Request) -> Response:
    form = await _form(request)
    if isinstance(form, Response):
        return form
    if form.get("client_id") != CLIENT_ID:
        return _oauth_error("invalid_client", "Unknown client.", 401)
    grant_type = form.get("grant_type")
    if grant_type == "authorization_code":
        return _exchange_code(request, form)
    if grant_type == "refresh_token":
        return _refresh(request, form)
    return _oauth_error("unsupported_grant_type",
                        "Only authorization_code and refresh_token are supported.")


def _grant_of(code: str) -> str:
    """The refresh-token family, and `sid` of the access tokens, that a code's exchange
    starts: derived from the code, so a replay of the code finds what it issued."""
    return _hash("grant:" + code)[:32]


def _exchange_code(request: Request, form: dict[str, str]) -> Response:
    code = form.get("code", "")
    engine = request.app.state.engine
    used = _oauth_error("invalid_grant", "The sign-in code has already been used. Sign in "
                                         "again.")
    with engine.begin() as conn:
        row = conn.execute(
            select(db.authorization_codes)
            .where(db.authorization_codes.c.code_hash == _hash(code))
        ).mappings().first()
        if row is not None and row["used"]:
            # RFC 6749 §4.1.2: a code used twice revokes what it was exchanged for, since
            # one of the two holders of the code is not who signed in.
            _revoke_family(conn, _grant_of(code))
            return used
        if row is None or row["expires_at"] < time.time():
            return _oauth_error("invalid_grant", "The sign-in code is not valid or has expired.")
        claimed = conn.execute(
            update(db.authorization_codes)
            .where(db.authorization_codes.c.code_hash == row["code_hash"])
            .where(db.authorization_codes.c.used.is_(False))
            .values(used=True)
        ).rowcount
    if claimed != 1:
        with engine.begin() as conn:
            _revoke_family(conn, _grant_of(code))
        return used
    if form.get("redirect_uri") != row["redirect_uri"] or row["client_id"] != CLIENT_ID:
        return _oauth_error("invalid_grant", "The redirect URI does not match the request.")
    if not _pkce_matches(form.get("code_verifier", ""), row["code_challenge"]):
        return _oauth_error("invalid_grant", "The PKCE code verifier does not match.")
    return _issue_tokens(request, officer_id=row["officer_id"], scope=row["scope"],
                         family_id=_grant_of(code), nonce=row["nonce"])


def _revoke_family(conn: Any, family_id: str) -> None:
    """End a sign-in: its refresh tokens, and (by `sid`) its access tokens too."""
    conn.execute(update(db.refresh_tokens).where(db.refresh_tokens.c.family_id == family_id)
                 .values(revoked=True))
    db.insert_or_ignore(conn, db.revoked_grants, {"family_id": family_id,
                                                  "revoked_at": time.time()})


def _refresh(request: Request, form: dict[str, str]) -> Response:
    presented = form.get("refresh_token", "")
    engine = request.app.state.engine
    refused = _oauth_error("invalid_grant", "The refresh token is not valid. Sign in again.")
    with engine.begin() as conn:
        row = conn.execute(
            select(db.refresh_tokens).where(db.refresh_tokens.c.token_hash == _hash(presented))
        ).mappings().first()
        if row is None or row["revoked"] or row["expires_at"] < time.time():
            return refused
        if row["used"]:
            _revoke_family(conn, row["family_id"])
            return refused
        claimed = conn.execute(
            update(db.refresh_tokens)
            .where(db.refresh_tokens.c.token_hash == row["token_hash"])
            .where(db.refresh_tokens.c.used.is_(False))
            .values(used=True)
        ).rowcount
        if claimed != 1:
            _revoke_family(conn, row["family_id"])
            return refused
    return _issue_tokens(request, officer_id=row["officer_id"], scope=row["scope"],
                         family_id=row["family_id"], nonce=None)


@router.post("/oauth/revoke")
async def revoke(request: Request) -> Response:
    form = await _form(request)
    if isinstance(form, Response):
        return form
    if form.get("client_id", CLIENT_ID) != CLIENT_ID:
        return _oauth_error("invalid_client", "Unknown client.", 401)
    presented = form.get("token", "")
    with request.app.state.engine.begin() as conn:
        family = conn.execute(
            select(db.refresh_tokens.c.family_id)
            .where(db.refresh_tokens.c.token_hash == _hash(presented))
        ).scalar_one_or_none()
        if family is not None:
            _revoke_family(conn, family)
    # RFC 7009 §2.2: unknown and already-invalid tokens are answered the same way.
    return Response(status_code=200, headers={"Cache-Control": "no-store"})
