"""RUSMARC ↔ MARC 21, field by field, as the published concordance maps them: the Library of
Congress's UNIMARC to MARC 21 conversion specifications (RUSMARC is UNIMARC with Russian
additions), and the same table read backwards for MARC 21 → RUSMARC.

A record is converted from its original, every field in order: a field the table maps becomes
its counterpart (subfield codes, indicators, the ISBD punctuation MARC 21 keeps inside the
field and RUSMARC leaves to the display); a subfield or a field with no counterpart is named
in the record's report ("215$e", "105"), never dropped silently and never guessed at. Local
fields (9XX) mean the same in both and go across unchanged. Coded data (RUSMARC 100 $a,
MARC 21 008) is rewritten position by position where both formats have the element.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from pymarc import Field, Indicators, Leader, Record, Subfield

from kopir.exchange.marc.flavours import RUSMARC
from kopir.exchange.marc.model import RELATORS, RELATORS_BACK, relator

# RUSMARC 100 $a/8 (type of publication date) ↔ MARC 21 008/06
DATE_TYPES = {"a": "c", "b": "d", "c": "u", "d": "s", "e": "r", "f": "q", "g": "m", "h": "t",
              "i": "p", "j": "e"}  # fmt: skip
# RUSMARC 100 $a/17 (target audience) ↔ MARC 21 008/22
AUDIENCES = {"a": "j", "b": "a", "c": "b", "d": "c", "e": "d", "k": "e", "m": "g"}
# ISO 3166 (RUSMARC 102) ↔ MARC Code List for Countries, for the partners' countries and
# their neighbours; another country goes as "xx" (unknown) and is named in the report.
COUNTRIES = {"RU": "ru", "KZ": "kz", "BY": "bw", "UA": "un", "UZ": "uz", "KG": "kg",
             "TJ": "ta", "MN": "mp", "CN": "cc", "US": "xxu", "GB": "xxk", "DE": "gw",
             "FR": "fr"}  # fmt: skip
COUNTRIES_BACK = {marc: iso for iso, marc in COUNTRIES.items()}


@dataclass
class Converted:
    """A record in the other flavour, and what of the original it could not carry."""

    record: Record
    not_carried: list[str] = field(default_factory=list)

    def lose(self, name: str) -> None:
        if name not in self.not_carried:
            self.not_carried.append(name)


# A converter of one field: (the field, the source record, the result) → fields to add.
Rule = Callable[[Field, Record, Converted], list[Field]]


def convert(source: Record, flavour: str) -> Converted:
    """`source`, a record in `flavour`, as a record of the other flavour."""
    if flavour == RUSMARC:
        leader, rules, coded = _marc21_leader(source), TO_MARC21, _to_008
    else:
        leader, rules, coded = _rusmarc_leader(source), TO_RUSMARC, _to_100
    done = Converted(Record(force_utf8=True))
    done.record.leader = Leader(leader)  # pymarc's constructor would write "4500" at 20-23
    added: list[Field] = []
    for found in source.fields:
        if found.tag.startswith("9"):  # local in both formats
            added.append(found)
            continue
        rule = rules.get(found.tag)
        if rule is None:
            done.lose(found.tag)
            continue
        added += rule(found, source, done)
    added += coded(source, done)
    if flavour == RUSMARC:
        added += _cataloguing_source(source, done)
    for made in sorted(added, key=lambda f: f.tag):  # stable: the fields of a tag in order
        if made.is_control_field() or made.subfields:
            done.record.add_field(made)
    return done


# --- helpers ---------------------------------------------------------------------------------


def _f(tag: str, indicators: str, pairs: list[tuple[str, str]]) -> Field:
    return Field(
        tag=tag, indicators=Indicators(indicators[0], indicators[1]),
        subfields=[Subfield(code, value) for code, value in pairs if value],
    )  # fmt: skip


def _pairs(found: Field) -> list[tuple[str, str]]:
    return [(s.code, s.value.strip()) for s in found.subfields]


def _renamed(
    found: Field, table: dict[str, str], done: Converted,
    value: Callable[[str, str], str] = lambda code, text: text,
) -> list[tuple[str, str]]:  # fmt: skip
    """The subfields `table` renames (code → code), each value through `value` (by its own
    code); every other subfield is named as not carried."""
    pairs = []
    for code, text in _pairs(found):
        if code in table:
            pairs.append((table[code], value(code, text)))
        else:
            done.lose(f"{found.tag}${code}")
    return pairs


def _codes(
    table: dict[str, str], tag: str = "", indicators: str | Callable[[Field], str] = "  "
) -> Rule:
    """Subfields renamed by `table`, the rest named as not carried; the field becomes `tag`."""

    def rule(found: Field, source: Record, done: Converted) -> list[Field]:
        chosen = indicators(found) if callable(indicators) else indicators
        return [_f(tag or found.tag, chosen, _renamed(found, table, done))]

    return rule


def _same(found: Field, source: Record, done: Converted) -> list[Field]:
    return [found]


def _coded(used: str) -> Rule:
    """A field read elsewhere as a whole (coded data): its subfields `used`; any other named."""

    def rule(found: Field, source: Record, done: Converted) -> list[Field]:
        for code, _value in _pairs(found):
            if code not in used:
                done.lose(f"{found.tag}${code}")
        return []

    return rule


_END = re.compile(r"[\s:;/=,]+$")


def _bare(value: str) -> str:
    """A MARC 21 value without the ISBD punctuation that ends it (" :", " /", " ;", a full
    stop), as RUSMARC keeps it: the full stop of an initial or an abbreviation («И. И.»,
    «120 с.», «изд.») stays, since it is the text's own."""
    text = _END.sub("", value.strip())
    last = text.rsplit(" ", 1)[-1]
    if text.endswith(".") and (len(last) > 4 or last[:-1].isdigit()) and not last.endswith(".."):
        text = _END.sub("", text[:-1])
    return text


