"""Outside clients against a running server: Debian's yaz-client over SRU, and over Z39.50
through the gateway `make z3950` starts (Simple2ZOOM), retrieving USMARC and RUSMARC.

They need yaz-client and simple2zoom (Debian's yaz and libnet-z3950-simple2zoom-perl) and
skip with a message without them, except where KOPIR_REQUIRE_YAZ=1 (CI, .ci/run installs
both), where a missing client fails the run."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from io import BytesIO
from pathlib import Path

import pytest
from pymarc import Field, Indicators, Leader, Record, Subfield

from kopir.core.audit import SYSTEM
from kopir.exchange.imports import marc_import
from kopir.exchange.marc.writer import iso2709_bytes

ROOT = Path(__file__).parents[3]


def _require(program: str) -> str:
    found = shutil.which(program)
    if found is None:
        message = f"{program} is not installed (apt-get install yaz libnet-z3950-simple2zoom-perl)"
        if os.environ.get("KOPIR_REQUIRE_YAZ") == "1":
            pytest.fail(message + " (KOPIR_REQUIRE_YAZ=1)")
        pytest.skip(message)
    return found


def _yaz(commands: list[str]) -> str:
    script = "\n".join([*commands, "quit"]) + "\n"
    done = subprocess.run(
        [_require("yaz-client")], input=script.encode(), capture_output=True, timeout=60,
    )  # fmt: skip
    return done.stdout.decode("utf-8", "replace")


@pytest.fixture
def books(network, transactional_db) -> None:
    """A RUSMARC volume of a set (with a field Köpir does not read) and a MARC 21 book."""
    volume = Record()
    volume.leader = Leader("00000nam2 22000001  450 ")
    volume.add_field(Field("001", data="RU\\NLR\\bibl\\379534"))
    volume.add_field(Field("200", Indicators("0", " "), [Subfield("a", "Вып. 27")]))
    volume.add_field(Field("461", Indicators(" ", "0"), [
        Subfield("a", "Задачи и этюды"), Subfield("v", "Вып. 27")]))  # fmt: skip
    volume.add_field(Field("702", Indicators(" ", "1"), [
        Subfield("a", "Титов"), Subfield("b", "Ф."), Subfield("4", "340")]))  # fmt: skip
    volume.add_field(
        Field("899", Indicators(" ", " "), [Subfield("a", "NLR"), Subfield("p", "445275")])
    )
    marc_import(BytesIO(iso2709_bytes(volume, "utf-8")), organisation=network["regional"],
                change=SYSTEM, file_name="rusmarc.iso", flavour="rusmarc")  # fmt: skip
    book = Record()
    book.leader = Leader("00000nam a2200000 i 4500")
    book.add_field(Field("020", Indicators(" ", " "), [Subfield("a", "9785040000005")]))
    book.add_field(Field("100", Indicators("1", " "), [Subfield("a", "Кузнецов, И. П.")]))
    book.add_field(Field("245", Indicators("1", "0"), [Subfield("a", "История Шемонаихи")]))
    marc_import(BytesIO(iso2709_bytes(book, "utf-8")), organisation=network["central"],
                change=SYSTEM, file_name="marc21.iso", flavour="marc21")  # fmt: skip


def _sru(url: str, query: str, schema: str = "") -> str:
    """One search and its first record, by yaz-client as an SRU 1.2 client. One search per
    client: the test server closes every connection, and yaz-client reconnecting while it
    reads piped commands can drop the next ones."""
    chosen = [f"schema {schema}"] if schema else []
    return _yaz([f"open {url}/sru", "sru get 1.2", *chosen, f"find {query}", "show 1"])


def _hits(out: str) -> list[str]:
    return [line.split(",")[0] for line in out.splitlines() if line.startswith("Number of hits:")]


def test_yaz_client_searches_and_reads_over_sru(books, live_server) -> None:
    volume = _sru(live_server.url, "dc.title = задачи", schema="rusmarc")
    assert _hits(volume)[0] == "Number of hits: 1"
    assert 'tag="461"' in volume and "Задачи и этюды" in volume  # the original's own set
    assert 'tag="899"' in volume  # and the field Köpir does not read
    converted = _sru(live_server.url, "author = титов")
    assert _hits(converted)[0] == "Number of hits: 1"
    assert 'tag="773"' in converted  # MARC 21 by default: the set as the host item
    book = _sru(live_server.url, "bath.isbn = 5040000006")  # the ISBN-10 of 978-5-04-000000-5
    assert _hits(book)[0] == "Number of hits: 1" and "История Шемонаихи" in book
    assert _hits(_sru(live_server.url, "title = nothingsuch"))[0] == "Number of hits: 0"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(port: int, gateway: subprocess.Popen) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if gateway.poll() is not None:
            pytest.fail(
                f"the gateway stopped: {gateway.stdout.read().decode() if gateway.stdout else ''}"
            )
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    pytest.fail("the Z39.50 gateway did not start listening")


def test_z3950_gateway_from_make_serves_usmarc_and_rusmarc(books, live_server, tmp_path) -> None:
    _require("simple2zoom")
    _require("yaz-client")
    port = _free_port()
    gateway = subprocess.Popen(
        ["make", "-s", "z3950", f"Z3950_PORT={port}", f"KOPIR_SITE_URL={live_server.url}",
         f"Z3950_CONFIG={tmp_path / 'simple2zoom.xml'}"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    try:
        _wait_for(port, gateway)
        out = "".join(
            _yaz([f"open tcp:127.0.0.1:{port}/kopir", *commands])
            for commands in (
                ["find @attr 1=4 задачи", "format usmarc", "show 1", "format rusmarc", "show 1"],
                ["find @attr 1=1003 титов"],
                ["find @attr 1=7 978-5-04-000000-5"],
                ['find @attr 1=4 @attr 6=3 "Задачи и этюды. Вып. 27"'],
                ["find @attr 1=4 @attr 6=3 задачи"],
                ["find @attr 1=9999 x"],
                ["find @attr 1=1016 титов"],  # any word: the compiler of the volume
                ["find титов"],  # no attribute at all
            )
        )
    finally:
        os.killpg(gateway.pid, signal.SIGTERM)
        gateway.wait(timeout=10)
    hits = _hits(out)
    assert hits[:5] == ["Number of hits: 1"] * 4 + ["Number of hits: 0"]
    usmarc, rusmarc = out.split("Record type: USmarc")[1], out.split("Record type: RUSmarc")[1]
    assert "773 18 $t Задачи и этюды $g Вып. 27" in usmarc  # converted to MARC 21 (461)
    assert "200 0  $a Вып. 27" in rusmarc and "899    $a NLR $p 445275" in rusmarc  # as it came
    assert "[114] Unsupported Use attribute" in out  # the BIB-1 diagnostic, not a crash
    assert hits[6:] == ["Number of hits: 1"] * 2
