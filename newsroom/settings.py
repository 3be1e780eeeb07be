"""Settings for the newsroom's editorial desk.

Every value that differs between deployments comes from the environment, read
through the small helpers below, which fail loudly on a value they cannot use.
With no environment at all the project runs for development: DEBUG on, an
embedded SQLite database next to manage.py.
"""

import os
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name, default=None):
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(f"Set the {name} environment variable.")
    return value


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a boolean; use 1/0, true/false or yes/no.")


def env_int(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from None


def env_float(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        return float(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a number of seconds.") from None


def env_list(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def database_from_url(url):
    """Turn DATABASE_URL into a DATABASES entry; unset means the embedded SQLite file.

    postgres://USER:PASSWORD@HOST:PORT/NAME?sslmode=require and
    sqlite:///ABSOLUTE/PATH (or sqlite:///relative/path) are understood.
    """
    if not url:
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": unquote(parts.path[1:]) or ":memory:",
        }
    if parts.scheme in {"postgres", "postgresql", "pgsql"}:
        name = unquote(parts.path.lstrip("/"))
        if not name:
            raise ImproperlyConfigured(f"DATABASE_URL {url!r} names no database.")
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            # articles/statements.py prepares the public article page's few statements (no
            # other query is prepared: Django binds their values in the client).
            "OPTIONS": {"prepare_threshold": 5} | dict(parse_qsl(parts.query))
            if DATABASE_PREPARED_STATEMENTS
            else dict(parse_qsl(parts.query)),
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
        }
    raise ImproperlyConfigured(
        f"DATABASE_URL scheme {parts.scheme!r} is not supported; use postgres:// or sqlite://."
    )


DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key" if DEBUG else None)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_htmx",
    "django_tasks_db",
    "articles",
]

# What follows a change (notification emails) is written to the database in the change's own
# transaction and carried out by a worker: `manage.py db_worker` (articles/notifications.py).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "newsroom.middleware.drop_control_characters",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",  # ETags, and 304 for conditional requests
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

# With no "loaders" given, Django wraps its loaders in the cached loader: each template is
# read and compiled once per process, in production as in development.
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
                "articles.context_processors.site",
            ],
        },
    },
]

# Content Security Policy on every page: scripts, styles and everything else from this site
# only; no inline scripts or styles anywhere (JSON-LD data blocks are not scripts).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# Production: HTTPS only. Each can be turned off (e.g. SECURE_SSL_REDIRECT=0 where a proxy
# in front already redirects, or to benchmark over plain HTTP).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
if env_bool("BEHIND_TLS_PROXY", False):  # the proxy in front says which requests were HTTPS
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
X_FRAME_OPTIONS = "DENY"

# Cached public pages: local memory (one process, as under `make run`), or Redis, which every
# app server shares, when REDIS_URL is set. A page is cached until something on it changes.
REDIS_URL = env_str("REDIS_URL", "")
CACHES = {
    "default": (
        {
            "BACKEND": "articles.redis_cache.SharedRedisCache",
            "LOCATION": REDIS_URL,
            # A cache that does not answer within these is treated as down (public_cache.py):
            # pages are then rendered from the database instead of waiting.
            "OPTIONS": {
                "socket_connect_timeout": env_float("REDIS_TIMEOUT", 0.5),
                "socket_timeout": env_float("REDIS_TIMEOUT", 0.5),
            },
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
PUBLIC_CACHE_SECONDS = env_int("PUBLIC_CACHE_SECONDS", 60 * 60)  # 0 turns the page cache off
PUBLIC_MAX_AGE = env_int("PUBLIC_MAX_AGE", 0)  # seconds browsers and proxies may reuse a page
# A cache in front (Varnish, a CDN), purged by surrogate key on every change (articles/purging.py):
# "" (none: the page cache above is the only cache), "varnish", "fastly" or "cloudflare".
PURGE_BACKEND = env_str("PURGE_BACKEND", "")
if PURGE_BACKEND == "varnish":  # its health probe asks for / as localhost (deploy/varnish)
    ALLOWED_HOSTS = [*ALLOWED_HOSTS, "localhost"]
if PURGE_BACKEND not in {"", "varnish", "fastly", "cloudflare"}:
    raise ImproperlyConfigured(
        f"PURGE_BACKEND is “{PURGE_BACKEND}”: leave it empty, or give varnish, fastly or "
        "cloudflare."
    )
PURGE_URLS = env_list("PURGE_URLS", ["http://127.0.0.1:6081/"])  # each Varnish, for "varnish"
CDN_API_URL = env_str(
    "CDN_API_URL", "https://api.fastly.com"
)  # or https://api.cloudflare.com/client/v4
CDN_SERVICE = env_str("CDN_SERVICE", "")  # Fastly's service id, or Cloudflare's zone id
CDN_TOKEN = env_str("CDN_TOKEN", "")
# How long the front may keep a page (it is purged when the page changes), and serve it
# stale: while refreshing it in the background, and while the app servers are down.
FRONT_CACHE_SECONDS = env_int("FRONT_CACHE_SECONDS", 24 * 60 * 60 if PURGE_BACKEND else 0)
STALE_WHILE_REVALIDATE_SECONDS = env_int("STALE_WHILE_REVALIDATE_SECONDS", 60)
STALE_IF_ERROR_SECONDS = env_int("STALE_IF_ERROR_SECONDS", 24 * 60 * 60)

# Off where a connection pooler in transaction mode sits in front of PostgreSQL.
DATABASE_PREPARED_STATEMENTS = env_bool("DATABASE_PREPARED_STATEMENTS", True)
DATABASES = {"default": database_from_url(os.environ.get("DATABASE_URL", ""))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "desk:desk"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
USE_I18N = True
USE_TZ = True
# Stored in UTC; shown in the newsroom's own time zone.
TIME_ZONE = env_str("NEWSROOM_TIME_ZONE", "Asia/Damascus")

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Workflow notifications (Django 6.1 mailers). The console prints them while developing;
# with DEBUG off they go through the SMTP server named here.
MAILERS = {
    "default": (
        {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
        if env_bool("EMAIL_TO_CONSOLE", DEBUG)
        else {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": env_str("EMAIL_HOST", "localhost"),
                "port": env_int("EMAIL_PORT", 25),
                "username": env_str("EMAIL_HOST_USER", ""),
                "password": env_str("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", False),
                "timeout": env_int("EMAIL_TIMEOUT", 10),
            },
        }
    )
}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "newsroom@localhost")
NEWSROOM_SITE_NAME = env_str("NEWSROOM_SITE_NAME", "The Syrian Observer")
# The desk's address as people reach it, for links in emails.
NEWSROOM_SITE_URL = env_str("NEWSROOM_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Machine translation, off unless a LibreTranslate-compatible service is named here.
MACHINE_TRANSLATION_URL = env_str("MACHINE_TRANSLATION_URL", "").rstrip("/")
MACHINE_TRANSLATION_KEY = env_str("MACHINE_TRANSLATION_KEY", "")
MACHINE_TRANSLATION_TIMEOUT = env_int("MACHINE_TRANSLATION_TIMEOUT", 10)

# Seed files larger than this are refused by import_seeds: a real report is a few KB.
SEED_MAX_BYTES = env_int("SEED_MAX_BYTES", 1024 * 1024)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