def _punctuated(
    pairs: list[tuple[str, str]], marks: dict[str, str], end: str = "."
) -> list[tuple[str, str]]:
    """MARC 21's ISBD punctuation: each subfield's mark (`marks`, by the following subfield's
    code) ends the one before it, and `end` ends the field."""
    out: list[list[str]] = []
    for code, value in pairs:
        if out and code in marks and not out[-1][1].endswith(marks[code].strip()):
            out[-1][1] += marks[code]
        out.append([code, value])
    if out and end and not out[-1][1].endswith((".", "?", "!", "-")):
        out[-1][1] += end
    return [(c, v) for c, v in out]


def _fixed(value: str, length: int) -> str:
    return (value + " " * length)[:length]


# --- RUSMARC → MARC 21 -----------------------------------------------------------------------


def _marc21_leader(source: Record) -> str:
    """Record status, type and bibliographic level (05-07) as they are; the encoding level
    (17) and the descriptive cataloguing form (18) by their meaning."""
    old = _fixed(str(source.leader), 24)
    status = "n" if old[5] == "o" else old[5]
    level = {" ": " ", "1": "7", "2": "8", "3": "5"}.get(old[17], "u")
    form = {" ": "i", "i": "i", "n": " "}.get(old[18], " ")
    return f"00000{status}{old[6:8]} a2200000{level}{form} 4500"


def _to_008(source: Record, done: Converted) -> list[Field]:
    coded = _fixed(_first(source, "100", "a"), 36)
    languages = [v for f in source.get_fields("101") for v in f.get_subfields("a")]
    countries = [v for f in source.get_fields("102") for v in f.get_subfields("a")]
    country = COUNTRIES.get(countries[0].strip().upper(), "xx") if countries else "xx"
    if countries and country == "xx":
        done.lose("102$a")
    data = (
        coded[2:8].replace(" ", "0") if coded[2:8].strip() else "000000",
        DATE_TYPES.get(coded[8], "|"), coded[9:13], coded[13:17],
        _fixed(country, 3), *_book(_fixed(_first(source, "105", "a"), 13), coded[17]),
        _fixed(languages[0] if languages else "und", 3), " d",
    )  # fmt: skip
    return [Field(tag="008", data=_fixed("".join(data), 40))]


# RUSMARC 105 $a (textual material) → MARC 21 008/18-34 for books: illustration codes a-m
# are the same letters; literary form and biography by their meaning.
LITERARY = {"a": "1", "b": "d", "c": "e", "d": "h", "e": "i", "f": "j", "g": "p", "h": "s",
            "y": "0", "z": "m"}  # fmt: skip
BIOGRAPHY = {"a": "a", "b": "b", "c": "c", "d": "d", "y": " "}


def _book(coded: str, audience: str) -> tuple[str, ...]:
    """008/18-34 from 105 $a (and the target audience, 100 $a/17, for 008/22)."""
    if not coded.strip():
        return "||||", AUDIENCES.get(audience, "|"), "||||||||||||"
    illustrations = "".join(c for c in coded[0:4] if c in "abcdefghijklm") or " "
    nature = "".join(CONTENTS[c] for c in coded[4:8] if c in CONTENTS)
    flags = [c if c in "01" else "|" for c in coded[8:11]]  # conference, festschrift, index
    return (  # what 105 does not say (form of item, government publication) is not guessed
        _fixed(illustrations, 4), AUDIENCES.get(audience, "|"), "|",
        _fixed(nature, 4) if nature else "||||", "|",
        *flags, " ", LITERARY.get(coded[11], "|"), BIOGRAPHY.get(coded[12], "|"),
    )  # fmt: skip


# RUSMARC 105 $a/4-7 (form of contents) → MARC 21 008/24-27 (nature of contents)
CONTENTS = {"a": "b", "b": "c", "c": "i", "d": "a", "e": "d", "f": "e", "g": "r", "i": "s",
            "k": "j", "l": "u", "m": "m", "n": "l", "o": "n", "p": "t", "r": "o", "s": "z",
            "t": "6"}  # fmt: skip


def _first(source: Record, tag: str, code: str) -> str:
    for found in source.get_fields(tag):
        for value in found.get_subfields(code):
            return value
    return ""


def _cataloguing_source(source: Record, done: Converted) -> list[Field]:
    """801 (originating source, one per role) → one 040: $a original, $c transcribing, $d
    modifying agency; $b the language of cataloguing (100 $a/22-24)."""
    by_role: dict[str, str] = {}
    for found in source.get_fields("801"):
        agency = (found.get_subfields("b") or [""])[0].strip()
        role = {"0": "a", "1": "c", "2": "d", "3": "d"}.get(found.indicator2 or "", "d")
        if agency:
            by_role.setdefault(role, agency)
        for rules in found.get_subfields("g"):
            by_role.setdefault("e", rules.strip())
    language = _fixed(_first(source, "100", "a"), 36)[22:25].strip()
    pairs = [(code, by_role.get(code, "")) for code in "a"] + [("b", language)]
    pairs += [(code, by_role.get(code, "")) for code in "ecd"]
    return [_f("040", "  ", pairs)] if any(v for _c, v in pairs) else []


