"""The publication form: the CSL-JSON fields an editor fills, and what the publication is about."""

from __future__ import annotations

import datetime
import itertools
import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kopir.accounts.forms import LanguageSelect
from kopir.bibliography.formats.gost_parser import read_host, read_reviewed, role_of, role_word
from kopir.bibliography.models import PublicationKind
from kopir.bibliography.styles import DEFAULT, PROFILES
from kopir.bibliography.styles.gost import hosts_said, reviewed_said
from kopir.bibliography.styles.record import MAX_HOSTS, InvalidItem, read
from kopir.core.forms import ContentMultipleChoiceField
from kopir.events.models import Event
from kopir.heritage.models import Item, Project
from kopir.network.models import Organisation, Person

ERROR_NAME = _("Write one name per line as «Surname, I. O.» (or an organisation's name).")
ERROR_ROLE = _(
    "Begin each line with the part as the title page says it, then a colon: «художник: "
    "Surname, I. O.»."
)
ERROR_YEARS = _("The last year comes after the first.")
ERROR_KEPT = _("The form was changed outside the page; open it again.")
ERROR_DAYS = _("The last day comes after the first.")
ERROR_HOSTS = _("At most %(n)s hosts, one per line, each with its title.")
ERROR_REVIEWED = _(
    "The work reviewed could not be read whole; these parts were not understood: %(parts)s."
)
EDITOR_ROLES = [
    ("editor", _("edited by («под редакцией»)")),
    ("general-editor", _("general editor («под общей редакцией»)")),
    ("executive-editor", _("executive editor («ответственный редактор»)")),
    ("scientific-editor", _("scientific editor («научный редактор»)")),
    ("editorial-director", _("editor-in-chief («главный редактор»)")),
]
TEXT_FIELDS = {  # form field → CSL-JSON key
    "title": "title",
    "genre": "genre",
    "container_title": "container-title",
    "publisher_place": "publisher-place",
    "publisher": "publisher",
    "volume": "volume",
    "issue": "issue",
    "pages": "page",
    "number_of_pages": "number-of-pages",
    "edition": "edition",
    "isbn": "ISBN",
    "url": "URL",
    "language": "language",
    "series": "collection-title",
    "series_number": "collection-number",
    "institution": "kopir-institution",
    "specialty": "kopir-specialty",
    "number_of_volumes": "number-of-volumes",
    "volume_title": "volume-title",
    "event_title": "event-title",
    "event_place": "event-place",
    "number": "number",
    "parallel_title": "kopir-parallel-title",
    "illustrations": "dimensions",
    "size": "kopir-size",
    "doi": "DOI",
    "access": "kopir-access",
    "scale": "scale",
}
# The form's sections after the essentials: each opens by itself for the kinds it belongs to
# (and whenever it holds something); without JavaScript every section is there to open.
SECTIONS = [
    (_("More people and bodies"), ["compilers", "translators", "other_contributors",
                                    "institution"], ["book", "thesis", "report", "standard"]),
    (_("Thesis"), ["specialty"], ["thesis"]),
    (_("Volume, issue, set of volumes"), ["volume", "issue", "number_of_volumes",
                                          "volume_title"], ["article-journal",
                                                            "article-newspaper"]),
    (_("Conference"), ["event_title", "event_place", "event_start", "event_end"],
     ["paper-conference"]),
    (_("Standard or official document"), ["number", "parallel_title"],
     ["standard", "legislation", "report"]),
    (_("Edition, extent, series"), ["edition", "year_end", "open_range", "number_of_pages",
                                    "illustrations", "size", "series", "series_number",
                                    "scale"], ["book", "map", "musical_score"]),
    (_("Notes and identifiers"), ["notes", "isbn", "doi", "access"], []),
    (_("A review, or a collection inside another publication"), ["reviewed", "hosts"],
     ["review"]),
]  # fmt: skip


def _names(text: str) -> list[dict[str, str]]:
    names = []
    for line in text.splitlines():
        line = " ".join(line.split())
        if not line:
            continue
        if "," in line:
            family, given = (p.strip() for p in line.split(",", 1))
            if not family:
                raise forms.ValidationError(ERROR_NAME)
            names.append({"family": family, "given": given} if given else {"family": family})
        else:
            names.append({"literal": line})
    return names


