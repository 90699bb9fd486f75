"""The API at /api/v1/: one NinjaAPI, one error shape; each domain adds its router."""

from __future__ import annotations

from ninja import NinjaAPI

from kopir.api import errors
from kopir.api.auth import reader_auth
from kopir.api.parser import CheckedParser
from kopir.bibliography.apis import router as references_router
from kopir.events.apis import router as events_router
from kopir.exchange.apis import router as exchange_router
from kopir.heritage.apis import router as heritage_router
from kopir.network.apis import router as network_router
from kopir.reports.apis import router as reports_router
from kopir.search.apis import router as search_router

api = NinjaAPI(
    title="Köpir API",
    version="1",
    description=(
        "Cross-border library cooperation: the partner network and its work. Reads are public "
        "(people only where they consented). Writes need a personal token "
        "(`Authorization: Bearer …`) and obey the same permissions as the site: an editor "
        "changes only the records of their own organisation. Every error has the shape "
        '`{"code", "message", "fields"}`; 401 no or bad token, 403 not allowed, 404 no such '
        "record, 409 the record changed since the `version` you sent, 422 invalid data."
    ),
    urls_namespace="api-v1",
    parser=CheckedParser(),
    auth=reader_auth,  # writes name token_auth: one way to say who asks, for every operation
)
errors.install(api)
api.add_router("/network/", network_router)
api.add_router("/", events_router)
api.add_router("/exchange/", exchange_router)
api.add_router("/heritage/", heritage_router)
api.add_router("/", references_router)
api.add_router("/", reports_router)
api.add_router("/", search_router)
