"""The command line: exit codes, one-line messages, folders."""
from __future__ import annotations

import json

from click.testing import CliRunner
from conftest import GOLDEN, REGISTER, ROOT, SEED, SEED_ID
from articles import Article

from tei_tools.cli import main


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_convert_then_validate(tmp_path):
    out = tmp_path / "out"
    r = run("convert", SEED, "-o", out, "--register", REGISTER)
    assert r.exit_code == 0, r.output
    assert "converted 1, up to date 0, failed 0" in r.output
    assert (out / f"{SEED_ID}.xml").read_bytes() == (GOLDEN / f"{SEED_ID}.xml").read_bytes()
    r = run("validate", out)
    assert r.exit_code == 0 and "validate: checked 1, valid 1, invalid 0" in r.output


def test_folder_with_one_bad_source_converts_the_good_ones(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    Article().write(src, "a.txt")
    Article(title_en="Another Story", page=5).write(src, "b.txt")
    (src / "c.txt").write_text("Title: x\nAuthor:\nDate: 1957-13-01\nPage: 1\n", encoding="utf-8")
    r = run("convert", src, "-o", tmp_path / "out")
    assert r.exit_code == 1
    assert f"{src / 'c.txt'}:3: 'Date:' must be a date" in r.output
    assert "converted 2, up to date 0, failed 1" in r.output
    assert "Traceback" not in r.output
    assert len(list((tmp_path / "out").glob("*.xml"))) == 2


def test_hand_edited_edition_is_kept_without_failing_the_build(tmp_path):
    run("convert", SEED, "-o", tmp_path, "--register", REGISTER)
    target = tmp_path / f"{SEED_ID}.xml"
    edited = target.read_bytes().replace(b"People's Daily", b"People's Daily (checked)")
    target.write_bytes(edited)
    r = run("convert", SEED, "-o", tmp_path, "--register", REGISTER)
    assert r.exit_code == 0, r.output
    assert f"{target}: kept (edited by hand: its seal no longer matches)" in r.output
    assert "convert: converted 0, up to date 0, kept 1, failed 0" in r.output
    assert target.read_bytes() == edited
    rows = [json.loads(line) for line in CliRunner().invoke(
        main, ["convert", str(SEED), "-o", str(tmp_path), "--register", str(REGISTER), "--json"]).stdout.splitlines()]
    assert [r["status"] for r in rows] == ["kept (edited by hand)"]
    r = run("html", target, "-o", tmp_path / "html")  # the build goes on from the hand edit
    assert r.exit_code == 0 and "People's Daily (checked)" in (tmp_path / "html" / f"{SEED_ID}.html").read_text(encoding="utf-8")
    r = run("convert", SEED, "-o", tmp_path, "--force", "--register", REGISTER)
    assert r.exit_code == 0 and target.read_bytes() == (GOLDEN / f"{SEED_ID}.xml").read_bytes()


def test_validate_reports_invalid_file_with_location(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_bytes((GOLDEN / f"{SEED_ID}.xml").read_bytes().replace(b'corresp="#en-p3"',
                                                                       b'corresp="#en-p9x"'))
    r = run("validate", bad)
    assert r.exit_code == 1
    assert f"{bad}:" in r.output and "#en-p9x" in r.output
    assert "validate: checked 1, valid 0, invalid 1" in r.output


def test_usage_errors_exit_2(tmp_path):
    assert run("convert", SEED).exit_code == 2  # no -o
    assert run("validate", tmp_path / "missing.xml").exit_code == 2
    assert run("frobnicate").exit_code == 2


def test_help_lists_commands():
    r = run("--help")
    assert r.exit_code == 0 and "convert" in r.output and "validate" in r.output


def test_broken_register_is_one_clear_line(tmp_path):
    register = tmp_path / "register.xml"
    register.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff><listPlace>\n'
                        '<place><placeName>x</placeName></place></listPlace></standOff></TEI>',
                        encoding="utf-8")
    r = run("convert", SEED, "-o", tmp_path / "out", "--register", register)
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert f"{register}:2: <place> without xml:id" in r.output


def test_jobs_give_the_same_bytes_and_no_bar_off_a_terminal(tmp_path):
    sources = ROOT / "editions" / "sources"
    one = run("convert", sources, "-o", tmp_path / "one", "-j", "1", "--register", REGISTER)
    two = run("convert", sources, "-o", tmp_path / "two", "-j", "2", "--register", REGISTER)
    assert one.exit_code == two.exit_code == 0
    assert "converting" not in two.output  # no progress bar when output is not a terminal
    assert two.output.strip().splitlines()[-1].startswith(f"convert: converted {len(list(sources.iterdir()))}, up to date 0, failed 0, warnings 0")
    for path in (tmp_path / "one").glob("*.xml"):
        assert path.read_bytes() == (tmp_path / "two" / path.name).read_bytes()


def test_progress_bar_on_a_terminal(monkeypatch):
    import io
    import sys

    from tei_tools.cli import _progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    clock = iter([10.0, 11.0, 12.0])  # the first item after a 10 s start-up, then 1 s each
    monkeypatch.setattr("tei_tools.cli.time.perf_counter", lambda: next(clock))
    with _progress([1, 2, 3, 4], "converting") as bar:
        for _ in range(3):
            bar.update()
    shown = terminal.getvalue()
    assert "converting 1/4" in shown and "converting 3/4, 1.0/s, ETA 0:01" in shown  # start-up not counted


def test_an_edition_given_to_convert_and_a_source_to_validate_are_named_as_such(tmp_path):
    r = run("convert", GOLDEN / f"{SEED_ID}.xml", "-o", tmp_path / "out")
    assert r.exit_code == 1 and f"{GOLDEN / SEED_ID}.xml:1: is XML (a TEI edition?), not a source article" in r.stderr
    r = run("validate", SEED)
    assert r.exit_code == 1 and f"{SEED}:1:0: is a source article, not a TEI edition: convert it first" in r.stderr
    assert r.stderr.splitlines()[-1].startswith("validate: checked 1, valid 0, invalid 1")


def test_validate_says_tei_all_was_skipped_and_messages_go_to_stderr(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text((GOLDEN / f"{SEED_ID}.xml").read_text(encoding="utf-8").replace("#en-p9", "#en-p9x", 1),
                   encoding="utf-8")
    r = run("validate", bad, "-j", "1")
    assert r.exit_code == 1 and r.stdout == ""
    assert "tei_all: skipped (" in r.stderr and f"{bad}:" in r.stderr
    assert run("validate", bad, "-q").stderr.splitlines()[-1].startswith("validate: checked 1")
    assert not [ln for ln in run("validate", bad, "-q").stderr.splitlines() if ln.startswith(str(bad))]
    assert f"{GOLDEN / SEED_ID}.xml: valid" in run("validate", GOLDEN / f"{SEED_ID}.xml", "-v").stderr


def test_text_lang_takes_zh_hans_and_the_alias_zh(tmp_path):
    for lang in ("zh-Hans", "zh"):
        r = run("text", GOLDEN / f"{SEED_ID}.xml", "-o", tmp_path / lang, "--lang", lang)
        assert r.exit_code == 0 and r.stderr.strip() == "text: written 1, failed 0"
        assert [p.name for p in (tmp_path / lang).iterdir()] == [f"{SEED_ID}.zh.txt"]


def test_every_summary_has_one_format(tmp_path):
    import re

    edition = GOLDEN / f"{SEED_ID}.xml"
    last = {name: run(*args).stderr.strip().splitlines()[-1] for name, args in {
        "html": ("html", edition, "-o", tmp_path / "h"), "text": ("text", edition, "-o", tmp_path / "t"),
        "dc": ("dc", edition, "-o", tmp_path / "d"), "validate": ("validate", edition),
        "convert": ("convert", SEED, "-o", tmp_path / "c", "--no-entities"), "qa": ("qa", edition)}.items()}
    for name, line in last.items():
        assert re.fullmatch(rf"{name}: [a-z ]+ \d+(, ([a-z ]+ \d+|\d+\.\d\d s|[\d.]+ articles/s))*", line), line


def test_the_register_in_use_is_always_said(tmp_path):
    r = run("convert", SEED, "-o", tmp_path / "a", "--register", REGISTER)
    assert f"register: {REGISTER}, 14 entries" in r.output
    r = run("convert", SEED, "-o", tmp_path / "b")
    assert "register: none" in r.output
    (tmp_path / "b" / "register.xml").write_bytes(REGISTER.read_bytes())
    r = run("convert", SEED, "-o", tmp_path / "b")
    assert f"register: {tmp_path / 'b' / 'register.xml'}, 14 entries" in r.output
    r = run("entities", tmp_path / "b")
    assert f"register: {tmp_path / 'b' / 'register.xml'}, 14 entries" in r.output
    (tmp_path / "b" / "sources").mkdir()
    (tmp_path / "b" / "sources" / SEED.name).write_bytes(SEED.read_bytes())
    r = run("entities", tmp_path / "b" / "sources")  # editions/sources/: the register of editions/
    assert f"register: {tmp_path / 'b' / 'register.xml'}, 14 entries" in r.output
