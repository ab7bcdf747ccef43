"""Incremental builds: an unchanged rerun rewrites nothing; a changed source, register or
option rebuilds; --prune removes what lost its source; --json and -q report per file."""
from __future__ import annotations

import json
import os

from click.testing import CliRunner
from conftest import ROOT

from tei_tools.cli import main

ARCHIVE = ROOT / "tests" / "archive" / "1946年05月"


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.output


def corpus(tmp_path, n=3):
    src = tmp_path / "src"
    src.mkdir()
    for f in sorted(ARCHIVE.iterdir())[:n]:
        (src / f.name).write_bytes(f.read_bytes())
    return src


def stamps(folder):
    return {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.glob("*.xml")}


def test_an_unchanged_rerun_rewrites_nothing_and_says_so(tmp_path):
    src, out = corpus(tmp_path), tmp_path / "out"
    assert run("convert", src, "-o", out, "--no-entities")[0] == 0
    before = stamps(out)
    code, text = run("convert", src, "-o", out, "--no-entities")
    assert code == 0 and "converted 0, up to date 3, failed 0, warnings 0" in text
    assert stamps(out) == before
    code, text = run("convert", src, "-o", out, "--no-entities", "--force")
    assert "converted 3, up to date 0" in text


def test_a_changed_source_option_or_register_rebuilds(tmp_path):
    src, out = corpus(tmp_path), tmp_path / "out"
    run("convert", src, "-o", out, "--no-entities")
    first = sorted(src.iterdir())[0]
    first.write_bytes(first.read_bytes().replace("。".encode(), "。 ".encode(), 1))  # same text, other bytes
    assert "converted 1, up to date 2" in run("convert", src, "-o", out, "--no-entities")[1]
    assert "converted 3, up to date 0" in run("convert", src, "-o", out, "--no-entities",
                                               "--publisher", "Another Library")[1]
    register = tmp_path / "register.xml"
    register.write_bytes((ROOT / "editions" / "register.xml").read_bytes())
    assert "converted 3, up to date 0" in run("convert", src, "-o", out, "--register", register)[1]
    assert "converted 0, up to date 3" in run("convert", src, "-o", out, "--register", register)[1]
    register.write_bytes(register.read_bytes().replace(b"</listPerson>", b"</listPerson>\n", 1))
    assert "converted 3, up to date 0" in run("convert", src, "-o", out, "--register", register)[1]


def test_an_edition_older_than_the_tool_is_rebuilt(tmp_path):
    src, out = corpus(tmp_path, 1), tmp_path / "out"
    run("convert", src, "-o", out, "--no-entities")
    edition = next(out.glob("*.xml"))
    os.utime(edition, (1_000_000_000, 1_000_000_000))  # made before this release's files
    assert "converted 1, up to date 0" in run("convert", src, "-o", out, "--no-entities")[1]


def test_prune_removes_editions_whose_source_is_gone_but_never_a_hand_edit(tmp_path):
    src, out = corpus(tmp_path), tmp_path / "out"
    run("convert", src, "-o", out, "--no-entities")
    gone, edited = sorted(src.iterdir())[:2]
    by_source = {}
    for edition in out.glob("*.xml"):
        for f in src.iterdir():
            if f">{f.name}</idno>" in edition.read_text(encoding="utf-8"):
                by_source[f.name] = edition
    hand = by_source[edited.name]
    hand.write_text(hand.read_text(encoding="utf-8").replace("</TEI>", "<!-- checked --></TEI>"), encoding="utf-8")
    gone.unlink()
    edited.unlink()
    code, text = run("convert", src, "-o", out, "--no-entities", "--prune")
    assert f"{by_source[gone.name]}: removed (its source {gone.name} is gone)" in text
    assert f"{hand}: its source {edited.name} is gone, but it was edited by hand: kept" in text
    assert code == 1 and not by_source[gone.name].exists() and hand.exists()
    assert sorted(p.name for p in out.glob("*.xml")) == sorted([hand.name, by_source[sorted(src.iterdir())[0].name].name])


