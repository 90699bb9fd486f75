"""Demo places, from ../shared/seed/network-facts.md §2 (sources and confidence as given there)."""

from __future__ import annotations

from typing import Any

from kopir.network.demo.helpers import ml

SEED = "../shared/seed/network-facts.md"

COUNTRIES: list[dict[str, Any]] = [
    {"code": "KZ", **ml("name", "Қазақстан Республикасы", "Республика Казахстан",
                        "Republic of Kazakhstan"), "source": f"{SEED} §2a (shemlibrary.kz)"},
    {"code": "RU", **ml("name", "Ресей Федерациясы", "Российская Федерация",
                        "Russian Federation"), "source": f"{SEED} §2a (shemlibrary.kz)"},
]  # fmt: skip

REGIONS: list[dict[str, Any]] = [
    {"slug": "east-kazakhstan", "country": "KZ",
     **ml("name", "Шығыс Қазақстан облысы", "Восточно-Казахстанская область",
          "East Kazakhstan Region"), "source": f"{SEED} §2a"},
    {"slug": "altai-krai", "country": "RU",
     **ml("name", "Алтай өлкесі", "Алтайский край", "Altai Krai"),
     "source": f"{SEED} §2a", "confidence": "medium", "unverified_fields": ["name_kk"]},
    {"slug": "novosibirsk-oblast", "country": "RU",
     **ml("name", "Новосибирск облысы", "Новосибирская область", "Novosibirsk Oblast"),
     "source": f"{SEED} §2a", "confidence": "medium", "unverified_fields": ["name_kk"]},
    {"slug": "saint-petersburg", "country": "RU",
     **ml("name", "Санкт-Петербург", "Санкт-Петербург", "Saint Petersburg"),
     "source": f"{SEED} §1 row 14 (the Leningrad regional children's library is in the city)",
     "confidence": "medium"},
]  # fmt: skip

DISTRICTS: list[dict[str, Any]] = [
    {"slug": "shemonaikha-district", "region": "east-kazakhstan",
     **ml("name", "Шемонаиха ауданы", "Шемонаихинский район", "Shemonaikha District"),
     "source": f"{SEED} §2a (en.wikipedia Shemonaikha_District; invest.e-vko.kz)"},
    {"slug": "zarinsky-district", "region": "altai-krai",
     **ml("name", "Заринск ауданы", "Заринский район", "Zarinsky District"),
     "source": f"{SEED} §2a", "confidence": "medium", "unverified_fields": ["name_kk"]},
    {"slug": "ubinsky-district", "region": "novosibirsk-oblast",
     **ml("name", "Убинск ауданы", "Убинский район", "Ubinsky District"),
     "source": f"{SEED} §2a (ubin-vest.ru)", "unverified_fields": ["name_kk"]},
    {"slug": "moshkovsky-district", "region": "novosibirsk-oblast",
     **ml("name", "Мошково ауданы", "Мошковский район", "Moshkovsky District"),
     "source": f"{SEED} §2a (libmoshkovo.ru)", "unverified_fields": ["name_kk"]},
]  # fmt: skip

_ALMATY = "Asia/Almaty"  # East Kazakhstan (KZ-63): UTC+6 until 2024-03-01, UTC+5 since
_BARNAUL = "Asia/Barnaul"  # Altai Krai: UTC+7 since 2016-03-27
_NOVOSIBIRSK = "Asia/Novosibirsk"  # UTC+7 since 2016-07-24

_UBA_VALLEY_GUESS = ml(
    "provenance_note",
    "Координаттар табылмады: Үбі аңғарындағы болжамды орын, 10 км-ден артық қате болуы мүмкін.",
    "Координаты не найдены: предполагаемое место в долине Убы, ошибка может превышать 10 км.",
    "Coordinates not found: a guess in the Uba valley that may be more than 10 km off.",
)

