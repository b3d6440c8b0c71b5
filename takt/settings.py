"""Takt's one settings file, driven by the environment (see README, "Configuration")."""

from pathlib import Path

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
# How long a candidate's personal link lives (it also dies when the interview changes).
TAKT_LINK_EXPIRY_HOURS = envconf.env_int("TAKT_LINK_EXPIRY_HOURS", 14 * 24, minimum=1)

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
    "takt.candidates",
    "takt.api",
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
        # `takt worker` runs mail and calendars in processes of their own (takt_worker.py).
        "QUEUES": ["default", "mail", "calendars"],
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

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = envconf.env_bool("TAKT_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envconf.env_str("TAKT_LOG_LEVEL", "INFO")},
}
