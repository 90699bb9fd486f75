"""Demo organisations, people and the 2011 agreement, from ../shared/seed/network-facts.md §1, §3.

Facts the sources did not confirm are listed in `unverified_fields`; records invented for the
demo carry `is_fictional`.
"""

from __future__ import annotations

from typing import Any

from kopir.network.demo.helpers import ml

SEED = "../shared/seed/network-facts.md"
SHEMLIBRARY = "https://shemlibrary.kz/index.php/kk/k-g-m-zhane-s-yasi-k-jr-t-erler-g-lymd-r/memle-et-k-jr-t-erleri/71-tr-nsshe-r-lyk-yntym-kt-styk"

_RURAL_BRANCH_NOTE = ml(
    "provenance_note",
    "Дереккөз ауданда ауылдық кітапханалар барын айтады, бірақ олардың атаулары мен мекенжайлары "
    "табылмады: бұл филиал демо үшін ойдан құрастырылған.",
    "Источник говорит, что в районе есть сельские библиотеки, но их названия и адреса не найдены: "
    "этот филиал придуман для демонстрации.",
    "The seed says the district has rural libraries, but their names and addresses were not "
    "found: this branch is invented for the demo.",
)


def _rural_branch(slug: str, settlement: str, kk: str, ru: str, en: str) -> dict[str, Any]:
    return {
        "slug": slug, "type": "rural_library", "settlement": settlement,
        "parent": "shemonaikha-central-library", **ml("name", kk, ru, en),
        **ml("short_name", "", "", ""), **ml("address", "", "", ""),
        **ml("description", "", "", ""), "is_fictional": True, "confidence": "low",
        "source": f"{SEED} §1 row 2; §2b", **_RURAL_BRANCH_NOTE,
    }  # fmt: skip


