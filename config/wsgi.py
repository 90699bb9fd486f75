"""WSGI entry point for gunicorn."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
application = get_wsgi_application()
# Everything loaded so far (Django, the URL patterns, the catalogues) lives as long as the
# process: freeze it, so that the collector's full passes walk only what requests create.
# Without this a full pass over the whole heap stalls a request now and then (about 70 ms
# measured on an OAI-PMH page, bench/collection_search.py).
gc.freeze()
