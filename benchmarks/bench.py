"""`make bench`: speed and memory against floors measured in the same run (not part of `make test`).

(a) convert per article vs jieba.posseg.cut alone on the same Chinese text, same process,
    in interleaved rounds;
(b) `tei-tools validate` vs `jing tei_all.rng` on the same editions;
(c) the HTML transform per edition; (d) cold start of `--help` and of validating one file;
(e) peak memory (largest process) converting a small and a ten times larger corpus;
(f) a synthetic month (archive samples, a quarter bilingual) against jieba alone, (g) its
unchanged rerun, (h) the month on a Dask LocalCluster against the process pool.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def peak_rss_mib(cmd: list[str]) -> float:
    """Largest resident set of the command or any of its descendants (MiB), run in a fresh child."""
    code = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
            "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, *cmd], capture_output=True, text=True, check=True)
    return int(out.stdout.strip()) / 1024


def bench_convert(sources: list[Path], out: Path, rounds: int = 10) -> tuple[float, float, float]:
    """(ours, floor) per article, and the median of the per-round ratios. Each article is timed
    for both right after each other (convert, then jieba on its Chinese), and the corpus is cut
    into rounds of such pairs, so that a neighbour's load on this shared machine weighs on both
    sides of a ratio rather than on one side or one whole measurement."""
    import jieba.posseg as pseg

    from tei_tools.convert import convert_file
    from tei_tools.pipeline import Options, entity_tagger

    options = Options()
    entity_tagger(())  # loaded once, as in a worker
    texts = [corpus.chinese_units(p.read_text(encoding="utf-8")) for p in sources]
    convert_file(sources[0], out, options)
    size = max(1, len(sources) // rounds)
    ours = floor = 0.0
    ratios = []
    for first in range(0, len(sources), size):
        mine = theirs = 0.0
        for path, units in zip(sources[first:first + size], texts[first:first + size]):
            start = time.process_time()
            convert_file(path, out, options, force=True)
            middle = time.process_time()
            for unit in units:
                list(pseg.cut(unit))
            mine, theirs = mine + middle - start, theirs + time.process_time() - middle
        ours, floor = ours + mine, floor + theirs
        ratios.append(mine / theirs)
    return ours / len(sources), floor / len(sources), statistics.median(ratios)


def bench_html(editions: list[Path], out: Path) -> tuple[float, float]:
    """(the compiled stylesheet applied to a parsed edition, the whole file: read, parse,
    transform, serialise, write), per edition."""
    from tei_tools.safexml import parse
    from tei_tools.transform import html, stylesheet

    html(editions[0], out)
    trees = [parse(e) for e in editions]
    xslt = stylesheet("html.xsl")
    start = time.perf_counter()
    for tree in trees:
        xslt(tree)
    transform_only = (time.perf_counter() - start) / len(editions)
    del trees
    start = time.perf_counter()
    for edition in editions:
        html(edition, out)
    return transform_only, (time.perf_counter() - start) / len(editions)


def _jieba_file(path: Path) -> int:
    import jieba.posseg as pseg

    return sum(len(list(pseg.cut(unit))) for unit in corpus.units_of(path))


def bench_month(folder: Path, count: int, jobs: str) -> list[tuple[str, str, str, str, str]]:
    """(f) a synthetic month converted with the local pool, against jieba alone on the same
    Chinese text in as many processes (each loading jieba, as each worker does); (g) the
    unchanged rerun; (h) the same month on a Dask LocalCluster of as many worker processes,
    two runs each in the order pool, Dask, Dask, pool (a fresh cluster each time)."""
    import multiprocessing

    paths = corpus.month(folder / "src", count)
    cmd = [str(BIN / "tei-tools"), "convert", str(folder / "src"), "-o", str(folder / "out"), "-j", jobs, "-q"]
    first = timed(cmd)
    rerun = timed(cmd)
    start = time.perf_counter()
    with multiprocessing.get_context("spawn").Pool(int(jobs)) as pool:
        pool.map(_jieba_file, paths, chunksize=16)
    floor = time.perf_counter() - start
    rows = [(f"(f) month of {count}, -j {jobs}", f"{count / first:.1f} art/s",
             f"jieba alone {count / floor:.1f} art/s", f"{first / floor:.2f}x", "<= 2x"),
            ("(g) unchanged rerun of the month", f"{rerun:.2f} s", f"first run {first:.1f} s",
             f"{rerun / first * 100:.1f}%", "<= 5%")]
    try:
        from distributed import LocalCluster
    except ImportError:
        return rows + [("(h) Dask LocalCluster", "-", "distributed missing", "-", "")]

    def on_dask(out: str) -> float:
        with LocalCluster(n_workers=int(jobs), threads_per_worker=1, dashboard_address=None) as cluster:
            return timed([str(BIN / "tei-tools"), "convert", str(folder / "src"), "-o", str(folder / out),
                          "-q", "--scheduler", cluster.scheduler_address])

    # pool, Dask, Dask, pool: a load that rises or falls during the runs weighs on both sides
    dask = on_dask("dask") + on_dask("dask2")
    pool = first + timed(cmd[:4] + [str(folder / "out2")] + cmd[5:])
    same = all((folder / "dask" / p.name).read_bytes() == p.read_bytes() for p in (folder / "out").glob("*.xml"))
    same = same and len(list((folder / "dask").glob("*.xml"))) == len(list((folder / "out").glob("*.xml")))
    return rows + [(f"(h) Dask LocalCluster, {jobs} workers", f"{dask / 2:.1f} s", f"process pool {pool / 2:.1f} s",
                    f"{dask / pool:.2f}x", f"<= 1.25x, bytes {'identical' if same else 'DIFFER'}")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--memory", type=int, nargs=2, default=(1000, 10000))
    parser.add_argument("--month", type=int, default=2400, help="articles of the synthetic month (0: skip)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bench")
    parser.add_argument("--tei-all", type=Path, default=None)
    args = parser.parse_args()
    work = args.work
    shutil.rmtree(work, ignore_errors=True)
    rows = []

    sources = corpus.write(work / "corpus", args.articles)
    ours, floor, ratio = bench_convert(sources, work / "editions")
    rows.append(("(a) convert per article", f"{ours * 1000:.1f} ms", f"jieba alone {floor * 1000:.1f} ms",
                 f"{ratio:.2f}x", "<= 2x (median of 10 rounds)"))

    editions = sorted((work / "editions").glob("*.xml"))
    jobs = str(len(os.sched_getaffinity(0)))
    validate = timed([str(BIN / "tei-tools"), "validate", str(work / "editions"), "-j", jobs])
    rng = args.tei_all or next((p for p in (ROOT / "schema" / "tei_all.rng",
                                            ROOT.parent / "shared" / "tei" / "tei_all.rng") if p.is_file()), None)
    if shutil.which("jing") and rng:
        jing = timed(["jing", str(rng), *map(str, editions)])
        rows.append((f"(b) validate {len(editions)} editions", f"{validate:.2f} s", f"jing {jing:.2f} s",
                     f"{validate / jing:.2f}x", "<= 1x"))
    else:
        rows.append((f"(b) validate {len(editions)} editions", f"{validate:.2f} s", "jing missing", "-", "<= 1x"))

    per_transform, per_file = bench_html(editions, work / "html")
    rows.append(("(c) HTML transform per edition", f"{per_transform * 1000:.2f} ms",
                 f"file to file {per_file * 1000:.2f} ms", "", "<= 2 ms"))

    help_s = statistics.median(timed([str(BIN / "tei-tools"), "--help"]) for _ in range(5))
    one_s = statistics.median(timed([str(BIN / "tei-tools"), "validate", str(editions[0])]) for _ in range(5))
    rows.append(("(d) cold start --help", f"{help_s:.3f} s", "", "", "< 0.5 s"))
    rows.append(("(d) cold start validate one", f"{one_s:.3f} s", "", "", "< 0.5 s"))

    small, large = args.memory
    peaks = []
    for count in (small, large):
        folder = work / f"memory-{count}"
        corpus.write(folder / "src", count, seed=count, short=True)
        peaks.append(peak_rss_mib([str(BIN / "tei-tools"), "convert", str(folder / "src"), "-o",
                                   str(folder / "out"), "-j", jobs]))
    rows.append((f"(e) peak memory {small} vs {large}", f"{peaks[0]:.0f} MiB", f"{peaks[1]:.0f} MiB",
                 f"{(peaks[1] / peaks[0] - 1) * 100:+.1f}%", "within 10%"))

    if args.month:
        rows += bench_month(work / "month", args.month, jobs)

    lines = [f"{'measure':34}{'ours':>12}  {'floor / other':22}{'ratio':>8}  target"]
    lines += [f"{a:34}{b:>12}  {c:22}{d:>8}  {e}" for a, b, c, d, e in rows]
    report = "\n".join(lines)
    print(report)
    (work / "results.txt").write_text(report + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
