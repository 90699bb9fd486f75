"""Every produced file is opened again (python-docx, openpyxl, pdftotext, lxml): its figures
must equal the database's counts for the period, and Kazakh text must survive in each format."""

from __future__ import annotations

import io
import re
import zipfile

import lxml.html
import pytest
from django.utils import translation
from docx import Document
from openpyxl import load_workbook

from kopir.events.demo.loader import PROGRAMME
from kopir.events.models import Event
from kopir.reports.document import ReportDocument
from kopir.reports.figures.indicators import LABELS
from kopir.reports.params import ReportParams
from kopir.reports.registry import renderers, reports
from kopir.reports.tests.conftest import db_counts, pdf_text

# Documents in the three languages with the real network's names: on the demo network.
pytestmark = pytest.mark.usefixtures("demo_network")

KAZAKH_LETTERS = set("әғқңөұүі")
CHECKED = ("events", "video_bridges", "participants", "copies_exchanged", "items_added")


def build(slug: str, params: ReportParams) -> ReportDocument:
    with translation.override(params.language):
        return reports[slug].build(params)


def labels(language: str) -> dict[str, str]:
    with translation.override(language):
        return {key: str(LABELS[key]) for key in CHECKED}


def expected(year: int, copies: int) -> dict[str, int]:
    return {**db_counts(year), "copies_exchanged": copies}


def docx_summary(data: bytes) -> dict[str, str]:
    table = Document(io.BytesIO(data)).tables[0]
    return {row.cells[0].text: row.cells[1].text for row in table.rows}


def docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def xlsx_rows(data: bytes, sheet: int) -> list[tuple[object, ...]]:
    book = load_workbook(io.BytesIO(data), read_only=True)
    return list(book.worksheets[sheet].iter_rows(values_only=True))


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_annual_report_in_every_format_shows_the_databases_figures(
    reporting, exchanged, year, language, tmp_path
) -> None:
    truth = expected(year, exchanged)
    last_year = sum(1 for *_rest, again in PROGRAMME if again)  # the demo's last year
    assert truth["events"] == last_year and truth["participants"] > 0
    assert truth["items_added"] == 5
    document = build("annual", ReportParams.year(year, language=language))
    names = labels(language)
    files = {r.slug: r.render(document) for r in renderers.values()}

    word = docx_summary(files["docx"])
    assert {key: int(word[names[key]]) for key in CHECKED} == truth

    rows = {row[0]: row[1] for row in xlsx_rows(files["xlsx"], 1) if row and row[0]}
    assert {key: rows[names[key]] for key in CHECKED} == truth  # numbers, not text

    text = pdf_text(files["pdf"], tmp_path)
    for key in CHECKED:
        found = re.search(rf"^\s*{re.escape(names[key])}\s+(\d+)\s*$", text, re.MULTILINE)
        assert found and int(found.group(1)) == truth[key], key

    page = lxml.html.document_fromstring(files["html"])
    shown = {
        tr.findtext("th").strip(): tr.findtext("td").strip()
        for tr in page.xpath("//table[@id='table-summary']/tbody/tr")
    }
    assert {key: int(shown[names[key]]) for key in CHECKED} == truth


@pytest.mark.django_db
def test_kazakh_text_survives_in_every_format(reporting, year, tmp_path) -> None:
    document = build("annual", ReportParams.year(year, language="kk"))
    title = document.title
    assert title != "Annual report of the cross-border cooperation"  # translated
    texts = {
        "docx": docx_text(renderers["docx"].render(document)),
        "xlsx": "\n".join(
            str(cell)
            for sheet in range(5)
            for row in xlsx_rows(renderers["xlsx"].render(document), sheet)
            for cell in row
            if cell
        ),
        "pdf": pdf_text(renderers["pdf"].render(document), tmp_path),
        "html": lxml.html.document_fromstring(renderers["html"].render(document)).text_content(),
    }
    for fmt, text in texts.items():
        assert " ".join(title.split()) in " ".join(text.split()), fmt
        assert set(text.lower()) >= KAZAKH_LETTERS, (fmt, KAZAKH_LETTERS - set(text.lower()))
        assert "Шемонаиха орталық аудандық кітапханасы" in " ".join(text.split()), fmt


@pytest.mark.django_db
def test_the_pdf_embeds_its_font(reporting, year) -> None:
    from pypdf import PdfReader

    pdf = renderers["pdf"].render(build("cis", ReportParams.year(year, language="kk")))
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in PdfReader(io.BytesIO(pdf)).pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts and all("DejaVu-Sans" in name for name in fonts), fonts


