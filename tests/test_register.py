"""The corpus register (build, CSV export and import, authority ids into the editions) and the
corpus-wide index of names."""
from __future__ import annotations

import csv
import io
import shutil

import pytest
from click.testing import CliRunner
from conftest import REGISTER, ROOT

from tei_tools.cli import main
from tei_tools.corpus_names import corpus_id
from tei_tools.edition_names import entries, units
from tei_tools.entities.register import load
from tei_tools.safexml import parse

EDITIONS = ROOT / "editions"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The committed editions and their register, copied; the register built from them."""
    root = tmp_path_factory.mktemp("corpus")
    eds = root / "editions"
    shutil.copytree(EDITIONS, eds)
    r = run("register", "build", eds, "-o", eds / "register.xml")
    assert r.exit_code == 0, r.output
    return eds, r.output


def test_ids_come_from_content_so_two_people_with_one_english_name_get_two():
    assert corpus_id("person", "zh-Hans", "王永福") != corpus_id("person", "zh-Hans", "汪永福")
    assert corpus_id("person", "zh-Hans", "王永福").startswith("pers-wang-yongfu-")
    assert corpus_id("place", "zh-Hans", "汾阳县") == corpus_id("place", "zh-Hans", "汾阳县")


def test_register_build_merges_machine_entries_and_keeps_the_curated(corpus):
    eds, output = corpus
    assert f"register: {eds / 'register.xml'}, 14 entries" in output
    assert "register build: editions 13, machine made " in output
    built = eds / "register.xml"
    register = load(built)
    original = load(REGISTER)
    for entity_id, entity in original.entities.items():  # curated: as they were
        assert register.entities[entity_id].names == entity.names and not register.entities[entity_id].machine
    machine = [e for e in register.entities.values() if e.machine]
    assert machine and all(e.id.count("-") >= 2 for e in machine)
    tree = parse(built)
    counts = tree.xpath("//t:note[@type='count']/@n", namespaces={"t": "http://www.tei-c.org/ns/1.0"})
    assert len(counts) == len(machine) and all(int(n) >= 1 for n in counts)
    # one entity a full name across the corpus, however many editions name it
    keys = [(e.kind, (e.names.get("zh-Hans") or e.names.get("en"))[0]) for e in machine]
    assert len(keys) == len(set(keys))
    # a rebuild gives the same bytes (ids from content, not from order)
    before = built.read_bytes()
    files = sorted(p for p in eds.glob("*.xml") if p.name != "register.xml")
    assert run("register", "build", *reversed(files), "-o", built).exit_code == 0
    assert built.read_bytes() == before


def test_the_register_round_trips_through_csv_and_authority_ids_reach_editions(corpus, tmp_path):
    eds, _ = corpus
    reg = tmp_path / "register.xml"
    shutil.copy(eds / "register.xml", reg)
    r = run("register", "export", reg, "--csv")
    assert r.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert list(rows[0]) == ["id", "kind", "chinese", "english", "pinyin", "wikidata", "cbdb", "geonames",
                             "viaf", "note", "not_a_name", "mentions"]
    table = tmp_path / "register.csv"
    table.write_text(r.stdout, encoding="utf-8")
    assert run("register", "import", table, "-o", reg).exit_code == 0
    assert reg.read_bytes() == (eds / "register.xml").read_bytes()  # unchanged rows change nothing
    jiaxing = next(row for row in rows if row["id"] == "place-jiaxing")
    jiaxing["wikidata"] = "Q58014"
    jiaxing["note"] = "Prefecture-level city in Zhejiang"
    machine = next(row for row in rows if row["mentions"] and row["kind"] == "person")
    machine["english"] = machine["english"] + " | Somebody Else"
    wrong = next(row for row in rows if row["mentions"] and row["kind"] == "org" and row["id"] != machine["id"])
    wrong["not_a_name"] = "yes"
    new = dict.fromkeys(rows[0], "")
    new.update(kind="person", chinese="郝建秀", english="Hao Jianxiu", wikidata="Q123456")
    out = io.StringIO()
    writer = csv.DictWriter(out, list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows + [new])
    table.write_text(out.getvalue(), encoding="utf-8")
    r = run("register", "import", table, "-o", reg)
    assert r.exit_code == 0, r.output
    assert "register import: changed 2, added 1" in r.output
    register = load(reg)
    assert register.entities["place-jiaxing"].idnos == {"wikidata": "Q58014"}
    assert not register.entities[machine["id"]].machine  # edited: curated now
    assert "Somebody Else" in register.entities[machine["id"]].names["en"]
    assert wrong["id"] not in register.entities
    assert register.says_no("zh-Hans", wrong["chinese"].split(" | ")[0], "org")
    hao = corpus_id("person", "zh-Hans", "郝建秀")
    assert register.entities[hao].idnos == {"wikidata": "Q123456"}
    # the edited register is read by convert; the authority id goes into the edition and its page
    out_dir = tmp_path / "editions"
    out_dir.mkdir()
    shutil.copy(reg, out_dir / "register.xml")
    source = EDITIONS / "sources" / "000_8ab13afc5602f97b.txt"
    assert run("convert", source, "-o", out_dir).exit_code == 0
    edition = next(p for p in out_dir.glob("rmrb-*.xml"))
    assert entries(parse(edition))["place-jiaxing"].idnos == {"wikidata": "Q58014"}
    assert run("validate", edition).exit_code == 0
    assert run("html", edition, "-o", tmp_path / "html").exit_code == 0
    page = (tmp_path / "html" / f"{edition.stem}.html").read_text(encoding="utf-8")
    assert 'href="https://www.wikidata.org/wiki/Q58014"' in page


def test_a_bad_row_is_one_line_and_nothing_is_written(tmp_path):
    reg = tmp_path / "register.xml"
    shutil.copy(REGISTER, reg)
    table = tmp_path / "t.csv"
    table.write_text("id,kind,chinese,english\nplace-x,planet,火星,Mars\n", encoding="utf-8")
    r = run("register", "import", table, "-o", reg)
    assert r.exit_code == 1 and f"{table}:2: kind 'planet': expected person, place or org" in r.output
    table.write_text("id,kind,chinese,english\n1bad,place,火星,Mars\n", encoding="utf-8")
    r = run("register", "import", table, "-o", reg)
    assert r.exit_code == 1 and "no valid xml:id" in r.output
    assert reg.read_bytes() == REGISTER.read_bytes()


def test_the_index_lists_every_mention_of_every_edition(corpus, tmp_path):
    eds, _ = corpus
    r = run("index", eds, "-o", tmp_path / "names")
    assert r.exit_code == 0, r.output
    files = sorted(p for p in eds.glob("*.xml") if p.name != "register.xml")
    mentions = {(p.stem, u.id, m.start, m.text) for p in files for u in units(parse(p)) for m in u.mentions}
    rows = list(csv.DictReader(io.StringIO((tmp_path / "names" / "names.csv").read_text(encoding="utf-8"))))
    assert len(rows) == len(mentions)
    assert {(r["edition"], r["unit"], r["mention"]) for r in rows} == {(e, u, t) for e, u, _, t in mentions}
    persons = (tmp_path / "names" / "persons.html").read_text(encoding="utf-8")
    assert '<span lang="zh-Hans">陈心海</span>' in persons and "Chen Xinhai" in persons
    assert 'href="../rmrb-19570130-02-deeper-deeper-and-still-deeper-3ed3d8dd.html#zh-byline"' in persons
    assert f"mentions {len(rows)}" in r.output


def test_make_html_writes_the_index_and_each_edition_links_to_it(corpus, tmp_path):
    eds, _ = corpus
    seed = eds / "rmrb-19570130-02-deeper-deeper-and-still-deeper-3ed3d8dd.xml"
    r = run("html", eds, "-o", tmp_path / "html")
    assert r.exit_code == 0, r.output
    page = (tmp_path / "html" / f"{seed.stem}.html").read_text(encoding="utf-8")
    assert f'href="names/persons.html#{seed.stem}.pers-chen-xinhai"' in page
    persons = (tmp_path / "html" / "names" / "persons.html").read_text(encoding="utf-8")
    assert f'id="{seed.stem}.pers-chen-xinhai"' in persons


def test_a_not_a_name_row_spares_the_names_other_entries_have(tmp_path):
    reg = tmp_path / "register.xml"
    reg.write_text(REGISTER.read_text(encoding="utf-8").replace("</listOrg>", """  <org xml:id="org-x" resp="#tei-tools" cert="medium">
        <orgName xml:lang="zh-Hans">共产党员</orgName>
        <orgName xml:lang="en">Zhejiang Daily</orgName>
      </org>
    </listOrg>"""), encoding="utf-8")
    table = tmp_path / "t.csv"
    table.write_text("id,kind,chinese,english,not_a_name\norg-x,org,共产党员,Zhejiang Daily,yes\n", encoding="utf-8")
    assert run("register", "import", table, "-o", reg).exit_code == 0
    register = load(reg)
    assert "org-x" not in register.entities and register.says_no("zh-Hans", "共产党员", "org")
    assert not register.says_no("en", "Zhejiang Daily", "org")  # the name of org-zhejiang-daily


def test_a_register_lists_full_names_only():
    from tei_tools.corpus_names import full_names
    from tei_tools.model import Entity

    assert full_names(Entity("p", "person", {"zh-Hans": ["高延柳"], "en": ["Gao Yanliu", "Gao"]})) == {
        "zh-Hans": ["高延柳"], "en": ["Gao Yanliu"]}
    assert full_names(Entity("o", "org", {"zh-Hans": ["嘉兴市委工业部", "工业部"],
                                          "en": ["Jiaxing Industry Department", "Industry Department"]})) == {
        "zh-Hans": ["嘉兴市委工业部"], "en": ["Jiaxing Industry Department"]}


def test_a_register_idno_of_an_unknown_authority_is_one_line(tmp_path):
    reg = tmp_path / "register.xml"
    reg.write_text(REGISTER.read_text(encoding="utf-8").replace(
        '<placeName xml:lang="en">Putuo</placeName>',
        '<placeName xml:lang="en">Putuo</placeName>\n        <idno type="loc">n123</idno>'), encoding="utf-8")
    r = run("convert", ROOT / "editions" / "sources" / "000_8ab13afc5602f97b.txt", "-o", tmp_path / "out",
            "--register", reg)
    line = next(n for n, text in enumerate(reg.read_text(encoding="utf-8").splitlines(), 1) if "loc" in text)
    assert r.exit_code == 1 and f"{reg}:{line}: an entry's idno needs an id and a type wikidata" in r.output


def test_counts_are_said_in_good_english():
    from tei_tools.corpus_names import CorpusEntity, Occurrence
    from tei_tools.model import Entity

    one = Occurrence("e1", 0, "", "zh-p1", "zh-Hans", "王", "", "", "pers-wang")
    found = CorpusEntity(Entity("pers-wang", "person"), False, "王", [one], {"e1"})
    assert found.summary == "1 mention in 1 edition"
    found.occurrences.append(one)
    found.editions.add("e2")
    assert found.summary == "2 mentions in 2 editions"


def test_a_table_that_is_no_utf8_csv_is_one_line(tmp_path):
    reg = tmp_path / "register.xml"
    shutil.copy(REGISTER, reg)
    table = tmp_path / "t.csv"
    table.write_bytes(b"id,kind,chinese,english\n\xff\xfe,place,x,y\n")
    r = run("register", "import", table, "-o", reg)
    assert r.exit_code == 1 and f"{table}:" in r.output and "not a UTF-8 CSV table" in r.output
    assert "Traceback" not in r.output and reg.read_bytes() == REGISTER.read_bytes()
