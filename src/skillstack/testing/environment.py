"""pytest plugin, loaded with ``-p`` before pytest-django reads the settings: selects the test
environment (immediate tasks) and allows the ORM in Playwright's event-loop thread."""

import os

os.environ.setdefault("SKILLSTACK_ENV", "test")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