def _isbn(found: Field, source: Record, done: Converted) -> list[Field]:
    """010 → 020: $a without hyphens, $b (binding, qualification) → $q, $d (price) → $c."""
    pairs = []
    for code, value in _pairs(found):
        if code in "az":
            pairs.append((code, value.replace("-", "")))
        elif code == "b":
            pairs.append(("q", value))
        elif code == "d":
            pairs.append(("c", value))
        else:
            done.lose(f"010${code}")
    return [_f("020", "  ", pairs)]


def _languages(found: Field, source: Record, done: Converted) -> list[Field]:
    table = {"a": "a", "c": "h", "d": "b", "e": "f", "h": "e", "i": "g", "j": "b"}
    pairs = _renamed(found, table, done)
    translation = "1" if (found.indicator1 or "0") in "12" else "0"
    return [_f("041", translation + " ", pairs)]


def _title(found: Field, source: Record, done: Converted) -> list[Field]:
    """200 → 245: $a title (a second $a joined with " ; "), $b the general material
    designation → $h in brackets, $e other title → $b (" :"), $d parallel title → $b (" ="),
    a later one joined to it, $f and $g responsibility → $c (" /", " ; "), $h number and
    $i name of part → $n and $p."""
    out: list[list[str]] = []  # [code, value]

    def add(code: str, value: str, mark: str) -> None:
        if out and mark:
            out[-1][1] += mark
        out.append([code, value])

    for code, value in _pairs(found):
        has = {c for c, _v in out}
        if code == "a" and "a" in has:
            out[0][1] += f" ; {value}"
        elif code == "a":
            out.insert(0, ["a", value])
        elif code == "b":
            add("h", f"[{value.strip('[]')}]", "")
        elif code in "de" and "b" in has:
            out[-1][1] += (" = " if code == "d" else " : ") + value
        elif code in "de":
            add("b", value, " =" if code == "d" else " :")
        elif code == "f" and "c" in has:
            out[-1][1] += f" ; {value}"
        elif code == "f":
            add("c", value, " /")
        elif code == "g" and out:
            out[-1][1] += f" ; {value}"
        elif code in "hi":
            add("n" if code == "h" else "p", value, "." if code == "h" else ",")
        else:
            done.lose(f"200${code}")
    if out and not out[-1][1].endswith((".", "?", "!")):
        out[-1][1] += "."
    main = "1" if source.get_fields("700", "710", "720") else "0"
    return [_f("245", main + "0", [(c, v) for c, v in out])]


def _name_title(found: Field, source: Record, done: Converted) -> list[Field]:
    """604 (a name and a title, as embedded 7XX and 500/200) → 600 with the title in $t."""
    pairs: list[tuple[str, str]] = []
    embedded = ""
    for code, value in _pairs(found):
        if code == "1":
            embedded = value[:3]
        elif embedded.startswith("7") and code == "a":
            pairs.insert(0, ("a", value))
        elif embedded.startswith("7") and code == "b" and pairs:
            pairs[0] = ("a", f"{pairs[0][1]}, {value}")
        elif embedded in ("500", "200") and code == "a":
            pairs.append(("t", value))
        elif code in SUBDIVISIONS and not embedded:
            pairs.append((SUBDIVISIONS[code], value))
        else:
            done.lose(f"604${code}" if not embedded else f"604$1{embedded}${code}")
    return [_f("600", "14", pairs)]


def _edition(found: Field, source: Record, done: Converted) -> list[Field]:
    pairs = []
    for code, value in _pairs(found):
        if code == "a":
            pairs.append(("a", value))
        elif code in "bg" and pairs:
            pairs[-1] = (pairs[-1][0], f"{pairs[-1][1]}, {value}")
        elif code == "f":
            pairs.append(("b", value))
        else:
            done.lose(f"205${code}")
    return [_f("250", "  ", _punctuated(pairs, {"b": " /"}))]


def _publication(found: Field, source: Record, done: Converted) -> list[Field]:
    """210 → 260: place $a, publisher $c → $b, date $d → $c; manufacture $e $g $h → $e $f $g."""
    table = {"a": "a", "c": "b", "d": "c", "e": "e", "g": "f", "h": "g"}
    pairs = _renamed(found, table, done, lambda code, text: f"({text})" if code in "egh" else text)
    marks = {"a": " ;", "b": " :", "c": ",", "f": " :", "g": ","}
    return [_f("260", "  ", _punctuated(pairs, marks))]


def _extent(found: Field, source: Record, done: Converted) -> list[Field]:
    """215 → 300: extent $a, other physical details $c → $b, dimensions $d → $c, accompanying
    material $e."""
    pairs = _renamed(found, {"a": "a", "c": "b", "d": "c", "e": "e"}, done)
    return [_f("300", "  ", _punctuated(pairs, {"b": " :", "c": " ;", "e": " +"}, end=""))]


