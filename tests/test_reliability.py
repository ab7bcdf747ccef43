"""Nothing is lost, nothing leaks: hostile editions cannot steer paths, bags replace only their
own bags, failures of the disk are one line (the reliability issue's first items)."""
from __future__ import annotations

import re
import shutil

from click.testing import CliRunner
from conftest import ROOT

from tei_tools.cli import main

CHINESE_ONLY = ROOT / "editions" / "rmrb-19460519-01-jian-xun-ca46f016.xml"
SOURCES = ROOT / "editions" / "sources"


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.output


def hostile(tmp_path, old: str, new: str, name: str = "hostile.xml"):
    path = tmp_path / name
    path.write_text(CHINESE_ONLY.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return path


def test_bag_never_replaces_a_folder_that_is_not_its_own_bag(tmp_path):
    out = tmp_path / "bags"
    mine = out / "rmrb-19460519-01-jian-xun-ca46f016"
    mine.mkdir(parents=True)
    (mine / "notes.txt").write_text("a curator's notes", encoding="utf-8")
    code, text = run("bag", CHINESE_ONLY, "-o", out, "--sources", SOURCES)
    assert code == 1 and "exists and is not a bag of rmrb-19460519-01-jian-xun-ca46f016" in text
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "a curator's notes"
    shutil.rmtree(mine)
    assert run("bag", CHINESE_ONLY, "-o", out, "--sources", SOURCES)[0] == 0
    assert run("bag", CHINESE_ONLY, "-o", out, "--sources", SOURCES)[0] == 0  # its own bag: replaced
    assert (mine / "bagit.txt").is_file() and not list(out.glob(".*"))


def test_an_edition_named_by_a_file_that_is_no_plain_name_is_refused_by_every_writer(tmp_path):
    """Without xml:id the file name names the edition: '..xml' would name the folder itself."""
    bad = hostile(tmp_path, ' xml:id="rmrb-19460519-01-jian-xun-ca46f016"', "", name="..xml")
    for command in (["html", bad, "-o", tmp_path / "h"], ["text", bad, "-o", tmp_path / "t"],
                    ["dc", bad, "-o", tmp_path / "d"], ["bag", bad, "-o", tmp_path / "b", "--sources", SOURCES]):
        code, text = run(*command)
        assert code == 1 and "unsafe edition id '.'" in text, (command, text)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["..xml"] + sorted(
        p.name for p in tmp_path.iterdir() if p.name in ("h", "t", "d", "b"))


def test_dc_names_its_file_by_the_edition_not_by_the_record(tmp_path):
    bad = hostile(tmp_path, '<idno type="local">rmrb-19460519-01-jian-xun-ca46f016</idno>',
                  '<idno type="local">../../outside</idno>')
    assert run("dc", bad, "-o", tmp_path / "d")[0] == 0
    assert [p.name for p in (tmp_path / "d").iterdir()] == ["rmrb-19460519-01-jian-xun-ca46f016.dc.xml"]


def test_bag_reads_no_source_outside_its_folders(tmp_path):
    bad = hostile(tmp_path, "<idno type=\"filename\">1946-05-19_简讯.md</idno>",
                  "<idno type=\"filename\">../../../../etc/passwd</idno>")
    code, text = run("bag", bad, "-o", tmp_path / "b", "--sources", SOURCES)
    assert code == 1 and "unsafe source file name '../../../../etc/passwd'" in text
    assert "root:" not in text and not (tmp_path / "b").exists() or not any((tmp_path / "b").iterdir())


def test_an_output_path_under_a_file_is_one_line_not_a_traceback(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    for command in ("html", "text", "dc"):
        code, text = run(command, CHINESE_ONLY, "-o", blocker / "sub")
        assert code == 1 and "Traceback" not in text and str(blocker) in text, (command, text)


def test_devices_and_fifos_are_refused_without_waiting(tmp_path):
    import os

    fifo = tmp_path / "edition.xml"
    os.mkfifo(fifo)
    code, text = run("validate", "/dev/zero", fifo)
    assert code == 1 and "/dev/zero:1:0: not a regular file" in text and f"{fifo}:1:0: not a regular file" in text


def test_ctrl_c_exits_130_and_usage_errors_2(monkeypatch, capsys):
    import pytest

    import tei_tools.cli as cli

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt
    monkeypatch.setattr(cli, "_edition_files", interrupted)
    with pytest.raises(SystemExit) as stop:
        cli.run(["validate", "x.xml"])
    assert stop.value.code == 130 and "interrupted" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stop:
        cli.run(["convert"])
    assert stop.value.code == 2
    with pytest.raises(SystemExit) as stop:
        cli.run(["--version"])
    assert stop.value.code == 0


def test_workers_die_with_a_killed_parent(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    script = tmp_path / "parent.py"
    script.write_text(
        "import sys, time\n"
        "from tei_tools import batch\n"
        "def slow(x):\n    time.sleep(60)\n    return x\n"
        "def hello():\n    import os; os.write(1, b'%d\\n' % os.getpid())  # one write: lines never interleave\n"
        "if __name__ == '__main__':\n"
        "    list(batch.run(slow, range(4), 2, hello))\n", encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    workers = [int(parent.stdout.readline()) for _ in range(2)]
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10
    alive = workers
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = [pid for pid in workers if _alive(pid)]
    assert alive == []


def _alive(pid: int) -> bool:
    import os

    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie that init has not reaped yet is dead too
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().split()[2] != "Z"
    except OSError:
        return False


def test_a_killed_runs_half_written_files_are_swept_by_the_next(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    dead = out / ".rmrb-x.xml.999999999.abcd.tei-tools.tmp"  # no process has that id
    dead.write_bytes(b"<TEI")
    import os
    live = out / f".rmrb-y.xml.{os.getpid()}.abcd.tei-tools.tmp"  # a run still writing
    live.write_bytes(b"<TEI")
    theirs = out / ".notes.tmp"
    theirs.write_text("not ours", encoding="utf-8")
    code, text = run("convert", SOURCES / "1946-05-19_简讯.md", "-o", out, "--no-entities")
    assert code == 0 and f"{dead}: removed" in text
    assert not dead.exists() and live.exists() and theirs.exists()


def test_what_convert_writes_every_command_can_read(tmp_path):
    """An 11 MB paragraph makes a text node libxml2 refuses: convert says so and writes nothing."""
    source = (SOURCES / "1946-05-19_简讯.md").read_bytes().replace(
        "中宣部长。".encode(), ("很长的一段。" * 650_000).encode() + "中宣部长。".encode())
    (tmp_path / "long.md").write_bytes(source)
    code, text = run("convert", tmp_path / "long.md", "-o", tmp_path / "out", "--no-entities")
    assert code == 1 and "not well-formed XML" in text and "Traceback" not in text
    assert not list((tmp_path / "out").glob("*.xml"))


def test_a_file_name_with_a_line_break_is_refused_with_a_reason(tmp_path):
    odd = tmp_path / "two\nlines.md"
    odd.write_bytes((SOURCES / "1946-05-19_简讯.md").read_bytes())
    code, text = run("convert", odd, "-o", tmp_path / "out", "--no-entities")
    assert code == 1 and "control characters" in text and not list((tmp_path / "out").glob("*.xml"))


# -- the later items: damaged headers, swaps that cannot lose, pages not ours, linear tagging --

BILINGUAL = SOURCES / "101_fenyang_red_star.txt"


def test_a_page_number_of_thousands_of_digits_is_one_line_in_both_readers(tmp_path):
    """Python refuses to read an int of over 4,300 digits: the readers stop at 4 digits."""
    text = BILINGUAL.read_text(encoding="utf-8")
    english = tmp_path / "page-en.txt"
    english.write_text(re.sub(r"^Page: .*$", "Page: " + "9" * 5000, text, count=1, flags=re.M), encoding="utf-8")
    chinese = tmp_path / "page-zh.md"
    chinese.write_text((SOURCES / "1946-05-19_简讯.md").read_text(encoding="utf-8").replace(
        "第1版", "第" + "1" * 5000 + "版", 1), encoding="utf-8")
    for source, line in ((english, 4), (chinese, 4)):
        for command in (["convert", source, "-o", tmp_path / "out"], ["entities", source]):
            code, out = run(*command)
            assert code == 1 and f"{source}:{line}:" in out and "at most 4 digits" in out, (command, out)
            assert "Traceback" not in out and "4300" not in out


def test_a_doubled_colon_in_a_header_field_is_refused_not_an_edition_schematron_rejects(tmp_path):
    source = tmp_path / "colon.txt"
    source.write_text(BILINGUAL.read_text(encoding="utf-8").replace("Title: ", "Title:: ", 1), encoding="utf-8")
    code, out = run("convert", source, "-o", tmp_path / "out")
    assert code == 1 and f"{source}:1: header field 'Title' has a second colon" in out
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("*.xml"))


def test_a_one_paragraph_article_with_a_closing_note_keeps_its_paragraph_aligned():
    from tei_tools.pipeline import Options, enrich
    from tei_tools.readers import read_bytes

    english = ("Title: A Note\nAuthor: \nDate: 1946-05-20\nPage: 1\n\nA Note\n\n(Xinhua, Yan'an, 17th) "
               "This one paragraph tells the whole story at some length.\n\n(From the Jin-Cha-Ji Daily)\n\n")
    chinese = ("### 一则消息\r\n\r\n1946-05-20\r\n第1版()\n专栏：\n\n　　一则消息\n"
               "    【新华社延安十七日电】这一段讲了整个事情，说得相当长。\n　（原载晋察冀日报）\r\n")
    edition = enrich(read_bytes((english + "<hr />\n\nOriginal:\n\n" + chinese).encode(), "note.txt"),
                     Options(entities=False))
    for side in edition.sides.values():
        assert [u.kind for u in side.units] == ["title", "p", "note"]
    assert edition.links == [("zh-title", "en-title"), ("zh-p1", "en-p1"), ("zh-note", "en-note")]


def _bag(tmp_path):
    out = tmp_path / "bags"
    assert run("bag", CHINESE_ONLY, "-o", out, "--sources", SOURCES)[0] == 0
    return out, out / "rmrb-19460519-01-jian-xun-ca46f016"


def test_a_killed_bag_runs_half_built_folder_is_swept_by_the_next_run(tmp_path):
    out, bag = _bag(tmp_path)
    half = out / f".{bag.name}.999999999.abcd.tei-tools.tmp"  # a run that died building it
    (half / "data").mkdir(parents=True)
    (half / "bagit.txt").write_text("BagIt-Version: 0.97\n", encoding="utf-8")
    code, text = run("bag", CHINESE_ONLY, "-o", out, "--sources", SOURCES)
    assert code == 0 and f"{half}: removed" in text and not half.exists()
    assert sorted(p.name for p in out.iterdir()) == [bag.name]


def test_a_swap_killed_between_its_renames_loses_neither_bag(tmp_path, monkeypatch):
    """Without an atomic exchange the old bag is moved aside first; a run that dies right then
    leaves it in a holder folder that the next run puts back."""
    from tei_tools import atomic, bag as bags

    out, bag = _bag(tmp_path)
    old_manifest = (bag / "manifest-sha256.txt").read_bytes()
    monkeypatch.setattr(atomic, "_exchange", lambda a, b: False)
    real_rename = atomic.os.rename

    def dies_after_the_first(src, dst):
        if str(dst) == str(bag):  # the new bag's move into place: killed right before it
            raise KeyboardInterrupt
        real_rename(src, dst)

    monkeypatch.setattr(atomic.os, "rename", dies_after_the_first)
    monkeypatch.setattr(atomic, "_running", lambda pid: False)  # as if this process had died
    try:
        bags.make(CHINESE_ONLY, out, [SOURCES])
    except KeyboardInterrupt:
        pass
    monkeypatch.setattr(atomic.os, "rename", real_rename)
    assert not bag.exists()  # the moment of danger: only the holder has it
    restored = atomic.sweep(out)
    assert restored and bag.is_dir() and (bag / "manifest-sha256.txt").read_bytes() == old_manifest
    assert bags.verify(bag) == [] and sorted(p.name for p in out.iterdir()) == [bag.name]


def test_two_bag_runs_racing_leave_one_whole_bag(tmp_path):
    import subprocess
    import sys

    out = tmp_path / "bags"
    cmd = [sys.executable, "-m", "tei_tools.cli", "bag", str(CHINESE_ONLY), "-o", str(out), "--sources", str(SOURCES)]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT) for _ in range(3)]
    codes = [p.wait(timeout=120) for p in procs]
    assert codes == [0, 0, 0], [p.stdout.read() for p in procs]
    assert sorted(p.name for p in out.iterdir()) == ["rmrb-19460519-01-jian-xun-ca46f016"]
    from tei_tools.bag import verify

    assert verify(out / "rmrb-19460519-01-jian-xun-ca46f016") == []


def test_bag_verify_names_a_file_it_cannot_read(tmp_path, monkeypatch):
    import bagit

    from tei_tools import bag as bags

    _, bag = _bag(tmp_path)
    victim = next((bag / "data" / "objects" / "tei").glob("*.xml"))
    real = bags._sha256

    def unreadable(path):
        if path == victim:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    def validate(self, **kwargs):
        raise PermissionError(13, "Permission denied", str(victim))

    monkeypatch.setattr(bags, "_sha256", unreadable)
    monkeypatch.setattr(bagit.Bag, "validate", validate)
    assert bags.verify(bag) == [f"{victim}: cannot read: Permission denied"]


def test_a_folder_that_cannot_be_listed_is_one_line_for_convert_and_entities(tmp_path, monkeypatch):
    import os

    src = tmp_path / "src"
    src.mkdir()
    real = os.scandir

    def refuse(path="."):
        if str(path) == str(src):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", refuse)
    for command in (["convert", src, "-o", tmp_path / "out"], ["entities", src]):
        code, out = run(*command)
        assert code == 1 and f"{src}: cannot list: Permission denied" in out, (command, out)
        assert "Traceback" not in out


def test_html_leaves_a_users_index_html_alone(tmp_path):
    out = tmp_path / "html"
    out.mkdir()
    (out / "index.html").write_text("<p>my own index</p>", encoding="utf-8")
    code, text = run("html", CHINESE_ONLY, "-o", out)
    assert code == 1 and f"{out / 'index.html'}: exists and was not written by tei_tools" in text
    assert (out / "index.html").read_text(encoding="utf-8") == "<p>my own index</p>"
    assert (out / "rmrb-19460519-01-jian-xun-ca46f016.html").is_file()
    (out / "index.html").unlink()
    assert run("html", CHINESE_ONLY, "-o", out)[0] == 0
    assert run("html", CHINESE_ONLY, "-o", out)[0] == 0  # its own pages: rewritten


def _lines_run(work) -> int:
    """Lines of tei_tools code executed by work(): a count, not a time, so the test is exact."""
    import sys

    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if "/tei_tools/" not in frame.f_code.co_filename:
            return None
        count += event == "line"
        return tracer

    sys.settrace(tracer)
    try:
        work()
    finally:
        sys.settrace(None)
    return count


def test_name_tagging_costs_grow_linearly_with_one_long_line():
    """A 4 MB line once took minutes: rules scanned every word and every span for each match."""
    from tei_tools.pipeline import entity_tagger

    tagger = entity_tagger(())
    chinese = "".join(ln.strip() for ln in BILINGUAL.read_text(encoding="utf-8").partition("<hr />")[2]
                      .split("\n") if ln.startswith("    "))
    english = " ".join(BILINGUAL.read_text(encoding="utf-8").partition("<hr />")[0].split("\n")[9:])
    costs = {}
    for n in (4_000, 16_000):
        zh = (chinese * (n // len(chinese) + 1))[:n]
        en = (english * (n // len(english) + 1))[:n].rsplit(" ", 1)[0]
        costs[n] = (_lines_run(lambda: tagger.zh.tag_units([zh], [])),
                    _lines_run(lambda: tagger.en.tag(en, [], {})))
    for lang, small, large in zip(("zh", "en"), costs[4_000], costs[16_000]):
        assert large < 5 * small, (lang, small, large)  # 4x the text: about 4x the work (16x if quadratic)


def test_links_fifos_and_folders_named_like_sources_are_each_reported(tmp_path):
    import os

    src = tmp_path / "src"
    src.mkdir()
    (src / "ok.md").write_bytes((SOURCES / "1946-05-19_简讯.md").read_bytes())
    (src / "loop1").symlink_to("loop2.txt")
    (src / "loop2.txt").symlink_to("loop1")
    (src / "dangling.txt").symlink_to(tmp_path / "nowhere")
    os.mkfifo(src / "fifo.txt")
    (src / "dir.txt").mkdir()
    for command in (["convert", src, "-o", tmp_path / "out", "--no-entities"], ["entities", src]):
        code, out = run(*command)
        assert code == 1 and "Traceback" not in out, out
        for name in ("loop2.txt", "dangling.txt", "fifo.txt"):
            assert str(src / name) in out, (command, name, out)
    assert "converted 1, up to date 0, failed" in run("convert", src, "-o", tmp_path / "out2", "--no-entities")[1]


def test_a_stray_latin1_byte_is_reported_on_its_own_line(tmp_path):
    lines = BILINGUAL.read_bytes().split(b"\n")
    lines[9] += b"\xe9"  # line 10
    source = tmp_path / "latin1.txt"
    source.write_bytes(b"\n".join(lines))
    code, out = run("convert", source, "-o", tmp_path / "out")
    assert code == 1 and f"{source}:10: cannot be decoded" in out


def test_a_full_or_read_only_disk_is_one_line_for_every_writer(tmp_path, monkeypatch):
    import errno

    from tei_tools import atomic

    def full(path, data):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    for module in ("tei_tools.transform", "tei_tools.dc", "tei_tools.convert"):
        monkeypatch.setattr(f"{module}.write_atomic", full)
    monkeypatch.setattr(atomic, "temp_dir", lambda parent, name: (_ for _ in ()).throw(
        OSError(errno.EROFS, "Read-only file system", str(parent))))
    for command in (["html", CHINESE_ONLY, "-o", tmp_path / "h"], ["text", CHINESE_ONLY, "-o", tmp_path / "t"],
                    ["dc", CHINESE_ONLY, "-o", tmp_path / "d"],
                    ["convert", SOURCES / "1946-05-19_简讯.md", "-o", tmp_path / "c", "--no-entities", "-j", "1"]):
        code, out = run(*command)
        assert code == 1 and "No space left on device" in out and "Traceback" not in out, (command, out)
    monkeypatch.setattr("tei_tools.packages.temp_dir", atomic.temp_dir)
    code, out = run("bag", CHINESE_ONLY, "-o", tmp_path / "b", "--sources", SOURCES)
    assert code == 1 and "Read-only file system" in out and "Traceback" not in out, out