SETTLEMENTS: list[dict[str, Any]] = [
    {"slug": "shemonaikha", "region": "east-kazakhstan", "district": "shemonaikha-district",
     **ml("name", "Шемонаиха", "Шемонаиха", "Shemonaikha"), **ml("kind", "қала", "город", "town"),
     "latitude": "50.628", "longitude": "81.912", "time_zone": _ALMATY,
     "source": f"{SEED} §2b (ru.wikipedia; GeoNames-derived table)"},
    {"slug": "ust-kamenogorsk", "region": "east-kazakhstan", "district": None,
     **ml("name", "Өскемен", "Усть-Каменогорск", "Ust-Kamenogorsk (Oskemen)"),
     **ml("kind", "қала", "город", "city"),
     "latitude": "49.971", "longitude": "82.606", "time_zone": _ALMATY,
     "source": f"{SEED} §2b (GeoNames-derived dump)"},
    {"slug": "ust-talovka", "region": "east-kazakhstan", "district": "shemonaikha-district",
     **ml("name", "Усть-Таловка", "Усть-Таловка", "Ust-Talovka"),
     **ml("kind", "кент", "посёлок", "settlement"),
     "latitude": "50.549", "longitude": "81.850", "time_zone": _ALMATY,
     "source": f"{SEED} §2b (GeoNames-derived dump; rus.baq.kz)", "confidence": "medium",
     **ml("provenance_note", "Координаттары орташа сенімділікте.",
          "Координаты — средней достоверности.", "Coordinates of medium confidence.")},
    {"slug": "vydrikha", "region": "east-kazakhstan", "district": "shemonaikha-district",
     **ml("name", "Выдриха", "Выдриха", "Vydrikha"), **ml("kind", "ауыл", "село", "village"),
     "latitude": "50.55", "longitude": "82.00", "time_zone": _ALMATY,
     "coordinate_precision": "approximate", "confidence": "unverified",
     "unverified_fields": ["latitude", "longitude"],
     "source": f"{SEED} §2b (in the district: en.wikipedia, 1959 transfer)",
     **_UBA_VALLEY_GUESS},
    {"slug": "verkh-uba", "region": "east-kazakhstan", "district": "shemonaikha-district",
     **ml("name", "Верх-Уба", "Верх-Уба", "Verkh-Uba"), **ml("kind", "ауыл", "село", "village"),
     "latitude": "50.47", "longitude": "82.10", "time_zone": _ALMATY,
     "coordinate_precision": "approximate", "confidence": "unverified",
     "unverified_fields": ["latitude", "longitude"],
     "source": f"{SEED} §2b (rudnyi-altai.kz; en.wikipedia)",
     **_UBA_VALLEY_GUESS},
    {"slug": "barnaul", "region": "altai-krai", "district": None,
     **ml("name", "Барнаул", "Барнаул", "Barnaul"), **ml("kind", "қала", "город", "city"),
     "latitude": "53.357", "longitude": "83.764", "time_zone": _BARNAUL,
     "source": f"{SEED} §2b (public city tables agree within 0.01°)"},
    {"slug": "novosibirsk", "region": "novosibirsk-oblast", "district": None,
     **ml("name", "Новосибирск", "Новосибирск", "Novosibirsk"),
     **ml("kind", "қала", "город", "city"),
     "latitude": "55.030", "longitude": "82.930", "time_zone": _NOVOSIBIRSK,
     "source": f"{SEED} §2b (public city tables)"},
    {"slug": "zarinsk", "region": "altai-krai", "district": None,
     **ml("name", "Заринск", "Заринск", "Zarinsk"), **ml("kind", "қала", "город", "city"),
     "latitude": "53.71", "longitude": "84.93", "time_zone": _BARNAUL,
     "source": f"{SEED} §2b (public city tables)", "confidence": "medium"},
    {"slug": "ubinskoye", "region": "novosibirsk-oblast", "district": "ubinsky-district",
     **ml("name", "Убинское", "Убинское", "Ubinskoye"), **ml("kind", "ауыл", "село", "village"),
     "latitude": "55.31", "longitude": "79.68", "time_zone": _NOVOSIBIRSK,
     "source": f"{SEED} §2b (GeoNames-based city record)", "confidence": "medium"},
    {"slug": "moshkovo", "region": "novosibirsk-oblast", "district": "moshkovsky-district",
     **ml("name", "Мошково", "Мошково", "Moshkovo"),
     **ml("kind", "жұмысшы кенті", "рабочий посёлок", "urban-type settlement"),
     "latitude": "55.31", "longitude": "83.61", "time_zone": _NOVOSIBIRSK,
     "source": f"{SEED} §2b (centre of a bounding polygon)", "confidence": "medium"},
    {"slug": "saint-petersburg", "region": "saint-petersburg", "district": None,
     **ml("name", "Санкт-Петербург", "Санкт-Петербург", "Saint Petersburg"),
     **ml("kind", "қала", "город", "city"),
     "latitude": "59.94", "longitude": "30.31", "time_zone": "Europe/Moscow",
     "confidence": "unverified", "unverified_fields": ["latitude", "longitude"],
     "source": f"{SEED} §1 row 14 gives no coordinates",
     **ml("provenance_note",
          "Координаттар тексерілген деректерде жоқ: қала орталығы шамамен көрсетілген.",
          "Координат нет в проверенных данных: указан приблизительный центр города.",
          "Coordinates are not in the checked facts: an approximate city centre.")},
]  # fmt: skip