ORGANISATIONS: list[dict[str, Any]] = [
    {"slug": "shemonaikha-central-library", "type": "district_library",
     "settlement": "shemonaikha", "parent": None, "website": "https://shemlibrary.kz/",
     **ml("name", "Шемонаиха орталық аудандық кітапханасы",
          "Шемонаихинская центральная районная библиотека",
          "Shemonaikha Central District Library"),
     **ml("short_name", "Шемонаиха ОАК", "Шемонаихинская ЦРБ", "Shemonaikha CDL"),
     **ml("address", "Шемонаиха қ., Жуков к-сі, 2", "г. Шемонаиха, ул. Жукова, 2",
          "2 Zhukov Street, Shemonaikha"),
     **ml("description",
          "Аудандағы ауылдық кітапханалардың орталығы. 2011 жылдан бері Ресей Федерациясының "
          "шектес аумақтарымен трансшекаралық ынтымақтастық жобасын үйлестіреді.",
          "Центр сети сельских библиотек района. С 2011 года координирует проект "
          "трансграничного сотрудничества с приграничными территориями Российской Федерации.",
          "Hub of the district's rural libraries. Since 2011 it has coordinated the cross-border "
          "cooperation project with the neighbouring territories of the Russian Federation."),
     "confidence": "high", "unverified_fields": ["name_kk"],
     "source": f"{SEED} §0, §1 row 1; {SHEMLIBRARY}",
     **ml("provenance_note", "Қазақша атаудың заңды нысаны (КММ) тексерілмеген.",
          "Правовая форма в казахском названии (КММ) не подтверждена.",
          "The legal form in the Kazakh name (KMM) is not confirmed.")},
    _rural_branch("ust-talovka-rural-library", "ust-talovka", "Усть-Таловка ауылдық кітапханасы",
                  "Усть-Таловская сельская библиотека", "Ust-Talovka Rural Library"),
    _rural_branch("vydrikha-rural-library", "vydrikha", "Выдриха ауылдық кітапханасы",
                  "Выдрихинская сельская библиотека", "Vydrikha Rural Library"),
    _rural_branch("verkh-uba-rural-library", "verkh-uba", "Верх-Уба ауылдық кітапханасы",
                  "Верх-Убинская сельская библиотека", "Verkh-Uba Rural Library"),
    {"slug": "shemonaikha-museum", "type": "museum", "settlement": "shemonaikha", "parent": None,
     **ml("name", "Шемонаиха тарихи-өлкетану музейі",
          "Шемонаихинский историко-краеведческий музей",
          "Shemonaikha Museum of History and Local Lore"),
     "confidence": "medium", "unverified_fields": ["name_kk", "name_ru"],
     "source": f"{SEED} §1 row 3 (seed; de.knowledgr.com mirror of Wikipedia)",
     **ml("provenance_note",
          "Музейдің бары расталған; ресми атауы табылмады.",
          "Существование музея подтверждено; официальное название не найдено.",
          "The museum's existence is confirmed; its official name was not found.")},
    {"slug": "krupskaya-childrens-library", "type": "childrens_library", "settlement": "barnaul",
     "parent": None,
     **ml("name", "Н. К. Крупская атындағы Алтай өлкелік балалар кітапханасы",
          "Алтайская краевая детская библиотека им. Н. К. Крупской",
          "Altai Krai Children's Library named after N. K. Krupskaya"),
     **ml("description",
          "Өлкедегі ең көне балалар кітапханасы, 1920 жылы құрылған. 2022 жылдың ақпанында "
          "жаңғыртудан кейін қайта ашылды.",
          "Старейшая детская библиотека края, основана в 1920 году. В феврале 2022 года "
          "открылась после модернизации.",
          "The oldest children's library in the krai, founded in 1920. Reopened after "
          "modernisation in February 2022."),
     "confidence": "high", "unverified_fields": ["name_kk"],
     "source": f"{SEED} §1 row 4 (altlib.ru; akdb22.ru/istoria; interfax-russia.ru)"},
    {"slug": "shishkov-library", "type": "regional_library", "settlement": "barnaul",
     "parent": None, "website": "https://akunb.altlib.ru/",
     **ml("name", "В. Я. Шишков атындағы Алтай өлкелік әмбебап ғылыми кітапханасы",
          "Алтайская краевая универсальная научная библиотека им. В. Я. Шишкова",
          "Altai Krai Universal Scientific Library named after V. Ya. Shishkov"),
     **ml("short_name", "АӨӘҒК", "АКУНБ", "AKUNB"),
     **ml("address", "Барнаул қ., Молодежная к-сі, 5", "г. Барнаул, ул. Молодёжная, 5",
          "5 Molodyozhnaya Street, Barnaul"),
     **ml("description",
          "1888 жылы құрылған; 1937 жылдан өлкелік мәртебеде; 1973 жылы В. Я. Шишков есімі "
          "берілді.",
          "Основана в 1888 году; краевой статус с 1937 года; имя В. Я. Шишкова присвоено в "
          "1973 году.",
          "Founded in 1888; a regional library since 1937; named after V. Ya. Shishkov in 1973."),
     "confidence": "high", "unverified_fields": ["name_kk", "short_name_kk"],
     "source": f"{SEED} §1 row 5 (vertigosn.ru; clever-geek mirror; akunb.altlib.ru)"},
    {"slug": "novosibirsk-regional-library", "type": "regional_library",
     "settlement": "novosibirsk", "parent": None,
     **ml("name", "Новосибирск мемлекеттік облыстық ғылыми кітапханасы",
          "Новосибирская государственная областная научная библиотека",
          "Novosibirsk State Regional Scientific Library"),
     **ml("short_name", "НМОҒК", "НГОНБ", "NGONB"),
     **ml("address", "Новосибирск қ., Советская к-сі, 6", "г. Новосибирск, ул. Советская, 6",
          "6 Sovetskaya Street, Novosibirsk"),
     **ml("description",
          "1929 жылы өлкелік кітапхана ретінде құрылған; 1937 жылдан облыстық.",
          "Основана в 1929 году как краевая библиотека; областная с 1937 года.",
          "Founded in 1929 as a krai library; a regional library since 1937."),
     "confidence": "high", "unverified_fields": ["name_kk", "short_name_kk"],
     "source": f"{SEED} §1 row 6 (sibogni.ru; nios.ru; tass.ru)"},
    {"slug": "novosibirsk-book-history-centre", "type": "book_centre",
     "settlement": "novosibirsk", "parent": None,
     **ml("name", "Н. П. Литвинов атындағы Новосибирск кітабы тарихының қалалық орталығы",
          "Городской центр истории новосибирской книги им. Н. П. Литвинова",
          "N. P. Litvinov City Centre for the History of the Novosibirsk Book"),
     **ml("short_name", "", "ГЦИНК", "GTsINK"),
     **ml("description",
          "1997 жылдан «Новосибирск кітабы» қоғамдық музейі; орталық 2004 жылы ашылды; 2017 "
          "жылдан Орталық округтің ОКЖ құрамында.",
          "С 1997 года — общественный музей «Новосибирская книга»; центр открыт в мае 2004 "
          "года; с 2017 года входит в ЦБС Центрального округа.",
          "A public museum «Novosibirsk Book» from 1997; the centre opened in May 2004 and "
          "joined the library system of the Central district in 2017."),
     "confidence": "high", "unverified_fields": ["name_kk"],
     "source": f"{SEED} §1 row 7 (dzen.ru; colviraa.com mirror of its VK group)"},
    {"slug": "altai-journal", "type": "periodical", "settlement": "barnaul", "parent": None,
     **ml("name", "«Алтай» журналының редакциясы", "Редакция журнала «Алтай»",
          "Editorial office of the journal «Altai»"),
     **ml("description",
          "Алтай өлкесі жазушылар ұйымының әдеби-көркем және қоғамдық-саяси журналы, 1947 "
          "жылдан шығады.",
          "Литературно-художественный и общественно-политический журнал писательской "
          "организации Алтайского края, выходит с 1947 года.",
          "Literary, artistic and socio-political journal of the Altai Krai writers' "
          "organisation, published since 1947."),
     "confidence": "high", "unverified_fields": ["name_kk"],
     "source": f"{SEED} §1 row 8 (bsk.nios.ru; altlib.ru)"},
    {"slug": "almanac-publishers", "type": "publisher", "settlement": None, "parent": None,
     **ml("name", "«Испытание временем» альманахының баспагерлері",
          "Издатели альманаха «Испытание временем»",
          "Publishers of the almanac «Ispytanie vremenem» (Trial by Time)"),
     "confidence": "unverified", "unverified_fields": ["name_kk", "name_ru", "settlement"],
     "source": f"{SEED} §1 row 9 (seed only)",
     **ml("provenance_note",
          "Тек бастапқы құжатта аталады; баспагер мен орны табылмады.",
          "Упоминается только в исходном документе; издатель и место не найдены.",
          "Named only in the source document; the publisher and its place were not found.")},
    {"slug": "moshkovo-library-system", "type": "district_library", "settlement": "moshkovo",
     "parent": None, "website": "https://libmoshkovo.ru/",
     **ml("name", "Мошково аудандық орталықтандырылған кітапхана жүйесі",
          "МКУК «Мошковская районная ЦБС»", "Moshkovo District Library System"),
     **ml("description",
          "Шамамен 30 кітапхана; орталық кітапханасы — Мошково орталық үлгілі кітапханасы.",
          "Около 30 библиотек; центральная — Мошковская центральная модельная библиотека.",
          "About 30 libraries; the central one is the Moshkovo central model library."),
     "confidence": "high", "unverified_fields": ["name_kk"],
     "source": f"{SEED} §1 row 10 (libmoshkovo.ru)"},
    {"slug": "ubinsky-central-library", "type": "district_library", "settlement": "ubinskoye",
     "parent": None,
     **ml("name", "Убинск ауданының орталық кітапханасы",
          "Центральная библиотека Убинского района", "Central Library of Ubinsky District"),
     "confidence": "medium", "unverified_fields": ["name_kk"],
     "source": f"{SEED} §1 row 11 (ubin-vest.ru)",
     **ml("provenance_note", "Заңды тұлғаның атауы табылмады.",
          "Наименование юридического лица не найдено.",
          "The name of the legal entity was not found.")},
    {"slug": "zarinsky-rural-libraries", "type": "rural_library", "settlement": "zarinsk",
     "parent": None,
     **ml("name", "Заринск ауданының ауылдық кітапханалары",
          "Сельские библиотеки Заринского района", "Rural libraries of Zarinsky District"),
     "confidence": "low", "unverified_fields": ["name_kk", "settlement"],
     "source": f"{SEED} §1 row 12 (seed only)",
     **ml("provenance_note",
          "Нақты ауылдар табылмады: картада аудан орталығы Заринск қаласында көрсетілген.",
          "Конкретные сёла не найдены: на карте показаны в районном центре — Заринске.",
          "The villages were not found: the map places them at Zarinsk, the district centre.")},
    {"slug": "east-kazakhstan-pushkin-library", "type": "regional_library",
     "settlement": "ust-kamenogorsk", "parent": None,
     **ml("name", "А. С. Пушкин атындағы Шығыс Қазақстан облыстық кітапханасы",
          "Восточно-Казахстанская областная библиотека им. А. С. Пушкина",
          "East Kazakhstan Regional Library named after A. S. Pushkin"),
     **ml("description",
          "2014 жылдан бері «Ресей – Қазақстан. Шекарасыз ашық оқу» жобасының серіктесі.",
          "С 2014 года — партнёр проекта «Россия – Казахстан. Открытое чтение без границ».",
          "Since 2014, a partner in the project «Russia – Kazakhstan. Open reading without "
          "borders»."),
     "confidence": "high", "source": f"{SEED} §1 row 13; §3 (since 2014)"},
    {"slug": "leningrad-regional-childrens-library", "type": "childrens_library",
     "settlement": "saint-petersburg", "parent": None,
     **ml("name", "Ленинград облыстық балалар кітапханасы",
          "Ленинградская областная детская библиотека", "Leningrad Regional Children's Library"),
     **ml("short_name", "ЛОБК", "ЛОДБ", "LODB"),
     **ml("description",
          "«Ресей – Қазақстан. Шекарасыз ашық оқу» жобасын 2014 жылдан жыл сайын өткізеді.",
          "С 2014 года ежегодно проводит проект «Россия – Казахстан. Открытое чтение без "
          "границ».",
          "Has run the yearly project «Russia – Kazakhstan. Open reading without borders» since "
          "2014."),
     "confidence": "high", "unverified_fields": ["short_name_kk"],
     "source": f"{SEED} §1 row 14; §3"},
    {"slug": "east-kazakhstan-akimat", "type": "administration", "settlement": "ust-kamenogorsk",
     "parent": None,
     **ml("name", "Шығыс Қазақстан облысының әкімдігі", "Акимат Восточно-Казахстанской области",
          "Akimat of East Kazakhstan Region"),
     "confidence": "medium", "source": f"{SEED} §1 row 15 (seed: support of the project)"},
    {"slug": "altai-krai-government", "type": "administration", "settlement": "barnaul",
     "parent": None,
     **ml("name", "Алтай өлкесінің үкіметі", "Правительство Алтайского края",
          "Government of Altai Krai"),
     "confidence": "medium", "unverified_fields": ["name_kk"],
     "source": f"{SEED} §1 row 15 (seed: support of the project)"},
    {"slug": "shemonaikha-akim-office", "type": "administration", "settlement": "shemonaikha",
     "parent": None,
     **ml("name", "Шемонаиха ауданы әкімінің аппараты", "Аппарат акима Шемонаихинского района",
          "Office of the Akim of Shemonaikha District"),
     **ml("address", "Шемонаиха қ., Советская к-сі, 59", "г. Шемонаиха, ул. Советская, 59",
          "59 Sovetskaya Street, Shemonaikha"),
     "confidence": "medium", "unverified_fields": ["name_kk", "address_kk", "address_ru",
                                                   "address_en"],
     "source": f"{SEED} §1 row 16 (akimvko.gov.kz; older page)",
     **ml("provenance_note", "Мекенжай ескі болуы мүмкін.", "Адрес может быть устаревшим.",
          "The address may be outdated.")},
]  # fmt: skip