def _series(found: Field, source: Record, done: Converted) -> list[Field]:
    """225 → 490: the title with its parts ($d = $e : $f / $h . $i) in $a, $v number, $x ISSN;
    traced (indicator 1 "0" or "2") or not, as 490 indicator 1."""
    title, rest = "", []
    joins = {"a": "", "d": " = ", "e": " : ", "f": " / ", "h": ". ", "i": ". "}
    for code, value in _pairs(found):
        if code in joins:
            title += (joins[code] if title else "") + value
        elif code in "vx":
            rest.append((code, value))
        else:
            done.lose(f"225${code}")
    traced = "1" if (found.indicator1 or " ") in "02" else "0"
    return [_f("490", traced + " ", _punctuated([("a", title), *rest], {"v": " ;", "x": ","}, ""))]


def _note(tag: str) -> Rule:
    """A note field ($a, repeated) → MARC 21 note `tag`."""

    def rule(found: Field, source: Record, done: Converted) -> list[Field]:
        return [_f(tag, "  ", _renamed(found, {"a": "a"}, done))]

    return rule


def _contents(found: Field, source: Record, done: Converted) -> list[Field]:
    """327 → 505: the titles ($a) in one $a, " -- " between them; indicator 1 complete (1) or
    not (0) becomes 0 or 1."""
    titles = []
    for code, value in _pairs(found):
        if code == "a":
            titles.append(value)
        else:
            done.lose(f"327${code}")
    complete = "0" if found.indicator1 == "1" else "1"
    return [_f("505", complete + " ", [("a", " -- ".join(titles))])]


# 4XX → 76X-78X (the link and, for some, MARC 21's indicator 2 or display text).
LINKS = {
    "410": ("760", " "), "411": ("762", " "), "421": ("770", " "), "422": ("772", " "),
    "423": ("777", " "), "430": ("780", "0"), "431": ("780", "1"), "432": ("780", "2"),
    "433": ("780", "3"), "434": ("780", "5"), "435": ("780", "6"), "436": ("780", "4"),
    "437": ("780", "7"), "440": ("785", "0"), "441": ("785", "1"), "442": ("785", "2"),
    "443": ("785", "3"), "444": ("785", "4"), "445": ("785", "5"), "446": ("785", "6"),
    "447": ("785", "7"), "448": ("785", "8"), "451": ("775", " "), "452": ("776", " "),
    "453": ("767", " "), "454": ("765", " "), "455": ("787", "8"), "456": ("787", "8"),
    "461": ("773", "8"), "462": ("773", "8"), "463": ("773", "8"), "464": ("774", "8"),
    "470": ("787", "8"), "481": ("787", "8"), "482": ("787", "8"), "488": ("787", "8"),
}  # fmt: skip
# what an embedded field of a link gives the MARC 21 link: (tag, code) → code
EMBEDDED = {
    ("200", "a"): "t", ("200", "e"): "t", ("200", "h"): "t", ("200", "i"): "t",
    ("700", "a"): "a", ("700", "b"): "a", ("701", "a"): "a", ("701", "b"): "a",
    ("710", "a"): "a", ("710", "b"): "a", ("712", "a"): "a", ("210", "a"): "d",
    ("210", "c"): "d", ("210", "d"): "d", ("205", "a"): "b", ("215", "a"): "h",
    ("225", "a"): "k", ("010", "a"): "z", ("011", "a"): "x", ("200", "v"): "g",
    ("500", "a"): "s",
}  # fmt: skip
JOINS = {"t": ". ", "a": ", ", "d": " : ", "b": ", ", "h": ", ", "k": ". "}
# MARC 21 links back: by tag and indicator 2 where that tells them apart, else the first
LINKS_BACK: dict[tuple[str, str], str] = {}
for _tag, (_to, _second) in LINKS.items():
    LINKS_BACK.setdefault((_to, _second), _tag)
    LINKS_BACK.setdefault((_to, ""), _tag)


def _link(found: Field, source: Record, done: Converted) -> list[Field]:
    """A RUSMARC link (embedded fields after $1, or $t/$a/$v directly) → the MARC 21 link:
    the linked title $t, its author $a, publication $d, edition $b, ISBN $z, ISSN $x, the
    record number $w, and the part this record is ($v) → $g."""
    tag, second = LINKS[found.tag]
    parts: dict[str, list[str]] = {}
    embedded = ""
    # without embedded fields or a $t, the $a is the linked title, as many systems write it
    # (and as the reader takes it: flavours._embedded_title)
    title_in_a = not any(s.code in "1t" for s in found.subfields)
    for code, value in _pairs(found):
        if code == "1":
            embedded = value[:3]
            if embedded == "001" and len(value) > 3:
                parts.setdefault("w", []).append(value[3:])
            continue
        if embedded:
            to = EMBEDDED.get((embedded, code))
            if to is None:
                done.lose(f"{found.tag}$1{embedded}${code}")
            else:
                parts.setdefault(to, []).append(value)
            continue
        direct = {"t": "t", "a": "t" if title_in_a else "a", "v": "g", "x": "x", "y": "z",
                  "3": "w", "c": "d", "d": "d", "e": "b", "p": "h"}  # fmt: skip
        if code in direct:
            parts.setdefault(direct[code], []).append(value)
        else:
            done.lose(f"{found.tag}${code}")
    pairs = [(code, JOINS.get(code, " ").join(parts[code])) for code in "atbdhkgwxz"
             if code in parts]  # fmt: skip
    note = "1" if found.indicator2 == "0" else "0"
    return [_f(tag, note + second, pairs)]


