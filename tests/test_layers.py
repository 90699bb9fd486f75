"""Views and API modules only translate (../shared/STYLE.md): reads go through selectors and
writes through services. The ORM uses still left in them are counted here and may only shrink;
a new view or API module that queries the database itself fails this test."""

from __future__ import annotations

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR) / "kopir"
# What each module still does itself (issue 15 moves it out): the bound only ever goes down.
STILL_QUERYING = {
    "accounts/views.py": 7,
    "bibliography/views.py": 5,
    "events/views.py": 2,
    "events/workspace_views.py": 3,
    "exchange/offer_views.py": 3,
    "exchange/views.py": 3,
    "heritage/views.py": 2,
    "heritage/workspace_views.py": 14,
    "network/workspace_views.py": 9,
}


def _orm_uses(source: str) -> int:
    """Managers (`Model.objects`), transactions, and `get_object_or_404(Model, …)` straight on a
    model (through a selector it is fine)."""
    uses = 0
    for node in ast.walk(ast.parse(source)):
        if (
            (isinstance(node, ast.Attribute) and node.attr in ("objects", "_default_manager"))
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


def test_views_and_apis_query_no_more_than_before() -> None:
    found = {
        str(path.relative_to(ROOT)): _orm_uses(path.read_text(encoding="utf-8"))
        for path in _translating_modules()
    }
    assert len(found) >= 20  # every app's views and API modules were read
    grown = {
        name: (count, STILL_QUERYING.get(name, 0))
        for name, count in found.items()
        if count > STILL_QUERYING.get(name, 0)
    }
    assert not grown, f"the ORM in views or API modules, (now, allowed): {grown}"


def test_the_count_sees_what_it_should() -> None:
    querying = (
        "def view(request, pk):\n"
        "    with transaction.atomic():\n"
        "        item = get_object_or_404(Item, pk=pk)\n"
        "        Item.objects.filter(pk=pk).update(title='x')\n"
    )
    translating = (
        "def view(request, pk):\n"
        "    item = get_object_or_404(selectors.items(request.user), pk=pk)\n"
        "    return services.item_update(item, change=Change.from_request(request))\n"
    )
    assert (_orm_uses(querying), _orm_uses(translating)) == (3, 0)
