"""The seed's references (../shared/seed/network-facts.md §4) as CSL-JSON, with their text there.

Placeholders of the seed («ДД.ММ.ГГГГ», «[не установлен]», «[Название видеохостинга]») are kept
as the seed has them: they mark what nobody has confirmed yet."""

from __future__ import annotations

from typing import Any

UNKNOWN_DAY = {"literal": "ДД.ММ.ГГГГ"}
CONVENTION = "Конвенции о приграничном сотрудничестве государств – участников Содружества Независимых Государств"

SEED: list[tuple[dict[str, Any], str]] = [
    (
        {
            "id": "cis-report-2020",
            "type": "report",
            "title": f"Информация о реализации {CONVENTION} в 2020 году",
            "container-title": "Содружество Независимых Государств. Исполнительный комитет: "
            "официальный сайт",
            "publisher-place": "Минск",
            "issued": {"literal": "[2021]"},
            "page": "62",
            "URL": "https://cis.minsk.by/news/16524/",
            "accessed": UNKNOWN_DAY,
        },
        f"Информация о реализации {CONVENTION} в 2020 году. – Текст : электронный // Содружество "
        "Независимых Государств. Исполнительный комитет : официальный сайт. – Минск, [2021]. – "
        "С. 62. – URL: https://cis.minsk.by/news/16524/ (дата обращения: ДД.ММ.ГГГГ).",
    ),
    (
        {
            "id": "gorkovaya-2021",
            "type": "article-journal",
            "title": "Опыт трансграничного сотрудничества библиотек Шемонаихинского района "
            "(Республика Казахстан)",
            "author": [{"family": "Горьковая", "given": "С. А."}],
            "container-title": "Вестник Библиотечной Ассамблеи Евразии",
            "issued": {"date-parts": [[2021]]},
            "issue": "2",
            "page": "34-36",
        },
        "Горьковая, С. А. Опыт трансграничного сотрудничества библиотек Шемонаихинского района "
        "(Республика Казахстан) / С. А. Горьковая. – Текст : непосредственный // Вестник "
        "Библиотечной Ассамблеи Евразии. – 2021. – № 2. – С. 34–36.",
    ),
    (
        {
            "id": "uba-inform-2019",
            "type": "article-newspaper",
            "title": "Телемост между Барнаулом и Шемонаихой",
            "container-title": "Уба-Информ",
            "issued": {"date-parts": [[2019, 4, 17]]},
            "issue": "16",
            "page": "3",
        },
        "Телемост между Барнаулом и Шемонаихой. – Текст : непосредственный // Уба-Информ. – "
        "2019. – 17 апр. (№ 16). – С. 3.",
    ),
    (
        {
            "id": "video-bridge-2022",
            "type": "motion_picture",
            "title": "Растём с книгой: видеомост (Россия, Барнаул – Казахстан, Шемонаиха)",
            "genre": "[видеозапись]",
            "author": [
                {"literal": "Алтайская краевая детская библиотека им. Н. К. Крупской"},
                {"literal": "Шемонаихинская центральная районная библиотека"},
            ],
            "container-title": "[Название видеохостинга]",
            "issued": {"date-parts": [[2022, 2, 11]]},
            "URL": "[не установлен]",
            "accessed": UNKNOWN_DAY,
        },
        "Растём с книгой : видеомост (Россия, Барнаул – Казахстан, Шемонаиха) : [видеозапись] / "
        "Алтайская краевая детская библиотека им. Н. К. Крупской, Шемонаихинская центральная "
        "районная библиотека. – Изображение (движущееся ; двухмерное) : электронное // "
        "[Название видеохостинга]. – 2022. – 11 февр. – URL: [не установлен] "
        "(дата обращения: ДД.ММ.ГГГГ).",
    ),
    (
        {
            "id": "shemlibrary-cooperation",
            "type": "webpage",
            "title": "Трансшекаралық ынтымақтастық",
            "container-title": "Шемонаиха орталық аудандық кітапханасы: [сайт]",
            "URL": "https://shemlibrary.kz/index.php/kk/k-g-m-zhane-s-yasi-k-jr-t-erler-g-lymd-r/"
            "memle-et-k-jr-t-erleri/71-tr-nsshe-r-lyk-yntym-kt-styk",
            "accessed": UNKNOWN_DAY,
            "language": "kk",
        },
        "Трансшекаралық ынтымақтастық. – Текст : электронный // Шемонаиха орталық аудандық "
        "кітапханасы : [сайт]. – URL: https://shemlibrary.kz/index.php/kk/k-g-m-zhane-s-yasi-k-jr-"
        "t-erler-g-lymd-r/memle-et-k-jr-t-erleri/71-tr-nsshe-r-lyk-yntym-kt-styk "
        "(дата обращения: ДД.ММ.ГГГГ).",
    ),
    (
        {
            "id": "cis-convention",
            "type": "legislation",
            "title": CONVENTION.replace("Конвенции", "Конвенция"),
            "genre": "[заключена в г. Бишкеке 10 окт. 2008 г.]",
            "container-title": "CIS Legislation",
            "URL": "http://cis-legislation.com/document.fwx?rgn=24907",
            "accessed": UNKNOWN_DAY,
        },
        f"{CONVENTION.replace('Конвенции', 'Конвенция')} : "
        "[заключена в г. Бишкеке 10 окт. 2008 г.]. – "
        "Текст : электронный // CIS Legislation. – URL: "
        "http://cis-legislation.com/document.fwx?rgn=24907 (дата обращения: ДД.ММ.ГГГГ).",
    ),
    (
        {
            "id": "kz-ratification",
            "type": "legislation",
            "title": f"О ратификации {CONVENTION}",
            "genre": "Закон Республики Казахстан от 17 февраля 2010 года № 250-IV",
            "container-title": "Закон и Право: [сайт]",
            "URL": "https://zakonpravo.kz/en/on-ratification-of-the-convention-on-cross-border-"
            "cooperation-of-the-member-states-of-the-commonwealth-of-independent-states",
            "accessed": UNKNOWN_DAY,
        },
        f"О ратификации {CONVENTION} : Закон Республики Казахстан от 17 февраля 2010 года "
        "№ 250-IV. – Текст : электронный // Закон и Право : [сайт]. – URL: "
        "https://zakonpravo.kz/en/on-ratification-of-the-convention-on-cross-border-cooperation-"
        "of-the-member-states-of-the-commonwealth-of-independent-states "
        "(дата обращения: ДД.ММ.ГГГГ).",
    ),
    (
        {
            "id": "akunb-common-home",
            "type": "webpage",
            "title": "Наш общий дом – Алтай",
            "container-title": "Алтайская краевая универсальная научная библиотека "
            "им. В. Я. Шишкова: [сайт]",
            "URL": "https://akunb.altlib.ru/nash-obshhij-dom-altaj",
            "accessed": UNKNOWN_DAY,
        },
        "Наш общий дом – Алтай. – Текст : электронный // Алтайская краевая универсальная научная "
        "библиотека им. В. Я. Шишкова : [сайт]. – URL: https://akunb.altlib.ru/nash-obshhij-dom-"
        "altaj (дата обращения: ДД.ММ.ГГГГ).",
    ),
]
