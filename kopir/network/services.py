"""Every write to the network domain: permission, validation, version check and audit in one place.

Each write names its actor, its origin (site, admin, api, import, command) and, when known, the
client's address; the saved version of the record carries all three (kopir.core.audit).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from kopir.core.audit import Change
from kopir.core.uploads import fresh_upload, logo_rendition, validate_pdf
from kopir.network.models import Agreement, Organisation, Person

ERROR_NOT_YOUR_ORGANISATION = _("You may only add records of your own organisation.")
ERROR_AGREEMENT_WITHOUT_YOU = _("Your organisation must be one of the parties.")
ERROR_TWO_PARTIES = _("An agreement needs at least two parties.")
ERROR_BRANCH_TYPE = _("A branch must belong to your organisation.")


def _verify_files(instance: models.Model) -> None:
    """A new logo is stored re-encoded from its pixels; a new signed agreement only once it is
    read as a PDF with nothing in it that runs (kopir.core.uploads)."""
    try:
        if isinstance(instance, Organisation) and (upload := fresh_upload(instance.logo)):
            instance.logo = logo_rendition(upload)
        if isinstance(instance, Agreement) and (upload := fresh_upload(instance.document)):
            validate_pdf(upload)
            instance.document = ContentFile(upload.read(), name="document.pdf")
    except ValidationError as error:
        field = "logo" if isinstance(instance, Organisation) else "document"
        raise ValidationError({field: error.error_list}) from error


def _store(instance: models.Model, change: Change, expected_version: int | None) -> None:
    _verify_files(instance)
    change.save(instance, expected_version=expected_version)


@transaction.atomic
def organisation_save(
    organisation: Organisation, *, change: Change, expected_version: int | None = None
) -> Organisation:
    """Validate and store an organisation (new or changed), keeping its search text current."""
    if organisation._state.adding:
        change.require("network.add_organisation")
        # Editors add branches of their own organisation only.
        if not change.may("network.add_organisation_anywhere") and not (
            organisation.parent is not None
            and change.may("network.change_organisation", organisation.parent)
        ):
            raise ValidationError({"parent": ERROR_BRANCH_TYPE})
    else:
        change.require("network.change_organisation", _stored(organisation))
    organisation.refresh_search_text()
    _store(organisation, change, expected_version)
    return organisation


def _stored(instance: models.Model) -> models.Model:
    """The record as stored, for permission checks that must not trust edited fields."""
    return type(instance)._default_manager.get(pk=instance.pk)


@transaction.atomic
def organisation_delete(organisation: Organisation, *, change: Change) -> None:
    change.require("network.delete_organisation", organisation)
    change.mark(organisation)
    organisation.delete()


@transaction.atomic
def person_save(person: Person, *, change: Change, expected_version: int | None = None) -> Person:
    """Store a person of an organisation the actor edits."""
    if person._state.adding:
        change.require("network.add_person")
    else:
        change.require("network.change_person", _stored(person))
    if not change.may("network.change_organisation", person.affiliation):
        raise ValidationError({"affiliation": ERROR_NOT_YOUR_ORGANISATION})
    _store(person, change, expected_version)
    return person


@transaction.atomic
def person_delete(person: Person, *, change: Change) -> None:
    change.require("network.delete_person", person)
    change.mark(person)
    person.delete()


@transaction.atomic
def agreement_save(
    agreement: Agreement,
    *,
    parties: Iterable[Organisation],
    change: Change,
    expected_version: int | None = None,
) -> Agreement:
    """Store an agreement and its parties; an editor's organisation must stay a party."""
    parties = list(parties)
    if agreement._state.adding:
        change.require("network.add_agreement")
    else:
        change.require("network.change_agreement", _stored(agreement))
    if len({p.pk for p in parties}) < 2:
        raise ValidationError({"parties": ERROR_TWO_PARTIES})
    if not change.may("network.change_one_of", parties):
        raise ValidationError({"parties": ERROR_AGREEMENT_WITHOUT_YOU})
    _store(agreement, change, expected_version)
    agreement.parties.set(parties)
    return agreement


@transaction.atomic
def agreement_delete(agreement: Agreement, *, change: Change) -> None:
    change.require("network.delete_agreement", agreement)
    change.mark(agreement)
    agreement.delete()
