"""The supplementary words of a description, in Russian and in Kazakh.

Russian forms are those of ГОСТ Р 7.0.100-2018, 7.0.5-2008 and 7.1-2003 (reference-standards
§1.2–1.4). The Kazakh forms are used for Kazakh-language items where the profile allows a
language other than Russian (7.0.100 §4.8 allows the state language; 7.1-2003 is interstate).
They follow the usage of Kazakhstan's university and national library reference-list guides
(«Мәтін : тікелей», «б.» for pages, «[және т.б.]»). UNVERIFIED: no Kazakh national standard
text was available here to confirm them; treat them as a documented best effort.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Terms:
    text_direct: str
    text_electronic: str
    moving_image: str  # area 9 of a video: «Изображение (движущееся ; двухмерное)»
    gmd_text: str  # 7.1-2003 general material designation
    gmd_electronic: str
    pages_range: str  # «С. 34–36»
    pages_total: str  # «256 с.»
    et_al: str
    edited_by: str  # «под редакцией»
    edited_by_short: str  # «под ред.»
    compiled_by: str  # «составитель»
    compiled_by_short: str
    translated_by: str  # «перевод» (the name in the genitive)
    translated_by_short: str
    accessed: str  # «дата обращения»
    access_mode: str  # «Режим доступа»
    volume: str
    issue: str
    months: tuple[str, ...]  # the genitive month names of a newspaper date
    unverified: bool = False
    # What a site is, after its name, when a page of it is described (7.0.100 §4.8 allows the
    # word in the state language too; «сайт» is the same word in Kazakh).
    site: str = "[сайт]"


RUSSIAN = Terms(
    text_direct="Текст : непосредственный",
    text_electronic="Текст : электронный",
    moving_image="Изображение (движущееся ; двухмерное)",
    gmd_text="[Текст]",
    gmd_electronic="[Электронный ресурс]",
    pages_range="С.",
    pages_total="с.",
    et_al="[и др.]",
    edited_by="под редакцией",
    edited_by_short="под ред.",
    compiled_by="составитель",
    compiled_by_short="сост.",
    translated_by="перевод",
    translated_by_short="пер.",
    accessed="дата обращения",
    access_mode="Режим доступа",
    volume="Т.",
    issue="№",
    # ГОСТ Р 7.0.12-2011: months are abbreviated except March, May, June and July (which are
    # short already): «17 апр.», «11 февр.», but «15 марта», «29 июля» (§1.4 A8, C2; seed §4).
    months=(
        "янв.",
        "февр.",
        "марта",
        "апр.",
        "мая",
        "июня",
        "июля",
        "авг.",
        "сент.",
        "окт.",
        "нояб.",
        "дек.",
    ),
)

KAZAKH = Terms(
    text_direct="Мәтін : тікелей",
    text_electronic="Мәтін : электрондық",
    moving_image="Бейне (қозғалмалы ; екі өлшемді)",
    gmd_text="[Мәтін]",
    gmd_electronic="[Электрондық ресурс]",
    pages_range="Б.",
    pages_total="б.",
    et_al="[және т.б.]",
    edited_by="ред.",  # the name follows in the nominative
    edited_by_short="ред.",
    compiled_by="құрастырған",
    compiled_by_short="құраст.",
    translated_by="аударған",
    translated_by_short="ауд.",
    accessed="қаралған күні",
    access_mode="Кіру режимі",
    volume="Т.",
    issue="№",
    months=(
        "қаңтар",
        "ақпан",
        "наурыз",
        "сәуір",
        "мамыр",
        "маусым",
        "шілде",
        "тамыз",
        "қыркүйек",
        "қазан",
        "қараша",
        "желтоқсан",
    ),
    unverified=True,
)
