"""Nothing is lost, nothing leaks: hostile editions cannot steer paths, bags replace only their
own bags, failures of the disk are one line (the reliability issue's first items)."""
from __future__ import annotations

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
        "def hello():\n    import os; print(os.getpid(), flush=True)\n"
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