def _name_lines(names: list[dict[str, str]]) -> str:
    return "\n".join(
        n.get("literal") or f"{n.get('family', '')}, {n.get('given', '')}".rstrip(", ")
        for n in names
    )


class PublicationForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=PublicationKind.choices)
    authors = forms.CharField(
        label=_("Authors"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: «Surname, I. O.», or an organisation's name."),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=1000,
        help_text=_("With a subtitle after a colon: «Title: subtitle»."),
    )
    genre = forms.CharField(
        label=_("Kind of document"),
        max_length=300,
        required=False,
        help_text=_("For example: монография, учебное пособие, [видеозапись]."),
    )
    editors = forms.CharField(
        label=_("Editors"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    editor_role = forms.ChoiceField(
        label=_("How the title page names the editors"),
        choices=EDITOR_ROLES,
        required=False,
        initial="editor",
    )
    compilers = forms.CharField(
        label=_("Compilers"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    translators = forms.CharField(
        label=_("Translators"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    other_contributors = forms.CharField(
        label=_("Others named on the title page"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "One per line, the part first as the title page says it: «художник: Surname, I. O.», "
            "«вступительная статья: Surname, I. O.», «режиссер: …»."
        ),
    )
    institution = forms.CharField(
        label=_("Body responsible"),
        max_length=500,
        required=False,
        help_text=_("A thesis's university, or the body named after the authors."),
    )
    specialty = forms.CharField(
        label=_("Specialty"),
        max_length=300,
        required=False,
        help_text=_("Its code and name: «5.6.1 «Отечественная история»»."),
    )
    number_of_volumes = forms.CharField(
        label=_("Volumes in the set"), max_length=10, required=False
    )
    volume_title = forms.CharField(label=_("Title of the volume"), max_length=500, required=False)
    event_title = forms.CharField(
        label=_("Conference, as the title page names it"),
        max_length=500,
        required=False,
        help_text=_("«материалы Международной научно-практической конференции»."),
    )
    event_place = forms.CharField(label=_("Where it was held"), max_length=200, required=False)
    event_start = forms.DateField(
        label=_("First day"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    event_end = forms.DateField(
        label=_("Last day"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    number = forms.CharField(
        label=_("Designation"),
        max_length=100,
        required=False,
        help_text=_("A standard's: «ГОСТ Р 7.0.100–2018»."),
    )
    parallel_title = forms.CharField(
        label=_("Title in another language"), max_length=500, required=False
    )
    container_title = forms.CharField(
        label=_("Published in (journal, newspaper, collection, site)"),
        max_length=500,
        required=False,
    )
    publisher_place = forms.CharField(
        label=_("Place of publication"), max_length=200, required=False
    )
    publisher = forms.CharField(label=_("Publisher"), max_length=300, required=False)
    year = forms.IntegerField(label=_("Year"), min_value=1000, max_value=2100, required=False)
    year_end = forms.IntegerField(
        label=_("Last year (a set published over years)"),
        min_value=1000,
        max_value=2100,
        required=False,
    )
    open_range = forms.BooleanField(
        label=_("Still being published (a site or a serial: «2000 – .»)"), required=False
    )
    date = forms.DateField(
        label=_("Date (for a newspaper or a video)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    volume = forms.CharField(label=_("Volume"), max_length=30, required=False)
    issue = forms.CharField(label=_("Issue"), max_length=30, required=False)
    pages = forms.CharField(label=_("Pages"), max_length=30, required=False)
    number_of_pages = forms.CharField(
        label=_("Extent"),
        max_length=100,
        required=False,
        help_text=_(
            "Pages as a number («210», «V, 44»), or as the item counts: «1 видеофайл "
            "(95 мин)», «1 карта»."
        ),
    )
    illustrations = forms.CharField(
        label=_("Illustrations"), max_length=100, required=False, help_text="«ил.», «цв. ил.»"
    )
    size = forms.CharField(label=_("Size"), max_length=30, required=False, help_text="«21 см»")
    scale = forms.CharField(label=_("Scale"), max_length=60, required=False, help_text="1:100 000")
    edition = forms.CharField(label=_("Edition"), max_length=200, required=False)
    series = forms.CharField(label=_("Series"), max_length=300, required=False)
    series_number = forms.CharField(label=_("Number in the series"), max_length=60, required=False)
    reviewed = forms.CharField(
        label=_("The work reviewed"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "For a review: the work's reference as printed, «Петров, П. П. Алтай в XIX веке / "
            "П. П. Петров. – Барнаул, 2018. – 250 с.». It is printed as the last note: "
            "«Рецензия на книгу: …»."
        ),
    )
    hosts = forms.CharField(
        label=_("Where the collection itself is published"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "When the journal or collection above is itself inside another publication: one "
            "per line, nearest first, as printed after «//»: «Вестник АлтГУ : журнал». The "
            "year, volume, issue and pages are those of the last one."
        ),
    )
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One per line: «Библиогр.: с. 190–209», «500 экз.»."),
    )
    isbn = forms.CharField(label=_("ISBN"), max_length=40, required=False)
    doi = forms.CharField(label=_("DOI"), max_length=200, required=False)
    access = forms.CharField(
        label=_("Access"),
        max_length=300,
        required=False,
        help_text=_("Who may open it: «для зарегистрир. пользователей»."),
    )
    url = forms.CharField(label=_("Address (URL)"), max_length=1000, required=False)
    accessed = forms.DateField(
        label=_("Accessed on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("ru", "Русский"), ("kk", "Қазақша"), ("en", "English"), ("", "—")],
        widget=LanguageSelect,  # each option marked with its own language
    )
    organisations = ContentMultipleChoiceField(
        label=_("Organisations it is about"),
        required=False,
        queryset=Organisation.objects.order_by("name_ru"),
    )
    events = ContentMultipleChoiceField(
        label=_("Events"), required=False, queryset=Event.objects.order_by("-starts_at")
    )
    projects = ContentMultipleChoiceField(
        label=_("Research projects"), required=False, queryset=Project.objects.all()
    )
    items = ContentMultipleChoiceField(
        label=_("Collection items"), required=False, queryset=Item.objects.none()
    )
    people = ContentMultipleChoiceField(
        label=_("People of the network among the authors"),
        required=False,
        queryset=Person.objects.order_by("name_ru"),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # A pasted reference as read, carried to the save so that what the form has no field for
    # (a container's authors, «[и др.]», the container's kind, a year «[2004]» supplied by the
    # cataloguer) is not dropped.
    kept = forms.JSONField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, items: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if items is not None:
            self.fields["items"].queryset = items  # type: ignore[attr-defined]
        for name in ("title", "genre", "container_title", "publisher", "authors", "editors",
                     "compilers", "translators", "other_contributors", "institution",
                     "specialty", "volume_title", "event_title", "notes", "reviewed",
                     "hosts"):  # fmt: skip
            self.fields[name].widget.attrs["lang"] = "ru"

    @property
    def essentials(self) -> list[Any]:
        grouped = {name for _, names, _ in SECTIONS for name in names}
        return [f for f in self.visible_fields() if f.name not in grouped]

    def sections(self) -> list[dict[str, Any]]:
        """The sections after the essentials, each open for its kinds or when it holds
        something (a value, or an error to correct)."""
        kind = self["kind"].value()
        out = []
        for legend, names, kinds in SECTIONS:
            fields = [self[name] for name in names]
            used = any(f.value() not in (None, "", False) or f.errors for f in fields)
            out.append({"legend": legend, "fields": fields, "open": kind in kinds or used})
        return out

    def clean_authors(self) -> list[dict[str, str]]:
        return _names(self.cleaned_data.get("authors", ""))

    def clean_editors(self) -> list[dict[str, str]]:
        return _names(self.cleaned_data.get("editors", ""))

    def clean_compilers(self) -> list[dict[str, str]]:
        return _names(self.cleaned_data.get("compilers", ""))

    def clean_translators(self) -> list[dict[str, str]]:
        return _names(self.cleaned_data.get("translators", ""))

    def clean_hosts(self) -> dict[str, Any] | None:
        """One title area per line → nested `kopir-container` objects, nearest first."""
        lines = [" ".join(x.split()) for x in self.cleaned_data.get("hosts", "").splitlines()]
        levels = [read_host(line) for line in lines if line]
        if len(levels) > MAX_HOSTS or any(not level.get("title") for level in levels):
            raise forms.ValidationError(ERROR_HOSTS % {"n": MAX_HOSTS})
        for inner, outer in itertools.pairwise(levels):
            inner["kopir-container"] = outer
        return levels[0] if levels else None

    def clean_reviewed(self) -> dict[str, Any] | None:
        text = " ".join(self.cleaned_data.get("reviewed", "").split())
        if not text:
            return None
        parsed = read_reviewed(text)
        if parsed.left_over or not parsed.item.get("title"):
            parts = "; ".join(f"«{part}»" for part in parsed.left_over) or f"«{text}»"
            raise forms.ValidationError(ERROR_REVIEWED % {"parts": parts})
        return parsed.item

    def clean_other_contributors(self) -> list[tuple[str, str, dict[str, str]]]:
        """«художник: Иванов, И. И.» → (CSL variable, role, name)."""
        out: list[tuple[str, str, dict[str, str]]] = []
        for line in self.cleaned_data.get("other_contributors", "").splitlines():
            if not line.strip():
                continue
            said, colon, name = line.partition(":")
            found = role_of(said.strip()) if colon else None
            if found is None:
                raise forms.ValidationError(ERROR_ROLE)
            out.extend((*found, person) for person in _names(name))
        return out

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("year") and data.get("year_end") and data["year_end"] <= data["year"]:
            self.add_error("year_end", ERROR_YEARS)
        start, end = data.get("event_start"), data.get("event_end")
        if start and end and end < start:
            self.add_error("event_end", ERROR_DAYS)
        kept = data.get("kept")
        if kept is not None and not isinstance(kept, dict):
            self.add_error(None, ERROR_KEPT)
        return data

    def record(self, original: dict[str, Any]) -> dict[str, Any]:
        """The edited fields over the stored record: what the form does not show is kept (for
        a new record, what the paste read), and a compiler's «[2021]» stays when the year was
        not changed."""
        edited = self.csl()
        source = original or self.cleaned_data.get("kept") or {}
        kept = {k: v for k, v in source.items() if k not in MANAGED}
        literal = (source.get("issued") or {}).get("literal", "")
        year = self.cleaned_data.get("year")
        if literal and year and str(year) in literal:
            edited["issued"] = source["issued"]
        if (source.get("accessed") or {}).get("literal") and not self.cleaned_data.get("accessed"):
            edited["accessed"] = source["accessed"]  # a placeholder the form cannot show
        return {**kept, **edited}

    def csl(self) -> dict[str, Any]:
        data = self.cleaned_data
        item: dict[str, Any] = {"type": data["kind"]}
        for field, key in TEXT_FIELDS.items():
            value = (data.get(field) or "").strip()
            if value:
                item[key] = value
        if data["authors"]:
            item["author"] = data["authors"]
        role = data.get("editor_role") or "editor"
        if data["editors"] and role == "editorial-director":
            item["editorial-director"] = data["editors"]
        elif data["editors"]:
            extra = {} if role == "editor" else {"kopir-role": role}
            item["editor"] = [name | extra for name in data["editors"]]
        for field, key in (("compilers", "compiler"), ("translators", "translator")):
            if data[field]:
                item[key] = data[field]
        for variable, role, name in data.get("other_contributors") or []:
            extra = {} if variable == role else {"kopir-role": role}
            item.setdefault(variable, []).append(name | extra)
        notes = [" ".join(n.split()) for n in (data.get("notes") or "").splitlines()]
        if any(notes):
            item["kopir-notes"] = [n for n in notes if n]
        if data.get("event_start"):
            first, last = data["event_start"], data.get("event_end") or data["event_start"]
            item["event-date"] = {"date-parts": [[first.year, first.month, first.day],
                                                 [last.year, last.month, last.day]]}  # fmt: skip
        if data.get("date"):
            day: datetime.date = data["date"]
            item["issued"] = {"date-parts": [[day.year, day.month, day.day]]}
        elif data.get("year") and data.get("year_end"):
            item["issued"] = {"date-parts": [[data["year"]], [data["year_end"]]]}
        elif data.get("year") and data.get("open_range"):
            item["issued"] = {"date-parts": [[data["year"]], []]}
        elif data.get("year"):
            item["issued"] = {"date-parts": [[data["year"]]]}
        if data.get("accessed"):
            day = data["accessed"]
            item["accessed"] = {"date-parts": [[day.year, day.month, day.day]]}
        if data.get("hosts"):
            item["kopir-container"] = data["hosts"]
        if data.get("reviewed"):
            item["kopir-reviewed"] = data["reviewed"]
        return item


# The CSL variables of «others named on the title page» (editors, compilers and translators
# have their own fields).
OTHER_VARIABLES = [
    *("illustrator", "director", "script-writer", "composer", "performer", "narrator"),
    *("producer", "interviewer", "chair", "organizer", "contributor"),
]


# Every CSL key the form writes: an edit replaces these and keeps the rest of the record.
MANAGED = {
    *TEXT_FIELDS.values(),
    *OTHER_VARIABLES,
    "type",
    "author",
    "editor",
    "editorial-director",
    "compiler",
    "translator",
    "issued",
    "accessed",
    "kopir-notes",
    "event-date",
    "kopir-container",
    "kopir-reviewed",
    "reviewed-title",
    "reviewed-author",
}


def initial_from(csl: dict[str, Any]) -> dict[str, Any]:
    """The form's fields filled from a CSL-JSON item (a stored one, or a parsed paste)."""
    kind = csl.get("type") or "book"
    if kind not in PublicationKind.values:  # a CSL type the register has no kind for
        kind = "chapter" if csl.get("container-title") else "book"
    initial: dict[str, Any] = {"kind": kind}
    initial["kept"] = dict(csl) or None  # what the form cannot show is taken from it at saving
    for field, key in TEXT_FIELDS.items():
        if csl.get(key) not in (None, ""):
            initial[field] = str(csl[key])
    initial["authors"] = _name_lines(csl.get("author") or [])
    editors = csl.get("editor") or csl.get("editorial-director") or []
    initial["editors"] = _name_lines(editors)
    initial["editor_role"] = (
        "editorial-director"
        if not csl.get("editor") and csl.get("editorial-director")
        else (editors[0].get("kopir-role") if editors else None) or "editor"
    )
    initial["compilers"] = _name_lines(csl.get("compiler") or [])
    initial["translators"] = _name_lines(csl.get("translator") or [])
    initial["other_contributors"] = "\n".join(
        f"{said}: {_name_lines([name])}"
        for variable in OTHER_VARIABLES
        for name in csl.get(variable) or []
        if (said := role_word(name.get("kopir-role") or variable))
    )
    initial["notes"] = "\n".join(csl.get("kopir-notes") or [])
    days = (csl.get("event-date") or {}).get("date-parts") or []
    if days and len(days[0]) == 3:
        initial["event_start"] = datetime.date(*days[0])
        initial["event_end"] = datetime.date(*days[-1]) if len(days[-1]) == 3 else None
    dates = (csl.get("issued") or {}).get("date-parts") or [[]]
    if len(dates) > 1:
        initial["year_end"] = dates[1][0] if dates[1] else None
        initial["open_range"] = not dates[1]
    parts = dates[0]
    if len(parts) == 3:
        initial["date"] = datetime.date(*parts)
    elif parts:
        initial["year"] = parts[0]
    elif (csl.get("issued") or {}).get("literal"):
        year = re.search(r"\d{4}", csl["issued"]["literal"])
        initial["year"] = int(year.group(0)) if year else None
    accessed = ((csl.get("accessed") or {}).get("date-parts") or [[]])[0]
    if len(accessed) == 3:
        initial["accessed"] = datetime.date(*accessed)
    if csl.get("kopir-container") or csl.get("kopir-reviewed") or csl.get("reviewed-title"):
        # Shown as the default profile prints them; read back by the same reader at saving.
        try:
            record = read(csl)
        except InvalidItem:
            return initial
        profile = PROFILES[DEFAULT]
        initial["hosts"] = "\n".join(hosts_said(record, profile))
        initial["reviewed"] = reviewed_said(record, profile)
    return initial