# 5XX titles → 2XX: (tag, indicators)
TITLES = {
    "500": ("240", "10"), "501": ("243", "10"), "503": ("243", "10"), "510": ("246", "31"),
    "512": ("246", "14"), "513": ("246", "15"), "514": ("246", "16"), "515": ("246", "17"),
    "516": ("246", "18"), "517": ("246", "3 "), "518": ("246", "3 "), "520": ("247", "10"),
    "530": ("222", " 0"), "531": ("210", "0 "), "532": ("246", "3 "), "540": ("246", "3 "),
    "541": ("242", "10"),
}  # fmt: skip


def _variant(found: Field, source: Record, done: Converted) -> list[Field]:
    tag, indicators = TITLES[found.tag]
    if found.tag == "500" and found.indicator2 == "1":  # a uniform title as the main entry
        tag, indicators = "130", "0 "
    table = {"a": "a", "e": "b", "h": "n", "i": "p", "k": "f", "l": "k", "m": "l", "n": "g",
             "j": "f", "r": "r", "s": "s", "q": "s", "u": "r", "w": "o"}  # fmt: skip
    pairs = _renamed(found, table, done)
    return [_f(tag, indicators, _punctuated(pairs, {"b": " :", "n": ".", "p": ","}, ""))]


# 6XX subdivisions and authority numbers, the same in every subject field
SUBDIVISIONS = {"x": "x", "y": "z", "z": "y", "j": "v", "2": "2", "3": "0"}


def _subject(tag: str, kind: str = "topic") -> Rule:
    """606 → 650, 607 → 651, 605 → 630, 608 → 655 (entry $a, and for a uniform title its
    parts), 601 → 610/611 (a body: $b, $d → $n, $e → $c, $f → $d), 600 → 600 and 602 → 600
    family (a person's name as 700 → 100 writes it). Subdivisions: $x topical, $y
    geographic → $z, $z chronological → $y, $j form → $v; $2 the system (then indicator 2
    "7"; without one, "4", source not named); $3 the authority record → $0."""

    def rule(found: Field, source: Record, done: Converted) -> list[Field]:
        entry, rest = _entry(found, kind, done)
        system = any(c == "2" for c, _v in rest)
        target = tag
        first = " "
        if kind == "body":
            target, first = ("611", "2") if found.indicator1 == "1" else ("610", "2")
        elif kind == "person":
            first = "3" if found.tag == "602" else ("0" if found.indicator2 == "0" else "1")
        elif kind == "uncontrolled":
            return [_f("653", (found.indicator1 or " ") + " ", entry)]
        pairs = entry + [p for p in rest if p[0] != "2"] + [p for p in rest if p[0] == "2"]
        return [_f(target, first + ("7" if system else "4"), pairs)]

    return rule


