"""Takt's one settings file, driven by the environment (see README, "Configuration")."""

from pathlib import Path

from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from takt import envconf

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = envconf.data_dir()

SECRET_KEY = envconf.secret_key(DATA_DIR)
# Earlier keys, comma-separated, still accepted after a rotation (sessions, sealed passwords).
SECRET_KEY_FALLBACKS = envconf.env_list("SECRET_KEY_FALLBACKS", [])
DEBUG = envconf.env_bool("DEBUG", False)
ALLOWED_HOSTS = envconf.env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = envconf.env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = envconf.env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Replies by e-mail: every message carries Reply-To reply+<token>@TAKT_REPLY_DOMAIN when set,
# and `takt receive` reads what the mail server hands it for that domain (README, Receiving).
TAKT_REPLY_DOMAIN = envconf.env_str("TAKT_REPLY_DOMAIN", "").strip().lower()
# The same replies fetched from an IMAP mailbox instead: `takt worker` polls it when
# TAKT_IMAP_HOST is set (README, Replies by e-mail). The mailbox should be Takt's own.
TAKT_IMAP_HOST = envconf.env_str("TAKT_IMAP_HOST", "").strip()
TAKT_IMAP_SECURITY = envconf.imap_security(TAKT_IMAP_HOST)
TAKT_IMAP_PORT = envconf.env_int(
    "TAKT_IMAP_PORT", 993 if TAKT_IMAP_SECURITY == "ssl" else 143, minimum=1
)
TAKT_IMAP_USER = envconf.env_str("TAKT_IMAP_USER")
TAKT_IMAP_PASSWORD = envconf.env_str("TAKT_IMAP_PASSWORD")
TAKT_IMAP_FOLDER = envconf.env_str("TAKT_IMAP_FOLDER", "").strip() or "INBOX"
TAKT_IMAP_POLL_SECONDS = envconf.env_int("TAKT_IMAP_POLL_SECONDS", 60, minimum=5)
# How long the worker keeps finished task results, and webhook deliveries with their attempts.
TAKT_TASK_RESULTS_DAYS = envconf.env_int("TAKT_TASK_RESULTS_DAYS", 7, minimum=1)
TAKT_WEBHOOK_LOG_DAYS = envconf.env_int("TAKT_WEBHOOK_LOG_DAYS", 30, minimum=1)
TAKT_IMAP_TIMEOUT = envconf.env_int("TAKT_IMAP_TIMEOUT", 30, minimum=1)
# A CA bundle for a server whose certificate no public CA signed (a company's own).
TAKT_IMAP_CA_FILE = envconf.env_str("TAKT_IMAP_CA_FILE", "").strip()
# How long a candidate's personal link lives (it also dies when the interview changes).
TAKT_LINK_EXPIRY_HOURS = envconf.env_int("TAKT_LINK_EXPIRY_HOURS", 14 * 24, minimum=1)
# How many e-mails Takt relays for one job seeker in any 24 hours (seeker/relay.py).
TAKT_RELAY_DAILY_LIMIT = envconf.env_int("TAKT_RELAY_DAILY_LIMIT", 20, minimum=0)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_tasks_db",
    # In layers, bottom up (README, architecture): core; outbox and calendars; the two sides'
    # flows; the candidate pages and the API.
    "takt.core",
    "takt.outbox",
    "takt.calendars",
    "takt.seeker",
    "takt.hiring",
    "takt.webhooks",
    "takt.candidates",
    "takt.api",
    "takt.inbox",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "takt.urls"
WSGI_APPLICATION = "takt.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "takt.core.context.workspaces",
            ],
        },
    }
]

DATABASES = {"default": envconf.database(DATA_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache lives in the database so every web process, on every machine, shares it:
# the candidate links' rate limit counts across all of them.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "takt_cache",
    }
}