@pytest.mark.django_db
def test_the_workbook_has_native_charts_drawn_from_its_cells(reporting, year) -> None:
    data = renderers["xlsx"].render(build("annual", ReportParams.year(year, language="kk")))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
        xml = archive.read(charts[0]).decode()
    assert len(charts) >= 4
    assert re.search(r"<(c:)?f>'[^']+'!\$B\$\d+:\$B\$\d+</(c:)?f>", xml)  # a range of the sheet


@pytest.mark.django_db
def test_the_cis_indicator_table_counts_each_side(reporting, exchanged, year) -> None:
    document = build("cis", ReportParams.year(year, language="ru"))
    table = Document(io.BytesIO(renderers["docx"].render(document))).tables[0]
    rows = {row.cells[0].text: [c.text for c in row.cells[1:]] for row in table.rows}
    start, end = (f"{year}-01-01", f"{year + 1}-01-01")
    in_year = Event.objects.filter(
        starts_at__gte=f"{start}T00:00+05:00", starts_at__lt=f"{end}T00:00+05:00"
    ).exclude(status="cancelled")
    kz = in_year.filter(venues__settlement__region__country__code="KZ").distinct().count()
    ru = in_year.filter(venues__settlement__region__country__code="RU").distinct().count()
    assert rows["Совместные мероприятия (с площадкой в стране)"] == [
        str(kz),
        str(ru),
        str(in_year.count()),
    ]
    # 6 copies from Kazakhstan; 4 + 5 from Russia.
    assert rows["Обмен документами (отправлено экземпляров)"] == ["6", "9", str(exchanged)]
    narrative = " ".join(
        p.text for p in Document(io.BytesIO(renderers["docx"].render(document))).paragraphs
    )
    assert f"провели {in_year.count()} совместных мероприятий" in narrative
    assert f"обменялись {exchanged} экземплярами документов" in narrative


@pytest.mark.django_db
def test_year_on_year_compares_each_year_with_its_own_counts(reporting, exchanged, year) -> None:
    document = build("year-on-year", ReportParams.year(year + 1, language="en"))
    rows = {row[0]: row[1:] for row in xlsx_rows(renderers["xlsx"].render(document), 1) if row[0]}
    last, this = db_counts(year), db_counts(year + 1)
    assert rows["Joint events"][:2] == (last["events"], this["events"])
    assert rows["Participants"][:2] == (last["participants"], this["participants"])
    assert rows["Books exchanged (copies)"][:2] == (exchanged, 0)
    change = rows["Participants"][2]
    if last["participants"]:
        percent = round((this["participants"] - last["participants"]) * 100 / last["participants"])
        assert change == f"{percent:+d} %"


@pytest.mark.django_db
def test_an_organisations_report_counts_only_its_own_venues(reporting, year) -> None:
    from django.db.models import Sum

    from kopir.events.models import Attendance

    shishkov = reporting["regional"]
    document = build(
        "organisation", ReportParams.year(year, organisation=shishkov.pk, language="ru")
    )
    own = Attendance.objects.filter(
        venue__organisation=shishkov, venue__event__starts_at__year=year
    ).aggregate(n=Sum("count"))["n"]
    participants = document.table("participants")
    assert participants.footer[0][-1] == own
    hosted = Event.objects.filter(starts_at__year=year, organisers=shishkov).count()
    assert document.table("organisation-events").footer[0][1] == hosted > 0


@pytest.mark.django_db
def test_publications_are_listed_by_the_gost_formatter(reporting) -> None:
    from kopir.bibliography.models import Publication
    from kopir.bibliography.selectors import formatted

    params = ReportParams(start=ALMATY_DATE(2019), end=ALMATY_DATE(2022, last=True), language="ru")
    document = build("annual", params)
    listed = document.sections[-1].references
    expected_refs = formatted(
        Publication.objects.filter(year__range=(2019, 2022)).order_by("sort_key", "pk"), html=False
    )
    assert [r.plain for r in listed] == [text for _p, text in expected_refs] != []
    text = docx_text(renderers["docx"].render(document))
    assert all(reference.plain in text for reference in listed)


def ALMATY_DATE(year: int, last: bool = False):
    import datetime

    return datetime.date(year, 12, 31) if last else datetime.date(year, 1, 1)