def _entry(
    found: Field, kind: str, done: Converted
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """A subject field's entry (the name, the term …) and its subdivisions, MARC 21 codes."""
    entry: list[tuple[str, str]] = []
    rest: list[tuple[str, str]] = []
    names = {"person": {"c": "c", "d": "b", "f": "d", "g": "q"},
             "body": {"b": "b", "c": "g", "d": "n", "e": "c", "f": "d"},
             "title": {"h": "n", "i": "p", "k": "f", "l": "k", "m": "l", "n": "g"},
             "topic": {}, "uncontrolled": {}}[kind]  # fmt: skip
    for code, value in _pairs(found):
        if code == "a":
            entry.append(("a", value))
        elif code == "b" and kind == "person" and entry:
            entry[-1] = ("a", f"{entry[-1][1]}, {value}")
        elif code in names:
            entry.append((names[code], f"({value})" if (kind, code) == ("person", "g") else value))
        elif code in SUBDIVISIONS and kind != "uncontrolled":
            rest.append((SUBDIVISIONS[code], value))
        else:
            done.lose(f"{found.tag}${code}")
    return entry, rest


def _name(tag: str) -> Rule:
    """700 → 100, 701 and 702 → 700: «Surname, Initials» in $a ($a, $b), $c additions, $d
    roman numerals → $b, $f dates → $d, $g the forename in full → $q, $p affiliation → $u,
    $3 the authority record → $0, $4 the role in MARC 21's code."""

    def rule(found: Field, source: Record, done: Converted) -> list[Field]:
        pairs: list[tuple[str, str]] = []
        roles: list[tuple[str, str]] = []
        table = {"c": "c", "d": "b", "f": "d", "p": "u"}
        for code, value in _pairs(found):
            if code == "a":
                pairs.insert(0, ("a", value))
            elif code == "b":
                pairs.append(("a+", value))
            elif code == "g":
                pairs.append(("q", f"({value})"))
            elif code in table:
                pairs.append((table[code], value))
            elif code == "3":  # the authority record, after the name
                roles.insert(0, ("0", value))
            elif code == "4":
                roles.append(("4", RELATORS.get(value, value)))
            else:
                done.lose(f"{found.tag}${code}")
        merged: list[tuple[str, str]] = []
        for code, value in pairs:
            if code == "a+" and merged and merged[0][0] == "a":
                merged[0] = ("a", f"{merged[0][1]}, {value}")
            elif code == "a+":
                merged.insert(0, ("a", value))
            else:
                merged.append((code, value))
        first = "0" if found.indicator2 == "0" else "1"
        return [_f(tag, first + " ", _punctuated(merged, {"d": ",", "c": ","}, "") + roles)]

    return rule


def _body(main: bool) -> Rule:
    """710 → 110 (a meeting, indicator 1 "1": 111), 711 and 712 → 710 (711): $a, $b, $c
    addition → $g, $d number → $n, $e place → $c, $f date → $d, $3 → $0, $4 the role; the
    form of the name (RUSMARC indicator 2) → MARC 21 indicator 1."""

    def rule(found: Field, source: Record, done: Converted) -> list[Field]:
        meeting = found.indicator1 == "1"
        tag = ("111" if meeting else "110") if main else ("711" if meeting else "710")
        table = {"a": "a", "b": "e" if meeting else "b", "c": "g", "d": "n", "e": "c",
                 "f": "d", "3": "0"}  # fmt: skip
        pairs: list[tuple[str, str]] = []
        for code, value in _pairs(found):
            if code in table:
                pairs.append((table[code], value))
            elif code == "4":
                pairs.append(("4", RELATORS.get(value, value)))
            else:
                done.lose(f"{found.tag}${code}")
        form = found.indicator2 if found.indicator2 in ("0", "1", "2") else "2"
        return [_f(tag, form + " ", pairs)]

    return rule


# 852 and 899 (RUSMARC's holdings) → 852: $a the holder, $b sublocation, $c address → $e,
# $j call number, $x and $y notes → $x and $z
_location = _codes({"a": "a", "b": "b", "c": "e", "j": "j", "x": "x", "y": "z"}, "852")


TO_MARC21: dict[str, Rule] = {
    "001": _same, "003": _same, "005": _same,
    "010": _isbn,
    "011": _codes({"a": "a", "y": "y", "z": "z"}, "022"),
    "035": _codes({"a": "a", "z": "z"}),
    "073": _codes({"a": "a", "z": "z"}, "024", "3 "),
    "100": _coded("a"),  # 008 and 040 $b (_to_008)
    "101": _languages,
    "102": _coded("a"),  # 008/15-17 (_to_008)
    "105": _coded("a"),  # 008/18-34 (_to_008)
    "021": _codes({"b": "a", "a": "b"}, "017"),  # legal deposit: number, country
    "200": _title,
    "205": _edition,
    "206": _note("255"), "207": _note("362"), "208": _note("254"), "211": _note("263"),
    "210": _publication,
    "215": _extent,
    "225": _series,
    "230": _note("256"),
    **{str(tag): _note("500") for tag in (*range(300, 316), 321, 324, 316)},
    "317": _note("561"), "320": _note("504"), "322": _note("508"), "323": _note("511"),
    "326": _note("310"), "328": _note("502"), "330": _note("520"), "332": _note("524"),
    "333": _note("521"), "336": _note("516"), "337": _note("538"), "371": _note("506"),
    "327": _contents,
    **{tag: _link for tag in LINKS},
    **{tag: _variant for tag in TITLES},
    "600": _subject("600", "person"), "601": _subject("610", "body"),
    "602": _subject("600", "person"), "604": _name_title, "605": _subject("630", "title"),
    "606": _subject("650"), "607": _subject("651"), "608": _subject("655"),
    "610": _subject("653", "uncontrolled"),
    "675": _codes({"a": "a", "v": "2"}, "080"),
    "676": _codes({"a": "a", "v": "2"}, "082"),
    "680": _codes({"a": "a", "b": "b"}, "050"),
    "686": _codes({"a": "a", "2": "2", "b": "b"}, "084"),
    "700": _name("100"), "701": _name("700"), "702": _name("700"),
    "710": _body(True), "711": _body(False), "712": _body(False),
    "801": _coded("bg"),  # 040 (_cataloguing_source); the country and the date have no place
    "830": _note("500"),
    "852": _location, "899": _location,
    "856": _same,
}  # fmt: skip


# --- MARC 21 → RUSMARC -----------------------------------------------------------------------


def _rusmarc_leader(source: Record) -> str:
    old = _fixed(str(source.leader), 24)
    level = {" ": " ", "7": "1", "8": "2", "5": "3"}.get(old[17], "3")
    form = {"i": " ", "a": " ", "c": "i", " ": "n"}.get(old[18], "n")
    hierarchy = "2" if source.get_fields("773") else "0"
    return f"00000{old[5:8]}{hierarchy} 2200000{level}{form} 450 "


# MARC 21 008/28 (government publication) → RUSMARC 100 $a/20
GOVERNMENT = {" ": "y", "f": "a", "s": "b", "l": "d", "c": "e", "i": "f", "o": "h", "u": "u",
              "z": "z"}  # fmt: skip


def _to_100(source: Record, done: Converted) -> list[Field]:
    found = source.get_fields("008")
    coded = _fixed((found[0].data or "") if found else "", 40)
    types = {marc: rus for rus, marc in DATE_TYPES.items()}
    audiences = {marc: rus for rus, marc in AUDIENCES.items()}
    entered = coded[0:6].strip()
    century = "20" if entered[:2] <= "50" else "19"
    data = (
        century + entered if len(entered) == 6 else "        ",
        types.get(coded[6], "d"), coded[7:11], coded[11:15],
        audiences.get(coded[22], "u") + "  ", GOVERNMENT.get(coded[28], "|"),
        "0" if coded[38] == " " else "1",
        _fixed(_first(source, "040", "b") or "eng", 3), "y", "50  ", "    ",
        "ca" if re.search("[а-яёәғқңөұүһі]", _first(source, "245", "a").lower()) else "ba",
    )  # fmt: skip
    fields = [_f("100", "  ", [("a", _fixed("".join(data), 36))])]
    country = COUNTRIES_BACK.get(coded[15:18].strip())
    if country:
        fields.append(_f("102", "  ", [("a", country)]))
    elif coded[15:18].strip() not in ("", "xx", "|||"):
        done.lose("008/15-17")
    return fields


def _back(table: dict[str, str], tag: str, indicators: str = "  ", *, bare: bool = True) -> Rule:
    """A MARC 21 field to RUSMARC `tag`, subfields by `table`, ISBD punctuation taken off."""

    def rule(found: Field, source: Record, done: Converted) -> list[Field]:
        pairs = _renamed(found, table, done, lambda code, text: _bare(text) if bare else text)
        return [_f(tag, indicators, pairs)]

    return rule


def _title_back(found: Field, source: Record, done: Converted) -> list[Field]:
    """245 → 200: $a, $b other title → $e (a parallel title, after " =", → $d), $c → $f, $n
    → $h, $p → $i, $h → $b."""
    pairs = []
    parallel = False
    for code, value in _pairs(found):
        bare = _bare(value).strip("[]") if code == "h" else _bare(value)
        if code == "a":
            pairs.append(("a", bare))
        elif code == "b":
            pairs.append(("d" if parallel else "e", bare))
        elif code in "cnph":
            pairs.append(({"c": "f", "n": "h", "p": "i", "h": "b"}[code], bare))
        else:
            done.lose(f"245${code}")
        parallel = value.rstrip().endswith("=")
    return [_f("200", "1 ", pairs)]


def _name_back(tag: str) -> Rule:
    """100 → 700, 700 → 701 (an author, or no role) or 702: «Surname, Initials» → $a and $b,
    $q → $g, $d → $f, $b → $d, $c, $u → $p, $0 → $3, $4 (or the role in words, $e) → $4."""

    def rule(found: Field, source: Record, done: Converted) -> list[Field]:
        pairs: list[tuple[str, str]] = []
        roles = [RELATORS_BACK.get(_bare(v).lower(), _bare(v)) for v in found.get_subfields("4")]
        table = {"c": "c", "b": "d", "d": "f", "q": "g", "u": "p", "0": "3"}
        for code, value in _pairs(found):
            if code == "a":
                surname, _, rest = _bare(value).partition(", ")
                pairs += [("a", surname), ("b", rest)]
            elif code in table:
                pairs.append((table[code], _bare(value).strip("()")))
            elif code not in "4e":
                done.lose(f"{found.tag}${code}")
        if not roles and found.get_subfields("e"):
            roles = [relator(found.get_subfields("e")[0], RUSMARC)]
        target = tag
        if tag == "701" and roles and not set(roles) <= {"070", ""}:
            target = "702"
        first = "0" if found.indicator1 == "0" else "1"
        return [_f(target, " " + first, pairs + [("4", r) for r in roles if r])]

    return rule


def _body_back(main: bool) -> Rule:
    def rule(found: Field, source: Record, done: Converted) -> list[Field]:
        meeting = found.tag in ("111", "711")
        table = {"a": "a", "b": "b", "e": "b", "g": "c", "n": "d", "c": "e", "d": "f", "0": "3"}
        if not meeting:
            table.pop("e")
        pairs = []
        for code, value in _pairs(found):
            if code in table:
                pairs.append((table[code], _bare(value).strip("()")))
            elif code == "4":
                pairs.append(("4", RELATORS_BACK.get(_bare(value), _bare(value))))
            elif code != "e":
                done.lose(f"{found.tag}${code}")
        form = found.indicator1 if found.indicator1 in ("0", "1", "2") else "2"
        return [_f("710" if main else "712", ("1" if meeting else "0") + form, pairs)]

    return rule


def _subject_back(tag: str, kind: str = "topic") -> Rule:
    back = {v: k for k, v in SUBDIVISIONS.items()}
    names = {"person": {"c": "c", "b": "d", "d": "f", "q": "g"},
             "body": {"b": "b", "g": "c", "n": "d", "c": "e", "d": "f"},
             "title": {"n": "h", "p": "i", "f": "k", "k": "l", "l": "m", "g": "n"},
             "topic": {}}[kind]  # fmt: skip

    def rule(found: Field, source: Record, done: Converted) -> list[Field]:
        pairs: list[tuple[str, str]] = []
        for code, value in _pairs(found):
            if code == "a" and kind == "person":
                surname, _, rest = _bare(value).partition(", ")
                pairs += [("a", surname), ("b", rest)]
            elif code == "a":
                pairs.append(("a", _bare(value)))
            elif code in names:
                pairs.append((names[code], _bare(value).strip("()")))
            elif code in back:
                pairs.append((back[code], _bare(value)))
            else:
                done.lose(f"{found.tag}${code}")
        first = "1" if found.tag == "611" else " "
        second = "1" if kind == "person" and found.indicator1 != "0" else " "
        return [_f(tag, first + second, pairs)]

    return rule


def _series_back(found: Field, source: Record, done: Converted) -> list[Field]:
    rule = _back({"a": "a", "v": "v", "x": "x"}, "225", "2 " if found.indicator1 == "1" else "1 ")
    return rule(found, source, done)


def _link_back(found: Field, source: Record, done: Converted) -> list[Field]:
    """A MARC 21 link → the RUSMARC link with embedded fields: $t → $1 200 $a, $a → $1 700
    $a (a person, "Surname, Initials") , $w → $1 001, $z → $1 010 $a, $x → $1 011 $a, $g →
    $v (this record's place in it)."""
    tag = LINKS_BACK.get((found.tag, found.indicator2 or " ")) or LINKS_BACK[(found.tag, "")]
    pairs: list[tuple[str, str]] = []
    for code, value in _pairs(found):
        bare = _bare(value)
        if code == "w":
            pairs.append(("1", f"001{bare}"))
        elif code == "a":
            surname, _, rest = bare.partition(", ")
            pairs += [("1", "700 1"), ("a", surname), ("b", rest)]
        elif code == "t":
            pairs += [("1", "2001 "), ("a", bare)]
        elif code == "z":
            pairs += [("1", "010  "), ("a", bare)]
        elif code == "x":
            pairs += [("1", "011  "), ("a", bare)]
        elif code == "d":
            pairs += [("1", "210  "), ("d", bare)]
        elif code == "g":
            pairs.append(("v", bare))
        else:
            done.lose(f"{found.tag}${code}")
    note = "0" if found.indicator1 == "1" else "1"
    return [_f(tag, " " + note, pairs)]


def _contents_back(found: Field, source: Record, done: Converted) -> list[Field]:
    titles: list[str] = []
    for code, value in _pairs(found):
        if code in "at":
            titles += [t.strip() for t in re.split(r"\s--\s?", value) if _bare(t)]
        else:
            done.lose(f"505${code}")
    complete = "1" if found.indicator1 == "0" else "0"
    return [_f("327", complete + " ", [("a", _bare(t)) for t in titles])]


def _cataloguing_back(found: Field, source: Record, done: Converted) -> list[Field]:
    fields = []
    for code, role in (("a", "0"), ("c", "1"), ("d", "2")):
        for agency in found.get_subfields(code):
            fields.append(_f("801", " " + role, [("b", agency.strip())]))
    for code, _value in _pairs(found):
        if code not in "acdbe":
            done.lose(f"040${code}")
    return fields


TO_RUSMARC: dict[str, Rule] = {
    "001": _same, "003": _same, "005": _same,
    "008": lambda found, source, done: [],  # coded data: 100 and 102 (_to_100)
    "010": _back({"a": "b"}, "020"),  # the Library of Congress's number, as a national one
    "017": _back({"a": "b", "b": "a"}, "021"),
    "020": _back({"a": "a", "q": "b", "c": "d", "z": "z"}, "010"),
    "022": _back({"a": "a", "y": "y", "z": "z"}, "011"),
    "024": _back({"a": "a", "z": "z"}, "073"),
    "035": _back({"a": "a", "z": "z"}, "035"),
    "040": _cataloguing_back,
    "041": _back({"a": "a", "h": "c", "b": "d", "f": "e", "e": "h", "g": "i"}, "101", "0 "),
    "050": _back({"a": "a", "b": "b"}, "680"),
    "080": _back({"a": "a", "2": "v"}, "675"),
    "082": _back({"a": "a", "2": "v"}, "676"),
    "084": _back({"a": "a", "2": "2", "b": "b"}, "686"),
    "100": _name_back("700"), "700": _name_back("701"),
    "110": _body_back(True), "111": _body_back(True),
    "710": _body_back(False), "711": _body_back(False),
    "130": _back({"a": "a", "n": "h", "p": "i"}, "500", "11"),
    "240": _back({"a": "a", "n": "h", "p": "i", "f": "k", "k": "l", "l": "m"}, "500", "10"),
    "242": _back({"a": "a", "b": "e"}, "541", "1 "),
    "245": _title_back,
    "246": _back({"a": "a", "b": "e", "n": "h", "p": "i"}, "517", "1 "),
    "250": _back({"a": "a", "b": "f"}, "205"),
    "260": _back({"a": "a", "b": "c", "c": "d", "e": "e", "f": "g", "g": "h"}, "210"),
    "264": _back({"a": "a", "b": "c", "c": "d"}, "210"),
    "300": _back({"a": "a", "b": "c", "c": "d", "e": "e"}, "215"),
    "490": _series_back,
    "500": _back({"a": "a"}, "300"), "502": _back({"a": "a"}, "328"),
    "504": _back({"a": "a"}, "320"), "505": _contents_back,
    "520": _back({"a": "a"}, "330"), "521": _back({"a": "a"}, "333"),
    "538": _back({"a": "a"}, "337"), "546": _back({"a": "a"}, "302"),
    "600": _subject_back("600", "person"), "610": _subject_back("601", "body"),
    "611": _subject_back("601", "body"), "630": _subject_back("605", "title"),
    "650": _subject_back("606"), "651": _subject_back("607"), "655": _subject_back("608"),
    "653": _back({"a": "a"}, "610", "0 "),
    **{to: _link_back for to, _second in LINKS.values()},
    "852": _back({"a": "a", "b": "b", "e": "c", "j": "j", "h": "j", "x": "x", "z": "y"}, "852"),
    "856": _same,
}  # fmt: skip
