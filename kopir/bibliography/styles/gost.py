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

import re
from dataclasses import dataclass, replace

from django.conf import settings
from django.utils.html import escape

from kopir.bibliography.styles import names
from kopir.bibliography.styles.record import MOVING_IMAGE_TYPES, Name, Record
from kopir.bibliography.styles.terms import KAZAKH, RUSSIAN, Terms

DASH = "\u2013"
_RANGE = re.compile(r"\s*(?:-{1,2}|\u2012|\u2013|\u2014|\u2212)\s*")
# ГОСТ Р 7.0.12-2011: the two cities abbreviated in the legacy and reference profiles.
_PLACE_ABBREVIATIONS = {"Москва": "М.", "Санкт-Петербург": "СПб.", "Ленинград": "Л."}
_NEWSPAPER_TYPES = {"article-newspaper"}
_SITE_PAGE_TYPES = {"webpage", "post", "post-weblog"}
_JOURNAL_TYPES = {"article-journal", "article-magazine", "review"}


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
    et_al_min: int = 5  # from this many authors, shorten with «[и др.]» (a setting)
    et_al_keep: int = 3  # names kept before «[и др.]»
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
        # The «[и др.]» threshold is the cataloguing agency's choice (reference-standards §1.3).
        profile = replace(
            profile,
            et_al_min=getattr(settings, "KOPIR_GOST_ET_AL_MIN", profile.et_al_min),
            et_al_keep=getattr(settings, "KOPIR_GOST_ET_AL_KEEP", profile.et_al_keep),
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
        return self.o.text(names.statement(name, space=" ")).replace(" ", self.o.space)

    def person_genitive(self, name: Name) -> str:
        russian = self.t is RUSSIAN  # Kazakh keeps the nominative after «ред.»
        text = names.statement_genitive(name) if russian else names.statement(name)
        return self.o.text(text).replace(" ", self.o.space)

    def responsibility(self) -> str:
        """After « / »: the authors (unless the heading has them and the profile does not
        repeat them), then the editors."""
        parts: list[str] = []
        authors = self.r.authors
        in_heading = bool(self.heading_authors()) and not self.r.authority
        if authors and not (in_heading and not self.p.repeat_heading):
            if self.r.more_authors:  # the names known, and «[и др.]» for the others
                parts.append(", ".join(self.person(a) for a in authors) + f" {self.t.et_al}")
            elif len(authors) >= self.p.et_al_min:
                shown = ", ".join(self.person(a) for a in authors[: self.p.et_al_keep])
                parts.append(f"{shown} {self.t.et_al}")
            else:
                parts.append(", ".join(self.person(a) for a in authors))
        editors = self.r.editors if not self.r.is_component else []
        if editors:
            parts.append(self.edited(editors))
        if self.r.compilers:  # «составитель И. И. Иванов» (nominative)
            word = self.t.compiled_by_short if self.p.abbreviate else self.t.compiled_by
            parts.append(f"{word} " + ", ".join(self.person(c) for c in self.r.compilers))
        if self.r.translators:  # «перевод А. А. Петровой» (genitive, like the editors)
            word = self.t.translated_by_short if self.p.abbreviate else self.t.translated_by
            translated = ", ".join(self.person_genitive(t) for t in self.r.translators)
            parts.append(f"{word} {translated}")
        return " ; ".join(parts).replace(" ; ", "; ")

    def edited(self, editors: list[Name]) -> str:
        word = self.t.edited_by_short if self.p.abbreviate else self.t.edited_by
        return f"{word} " + ", ".join(self.person_genitive(e) for e in editors)

    def gmd(self) -> str:
        if self.r.electronic and self.p.gmd_electronic:
            return " " + self.t.gmd_electronic
        if not self.r.electronic and self.p.gmd_print:
            return " " + self.t.gmd_text
        return ""

    def title_area(self) -> str:
        r = self.r
        out = self.o.text(r.title) + self.gmd()
        for extra in (r.subtitle, r.genre):
            if extra:
                out += " : " + self.o.text(extra)
        if r.type == "webpage" and not r.genre and self.p.content_form and not r.is_component:
            out += " : [сайт]"
        responsibility = self.responsibility()
        if responsibility:
            out += " / " + responsibility
        heading = self.heading()
        return f"{heading} {out}" if heading else out

    def content_form(self) -> str:
        if self.r.type in MOVING_IMAGE_TYPES:
            return f"{self.t.moving_image} : " + ("электронное" if self.r.electronic else "видео")
        return self.t.text_electronic if self.r.electronic else self.t.text_direct

    def place(self) -> str:
        place = self.r.place
        if self.p.abbreviate:
            place = _PLACE_ABBREVIATIONS.get(place, place)
        return self.o.text(place)

    def publication(self) -> str:
        r = self.r
        out = self.place()
        if r.publisher:
            out = f"{out} : {self.o.text(r.publisher)}" if out else self.o.text(r.publisher)
        if r.year:
            out = f"{out}, {r.year}" if out else r.year
        return out

    def pages(self, value: str) -> str:
        return _RANGE.sub(DASH, value)

    def extent(self) -> str:
        r = self.r
        if not r.extent:
            return ""
        out = f"{self.pages(r.extent)}{self.o.space}{self.t.pages_total}"
        if r.illustrations:
            out += " : " + self.o.text(r.illustrations)
        return out

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

    # --- whole descriptions ---------------------------------------------------------------
    def whole(self) -> list[str]:
        r = self.r
        areas = [self.title_area(), self.edition(), self.publication(), self.extent()]
        if r.series:
            areas.append(f"({self.o.text(r.series)})")
        if r.isbn and self.p.identifiers:
            areas.append(f"ISBN {self.o.text(r.isbn)}")
        areas.append(self.online())
        if self.p.content_form:
            areas.append(self.content_form())
        return areas

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
        if r.editors:
            title += " / " + self.edited(r.editors)
        areas = [title]
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
        areas.append(self.online())
        return areas

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


_SCRIPT = re.compile(r"[A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")


def sort_key(description: str) -> tuple[int, str]:
    """GOST lists: Cyrillic entries first, then Latin, each alphabetically (ё as е)."""
    match = _SCRIPT.search(description)
    first = match.group(0) if match else ""
    script = 0 if first and not first.isascii() else 1 if first else 2
    return script, description.casefold().replace("ё", "е")
