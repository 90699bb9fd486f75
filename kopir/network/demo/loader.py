"""Load the demo network idempotently: a second run finds every record as it is, writes nothing."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import models, transaction

from kopir.core.audit import SYSTEM
from kopir.network.demo import organisations as orgs
from kopir.network.demo import places
from kopir.network.models import (
    Agreement,
    Country,
    District,
    Membership,
    MembershipRole,
    Organisation,
    Person,
    Region,
    Settlement,
)
from kopir.network.services import organisation_save

FIRST_YEAR = 2011
ASSOCIATES_SINCE = 2014


@dataclass
class LoadReport:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)

    def count(self, model: type[models.Model], created: bool, changed: bool) -> None:
        name = model._meta.model_name or model.__name__
        bucket = self.created if created else self.updated if changed else None
        if bucket is not None:
            bucket[name] = bucket.get(name, 0) + 1

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


def _coerce(model_field: Any, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(model_field, models.DecimalField):
        return Decimal(str(value))
    if isinstance(model_field, models.DateField) and isinstance(value, str):
        return datetime.date.fromisoformat(value)
    return value


def _assign(instance: models.Model, values: dict[str, Any]) -> bool:
    """Set the values on instance; True when any of them differs from what it holds."""
    changed = False
    for name, value in values.items():
        model_field = instance._meta.get_field(name)
        attname = getattr(model_field, "attname", name)
        value = _coerce(model_field, value)
        if isinstance(value, models.Model):
            current, value = getattr(instance, attname), value.pk
        else:
            current = getattr(instance, attname)
        if current != value:
            setattr(instance, attname, value)
            changed = True
    return changed


def _upsert(
    model: type[models.Model], lookup: dict[str, Any], values: dict[str, Any], report: LoadReport
) -> Any:
    found = model._default_manager.filter(**lookup).first()
    created = found is None
    instance = model(**lookup) if found is None else found
    changed = _assign(instance, values)
    if created or changed:
        # A demo refresh is a versioned change like any other, so a stale form cannot undo it.
        expected = None if created else getattr(instance, "version", None)
        if isinstance(instance, Organisation):
            organisation_save(instance, change=SYSTEM, expected_version=expected)
        else:
            SYSTEM.save(instance, expected_version=expected)
    report.count(model, created, changed)
    return instance


def _without(record: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k not in keys}


def _load_places(report: LoadReport) -> dict[str, Settlement]:
    countries = {
        c["code"]: _upsert(Country, {"code": c["code"]}, _without(c, "code"), report)
        for c in places.COUNTRIES
    }
    regions = {
        r["slug"]: _upsert(
            Region, {"slug": r["slug"]},
            {**_without(r, "slug", "country"), "country": countries[r["country"]]}, report,
        )
        for r in places.REGIONS
    }  # fmt: skip
    districts = {
        d["slug"]: _upsert(
            District, {"slug": d["slug"]},
            {**_without(d, "slug", "region"), "region": regions[d["region"]]}, report,
        )
        for d in places.DISTRICTS
    }  # fmt: skip
    settlements = {}
    for s in places.SETTLEMENTS:
        values = {
            **_without(s, "slug", "region", "district"),
            "region": regions[s["region"]],
            "district": districts[s["district"]] if s["district"] else None,
        }
        settlements[s["slug"]] = _upsert(Settlement, {"slug": s["slug"]}, values, report)
    return settlements


def _load_organisations(
    settlements: dict[str, Settlement], report: LoadReport
) -> dict[str, Organisation]:
    loaded: dict[str, Organisation] = {}
    for record in orgs.ORGANISATIONS:  # parents come before their branches
        values = {
            **_without(record, "slug", "settlement", "parent"),
            "settlement": settlements[record["settlement"]] if record["settlement"] else None,
            "parent": loaded[record["parent"]] if record["parent"] else None,
        }
        loaded[record["slug"]] = _upsert(Organisation, {"slug": record["slug"]}, values, report)
    return loaded


MembershipPlan = list[tuple[str, int, str, dict[str, Any]]]


def _membership_plan(this_year: int) -> MembershipPlan:
    note = {
        "confidence": "low",
        "source": f"{orgs.SEED} §0, §1",
        "provenance_note_kk": "Серіктес дереккөзде аталған; қатысу жылдары табылмады.",
        "provenance_note_ru": "Партнёр назван в источнике; годы участия не найдены.",
        "provenance_note_en": "Named as a partner by the seed; the years were not found.",
    }
    associate = {"confidence": "high", "source": f"{orgs.SEED} §3 (since 2014, yearly)"}
    plan: MembershipPlan = []
    for year in range(FIRST_YEAR, this_year + 1):
        plan += [(slug, year, MembershipRole.PARTNER, note) for slug in orgs.SEED_PARTNERS]
        plan += [(slug, year, MembershipRole.SUPPORTER, note) for slug in orgs.SUPPORTERS]
        if year >= ASSOCIATES_SINCE:
            plan += [(slug, year, MembershipRole.ASSOCIATE, associate) for slug in orgs.ASSOCIATES]
    return plan


def _load_people_and_agreements(loaded: dict[str, Organisation], report: LoadReport) -> None:
    for person in orgs.PEOPLE:
        values = {
            **_without(person, "key", "affiliation"),
            "affiliation": loaded[person["affiliation"]] if person["affiliation"] else None,
        }
        _upsert(Person, {"name_ru": person["name_ru"]}, _without(values, "name_ru"), report)
    record = orgs.AGREEMENT_2011
    is_new = not Agreement.objects.filter(title_ru=record["title_ru"]).exists()
    agreement = _upsert(
        Agreement,
        {"title_ru": record["title_ru"]},
        _without(record, "key", "parties", "title_ru"),
        report,
    )
    parties = {loaded[slug].pk for slug in record["parties"]}
    if set(agreement.parties.values_list("pk", flat=True)) != parties:
        agreement.parties.set(parties)
        if not is_new:
            report.count(Agreement, created=False, changed=True)


@transaction.atomic
def load_demo_network(*, today: datetime.date | None = None) -> LoadReport:
    """Create or update the demo network; returns what was created and updated."""
    report = LoadReport()
    settlements = _load_places(report)
    loaded = _load_organisations(settlements, report)
    _load_people_and_agreements(loaded, report)
    this_year = (today or datetime.date.today()).year
    for slug, year, role, provenance in _membership_plan(this_year):
        _upsert(
            Membership,
            {"organisation": loaded[slug], "year": year},
            {"role": role, **provenance},
            report,
        )
    return report
