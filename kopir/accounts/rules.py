"""Who may do what: predicates written once, used by views, the API and the admin alike.

`rules.autodiscover` (AutodiscoverRulesConfig) imports this module; the permission names are
Django's own ("network.change_organisation"), checked with user.has_perm(name, obj).
"""

from __future__ import annotations

from typing import Any

import rules


@rules.predicate
def is_coordinator(user: Any) -> bool:
    return bool(getattr(user, "is_coordinator", False))


@rules.predicate
def is_editor(user: Any) -> bool:
    return bool(getattr(user, "is_editor", False))


def _edits(user: Any, organisation: Any) -> bool:
    """The editor's own organisation, or one of its branches."""
    if organisation is None or not getattr(user, "is_editor", False):
        return False
    own = user.organisation_id
    return organisation.pk == own or organisation.parent_id == own


@rules.predicate
def edits_organisation(user: Any, organisation: Any) -> bool:
    return _edits(user, organisation)


@rules.predicate
def edits_person(user: Any, person: Any) -> bool:
    return person is not None and _edits(user, person.affiliation)


@rules.predicate
def is_party_editor(user: Any, agreement: Any) -> bool:
    if agreement is None or not getattr(user, "is_editor", False):
        return False
    return any(_edits(user, party) for party in agreement.parties.all())


@rules.predicate
def organises_event(user: Any, event: Any) -> bool:
    if event is None or not getattr(user, "is_editor", False):
        return False
    return any(_edits(user, organisation) for organisation in event.organisers.all())


rules.add_perm("network.view_workspace", is_coordinator | is_editor)
rules.add_perm("network.add_organisation", is_coordinator | is_editor)  # editors add branches
rules.add_perm("network.change_organisation", is_coordinator | edits_organisation)
rules.add_perm("network.delete_organisation", is_coordinator)
rules.add_perm("network.add_person", is_coordinator | is_editor)
rules.add_perm("network.change_person", is_coordinator | edits_person)
rules.add_perm("network.delete_person", is_coordinator | edits_person)
rules.add_perm("network.add_agreement", is_coordinator | is_editor)
rules.add_perm("network.change_agreement", is_coordinator | is_party_editor)
rules.add_perm("network.delete_agreement", is_coordinator | is_party_editor)
rules.add_perm("network.change_place", is_coordinator)  # countries … settlements, memberships
rules.add_perm("events.add_event", is_coordinator | is_editor)
rules.add_perm("accounts.add_invitation", is_coordinator)
rules.add_perm("accounts.view_history", is_coordinator)
rules.add_perm("accounts.restore_version", is_coordinator)
rules.add_perm("events.change_event", is_coordinator | organises_event)
