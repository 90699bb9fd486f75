"""The supplementary words of a description, in Russian and in Kazakh.

Russian forms are those of ГОСТ Р 7.0.100-2018, 7.0.5-2008 and 7.1-2003 (reference-standards
§1.2–1.4). The Kazakh forms are used for Kazakh-language items where the profile allows a
language other than Russian (7.0.100 §4.8 allows the state language; 7.1-2003 is interstate).
They follow the usage of Kazakhstan's university and national library reference-list guides
(«Мәтін : тікелей», «б.» for pages, «[және т.б.]»). UNVERIFIED: no Kazakh national standard
text was available here to confirm them; treat them as a documented best effort.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Role:
    """How a contributor's part is said after « / »: the word, its plural and abbreviation
    (ГОСТ Р 7.0.12-2011), and whether the names that follow are in the genitive
    («под редакцией Е. Е. Егоровой», «перевод А. А. Петровой») or the nominative
    («ответственный редактор Е. Е. Егорова», «составители …»)."""

    word: str
    plural: str
    short: str
    genitive: bool = False

    def said(self, *, many: bool, abbreviate: bool) -> str:
        if abbreviate:
            return self.short
        return self.plural if many else self.word


# The contributor roles: CSL's name variables (https://docs.citationstyles.org/en/stable/
# specification.html#name-variables) where CSL has them, and Köpir's own keys for the words a
# title page uses that CSL does not name (`kopir-role` on a name). ГОСТ Р 7.0.100-2018 writes
# the words in full; 7.0.5 and 7.1 abbreviate them by ГОСТ Р 7.0.12-2011.
RUSSIAN_ROLES: dict[str, Role] = {
    "editor": Role("под редакцией", "под редакцией", "под ред.", genitive=True),
    "general-editor": Role("под общей редакцией", "под общей редакцией", "под общ. ред.", True),
    "executive-editor": Role("ответственный редактор", "ответственные редакторы", "отв. ред."),
    "editorial-director": Role("главный редактор", "главные редакторы", "гл. ред."),
    "scientific-editor": Role("научный редактор", "научные редакторы", "науч. ред."),
    "compiler": Role("составитель", "составители", "сост."),
    "translator": Role("перевод", "перевод", "пер.", genitive=True),
    "illustrator": Role("художник", "художники", "худож."),
    "director": Role("режиссер", "режиссеры", "реж."),
    "script-writer": Role("автор сценария", "авторы сценария", "авт. сценария"),
    "composer": Role("композитор", "композиторы", "композитор"),
    "performer": Role("исполнитель", "исполнители", "исп."),
    "narrator": Role("читает", "читают", "читает"),
    "producer": Role("продюсер", "продюсеры", "продюсер"),
    "interviewer": Role("беседу вел", "беседу вели", "беседу вел"),
    "chair": Role("председатель", "председатели", "пред."),
    "organizer": Role("организатор", "организаторы", "орг."),
    "contributor": Role("при участии", "при участии", "при участии", genitive=True),
    "introduction": Role("вступительная статья", "вступительная статья", "вступ. ст.", True),
    "foreword": Role("предисловие", "предисловие", "предисл.", genitive=True),
    "afterword": Role("послесловие", "послесловие", "послесл.", genitive=True),
    "commentary": Role("комментарии", "комментарии", "коммент.", genitive=True),
}
# UNVERIFIED, like the rest of the Kazakh words here: the forms of Kazakhstan's university
# library guides; names after them stay in the nominative.
KAZAKH_ROLES: dict[str, Role] = {
    "editor": Role("ред.", "ред.", "ред."),
    "general-editor": Role("жалпы ред.", "жалпы ред.", "жалпы ред."),
    "executive-editor": Role("жауапты редактор", "жауапты редакторлар", "жауапты ред."),
    "editorial-director": Role("бас редактор", "бас редакторлар", "бас ред."),
    "scientific-editor": Role("ғылыми редактор", "ғылыми редакторлар", "ғыл. ред."),
    "compiler": Role("құрастырған", "құрастырғандар", "құраст."),
    "translator": Role("аударған", "аударғандар", "ауд."),
    "illustrator": Role("суретші", "суретшілер", "сур."),
    "director": Role("режиссер", "режиссерлер", "реж."),
    "script-writer": Role("сценарий авторы", "сценарий авторлары", "сценарий авт."),
    "composer": Role("композитор", "композиторлар", "композитор"),
    "performer": Role("орындаушы", "орындаушылар", "орынд."),
    "narrator": Role("оқыған", "оқығандар", "оқыған"),
    "producer": Role("продюсер", "продюсерлер", "продюсер"),
    "interviewer": Role("сұхбаттасқан", "сұхбаттасқандар", "сұхбаттасқан"),
    "chair": Role("төраға", "төрағалар", "төраға"),
    "organizer": Role("ұйымдастырушы", "ұйымдастырушылар", "ұйымд."),
    "contributor": Role("қатысуымен", "қатысуымен", "қатысуымен"),
    "introduction": Role("кіріспе мақала", "кіріспе мақала", "кіріспе мақ."),
    "foreword": Role("алғы сөз", "алғы сөз", "алғы сөз"),
    "afterword": Role("соңғы сөз", "соңғы сөз", "соңғы сөз"),
    "commentary": Role("түсініктемелер", "түсініктемелер", "түсін."),
}
ROLE_KEYS = tuple(RUSSIAN_ROLES)


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
    roles: dict[str, Role] = field(default_factory=dict)
    # Area 9 of ГОСТ Р 7.0.100-2018 by content: (kind of content, the word for a resource in
    # hand, the word for an electronic one). Text has its own two forms above.
    content_forms: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    # 7.1-2003's general material designation of what is not text (7.0.5 keeps them too).
    gmd_kinds: dict[str, str] = field(default_factory=dict)
    months_full: tuple[str, ...] = ()  # «15–16 мая 2019 г.»: the dates of a conference
    volumes: tuple[str, str] = ("", "")  # «в 3 томах», «в 3 т.»
    volume_full: str = ""  # «Том 2» (the abbreviation is `volume`)
    specialty: str = ""  # «специальность 5.6.1 …» of a thesis
    scale: str = ""  # «Масштаб 1:100 000»
    year_suffix: str = ""  # «2019 г.»
    # What a site is, after its name, when a page of it is described (7.0.100 §4.8 allows the
    # word in the state language too; «сайт» is the same word in Kazakh).
    site: str = "[сайт]"
    # The note of a review on what it reviews (its kind: book, article, film, other), in full
    # (7.0.100) and abbreviated (7.0.5, 7.1 by ГОСТ Р 7.0.12): «Рецензия на книгу: …».
    reviews: dict[str, tuple[str, str]] = field(default_factory=dict)


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
    roles=RUSSIAN_ROLES,
    content_forms={
        "map": ("Изображение картографическое", "непосредственное", "электронное"),
        "score": ("Музыка (знаковая)", "непосредственная", "электронная"),
        "music": ("Музыка (исполнительская)", "аудио", "электронная"),
        "speech": ("Устная речь", "аудио", "электронная"),
        "image": ("Изображение (неподвижное ; двухмерное)", "непосредственное", "электронное"),
        "video": ("Изображение (движущееся ; двухмерное)", "видео", "электронное"),
    },
    gmd_kinds={
        "map": "[Карты]",
        "score": "[Ноты]",
        "music": "[Звукозапись]",
        "speech": "[Звукозапись]",
        "image": "[Изоматериал]",
        "video": "[Видеозапись]",
    },
    months_full=(
        *("января", "февраля", "марта", "апреля", "мая", "июня"),
        *("июля", "августа", "сентября", "октября", "ноября", "декабря"),
    ),
    volumes=("в {n} томах", "в {n} т."),
    volume_full="Том",
    specialty="специальность",
    scale="Масштаб",
    year_suffix="г.",
    reviews={
        "book": ("Рецензия на книгу", "Рец. на кн."),
        "article": ("Рецензия на статью", "Рец. на ст."),
        "film": ("Рецензия на фильм", "Рец. на фильм"),
        "other": ("Рецензия на издание", "Рец. на изд."),
    },
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
    roles=KAZAKH_ROLES,
    content_forms={
        "map": ("Картографиялық бейне", "тікелей", "электрондық"),
        "score": ("Музыка (белгілік)", "тікелей", "электрондық"),
        "music": ("Музыка (орындаушылық)", "аудио", "электрондық"),
        "speech": ("Ауызша сөйлеу", "аудио", "электрондық"),
        "image": ("Бейне (қозғалмайтын ; екі өлшемді)", "тікелей", "электрондық"),
        "video": ("Бейне (қозғалмалы ; екі өлшемді)", "бейне", "электрондық"),
    },
    gmd_kinds={
        "map": "[Карталар]",
        "score": "[Ноталар]",
        "music": "[Дыбыс жазбасы]",
        "speech": "[Дыбыс жазбасы]",
        "image": "[Бейнематериал]",
        "video": "[Бейнежазба]",
    },
    months_full=(
        *("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым"),
        *("шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"),
    ),
    volumes=("{n} томдық", "{n} т."),
    volume_full="Том",
    specialty="мамандығы",
    scale="Масштабы",
    year_suffix="ж.",
    reviews={
        "book": ("Кітапқа рецензия", "Кітапқа рец."),
        "article": ("Мақалаға рецензия", "Мақалаға рец."),
        "film": ("Фильмге рецензия", "Фильмге рец."),
        "other": ("Басылымға рецензия", "Басылымға рец."),
    },
)
