"""The API at /api/v1/: one NinjaAPI, each domain adds its router."""

from __future__ import annotations

from ninja import NinjaAPI

from kopir.network.apis import router as network_router

api = NinjaAPI(
    title="Köpir API",
    version="1",
    description="Cross-border library cooperation: the partner network and its work.",
    urls_namespace="api-v1",
)
api.add_router("/network/", network_router)