def test_json_gives_one_object_a_source_and_quiet_only_errors(tmp_path):
    src, out = corpus(tmp_path), tmp_path / "out"
    (src / "notes.md").write_text("# my notes\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(src), "-o", str(out), "--no-entities", "--json"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(r["status"] for r in rows) == ["converted"] * 3 + ["failed"]
    assert all(set(r) == {"source", "edition", "status", "messages"} for r in rows)
    bad = next(r for r in rows if r["status"] == "failed")
    assert bad["source"].endswith("notes.md") and "not an article" in bad["messages"][-1]
    quiet = CliRunner().invoke(main, ["convert", str(src), "-o", str(out), "--no-entities", "-q"])
    assert quiet.exit_code == 1 and quiet.stdout == ""
    assert quiet.stderr.strip().splitlines() == [f"{src / 'notes.md'}:1: not an article: expected '### title' "
                                                 "(an archive file) or 'Title:' (a bilingual file) on the first "
                                                 "line, got '# my notes'"]


def test_validate_and_entities_speak_json_too(tmp_path):
    edition = ROOT / "editions" / "rmrb-19460519-01-jian-xun-ca46f016.xml"
    broken = tmp_path / "broken.xml"
    broken.write_text(edition.read_text(encoding="utf-8").replace('type="local"', 'type="nonsense"'), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(edition), str(broken), "--json"])
    rows = {r["file"]: r for r in map(json.loads, result.stdout.splitlines())}
    assert result.exit_code == 1 and rows[str(edition)] == {"file": str(edition), "status": "valid", "problems": []}
    assert rows[str(broken)]["status"] == "invalid" and "schema" in rows[str(broken)]["problems"][0]
    result = CliRunner().invoke(main, ["entities", str(ROOT / "editions" / "sources" / "101_fenyang_red_star.txt"),
                                       "--register", str(ROOT / "editions" / "register.xml"), "--json"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(set(r) == {"count", "kind", "id", "names", "context"} for r in rows)
    assert rows[0]["count"] >= rows[-1]["count"] and any("郭家庄村" in r["names"] for r in rows)


def test_a_dask_cluster_gives_the_same_messages_statuses_and_bytes_as_the_pool(tmp_path):
    import pytest

    distributed = pytest.importorskip("distributed")
    src = corpus(tmp_path, 4)
    (src / "notes.md").write_text("# my notes\n", encoding="utf-8")
    local = CliRunner().invoke(main, ["convert", str(src), "-o", str(tmp_path / "pool"), "--no-entities", "-j", "2"])
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        remote = CliRunner().invoke(main, ["convert", str(src), "-o", str(tmp_path / "dask"), "--no-entities",
                                           "--scheduler", cluster.scheduler_address])
    assert remote.exit_code == local.exit_code == 1
    lines = lambda r: sorted(r.stderr.splitlines()[:-1])  # noqa: E731 (all but the summary's timing)
    assert lines(remote) == lines(local)
    assert remote.stderr.splitlines()[-1].startswith("convert: converted 4, up to date 0, failed 1, warnings 0")
    pool, dask = stamps(tmp_path / "pool"), stamps(tmp_path / "dask")
    assert sorted(pool) == sorted(dask) and all(pool[n][1] == dask[n][1] for n in pool)


def test_prune_removes_pages_texts_bags_and_items_of_editions_gone_and_nothing_else(tmp_path):
    import shutil

    editions = tmp_path / "editions"
    editions.mkdir()
    keep, gone = (ROOT / "editions" / "rmrb-19460519-01-jian-xun-ca46f016.xml",
                  ROOT / "editions" / "rmrb-19460520-02-fa-zhan-xiao-mei-yao-ad83fdc7.xml")
    for e in (keep, gone):
        shutil.copy(e, editions / e.name)
    shutil.copytree(ROOT / "editions" / "sources", editions / "sources")
    for command in ("html", "text", "bag", "saf"):
        assert run(command, editions, "-o", tmp_path / command)[0] == 0
    for command in ("html", "text", "bag", "saf"):
        (tmp_path / command / "mine.html").write_text("<p>not ours</p>", encoding="utf-8")
    (tmp_path / "text" / "notes.zh.txt.bak").write_text("not ours", encoding="utf-8")
    (editions / gone.name).unlink()
    for command, made in (("html", f"{gone.stem}.html"), ("text", f"{gone.stem}.zh.txt"),
                          ("bag", gone.stem), ("saf", gone.stem)):
        code, text = run(command, editions, "-o", tmp_path / command, "--prune")
        assert code == 0 and f"{tmp_path / command / made}: removed" in text, (command, text)
        left = sorted(p.name for p in (tmp_path / command).iterdir())
        assert not any(gone.stem in name for name in left) and "mine.html" in left, (command, left)
        assert any(keep.stem in name for name in left)
    assert (tmp_path / "text" / "notes.zh.txt.bak").exists()