TASKS = {
    "default": {
        "BACKEND": envconf.env_str("TAKT_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        # `takt worker` runs mail apart from calendars with the mailbox poll, and webhooks alone.
        "QUEUES": ["default", "mail", "calendars", "inbox", "webhooks"],
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
# Interviews carry their own IANA zone; this is only the default for new people.
TIME_ZONE = envconf.env_str("TAKT_TIME_ZONE", "Europe/Stockholm")

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT.mkdir(exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# E-mail: SMTP when TAKT_SMTP_HOST is set; otherwise each message is kept as an
# .eml file in the data folder (and on the Outbox page), so `make run` needs no server.
SMTP_HOST = envconf.env_str("TAKT_SMTP_HOST")
if SMTP_HOST:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": SMTP_HOST,
                "port": envconf.env_int("TAKT_SMTP_PORT", 587, minimum=1),
                "username": envconf.env_str("TAKT_SMTP_USER"),
                "password": envconf.env_str("TAKT_SMTP_PASSWORD"),
                "use_tls": envconf.env_bool("TAKT_SMTP_STARTTLS", True),
                "use_ssl": envconf.env_bool("TAKT_SMTP_SSL", False),
                "timeout": envconf.env_int("TAKT_SMTP_TIMEOUT", 30, minimum=1),
            },
        }
    }
else:
    MAILERS = {
        "default": {
            "BACKEND": "takt.outbox.backends.EmlFolderBackend",
            "OPTIONS": {"folder": str(DATA_DIR / "sent-mail")},
        }
    }
DEFAULT_FROM_EMAIL = envconf.env_str("TAKT_FROM_EMAIL", "takt@localhost")

# --- Security: cookies, HTTPS, headers, login throttling, outbound requests -------------
# Served over https (SITE_URL says so): cookies only over https, HSTS, and plain http
# redirected, so that `takt manage check --deploy` has nothing to report.
_HTTPS = SITE_URL.startswith("https://")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = envconf.env_bool("TAKT_SECURE_COOKIES", _HTTPS)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = envconf.env_bool("TAKT_SSL_REDIRECT", _HTTPS)
SECURE_HSTS_SECONDS = envconf.env_int("TAKT_HSTS_SECONDS", 365 * 24 * 3600 if _HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envconf.env_bool("TAKT_HSTS_INCLUDE_SUBDOMAINS", _HTTPS)
SECURE_HSTS_PRELOAD = envconf.env_bool("TAKT_HSTS_PRELOAD", _HTTPS)
# Behind a reverse proxy that ends TLS (README, "Behind a TLS proxy"): trust its
# X-Forwarded-Proto, and only then; a client could send the header itself.
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if envconf.env_bool("TAKT_BEHIND_PROXY", False) else None
)
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Pages load only Takt's own scripts, styles and images: no inline code, no other origin.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}
MIDDLEWARE += [
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "takt.private_pages.PrivatePagesMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its answer.
    "axes.middleware.AxesMiddleware",
]

# Login throttling (django-axes) on the sign-in page and the admin: a user name or an
# address is locked after TAKT_LOGIN_FAILURES wrong passwords, for a time that doubles
# with every further round of failures within a day (takt.login_throttle.cool_off).
INSTALLED_APPS += ["axes"]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = envconf.env_int("TAKT_LOGIN_FAILURES", 10, minimum=1)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each on its own
AXES_COOLOFF_TIME = "takt.login_throttle.cool_off"
AXES_ENABLE_ACCESS_FAILURE_LOG = True  # the record the backoff counts
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_IPWARE_PROXY_COUNT = 1 if SECURE_PROXY_SSL_HEADER else None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR") if SECURE_PROXY_SSL_HEADER else ("REMOTE_ADDR",)
)

# Calendar servers (and any other address Takt fetches for a user) must be public;
# these networks are allowed besides, for a calendar server on the operator's own network.
TAKT_OUTBOUND_ALLOW = envconf.env_networks("TAKT_OUTBOUND_ALLOW")
# --- end of security ----------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envconf.env_str("TAKT_LOG_LEVEL", "INFO")},
    # django-axes says hello at every start; its lockouts are warnings and still show.
    "loggers": {"axes": {"level": "WARNING"}},
}
