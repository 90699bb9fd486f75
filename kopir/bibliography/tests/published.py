"""Published examples of GOST descriptions, each as a CSL-JSON item and the exact text its
standard prints, with where it comes from.

Sources, and how far each was checked here:
- `GOST_7_0_100`: the examples of ГОСТ Р 7.0.100-2018 itself (its clauses and Appendix A),
  as university library guides reproduce them. The standard's text was not among the stored
  copies this project can read, so these were transcribed from those reproductions without a
  stored copy to compare against character by character (`checked=False`).
- `SSEU`: the 7.0.100 examples of the Samara State University of Economics library guide,
  compared with a stored public copy of the guide's examples (`checked=True`); obvious
  typing slips of that copy (a hyphen for the area dash, a missing space) are the standard's
  punctuation here.
- `GOST_7_0_100_P11`: the examples of clauses 7.3.3–7.3.5 of ГОСТ Р 7.0.100-2018 (hosts of
  component parts), compared with a stored copy of the standard's page 11
  (studfile.net/preview/18511676/page:11), `checked=True`.
- `SWSU`: the ГОСТ 7.1-2003 example of a law (reference-standards §1.4 C), from the South-West
  State University library's page lib.swsu.ru/127-uncategorised/295-2011-04-13-10-38-01.html.
- `GOST_7_0_5`, `GOST_7_1`: the examples of ГОСТ Р 7.0.5-2008 (its clauses 4–7) and of
  ГОСТ 7.1-2003, transcribed like the 7.0.100 ones (`checked=False`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

GOST_7_0_100 = "ГОСТ Р 7.0.100-2018, examples (as reproduced by university library guides)"
GOST_7_0_100_P11 = "ГОСТ Р 7.0.100-2018, 7.3.3–7.3.5 (studfile.net/preview/18511676/page:11)"
SSEU = "Самарский государственный экономический университет, библиотека: примеры по ГОСТ Р 7.0.100"
SWSU = "lib.swsu.ru/127-uncategorised/295-2011-04-13-10-38-01.html (ГОСТ 7.1-2003)"
GOST_7_0_5 = "ГОСТ Р 7.0.5-2008, examples of clauses 4–7"
GOST_7_1 = "ГОСТ 7.1-2003, examples of its appendix"

R100, R705, R71 = "gost-r-7.0.100-2018", "gost-r-7.0.5-2008", "gost-7.1-2003"


@dataclass(frozen=True)
class Example:
    kind: str
    profile: str
    source: str
    item: dict[str, Any]
    text: str
    checked: bool = False


def person(family: str, given: str, role: str = "") -> dict[str, str]:
    return {"family": family, "given": given, **({"kopir-role": role} if role else {})}


def year(value: int) -> dict[str, Any]:
    return {"date-parts": [[value]]}


def day(y: int, m: int, d: int) -> dict[str, Any]:
    return {"date-parts": [[y, m, d]]}


EXAMPLES: list[Example] = [
    # --- books ----------------------------------------------------------------------------
    Example(
        "book, three authors, general editor, bodies, series with number, notes",
        R100,
        GOST_7_0_100,
        {
            "type": "book",
            "title": "Гражданское право",
            "genre": "учебное пособие для вузов",
            "author": [
                person("Агафонова", "Н. Н."),
                person("Богачева", "Т. В."),
                person("Глушкова", "Л. И."),
            ],
            "editor": [person("Калпин", "А. Г.", "general-editor")],
            "kopir-institution": "Министерство общего и профессионального образования "
            "Российской Федерации, Московская государственная юридическая академия",
            "edition": "Изд. 2-е, перераб. и доп.",
            "publisher-place": "Москва",
            "publisher": "Юристъ",
            "issued": year(2002),
            "number-of-pages": "542",
            "collection-title": "Institutiones",
            "collection-number": "т. 221",
            "kopir-notes": ["Библиогр.: с. 530–540", "50000 экз."],
            "ISBN": "5-7975-0223-2",
        },
        "Агафонова, Н. Н. Гражданское право : учебное пособие для вузов / Н. Н. Агафонова, "
        "Т. В. Богачева, Л. И. Глушкова ; под общей редакцией А. Г. Калпина ; Министерство "
        "общего и профессионального образования Российской Федерации, Московская "
        "государственная юридическая академия. – Изд. 2-е, перераб. и доп. – Москва : Юристъ, "
        "2002. – 542 с. – (Institutiones ; т. 221). – Библиогр.: с. 530–540. – 50000 экз. – "
        "ISBN 5-7975-0223-2. – Текст : непосредственный.",
    ),
    Example(
        "book, one author, body responsible, illustrations, notes",
        R100,
        GOST_7_0_100,
        {
            "type": "book",
            "title": "Турбулентный пограничный слой на теле вращения при периодическом "
            "вдуве/отсосе",
            "author": [person("Корнилов", "В. И.")],
            "kopir-institution": "Российская академия наук, Сибирское отделение, Институт "
            "теоретической и прикладной механики им. С. А. Христиановича",
            "publisher-place": "Новосибирск",
            "publisher": "Параллель",
            "issued": year(2012),
            "number-of-pages": "122",
            "dimensions": "ил.",
            "kopir-notes": ["Библиогр.: с. 115–122", "100 экз."],
            "ISBN": "978-5-98901-097-4",
        },
        "Корнилов, В. И. Турбулентный пограничный слой на теле вращения при периодическом "
        "вдуве/отсосе / В. И. Корнилов ; Российская академия наук, Сибирское отделение, "
        "Институт теоретической и прикладной механики им. С. А. Христиановича. – Новосибирск "
        ": Параллель, 2012. – 122 с. : ил. – Библиогр.: с. 115–122. – 100 экз. – "
        "ISBN 978-5-98901-097-4. – Текст : непосредственный.",
    ),
    Example(
        "book, five or more authors («[и др.]»)",
        R100,
        SSEU,
        {
            "type": "book",
            "title": "Французский язык в сфере юриспруденции",
            "author": [
                person("Голованова", "И. С."),
                person("Ермакова", "Ю. Д."),
                person("Капустина", "Л. В."),
            ],
            "kopir-et-al": True,
            "publisher-place": "Самара",
            "publisher": "Изд-во Самар. гос. экон. ун-та",
            "issued": year(2019),
            "number-of-pages": "54",
            "ISBN": "978-5-906432-21-6",
        },
        "Французский язык в сфере юриспруденции / И. С. Голованова, Ю. Д. Ермакова, "
        "Л. В. Капустина [и др.]. – Самара : Изд-во Самар. гос. экон. ун-та, 2019. – 54 с. – "
        "ISBN 978-5-906432-21-6. – Текст : непосредственный.",
        checked=True,
    ),
    Example(
        "book, one author and an editor, two places and publishers, series",
        R100,
        SSEU,
        {
            "type": "book",
            "title": "Экономика организации. Ресурсы коммерческой организации",
            "genre": "учебное пособие",
            "author": [person("Дорман", "В. Н.")],
            "editor": [person("Кельчевская", "Н. Р.")],
            "publisher-place": "Москва ; Екатеринбург",
            "publisher": "Юрайт ; Изд-во Урал. ун-та",
            "issued": year(2019),
            "number-of-pages": "134",
            "collection-title": "Профессиональное образование",
            "ISBN": "5-09-003516-4",
        },
        "Дорман, В. Н. Экономика организации. Ресурсы коммерческой организации : учебное "
        "пособие / В. Н. Дорман ; под редакцией Н. Р. Кельчевской. – Москва : Юрайт ; "
        "Екатеринбург : Изд-во Урал. ун-та, 2019. – 134 с. – (Профессиональное образование). – "
        "ISBN 5-09-003516-4. – Текст : непосредственный.",
        checked=True,
    ),
    Example(
        "book, four authors (under its title)",
        R100,
        SSEU,
        {
            "type": "book",
            "title": "История сервиса",
            "genre": "учебное пособие",
            "author": [
                person("Багдасарян", "В. Э."),
                person("Орлов", "И. Б."),
                person("Катагошина", "М. В."),
                person("Коротков", "С. А."),
            ],
            "edition": "2-е изд., перераб. и доп.",
            "publisher-place": "Москва",
            "publisher": "ИНФРА-М",
            "issued": year(2018),
            "number-of-pages": "337",
            "collection-title": "Высшее образование. Бакалавриат",
            "ISBN": "978-5-16-012845-0",
        },
        "История сервиса : учебное пособие / В. Э. Багдасарян, И. Б. Орлов, М. В. Катагошина, "
        "С. А. Коротков. – 2-е изд., перераб. и доп. – Москва : ИНФРА-М, 2018. – 337 с. – "
        "(Высшее образование. Бакалавриат). – ISBN 978-5-16-012845-0. – Текст : "
        "непосредственный.",
        checked=True,
    ),
    Example(
        "one volume of a set, online, with an access note",
        R100,
        SSEU,
        {
            "type": "book",
            "title": "Административное право",
            "number-of-volumes": "2",
            "volume": "1",
            "volume-title": "Общая часть",
            "genre": "учебник для бакалавриата и магистратуры",
            "author": [person("Агапов", "А. Б.")],
            "edition": "11-е изд., перераб. и доп.",
            "publisher-place": "Москва",
            "publisher": "Юрайт",
            "issued": year(2019),
            "number-of-pages": "471",
            "collection-title": "Бакалавр и магистр. Академический курс",
            "ISBN": "978-5-534-09985-0",
            "URL": "https://biblio-online.ru/bcode/429093",
            "accessed": day(2019, 8, 5),
            "kopir-access": "Электронно-библиотечная система Юрайт",
        },
        "Агапов, А. Б. Административное право : в 2 томах. Том 1. Общая часть : учебник для "
        "бакалавриата и магистратуры / А. Б. Агапов. – 11-е изд., перераб. и доп. – Москва : "
        "Юрайт, 2019. – 471 с. – (Бакалавр и магистр. Академический курс). – "
        "ISBN 978-5-534-09985-0. – URL: https://biblio-online.ru/bcode/429093 (дата "
        "обращения: 05.08.2019). – Режим доступа: Электронно-библиотечная система Юрайт. – "
        "Текст : электронный.",
        # The guide abbreviates «в 2 т. Т. 1»; 7.0.100 writes the words in full, as here.
        checked=False,
    ),
    Example(
        "electronic book under a general editor, access for registered users",
        R100,
        SSEU,
        {
            "type": "book",
            "title": "Российские регионы в условиях санкций",
            "kopir-subtitle": "возможности опережающего развития экономики на основе инноваций",
            "genre": "монография",
            "editor": [person("Хмелева", "Г. А.", "general-editor")],
            "publisher-place": "Самара",
            "publisher": "Изд-во Самар. гос. экон. ун-та",
            "issued": year(2019),
            "number-of-pages": "446",
            "ISBN": "978-5-94622-873-2",
            "URL": "http://lib1.sseu.ru/MegaPro",
            "accessed": day(2019, 8, 9),
            "kopir-access": "Автоматизированная интегрированная библиотечная система «МегаПро» "
            "; для зарегистрир. пользователей СГЭУ",
        },
        "Российские регионы в условиях санкций : возможности опережающего развития экономики "
        "на основе инноваций : монография / под общей редакцией Г. А. Хмелевой. – Самара : "
        "Изд-во Самар. гос. экон. ун-та, 2019. – 446 с. – ISBN 978-5-94622-873-2. – URL: "
        "http://lib1.sseu.ru/MegaPro (дата обращения: 09.08.2019). – Режим доступа: "
        "Автоматизированная интегрированная библиотечная система «МегаПро» ; для зарегистрир. "
        "пользователей СГЭУ. – Текст : электронный.",
    ),
    Example(
        "monograph, four authors and a body, a colon within the title proper",
        R100,
        SSEU,
        {
            "type": "book",
            "title": "Управление промышленностью в России: экономика, экология и общество",
            "kopir-subtitle": "",
            "genre": "монография",
            "author": [
                person("Гибадуллин", "А. А."),
                person("Пуляева", "В. Н."),
                person("Харитонова", "Е. Н."),
                person("Харитонова", "Н. А."),
            ],
            "kopir-institution": "Государственный университет управления",
            "publisher-place": "Москва",
            "publisher": "Издательский дом ГУУ",
            "issued": year(2019),
            "number-of-pages": "184",
            "ISBN": "978-5-215-03192-6",
            "URL": "https://elibrary.ru/download/elibrary_37535400_17655770.PDF",
            "accessed": day(2019, 6, 27),
            "kopir-access": "Научная электронная библиотека eLIBRARY.RU",
        },
        "Управление промышленностью в России: экономика, экология и общество : монография / "
        "А. А. Гибадуллин, В. Н. Пуляева, Е. Н. Харитонова, Н. А. Харитонова ; "
        "Государственный университет управления. – Москва : Издательский дом ГУУ, 2019. – "
        "184 с. – ISBN 978-5-215-03192-6. – URL: "
        "https://elibrary.ru/download/elibrary_37535400_17655770.PDF (дата обращения: "
        "27.06.2019). – Режим доступа: Научная электронная библиотека eLIBRARY.RU. – Текст : "
        "электронный.",
        checked=True,
    ),
    # --- theses -----------------------------------------------------------------------------
    Example(
        "thesis: specialty, degree and university in the statement of responsibility",
        R100,
        GOST_7_0_100,
        {
            "type": "thesis",
            "title": "Модели и методы оценки коммерческих банков в условиях неопределенности",
            "kopir-specialty": "08.00.13 «Математические и инструментальные методы экономики»",
            "genre": "диссертация на соискание ученой степени кандидата экономических наук",
            "author": [person("Вишняков", "Илья Владимирович")],
            "publisher": "Московский государственный университет экономики, статистики и "
            "информатики",
            "publisher-place": "Москва",
            "issued": year(2002),
            "number-of-pages": "234",
        },
        "Вишняков, И. В. Модели и методы оценки коммерческих банков в условиях "
        "неопределенности : специальность 08.00.13 «Математические и инструментальные методы "
        "экономики» : диссертация на соискание ученой степени кандидата экономических наук / "
        "Вишняков Илья Владимирович ; Московский государственный университет экономики, "
        "статистики и информатики. – Москва, 2002. – 234 с. – Текст : непосредственный.",
    ),
    # --- official documents ---------------------------------------------------------------
    Example(
        "law, published as a book, size and print run",
        R100,
        GOST_7_0_100,
        {
            "type": "legislation",
            "title": "Об общих принципах организации местного самоуправления в Российской "
            "Федерации",
            "genre": "Федеральный закон № 131-ФЗ : [принят Государственной думой 16 сентября "
            "2003 года : одобрен Советом Федерации 24 сентября 2003 года]",
            "publisher-place": "Москва ; Санкт-Петербург",
            "publisher": "Проспект ; Кодекс",
            "issued": year(2017),
            "number-of-pages": "158",
            "kopir-size": "20 см",
            "kopir-notes": ["1000 экз."],
            "ISBN": "978-5-392-26365-3",
        },
        "Об общих принципах организации местного самоуправления в Российской Федерации : "
        "Федеральный закон № 131-ФЗ : [принят Государственной думой 16 сентября 2003 года : "
        "одобрен Советом Федерации 24 сентября 2003 года]. – Москва : Проспект ; "
        "Санкт-Петербург : Кодекс, 2017. – 158 с. ; 20 см. – 1000 экз. – "
        "ISBN 978-5-392-26365-3. – Текст : непосредственный.",
    ),
    Example(
        "code of laws, series",
        R100,
        GOST_7_0_100,
        {
            "type": "legislation",
            "title": "Гражданский процессуальный кодекс Российской Федерации",
            "genre": "ГПК : текст с изменениями и дополнениями на 1 августа 2017 года : "
            "[принят Государственной думой 23 октября 2002 года : одобрен Советом Федерации "
            "30 октября 2002 года]",
            "publisher-place": "Москва",
            "publisher": "Эксмо",
            "issued": year(2017),
            "number-of-pages": "95",
            "kopir-size": "21 см",
            "collection-title": "Актуальное законодательство",
            "kopir-notes": ["3000 экз."],
            "ISBN": "978-5-04-004029-2",
        },
        "Гражданский процессуальный кодекс Российской Федерации : ГПК : текст с изменениями и "
        "дополнениями на 1 августа 2017 года : [принят Государственной думой 23 октября 2002 "
        "года : одобрен Советом Федерации 30 октября 2002 года]. – Москва : Эксмо, 2017. – "
        "95 с. ; 21 см. – (Актуальное законодательство). – 3000 экз. – "
        "ISBN 978-5-04-004029-2. – Текст : непосредственный.",
    ),
    Example(
        "standard, with a parallel title",
        R100,
        GOST_7_0_100,
        {
            "type": "standard",
            "number": "ГОСТ Р 57618.1–2017",
            "title": "Инфраструктура маломерного флота. Общие положения",
            "kopir-parallel-title": "Small craft infrastructure. General",
            "genre": "национальный стандарт Российской Федерации : издание официальное : "
            "утвержден и введен в действие Приказом Федерального агентства по техническому "
            "регулированию и метрологии от 17 августа 2017 г. № 914-ст : введен впервые : "
            "дата введения 2018-01-01",
            "kopir-institution": "разработан ООО «Техречсервис»",
            "publisher-place": "Москва",
            "publisher": "Стандартинформ",
            "issued": year(2017),
            "number-of-pages": "IV, 7",
            "kopir-size": "29 см",
        },
        "ГОСТ Р 57618.1–2017. Инфраструктура маломерного флота. Общие положения = Small craft "
        "infrastructure. General : национальный стандарт Российской Федерации : издание "
        "официальное : утвержден и введен в действие Приказом Федерального агентства по "
        "техническому регулированию и метрологии от 17 августа 2017 г. № 914-ст : введен "
        "впервые : дата введения 2018-01-01 / разработан ООО «Техречсервис». – Москва : "
        "Стандартинформ, 2017. – IV, 7 с. ; 29 см. – Текст : непосредственный.",
    ),
    # --- electronic resources ---------------------------------------------------------------
    Example(
        "web site, place only, a note",
        R100,
        GOST_7_0_100,
        {
            "type": "webpage",
            "title": "Правительство Российской Федерации",
            "genre": "официальный сайт",
            "publisher-place": "Москва",
            "kopir-notes": ["Обновляется в течение суток"],
            "URL": "http://government.ru",
            "accessed": day(2018, 2, 19),
        },
        "Правительство Российской Федерации : официальный сайт. – Москва. – Обновляется в "
        "течение суток. – URL: http://government.ru (дата обращения: 19.02.2018). – Текст : "
        "электронный.",
    ),
    Example(
        "page of a site («[сайт]»), year",
        R100,
        GOST_7_0_100,
        {
            "type": "webpage",
            "title": "Порядок присвоения номера ISBN",
            "container-title": "Российская книжная палата",
            "issued": year(2018),
            "URL": "http://bookchamber.ru/isbn.html",
            "accessed": day(2018, 5, 22),
        },
        "Порядок присвоения номера ISBN. – Текст : электронный // Российская книжная палата : "
        "[сайт]. – 2018. – URL: http://bookchamber.ru/isbn.html (дата обращения: 22.05.2018).",
    ),
    Example(
        "news item on a site, with its day",
        R100,
        GOST_7_0_100,
        {
            "type": "post",
            "title": "«Пустое занятие»: кто лишает Россию права вето в СБ ООН",
            "kopir-subtitle": "в ГА ООН возобновились переговоры по реформе Совета Безопасности",
            "author": [person("Грязев", "А.")],
            "container-title": "Газета.ru",
            "issued": day(2018, 2, 2),
            "URL": "https://www.gazeta.ru/politics/2018/02/02_a_11634385.shtml",
            "accessed": day(2018, 2, 9),
        },
        "Грязев, А. «Пустое занятие»: кто лишает Россию права вето в СБ ООН : в ГА ООН "
        "возобновились переговоры по реформе Совета Безопасности / А. Грязев. – Текст : "
        "электронный // Газета.ru : [сайт]. – 2018. – 2 февр. – URL: "
        "https://www.gazeta.ru/politics/2018/02/02_a_11634385.shtml (дата обращения: "
        "09.02.2018).",
    ),
    Example(
        "article in an electronic journal",
        R100,
        GOST_7_0_100,
        {
            "type": "article-journal",
            "title": "Особенности функционирования рынка жилья в России",
            "author": [person("Янина", "О. Н."), person("Федосеева", "А. А.")],
            "container-title": "Социальные науки: social-economic sciences",
            "kopir-container-subtitle": "",
            "issued": year(2018),
            "issue": "1",
            "URL": "http://academymanag.ru/journal/Yanina_Fedoseeva_2.pdf",
            "accessed": day(2018, 6, 4),
        },
        "Янина, О. Н. Особенности функционирования рынка жилья в России / О. Н. Янина, "
        "А. А. Федосеева. – Текст : электронный // Социальные науки: social-economic sciences. "
        "– 2018. – № 1. – URL: http://academymanag.ru/journal/Yanina_Fedoseeva_2.pdf (дата "
        "обращения: 04.06.2018).",
    ),
    # --- component parts --------------------------------------------------------------------
    Example(
        "chapter of a book by the same author",
        R100,
        SSEU,
        {
            "type": "chapter",
            "title": "Исторические предпосылки формирования первоначального накопления капитала",
            "author": [person("Аннушкина", "В. В.")],
            "container-title": "История экономических учений",
            "kopir-container-genre": "учебное пособие",
            "container-author": [person("Аннушкина", "В. В.")],
            "publisher-place": "Саратов",
            "publisher": "Орион",
            "issued": year(2018),
            "page": "18-29",
        },
        "Аннушкина, В. В. Исторические предпосылки формирования первоначального накопления "
        "капитала / В. В. Аннушкина. – Текст : непосредственный // История экономических "
        "учений : учебное пособие / В. В. Аннушкина. – Саратов : Орион, 2018. – С. 18–29.",
        checked=True,
    ),
]

# --- more published examples ----------------------------------------------------------------
EXAMPLES += [
    Example(
        "standard, with a parallel title and the body that drew it up",
        R100,
        GOST_7_0_100,
        {
            "type": "standard",
            "number": "ГОСТ Р 57564–2017",
            "title": "Организация и проведение работ по международной стандартизации в "
            "Российской Федерации",
            "kopir-parallel-title": "Organization and implementation of activity on "
            "international standardization in Russian Federation",
            "genre": "национальный стандарт Российской Федерации : издание официальное : "
            "утвержден и введен в действие Приказом Федерального агентства по техническому "
            "регулированию и метрологии от 28 июля 2017 г. № 767-ст : введен впервые : дата "
            "введения 2017-12-01",
            "kopir-institution": "разработан Всероссийским научно-исследовательским институтом "
            "стандартизации материалов и технологий (ФГУП «ВНИИ СМТ»)",
            "publisher-place": "Москва",
            "publisher": "Стандартинформ",
            "issued": year(2017),
            "number-of-pages": "V, 44",
            "kopir-size": "29 см",
        },
        "ГОСТ Р 57564–2017. Организация и проведение работ по международной стандартизации в "
        "Российской Федерации = Organization and implementation of activity on international "
        "standardization in Russian Federation : национальный стандарт Российской Федерации : "
        "издание официальное : утвержден и введен в действие Приказом Федерального агентства по "
        "техническому регулированию и метрологии от 28 июля 2017 г. № 767-ст : введен впервые "
        ": дата введения 2017-12-01 / разработан Всероссийским научно-исследовательским "
        "институтом стандартизации материалов и технологий (ФГУП «ВНИИ СМТ»). – Москва : "
        "Стандартинформ, 2017. – V, 44 с. ; 29 см. – Текст : непосредственный.",
    ),
    Example(
        "newspaper article (compact reference)",
        R705,
        GOST_7_0_5,
        {
            "type": "article-newspaper",
            "title": "Езда по-европейски",
            "kopir-subtitle": "плата за проезд по автомагистралям в странах Евросоюза",
            "author": [person("Михайлов", "С. А.")],
            "container-title": "Независимая газета",
            "issued": day(2002, 6, 17),
        },
        "Михайлов С. А. Езда по-европейски : плата за проезд по автомагистралям в странах "
        "Евросоюза // Независимая газета. 2002. 17 июня.",
    ),
    Example(
        "pages of a textbook, second edition (compact reference)",
        R705,
        GOST_7_0_5,
        {
            "type": "book",
            "title": "Политическая история Латинской Америки",
            "genre": "учеб. для вузов",
            "author": [person("Тарасова", "В. И.")],
            "edition": "2-е изд.",
            "publisher-place": "Москва",
            "publisher": "Проспект",
            "issued": year(2006),
            "page": "305-412",
        },
        "Тарасова В. И. Политическая история Латинской Америки : учеб. для вузов. 2-е изд. "
        "М. : Проспект, 2006. С. 305–412.",
    ),
    Example(
        "page of a site, the year supplied (compact reference)",
        R705,
        GOST_7_0_5,
        {
            "type": "webpage",
            "title": "С Белой армией в Сибири",
            "author": [person("Лэтчфорд", "Е. У.")],
            "container-title": "Восточный фронт армии адмирала А. В. Колчака",
            "kopir-container-genre": "[сайт]",
            "issued": {"literal": "[2004]"},
            "URL": "http://east-front.narod.ru/memo/latchford.htm",
            "accessed": day(2007, 8, 23),
        },
        "Лэтчфорд Е. У. С Белой армией в Сибири [Электронный ресурс] // Восточный фронт армии "
        "адмирала А. В. Колчака : [сайт]. [2004]. URL: "
        "http://east-front.narod.ru/memo/latchford.htm (дата обращения: 23.08.2007).",
    ),
    Example(
        "an electronic text with a colon in its title (compact reference)",
        R705,
        GOST_7_0_5,
        {
            "type": "webpage",
            "title": "Рынок тренингов Новосибирска: своя игра",
            "kopir-subtitle": "",
            "publisher-place": "Новосибирск",
            "issued": year(2008),
            "URL": "http://nsk.adme.ru/news/2006/07/03/2121.html",
            "accessed": {"literal": "17.10.08"},
        },
        "Рынок тренингов Новосибирска: своя игра [Электронный ресурс]. Новосибирск, 2008. "
        "URL: http://nsk.adme.ru/news/2006/07/03/2121.html (дата обращения: 17.10.08).",
    ),
    Example(
        "newspaper article (ГОСТ 7.1-2003)",
        R71,
        GOST_7_1,
        {
            "type": "article-newspaper",
            "title": "Езда по-европейски",
            "kopir-subtitle": "плата за проезд по автомагистралям в странах Евросоюза",
            "author": [person("Михайлов", "С. А.")],
            "container-title": "Независимая газета",
            "issued": day(2002, 6, 17),
        },
        "Михайлов, С. А. Езда по-европейски [Текст] : плата за проезд по автомагистралям в "
        "странах Евросоюза / С. А. Михайлов // Независимая газета. – 2002. – 17 июня.",
    ),
    Example(
        "law in a newspaper, under its jurisdiction's heading (ГОСТ 7.1-2003)",
        R71,
        SWSU,
        {
            "type": "legislation",
            "authority": "Российская Федерация. Законы",
            "title": "Об информации, информационных технологиях и о защите информации",
            "genre": "федер. закон от 27 июля 2006 г. № 149-ФЗ",
            "container-title": "Российская газета",
            "issued": day(2006, 7, 29),
            "page": "14",
        },
        "Российская Федерация. Законы. Об информации, информационных технологиях и о защите "
        "информации [Текст] : федер. закон от 27 июля 2006 г. № 149-ФЗ // Российская газета. – "
        "2006. – 29 июля. – С. 14.",
        checked=True,
    ),
]

# Hosts of component parts as 7.0.100's clauses 7.3.3–7.3.5 print them (checked against the
# stored copy of the standard's page): (the host after « // », a part published in it).
HOSTS: list[tuple[str, dict[str, Any]]] = [
    (
        "Цензура в России: история и современность : сборник научных трудов",
        {"type": "chapter", "title": "Часть", "container-title": "Цензура в России: история и "
         "современность", "kopir-container-subtitle": "",
         "kopir-container-genre": "сборник научных трудов"},
    ),
    (
        "Российская государственная библиотека : официальный сайт",
        {"type": "webpage", "title": "Страница", "container-title": "Российская "
         "государственная библиотека", "kopir-container-genre": "официальный сайт"},
    ),
    (
        "Высшая школа экономики : [сайт]",
        {"type": "webpage", "title": "Страница", "container-title": "Высшая школа экономики"},
    ),
    (
        "Звезда : литературно-художественный общественно-политический независимый журнал : "
        "[сайт]",
        {"type": "webpage", "title": "Страница", "container-title": "Звезда",
         "kopir-container-subtitle": "литературно-художественный общественно-политический "
         "независимый журнал", "kopir-container-genre": "[сайт]"},
    ),
    (
        "Основы информационной безопасности : учебное пособие / С. А. Нестеров. – Изд. 4-е",
        {"type": "chapter", "title": "Глава", "container-title": "Основы информационной "
         "безопасности", "kopir-container-genre": "учебное пособие",
         "container-author": [person("Нестеров", "С. А.")], "edition": "Изд. 4-е"},
    ),
]  # fmt: skip
