"""Page weight of the public pages: HTML plus every stylesheet and script they load.

Target (issue 2): a page without the map weighs at most 150 KB in all. Prints uncompressed and
gzip sizes per page and language. Run with `make bench`.
"""

from __future__ import annotations

import gzip
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django

django.setup()

import lxml.html  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from kopir.network.demo.loader import load_demo_network  # noqa: E402

PAGES = ["/{lang}/", "/{lang}/partners/", "/{lang}/partners/shemonaikha-central-library/",
         "/{lang}/agreements/", "/{lang}/agreements/1/", "/{lang}/map/"]  # fmt: skip
LIMIT = 150 * 1024


def weigh(client: Client, url: str) -> tuple[int, int]:
    html = client.get(url).content
    raw, packed = len(html), len(gzip.compress(html))
    document = lxml.html.document_fromstring(html)
    for resource in document.xpath("//script/@src|//link[@rel='stylesheet']/@href"):
        data = Path(finders.find(resource.removeprefix(settings.STATIC_URL))).read_bytes()
        raw, packed = raw + len(data), packed + len(gzip.compress(data))
    return raw, packed


def main() -> int:
    call_command("migrate", verbosity=0)
    load_demo_network()
    client = Client()
    worst = 0
    print(f"{'page':58} {'bytes':>8} {'gzip':>8}")
    for lang in ("kk", "ru", "en"):
        for page in PAGES:
            url = page.format(lang=lang)
            raw, packed = weigh(client, url)
            note = " (map page: Leaflet, not bound by the target)" if "/map/" in url else ""
            if "/map/" not in url:
                worst = max(worst, raw)
            print(f"{url:58} {raw:>8} {packed:>8}{note}")
    verdict = "within" if worst <= LIMIT else "OVER"
    print(f"heaviest page without the map: {worst / 1024:.1f} KB ({verdict} the 150 KB target)")
    return 0 if worst <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
