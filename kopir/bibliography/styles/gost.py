"""Bibliographic descriptions by ГОСТ Р 7.0.100-2018, ГОСТ Р 7.0.5-2008 and ГОСТ 7.1-2003.

One formatter, three profiles. The areas come in the standards' order (reference-standards
§1.2): title and statement of responsibility; edition; publication; physical description;
series; identifier; and, in 7.0.100, the content form («Текст : непосредственный»), which
replaces the general material designation («[Текст]», «[Электронный ресурс]») of 7.1 and 7.0.5.
A component part (an article, a chapter) is joined to its host by « // »; in 7.0.100 its
content form comes before « // ». Punctuation is prescribed: « : » « / » « ; » « // », the
area separator «. – » with an EN DASH (U+2013), page ranges with an EN DASH and no spaces.
Plain output uses ordinary spaces (the test vectors, §1.4); HTML output keeps initials and
surname together with no-break spaces, and «С.», «Т.», «№» with their numbers.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace

from django.conf import settings
from django.utils.html import escape

from kopir.bibliography.styles import names
from kopir.bibliography.styles.record import MOVING_IMAGE_TYPES, Contributor, Host, Name, Record
from kopir.bibliography.styles.terms import KAZAKH, RUSSIAN, Terms

DASH = "\u2013"
_RANGE = re.compile(r"\s*(?:-{1,2}|\u2012|\u2013|\u2014|\u2212)\s*")
# ГОСТ Р 7.0.12-2011: the two cities abbreviated in the legacy and reference profiles.
PLACE_ABBREVIATIONS = {"Москва": "М.", "Санкт-Петербург": "СПб.", "Ленинград": "Л."}
_NEWSPAPER_TYPES = {"article-newspaper"}
# An extent counted in pages (arabic or roman numerals, «[4]», «V, 44»): «с.» follows it.
_PAGINATION = re.compile(r"^[\dIVXLCDMivxlcdm\[\],\s\u2013-]+$")
_SITE_PAGE_TYPES = {"webpage", "post", "post-weblog"}
_JOURNAL_TYPES = {"article-journal", "article-magazine", "review", "review-book"}


@dataclass(frozen=True)
class Profile:
    key: str
    title: str
    separator: str  # between areas
    heading_names: int  # how many authors the heading holds (7.0.5: up to three)
    heading_comma: bool  # «Иванов, И. И.» or «Иванов И. И.»
    repeat_heading: bool  # the heading's names again after « / »
    content_form: bool  # area 9 of 7.0.100
    gmd_print: bool  # «[Текст]» after the title proper (7.1)
    gmd_electronic: bool  # «[Электронный ресурс]» (7.1, 7.0.5)
    abbreviate: bool  # «М.», «под ред.»
    online_prefix: str  # «URL: » or «Режим доступа: »
    identifiers: bool  # ISBN in the description
    kazakh_terms: bool  # supplementary words in Kazakh for Kazakh-language items
    # From this many authors the statement is shortened with «[и др.]», keeping this many
    # names: 7.0.100's examples list four and shorten five to three; 7.1-2003 and 7.0.5-2008
    # give the first author «[и др.]» from four.
    et_al_min: int = 5
    et_al_keep: int = 3
    heading_max: int = 3  # more authors than this: the record goes under its title


@dataclass
class _Out:
    """Text built for one output form: plain or HTML."""

    html: bool

    def text(self, value: str) -> str:
        return str(escape(value)) if self.html else value

    @property
    def space(self) -> str:
        return "&nbsp;" if self.html else " "


class Formatter:
    def __init__(self, profile: Profile, record: Record, html: bool) -> None:
        # Each profile shortens by its standard's rule; an agency may set its own
        # (reference-standards §1.3): KOPIR_GOST_ET_AL_MIN / _KEEP, when set, apply to all.
        at = getattr(settings, "KOPIR_GOST_ET_AL_MIN", None)
        keep = getattr(settings, "KOPIR_GOST_ET_AL_KEEP", None)
        profile = replace(
            profile,
            et_al_min=profile.et_al_min if at is None else at,
            et_al_keep=profile.et_al_keep if keep is None else keep,
        )
        self.p, self.r, self.o = profile, record, _Out(html)
        kazakh = profile.kazakh_terms and record.language == "kk"
        self.t: Terms = KAZAKH if kazakh else RUSSIAN

    # --- pieces ---------------------------------------------------------------------------
    def heading_authors(self) -> list[Name]:
        """Persons only (an organisation as author goes after the slash), and only when the
        description is not under its title (four or more authors, or «[и др.]»)."""
        authors = self.r.authors
        under_title = len(authors) > self.p.heading_max or self.r.more_authors
        if authors and not under_title and not any(a.literal for a in authors):
            return authors[: self.p.heading_names]
        return []

    def heading(self) -> str:
        if self.r.authority:
            return self.o.text(self.r.authority.rstrip(".") + ".")
        return ", ".join(
            self.o.text(names.heading(n, comma=self.p.heading_comma)).replace(" ", self.o.space)
            for n in self.heading_authors()
        )

    def person(self, name: Name) -> str:
        if self.r.type == "thesis" and name.given and "." not in name.given:
            # A thesis names its author in full, as its title page does:
            # «/ Вишняков Илья Владимирович» (ГОСТ Р 7.0.100-2018's examples).
            return self.o.text(f"{name.family} {name.given}").replace(" ", self.o.space)
        return self.o.text(names.statement(name, space=" ")).replace(" ", self.o.space)

    def person_genitive(self, name: Name) -> str:
        russian = self.t is RUSSIAN  # Kazakh keeps the nominative after «ред.»
        text = names.statement_genitive(name) if russian else names.statement(name)
        return self.o.text(text).replace(" ", self.o.space)

    def authors_statement(self) -> str:
        authors = self.r.authors
        if self.r.more_authors:  # the names known, and «[и др.]» for the others
            return ", ".join(self.person(a) for a in authors) + f" {self.t.et_al}"
        if len(authors) >= self.p.et_al_min:
            shown = ", ".join(self.person(a) for a in authors[: self.p.et_al_keep])
            return f"{shown} {self.t.et_al}"
        return ", ".join(self.person(a) for a in authors)

    def responsibility(self) -> str:
        """After « / »: the authors (unless the heading has them and the profile does not
        repeat them), then each contributor's part in the title page's order, each with its
        role word («под редакцией», «ответственный редактор», «составители» …), then the
        body responsible (a thesis's university). Statements are separated by « ; »."""
        parts: list[str] = []
        in_heading = bool(self.heading_authors()) and not self.r.authority
        if self.r.authors and not (in_heading and not self.p.repeat_heading):
            parts.append(self.authors_statement())
        contributors = self.r.contributors
        if not self.r.is_component and self.r.editors:
            contributors = [Contributor("editor", e) for e in self.r.editors] + contributors
        parts.extend(self.roles(contributors))
        if self.r.institution:
            parts.append(self.o.text(self.r.institution))
        return " ; ".join(parts)

    def roles(self, contributors: list[Contributor]) -> list[str]:
        """One statement per run of the same role: «под редакцией А. А. Иванова, Б. Б. Петрова»."""
        groups: list[tuple[str, list[Name]]] = []
        for contributor in contributors:
            if groups and groups[-1][0] == contributor.role:
                groups[-1][1].append(contributor.name)
            else:
                groups.append((contributor.role, [contributor.name]))
        out = []
        for key, people in groups:
            role = self.t.roles[key]
            word = role.said(many=len(people) > 1, abbreviate=self.p.abbreviate)
            name = self.person_genitive if role.genitive else self.person
            out.append(f"{word} " + ", ".join(name(person) for person in people))
        return out

    def edited(self, editors: list[Name]) -> str:
        return " ; ".join(self.roles([Contributor(e.role or "editor", e) for e in editors]))

    def gmd(self) -> str:
        """7.1's general material designation (7.0.5 keeps all but «[Текст]»)."""
        if self.r.electronic and self.p.gmd_electronic:
            return " " + self.t.gmd_electronic
        kind = self.r.content
        if kind != "text" and (self.p.gmd_print or self.p.gmd_electronic):
            return " " + self.t.gmd_kinds[kind]
        if not self.r.electronic and self.p.gmd_print:
            return " " + self.t.gmd_text
        return ""

    def event(self) -> str:
        """«материалы конференции (Барнаул, 15–16 мая 2019 г.)»: the conference as data."""
        r = self.r
        said = [self.o.text(r.event_place)] if r.event_place else []
        if r.event_date:
            said.append(self.days(*r.event_date))
        where = f" ({', '.join(said)})" if said else ""
        return self.o.text(r.event) + where

    def days(self, first: datetime.date, last: datetime.date) -> str:
        months = self.t.months if self.p.abbreviate else self.t.months_full
        space = self.o.space
        end = f"{last.day}{space}{months[last.month - 1]} {last.year}{space}{self.t.year_suffix}"
        if first == last:
            return end
        if (first.year, first.month) == (last.year, last.month):
            return f"{first.day}{DASH}{end}"
        start = f"{first.day}{space}{months[first.month - 1]}"
        if first.year != last.year:
            start += f" {first.year}{space}{self.t.year_suffix}"
        return f"{start} {DASH} {end}"

    def volumes(self) -> str:
        """«в 3 томах. Том 2. Title : subtitle» (7.0.100), «в 3 т. Т. 2» (abbreviated)."""
        r = self.r
        out = ""
        if r.volumes:
            said = self.t.volumes[1 if self.p.abbreviate else 0]
            out = " : " + said.format(n=self.o.text(r.volumes)).replace(" ", self.o.space, 1)
        if r.volume and not r.is_component:
            word = self.t.volume if self.p.abbreviate else self.t.volume_full
            out += f"{'' if out.endswith('.') else '.'} {word}{self.o.space}{self.o.text(r.volume)}"
            if r.volume_title:
                out += ". " + self.o.text(r.volume_title)
            if r.volume_subtitle:
                out += " : " + self.o.text(r.volume_subtitle)
        return out

    def title_area(self) -> str:
        r = self.r
        out = self.o.text(r.title) + self.gmd()
        if r.number and r.type == "standard":  # «ГОСТ Р 7.0.100–2018. Библиографическая …»
            out = f"{self.o.text(r.number)}. {out}"
        if r.parallel_title:
            out += " = " + self.o.text(r.parallel_title)
        if r.subtitle:
            out += " : " + self.o.text(r.subtitle)
        if r.event:
            out += " : " + self.event()
        if r.specialty:
            out += f" : {self.t.specialty} {self.o.text(r.specialty)}"
        out += self.volumes()
        if r.genre:
            out += " : " + self.o.text(r.genre)
        if r.type == "webpage" and not r.genre and self.p.content_form and not r.is_component:
            out += " : [сайт]"
        responsibility = self.responsibility()
        if responsibility:
            out += " / " + responsibility
        heading = self.heading()
        return f"{heading} {out}" if heading else out

    def content_form(self) -> str:
        kind = self.r.content
        if kind == "text":
            return self.t.text_electronic if self.r.electronic else self.t.text_direct
        content, direct, electronic = self.t.content_forms[kind]
        return f"{content} : {electronic if self.r.electronic else direct}"

    def place(self, place: str) -> str:
        if self.p.abbreviate:
            place = PLACE_ABBREVIATIONS.get(place, place)
        return self.o.text(place)

    def publication(self) -> str:
        """«Москва : Наука, 2020»; several places and publishers pair up in order:
        «Москва : Юрайт ; Екатеринбург : Изд-во Урал. ун-та, 2019»."""
        r = self.r
        places = [p.strip() for p in r.place.split(";")] if r.place else []
        publishers = [p.strip() for p in r.publisher.split(";")] if r.publisher else []
        if len(places) > 1 and len(places) == len(publishers):
            pairs = zip(places, publishers, strict=True)
            out = " ; ".join(f"{self.place(pl)} : {self.o.text(pu)}" for pl, pu in pairs)
        else:
            out = " ; ".join(self.place(pl) for pl in places)
            if r.publisher:
                said = self.o.text(r.publisher)
                out = f"{out} : {said}" if out else said
        if r.year:
            out = f"{out}, {r.year}" if out else r.year
        return out

    def pages(self, value: str) -> str:
        return _RANGE.sub(DASH, value)

    def extent(self) -> str:
        """«256 с. : ил. ; 29 см»; an extent in other units is printed as given:
        «1 видеофайл (95 мин)», «1 карта»."""
        r = self.r
        out = ""
        if r.extent and _PAGINATION.match(r.extent):
            out = f"{self.pages(r.extent)}{self.o.space}{self.t.pages_total}"
        elif r.extent:
            out = self.o.text(r.extent)
        if r.illustrations:
            out += (" : " if out else "") + self.o.text(r.illustrations)
        if r.size:
            out += (" ; " if out else "") + self.o.text(r.size)
        return out

    def specific(self) -> str:
        """Area 3, the scale of a map: «Масштаб 1:100 000»."""
        scale = self.r.scale
        if scale and scale[0].isdigit():
            return f"{self.t.scale} {self.o.text(scale)}"
        return self.o.text(scale)

    def series(self) -> str:
        r = self.r
        if not r.series:
            return ""
        number = f" ; {self.o.text(r.series_number)}" if r.series_number else ""
        return f"({self.o.text(r.series)}{number})"

    def notes(self) -> list[str]:
        notes = [self.o.text(n) for n in self.r.notes]
        if self.r.archive:
            place = ". ".join(x for x in (self.r.archive, self.r.archive_location) if x)
            notes.append(self.o.text(place))
        return notes

    def identifiers(self) -> list[str]:
        r = self.r
        out = []
        if r.isbn and self.p.identifiers:
            out.append(f"ISBN {self.o.text(r.isbn)}")
        if r.doi:
            out.append(f"DOI {self.o.text(r.doi)}")
        return out

    def access(self) -> str:
        return f"{self.t.access_mode}: {self.o.text(self.r.access)}" if self.r.access else ""

    def edition(self) -> str:
        edition = self.r.edition
        if edition.isdigit():
            return f"{edition}-е изд."
        return self.o.text(edition)

    def online(self) -> str:
        r = self.r
        if not r.url:
            return ""
        out = f"{self.p.online_prefix}{self.o.text(r.url)}"
        if self.o.html and r.url.startswith(("https://", "http://")):
            link = self.o.text(r.url)
            # An address is not words of any language (lang="zxx"): spell checkers, screen
            # readers and the Latin-script view leave it alone.
            out = f'{self.p.online_prefix}<a href="{link}" lang="zxx">{link}</a>'
        if r.accessed:
            out += f" ({self.t.accessed}: {r.accessed:%d.%m.%Y})"
        elif r.accessed_text:
            out += f" ({self.t.accessed}: {self.o.text(r.accessed_text)})"
        return out

    def page_range(self) -> str:
        return (
            f"{self.t.pages_range}{self.o.space}{self.pages(self.r.pages)}" if self.r.pages else ""
        )

    def review(self) -> str:
        """What a review reviews, as the last note: «Рецензия на книгу: Петров, П. П. Алтай /
        П. П. Петров. – Барнаул, 2018. – 250 с.» — the reviewed work described in the same
        profile, without area 9 (it says what the review is); 7.1's material designation
        stays, an element of every description there."""
        reviewed = self.r.reviewed
        if reviewed is None:
            return ""
        if reviewed.type in MOVING_IMAGE_TYPES:
            kind = "film"
        elif reviewed.is_component:
            kind = "article"
        else:
            kind = "book" if reviewed.type == "book" else "other"
        full, short = self.t.reviews[kind]
        said = Formatter(replace(self.p, content_form=False), reviewed, self.o.html).describe()
        return f"{short if self.p.abbreviate else full}: {said}"

    def level(self, host: Host) -> str:
        """A host's own host, by its title area: «Материалы конференции / под редакцией …»."""
        out = self.o.text(host.title)
        for extra in (host.subtitle, host.genre):
            if extra:
                out += " : " + self.o.text(extra)
        responsible = []
        if host.authors:
            responsible.append(", ".join(self.person(a) for a in host.authors))
        responsible += self.roles(list(host.contributors))
        if host.institution:
            responsible.append(self.o.text(host.institution))
        return out + (" / " + " ; ".join(responsible) if responsible else "")

    # --- whole descriptions ---------------------------------------------------------------
    def whole(self) -> list[str]:
        areas = [self.title_area(), self.edition(), self.specific(), self.publication()]
        # A reference to pages of a whole book (7.0.5): «С. 305–412» where its extent stands.
        areas += [self.extent(), self.page_range(), self.series(), *self.notes()]
        areas += self.identifiers()
        areas += [self.online(), self.access()]
        if self.p.content_form:
            areas.append(self.content_form())
        return [*areas, self.review()]

    def host(self) -> list[str]:
        r = self.r
        title = self.o.text(r.container)
        genre = r.container_genre
        said = r.container_subtitle.startswith("[")  # «Site: [сайт]» typed into the title
        if not genre and not said and self.p.content_form and r.type in _SITE_PAGE_TYPES:
            genre = self.t.site  # «Высшая школа экономики : [сайт]» (7.0.100's examples)
        for extra in (r.container_subtitle, genre):
            if extra:
                title += " : " + self.o.text(extra)
        if r.event:
            title += " : " + self.event()
        responsible = []
        if r.container_authors:
            responsible.append(", ".join(self.person(a) for a in r.container_authors))
        if r.editors:
            responsible.append(self.edited(r.editors))
        if responsible:
            title += " / " + " ; ".join(responsible)
        for level in r.hosts:  # «// host // its host»: the chain, nearest first
            title += " // " + self.level(level)
        # The host's edition is part of identifying it (7.0.100, 7.3.5): «… / С. А. Нестеров.
        # – Изд. 4-е».
        areas = [title, self.edition()]
        newspaper = r.type in _NEWSPAPER_TYPES or (
            r.date is not None
            and not (r.volume or r.issue or r.publisher)
            and r.type not in _JOURNAL_TYPES
        )
        if newspaper:
            areas.append(r.year)
            if r.date:
                day = f"{r.date.day}{self.o.space}{self.t.months[r.date.month - 1]}"
                areas.append(day + (f" ({self.t.issue}{self.o.space}{r.issue})" if r.issue else ""))
        elif r.type in _JOURNAL_TYPES or r.volume or r.issue:
            areas.append(r.year)
            numbers = []
            if r.volume:
                numbers.append(f"{self.t.volume}{self.o.space}{self.o.text(r.volume)}")
            if r.issue:
                numbers.append(f"{self.t.issue}{self.o.space}{self.o.text(r.issue)}")
            areas.append(", ".join(numbers))
        else:
            areas.append(self.publication())
        areas.append(self.page_range())
        areas += [*self.notes(), *self.identifiers(), self.online(), self.access()]
        return [*areas, self.review()]

    def component(self) -> str:
        part = [self.title_area()]
        if self.p.content_form:
            part.append(self.content_form())
        return self.join(part) + " // " + self.join(self.host())

    def join(self, areas: list[str]) -> str:
        """Areas with the separator between; an area ending in an abbreviation's full stop
        («256 с.», «2-е изд.») does not take a second one."""
        out = ""
        for area in (a for a in areas if a):
            if out:
                separator = self.p.separator
                if out.endswith(".") and separator.startswith("."):
                    separator = separator[1:]
                out += separator
            out += area
        return out

    def describe(self) -> str:
        text = self.component() if self.r.is_component else self.join(self.whole())
        return text if text.endswith(".") else text + "."


def describe(record: Record, profile: Profile, *, html: bool = False) -> str:
    """The description of one record in a profile: plain text, or HTML."""
    return Formatter(profile, record, html).describe()


def hosts_said(record: Record, profile: Profile) -> list[str]:
    """The container's own hosts as the profile prints each after « // », nearest first."""
    formatter = Formatter(profile, record, html=False)
    return [formatter.level(host) for host in record.hosts]


def reviewed_said(record: Record, profile: Profile) -> str:
    """The work a review reviews, as its note describes it (without the note's words)."""
    if record.reviewed is None:
        return ""
    return describe(record.reviewed, replace(profile, content_form=False))


_SCRIPT = re.compile(r"[A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")


def sort_key(description: str) -> tuple[int, str]:
    """GOST lists: Cyrillic entries first, then Latin, each alphabetically (ё as е)."""
    match = _SCRIPT.search(description)
    first = match.group(0) if match else ""
    script = 0 if first and not first.isascii() else 1 if first else 2
    return script, description.casefold().replace("ё", "е")
