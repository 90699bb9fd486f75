"""Views and API modules only translate (../shared/STYLE.md): reads go through selectors and
writes through services. A view or API module that queries the database itself fails here."""

from __future__ import annotations

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR) / "kopir"
# Query-building methods no other kind of object in these modules has.
QUERYSET_METHODS = {
    "annotate", "aggregate", "select_related", "prefetch_related", "values_list", "in_bulk",
    "select_for_update", "bulk_create", "bulk_update", "get_or_create", "update_or_create",
    "filter", "exclude", "order_by",
}  # fmt: skip


def _orm_uses(source: str) -> int:
    """Managers (`Model.objects`), transactions, query building (annotate, select_related …),
    and `get_object_or_404(Model, …)` straight on a model (through a selector it is fine)."""
    uses = 0
    for node in ast.walk(ast.parse(source)):
        if (
            (isinstance(node, ast.Attribute) and node.attr in ("objects", "_default_manager"))
            or (isinstance(node, ast.Attribute) and node.attr in QUERYSET_METHODS)
            or (
                isinstance(node, ast.Attribute)
                and node.attr == "atomic"
                and isinstance(node.value, ast.Name)
                and node.value.id == "transaction"
            )
            or (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("get_object_or_404", "get_list_or_404")
                and node.args
                and isinstance(node.args[0], ast.Name)
                and node.args[0].id[:1].isupper()
            )
        ):
            uses += 1
    return uses


def _translating_modules() -> list[Path]:
    return sorted(
        path
        for path in ROOT.rglob("*.py")
        if "tests" not in path.parts
        and "migrations" not in path.parts
        and (path.name in ("views.py", "apis.py") or path.name.endswith("_views.py"))
    )


def test_views_and_apis_do_not_query() -> None:
    found = {
        str(path.relative_to(ROOT)): _orm_uses(path.read_text(encoding="utf-8"))
        for path in _translating_modules()
    }
    assert len(found) >= 20  # every app's views and API modules were read
    querying = {name: count for name, count in found.items() if count}
    assert not querying, f"the ORM in views or API modules (uses per module): {querying}"


def test_the_count_sees_what_it_should() -> None:
    querying = (
        "def view(request, pk):\n"
        "    with transaction.atomic():\n"
        "        item = get_object_or_404(Item, pk=pk)\n"
        "        Item.objects.filter(pk=pk).update(title='x')\n"
        "        return found.values('year').annotate(n=Count('pk'))\n"
    )
    translating = (
        "def view(request, pk):\n"
        "    item = get_object_or_404(selectors.items(request.user), pk=pk)\n"
        "    return services.item_update(item, change=Change.from_request(request))\n"
    )
    assert (_orm_uses(querying), _orm_uses(translating)) == (5, 0)