# Partners named by the seed; the years of their participation were not found, so the yearly
# memberships from 2011 are an inference (confidence low).
SEED_PARTNERS = [
    "shemonaikha-central-library", "ust-talovka-rural-library", "vydrikha-rural-library",
    "verkh-uba-rural-library", "shemonaikha-museum", "krupskaya-childrens-library",
    "shishkov-library", "novosibirsk-regional-library", "novosibirsk-book-history-centre",
    "altai-journal", "almanac-publishers", "moshkovo-library-system", "ubinsky-central-library",
    "zarinsky-rural-libraries",
]  # fmt: skip
SUPPORTERS = ["east-kazakhstan-akimat", "altai-krai-government"]
# Partners of the related project «Открытое чтение без границ», yearly since 2014 (§3).
ASSOCIATES = ["east-kazakhstan-pushkin-library", "leningrad-regional-childrens-library"]

_GENERIC_PERSON_NOTE = ml(
    "provenance_note",
    "Демо үшін ойдан шығарылған адам: дереккөз мұғалімдер мен жазушыларды атаусыз атайды.",
    "Вымышленный человек для демонстрации: источник упоминает учителей и писателей без имён.",
    "A fictional person for the demo: the seed names teachers and writers, but no names.",
)

PEOPLE: list[dict[str, Any]] = [
    {"key": "demo-teacher-shemonaikha", "role": "teacher",
     "affiliation": "shemonaikha-central-library",
     **ml("name", "Демо: әдебиет пәнінің мұғалімі", "Демо: учитель литературы",
          "Demo: literature teacher"),
     **ml("position", "Шемонаихадағы мектеп мұғалімі (ойдан шығарылған)",
          "учитель школы в Шемонаихе (вымышленный)",
          "schoolteacher in Shemonaikha (fictional)"),
     "email": "demo.shemonaikha@example.org", "consent_public": True, "consent_contacts": True,
     "is_fictional": True, "confidence": "unverified", "source": f"{SEED} §1 (last paragraph)",
     **_GENERIC_PERSON_NOTE},
    {"key": "demo-writer-barnaul", "role": "writer", "affiliation": "altai-journal",
     **ml("name", "Демо: барнаулдық жазушы", "Демо: барнаульский писатель",
          "Demo: writer from Barnaul"),
     **ml("position", "«Алтай» журналының авторы (ойдан шығарылған)",
          "автор журнала «Алтай» (вымышленный)", "author of the journal «Altai» (fictional)"),
     "email": "", "consent_public": True, "consent_contacts": False,
     "is_fictional": True, "confidence": "unverified", "source": f"{SEED} §1 (last paragraph)",
     **_GENERIC_PERSON_NOTE},
    # A real author named in the seed; no consent to be listed, so she is never shown publicly.
    {"key": "gorkovaya-s-a", "role": "librarian", "affiliation": None,
     **ml("name", "Горьковая С. А.", "Горьковая С. А.", "Gorkovaya S. A."),
     **ml("position", "", "", ""), "email": "", "consent_public": False,
     "consent_contacts": False, "is_fictional": False, "confidence": "medium",
     "source": f"{SEED} §3 (2021 article in «Вестник Библиотечной Ассамблеи Евразии»)",
     **ml("provenance_note", "", "", "")},
]  # fmt: skip

