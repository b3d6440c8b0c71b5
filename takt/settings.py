"""Takt's one settings file, driven by the environment (see README, "Configuration")."""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from takt import envconf

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = envconf.data_dir()

SECRET_KEY = envconf.secret_key(DATA_DIR)
DEBUG = envconf.env_bool("DEBUG", False)
ALLOWED_HOSTS = envconf.env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = envconf.env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = envconf.env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_tasks_db",
    "takt.interviews",
    "takt.outbox",
    "takt.calendars",
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
                "takt.interviews.context.workspaces",
            ],
        },
    }
]

DATABASES = {"default": envconf.database(DATA_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TASKS = {
    "default": {
        "BACKEND": envconf.env_str("TAKT_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
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
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# E-mail: SMTP when TAKT_SMTP_HOST is set; otherwise messages are kept as .eml
# files in the data folder and on the Outbox page, so `make run` needs no server.
SMTP_HOST = envconf.env_str("TAKT_SMTP_HOST")
EMAIL_HOST = SMTP_HOST or "localhost"
EMAIL_PORT = envconf.env_int("TAKT_SMTP_PORT", 587 if SMTP_HOST else 25, minimum=1)
EMAIL_HOST_USER = envconf.env_str("TAKT_SMTP_USER")
EMAIL_HOST_PASSWORD = envconf.env_str("TAKT_SMTP_PASSWORD")
EMAIL_USE_TLS = envconf.env_bool("TAKT_SMTP_STARTTLS", bool(SMTP_HOST))
EMAIL_USE_SSL = envconf.env_bool("TAKT_SMTP_SSL", False)
EMAIL_TIMEOUT = envconf.env_int("TAKT_SMTP_TIMEOUT", 30, minimum=1)
DEFAULT_FROM_EMAIL = envconf.env_str("TAKT_FROM_EMAIL", "takt@localhost")
EMAIL_FILE_DIR = DATA_DIR / "sent-mail"

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
