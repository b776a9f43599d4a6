"""Skillstack settings: one file, every value from the environment (see env.py and
docs/development.md for the list). Development defaults are safe on a laptop; production
(``SKILLSTACK_ENV=production``) refuses to start without a secret key, allowed hosts and mail.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import dj_database_url

from skillstack.env import EnvError, env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
VAR_DIR = Path(env_str("SKILLSTACK_VAR_DIR", str(PROJECT_DIR / "var")) or "var")

ENVIRONMENT = env_str("SKILLSTACK_ENV", "development")
if ENVIRONMENT not in {"development", "test", "production"}:
    raise EnvError(f"SKILLSTACK_ENV must be development, test or production, not {ENVIRONMENT!r}")
PRODUCTION = ENVIRONMENT == "production"

DEBUG = env_bool("DEBUG", default=not PRODUCTION and ENVIRONMENT != "test")
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise EnvError("SECRET_KEY (or SECRET_KEY_FILE) must be set in production")
    SECRET_KEY = "dev-only-insecure-key-never-use-in-production-0123456789abcdef"  # noqa: S105

# Issuer private keys are sealed with this key-encryption key (base64 of 32 random bytes:
# `python -c "import os,base64;print(base64.urlsafe_b64encode(os.urandom(32)).decode())"`).
KEY_ENCRYPTION_KEY: str = env_str("SKILLSTACK_KEY_ENCRYPTION_KEY") or ""
if not KEY_ENCRYPTION_KEY:
    if PRODUCTION:
        raise EnvError("SKILLSTACK_KEY_ENCRYPTION_KEY (or _FILE) must be set in production")
    # Development only: derived from the dev secret so `make demo` needs no set-up.
    KEY_ENCRYPTION_KEY = base64.urlsafe_b64encode(
        hashlib.sha256(b"dev-kek" + SECRET_KEY.encode()).digest()
    ).decode()

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"]
)
if PRODUCTION and not ALLOWED_HOSTS:
    raise EnvError("ALLOWED_HOSTS must list the public host names in production")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = (env_str("SITE_URL", "http://127.0.0.1:8000") or "").rstrip("/")
# Verification fetches other issuers' DID documents and status lists (and credentials given by
# URL) only from these hosts, over https; empty (the default) = verification stays offline.
VERIFY_FETCH_ALLOWED_HOSTS = env_list("VERIFY_FETCH_ALLOWED_HOSTS", [])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "oauth2_provider",
    "skillstack.core",
    "skillstack.accounts",
    "skillstack.audit",
    "skillstack.catalog",
    "skillstack.assessment",
    "skillstack.issuing",
    "skillstack.wallet",
    "skillstack.verification",
    "skillstack.jobs",
    "skillstack.matching",
    "skillstack.hiring",
    "skillstack.pathways",
    "skillstack.trust",
    "skillstack.oid4vci",
    "skillstack.resume",
    "skillstack.obapi",
    "skillstack.outcomes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "skillstack.accounts.middleware.AdminTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "skillstack.urls"
WSGI_APPLICATION = "skillstack.wsgi.application"
ASGI_APPLICATION = "skillstack.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "skillstack.core.context_processors.navigation",
            ],
        },
    },
]

# --- Database: SQLite (WAL) by default, PostgreSQL through DATABASE_URL -------------------
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'skillstack.sqlite3'}")
try:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL or "", conn_max_age=60)}
except ValueError as exc:
    raise EnvError(
        f"DATABASE_URL must look like postgres://user:password@host:5432/name or "
        f"sqlite:///path/to/file.sqlite3 ({exc})"
    ) from exc
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets the web server read while the task worker writes.
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts -------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if ENVIRONMENT == "test":  # hashing strength is not under test; speed of the suite is
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGIN_THROTTLE_LIMIT = env_int("LOGIN_THROTTLE_LIMIT", 5)
LOGIN_THROTTLE_WINDOW_S = env_int("LOGIN_THROTTLE_WINDOW_S", 900)
INVITATION_VALID_DAYS = env_int("INVITATION_VALID_DAYS", 14)
OTP_TOTP_ISSUER = "Skillstack"

# --- OAuth 2.0 for the Open Badges API (django-oauth-toolkit; scopes in obapi/scopes.py) ---
OAUTH2_PROVIDER = {
    "PKCE_REQUIRED": True,
    "ACCESS_TOKEN_EXPIRE_SECONDS": env_int("OAUTH_ACCESS_TOKEN_SECONDS", 3600),
    "REFRESH_TOKEN_EXPIRE_SECONDS": env_int("OAUTH_REFRESH_TOKEN_SECONDS", 60 * 60 * 24 * 90),
    "AUTHORIZATION_CODE_EXPIRE_SECONDS": 300,
    "ROTATE_REFRESH_TOKEN": True,
    "ALLOWED_REDIRECT_URI_SCHEMES": ["https"] if PRODUCTION else ["https", "http"],
    "SCOPES_BACKEND_CLASS": "skillstack.obapi.scopes.ClientScopes",
    "REQUEST_APPROVAL_PROMPT": "auto",
    # RFC 9700 (OAuth 2.0 Security BCP): no implicit or password grant, S256 PKCE only, tokens
    # only in headers, `iss` in responses, hashed token storage, refresh-token replay kills
    # the family.
    "COMPLIANT_BCP_RFC9700_IMPLICIT_GRANT": True,
    "COMPLIANT_BCP_RFC9700_PASSWORD_GRANT": True,
    "COMPLIANT_BCP_RFC9700_PKCE_METHOD": True,
    "COMPLIANT_BCP_RFC9700_ACCESS_TOKEN_TRANSPORT": True,
    "COMPLIANT_BCP_RFC9700_AUTHZ_RESPONSE_ISS": True,
    "COMPLIANT_BCP_RFC9700_TOKEN_STORAGE": True,
    "COMPLIANT_BCP_RFC9700_REFRESH_TOKEN": True,
    "REFRESH_TOKEN_REUSE_PROTECTION": True,
}

OAUTH2_PROVIDER_APPLICATION_MODEL = "oauth2_provider.Application"  # swappable: named once

# --- Cache (login throttling); per-process memory unless REDIS/DB cache configured ---------
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "skillstack_cache",
    }
}

# --- Tasks: django-tasks with its database backend; immediate in tests -------------------
TASKS_IMMEDIATE = env_bool("TASKS_IMMEDIATE", default=ENVIRONMENT == "test")
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if TASKS_IMMEDIATE
            else "django_tasks_db.DatabaseBackend"
        )
    }
}

# --- Mail: Django's mail system; console in development --------------------------------
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Skillstack <no-reply@skillstack.localhost>")

# --- Static files: vendor assets from npm (node_modules), no bundler ----------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
NODE_MODULES = PROJECT_DIR / "node_modules"
STATICFILES_DIRS = [
    ("vendor/pico", NODE_MODULES / "@picocss" / "pico" / "css"),
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
    ("vendor/idb", NODE_MODULES / "idb" / "build"),
]
STATICFILES_DIRS = [(prefix, path) for prefix, path in STATICFILES_DIRS if path.exists()]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"
WHITENOISE_USE_FINDERS = not PRODUCTION
STATIC_ROOT.mkdir(parents=True, exist_ok=True)

# --- Security ---------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=PRODUCTION)
SECURE_HSTS_SECONDS = 31536000 if PRODUCTION else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = PRODUCTION
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if PRODUCTION else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 12)
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 5 * 1024 * 1024)

LANGUAGE_CODE = "en"
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