AGREEMENT_2011: dict[str, Any] = {
    "key": "agreement-2011",
    **ml("title",
         "Шемонаиха ауданы кітапханаларының Ресей Федерациясының шектес аумақтарымен "
         "трансшекаралық ынтымақтастығы туралы келісім",
         "Соглашение о трансграничном сотрудничестве библиотек Шемонаихинского района с "
         "приграничными территориями Российской Федерации",
         "Agreement on cross-border cooperation of the Shemonaikha district libraries with the "
         "neighbouring territories of the Russian Federation"),
    **ml("occasion",
         "«Қазақстан Республикасы Тәуелсіздігінің 20 жылдығы» халықаралық ғылыми-тәжірибелік "
         "конференциясы барысында қол қойылды",
         "подписано в ходе международной научно-практической конференции «20 лет Независимости "
         "Республики Казахстан»",
         "signed during the international scientific and practical conference «20 Years of "
         "Independence of the Republic of Kazakhstan»"),
    **ml("areas",
         "бірлескен өлкетану зерттеулері мен ізденістері; онлайн кездесулер; кітап алмасу; "
         "шеберлік сабақтары",
         "совместные краеведческие исследования и поиски; онлайн-встречи; книгообмен; "
         "мастер-классы",
         "joint local-history research and searches; online meetings; book exchange; master "
         "classes"),
    "signed_on": "2011-01-01", "signed_on_precision": "year", "status": "active",
    "parties": ["shemonaikha-central-library", "krupskaya-childrens-library", "shishkov-library",
                "novosibirsk-regional-library"],
    "confidence": "high", "unverified_fields": ["title_kk", "title_ru", "title_en", "parties",
                                                "status"],
    "source": f"{SEED} §0, §3 (2011); {SHEMLIBRARY}",
    **ml("provenance_note",
         "Қол қойылған жылы мен жағдайы расталған. Құжаттың өз атауы, нақты күні, орны мен "
         "қол қойған тараптары табылмады: атау сипаттамалық, тараптар — дереккөздегі негізгі "
         "серіктестер.",
         "Год и обстоятельства подписания подтверждены. Собственное название документа, точная "
         "дата, место и подписавшие стороны не найдены: название описательное, стороны — "
         "основные партнёры из источника.",
         "The year and occasion of signing are confirmed. The document's own title, exact "
         "date, venue and signatories were not found: the title is descriptive and the "
         "parties are the seed's main partners."),
}  # fmt: skip
