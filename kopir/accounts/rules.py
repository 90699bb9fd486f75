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
rules.add_perm("network.add_organisation_anywhere", is_coordinator)  # not only as a branch
rules.add_perm("network.add_person", is_coordinator | is_editor)
rules.add_perm("network.change_person", is_coordinator | edits_person)
rules.add_perm("network.delete_person", is_coordinator | edits_person)
rules.add_perm("network.add_agreement", is_coordinator | is_editor)
rules.add_perm("network.change_agreement", is_coordinator | is_party_editor)
rules.add_perm("network.delete_agreement", is_coordinator | is_party_editor)
rules.add_perm("network.change_place", is_coordinator)  # countries … settlements, memberships
rules.add_perm("events.add_event", is_coordinator | is_editor)
rules.add_perm("accounts.add_invitation", is_coordinator)


@rules.predicate
def is_self(user: Any, account: Any) -> bool:
    return account is not None and user.is_authenticated and account.pk == user.pk


@rules.predicate
def owns_token(user: Any, token: Any) -> bool:
    return token is not None and user.is_authenticated and token.user_id == user.pk


rules.add_perm("accounts.change_user", is_self)  # one's own name, language and time zone
rules.add_perm("accounts.add_apitoken", rules.is_active)
rules.add_perm("accounts.delete_apitoken", owns_token)
rules.add_perm("accounts.view_history", is_coordinator)
rules.add_perm("accounts.restore_version", is_coordinator)
rules.add_perm("events.change_event", is_coordinator | organises_event)
# Who registered and how many came: the organisers' editors and the coordinator.
rules.add_perm("events.view_registrations", is_coordinator | organises_event)


@rules.predicate
def edits_one_of(user: Any, organisations: Any) -> bool:
    """`organisations` is a list: the editor keeps at least one of them."""
    return organisations is not None and any(_edits(user, o) for o in organisations)


# Acting for a list of organisations (an event's organisers, an agreement's parties): one of
# them must be the editor's.
rules.add_perm("network.change_one_of", is_coordinator | edits_one_of)


@rules.predicate
def edits_item(user: Any, item: Any) -> bool:
    return item is not None and _edits(user, item.organisation)


@rules.predicate
def leads_project(user: Any, project: Any) -> bool:
    return project is not None and _edits(user, project.lead)


@rules.predicate
def takes_part_in_project(user: Any, project: Any) -> bool:
    if project is None or not getattr(user, "is_editor", False):
        return False
    return any(_edits(user, org) for org in project.organisations.all())


@rules.predicate
def added_authority(user: Any, record: Any) -> bool:
    """A person or place of the collection, added by the editor's organisation."""
    return record is not None and _edits(user, record.organisation)


@rules.predicate
def is_published_item(user: Any, item: Any) -> bool:
    return item is not None and bool(item.is_public)


@rules.predicate
def edits_batch_library(user: Any, batch: Any) -> bool:
    return batch is not None and _edits(user, batch.organisation)


rules.add_perm("heritage.add_item", is_coordinator | is_editor)
rules.add_perm("heritage.change_item", is_coordinator | edits_item)
# An item's file, thumbnail and preview: everyone's once published; a draft's or a withdrawn
# item's only its editors' and the coordinator's (kopir/core/media.py serves them).
rules.add_perm("heritage.view_item_file", is_published_item | is_coordinator | edits_item)
# A refused MARC file kept while its library decides.
rules.add_perm("exchange.view_importbatch", is_coordinator | edits_batch_library)
rules.add_perm("heritage.add_project", is_coordinator | is_editor)
rules.add_perm("heritage.change_project", is_coordinator | leads_project)
rules.add_perm(
    "heritage.contribute_project", is_coordinator | leads_project | takes_part_in_project
)


@rules.predicate
def leads_project_of(user: Any, pair: Any) -> bool:
    """`pair` is (project, item): the project's lead may gather any participant's item."""
    return pair is not None and leads_project(user, pair[0])


@rules.predicate
def brings_own_item(user: Any, pair: Any) -> bool:
    """A participant's editors may gather their own items into the project."""
    return pair is not None and takes_part_in_project(user, pair[0]) and edits_item(user, pair[1])


@rules.predicate
def leads_task_project(user: Any, task: Any) -> bool:
    return task is not None and leads_project(user, task.project)


@rules.predicate
def does_task(user: Any, task: Any) -> bool:
    return task is not None and task.organisation is not None and _edits(user, task.organisation)


# Adding an item to a project or taking it out: the object is the pair (project, item).
rules.add_perm("heritage.move_project_item", is_coordinator | leads_project_of | brings_own_item)
# Marking a task done: the project's lead, or the organisation the task is given to.
rules.add_perm("heritage.toggle_task", is_coordinator | leads_task_project | does_task)
rules.add_perm("heritage.add_person", is_coordinator | is_editor)
rules.add_perm("heritage.change_person", is_coordinator | added_authority)
rules.add_perm("heritage.add_place", is_coordinator | is_editor)
rules.add_perm("heritage.change_place", is_coordinator | added_authority)


@rules.predicate
def added_publication(user: Any, publication: Any) -> bool:
    return publication is not None and _edits(user, publication.organisation)


rules.add_perm("bibliography.add_publication", is_coordinator | is_editor)
rules.add_perm("bibliography.change_publication", is_coordinator | added_publication)


@rules.predicate
def asks_about_own_organisation(user: Any, params: Any) -> bool:
    """A report limited to the editor's own organisation (or one of its branches)."""
    from kopir.network.models import Organisation

    pk = getattr(params, "organisation", None)
    if not pk or not getattr(user, "is_editor", False):
        return False
    return _edits(user, Organisation.objects.filter(pk=pk).first())


@rules.predicate
def requested_report(user: Any, run: Any) -> bool:
    return run is not None and run.requested_by_id == getattr(user, "pk", None)


# Reports: the coordinator asks for any; an editor for their own organisation's figures.
rules.add_perm("reports.view_reports", is_coordinator | is_editor)
rules.add_perm("reports.add_reportrun", is_coordinator | asks_about_own_organisation)
rules.add_perm("reports.view_reportrun", is_coordinator | requested_report)
rules.add_perm("reports.delete_reportrun", is_coordinator | requested_report)
