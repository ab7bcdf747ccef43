"""`tei-tools`: a thin click shell over the library. Exit 0 ok, 1 invalid or failed, 2 usage."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click

from . import __version__
from .readers import READERS


def _fail_usage(message: str) -> None:
    raise click.UsageError(message)


REGISTER_NAME = "register.xml"
NAMES_DIR = "names"  # the corpus-wide index of names beside the reading editions


def _edition_files(paths: tuple[str, ...]) -> list[Path]:
    """Files as given; a folder gives its *.xml but the register that lives beside editions."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(q for q in p.iterdir() if q.suffix == ".xml" and q.is_file()
                                and q.name != REGISTER_NAME))
        elif p.exists():
            files.append(p)
        else:
            _fail_usage(f"no such file or folder: {p}")
    return files


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tei-tools")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="Configuration file (default: ./tei-tools.toml if there is one). Its settings "
                   "(publisher, licence, organisation, contact, registers, identifier base, paper "
                   "id) apply to every command; command-line options override them.")
@click.pass_context
def main(ctx: click.Context, config_path: str | None) -> None:
    """Turn bilingual newspaper articles into TEI P5 editions, validate and transform them.

    Settings come from tei-tools.toml (or --config FILE); options override them.
    """
    from .config import load
    from .errors import ToolError

    if config_path is not None and not Path(config_path).is_file():
        _fail_usage(f"no such configuration file: {config_path}")
    try:
        ctx.obj = load(config_path)
    except ToolError as exc:
        click.echo(str(exc), err=True)
        sys.exit(2)


def _config():
    """The configuration the group loaded (the defaults when a command is called alone)."""
    from .config import Config

    ctx = click.get_current_context(silent=True)
    obj = ctx.find_root().obj if ctx else None
    return obj if isinstance(obj, Config) else Config()


def _progress(items: list, label: str):
    """A progress bar on a terminal; nothing when output goes to a file or a pipe."""
    return Progress(len(items), label)


class Progress:
    """`label n/N, R/s, ETA m:ss` on a terminal's stderr line; nothing off a terminal. The
    rate and the ETA count from the first finished item, so that the workers' start-up (jieba,
    the registers) does not make the first estimate a hundred times too long."""

    def __init__(self, total: int, label: str, enabled: bool = True) -> None:
        self.total, self.label, self.done = total, label, 0
        self.on = enabled and sys.stderr.isatty() and total > 0
        self.first: float | None = None

    def __enter__(self) -> "Progress":
        return self

    def update(self, n: int = 1) -> None:
        self.done += n
        if not self.on:
            return
        now = time.perf_counter()
        if self.first is None:
            self.first = now
            line = f"{self.label} {self.done}/{self.total}"
        else:
            rate = (self.done - 1) / max(now - self.first, 1e-9)
            left = (self.total - self.done) / rate if rate else 0
            line = f"{self.label} {self.done}/{self.total}, {rate:.1f}/s, ETA {int(left // 60)}:{int(left % 60):02d}"
        click.echo(f"\r{line}\x1b[K", err=True, nl=False)

    def __exit__(self, *exc) -> None:
        if self.on:
            click.echo("", err=True)


def _registers(given: tuple[str, ...], beside: Path | None) -> list[Path]:
    """The registers a command uses: those given, else those of tei-tools.toml, else
    `register.xml` in the folder `beside` (the editions' folder) if there is one."""
    if given:
        return [Path(r) for r in given]
    if _config().registers:
        return list(_config().registers)
    default = beside / REGISTER_NAME if beside is not None else None
    return [default] if default is not None and default.is_file() else []


def _say_registers(paths: list[Path]):
    """`register: PATH, N entries` (or `register: none`) on stderr, so that a build never uses
    or drops a register silently; the loaded registers, or exit 1 for a broken one."""
    from .entities.register import load
    from .errors import ToolError

    try:
        loaded = [load(p) for p in paths]
    except ToolError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    said = "; ".join(f"{p}, {len(r.entities)} entries" + (f", {sum(map(len, r.not_names.values()))} not-names"
                                                            if r.not_names else "")
                     for p, r in zip(paths, loaded))
    click.echo(f"register: {said or 'none'}", err=True)
    return loaded


REGISTER_HELP = ("Default: the registers of tei-tools.toml, else register.xml in the editions' "
                 "folder if it exists; the one in use is said on stderr (register: PATH, N entries, "
                 "or register: none).")


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for the editions (<id>.xml).")
@click.option("--from", "reader", type=click.Choice(sorted(READERS)),
              help="Source format; default: chosen by content ('### title' first: archive; "
                   "'Title:' first: bilingual).")
@click.option("--encoding", help="Source encoding; default: detect (BOM, UTF-8, GB18030).")
@click.option("--force", is_flag=True, help="Overwrite editions that were edited by hand.")
@click.option("--publisher", help="publicationStmt/publisher of the editions (overrides tei-tools.toml).")
@click.option("--licence", "licence_url", help="URL of the editions' licence; the Creative Commons "
                                                "licences and CC0 bring their text (overrides tei-tools.toml).")
@click.option("--no-entities", is_flag=True, help="Skip name tagging.")
@click.option("--no-sentences", is_flag=True, help="Skip sentences: no <s> and no sentence alignment.")
@click.option("--register", "registers", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="A register of entities (TEI listPerson/listPlace/listOrg); repeatable. "
                   + REGISTER_HELP.replace("the editions' folder", "DIR"))
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: all cores).")
@click.option("--prune", is_flag=True, help="Remove the editions in DIR (written by tei_tools, not "
                                            "edited since) whose source is not among SOURCES.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object a source on stdout: source, "
                                                      "edition, status, messages.")
@click.option("-q", "--quiet", is_flag=True, help="Only errors: no progress, notes, warnings or summary.")
@click.option("--scheduler", metavar="ADDRESS", help="Run on an existing Dask cluster (tcp://host:8786) "
              "instead of local processes; sources and DIR must be reachable from its workers.")
def convert(sources, out_dir, reader, encoding, force, publisher, licence_url, no_entities,
            no_sentences, registers, jobs, prune, as_json, quiet, scheduler) -> None:
    """Convert source articles to TEI editions.

    SOURCES are article files (archive files of the People's Daily, or bilingual files),
    folders (every file below them, recursively, whatever its extension; hidden ones aside) and
    the archive's monthly .7z files (read in memory; messages name ARCHIVE.7z!member). A file
    that is no article is reported and skipped; the exit status is then 1.

    Example: tei-tools convert rmrb/1946年05月.7z -o editions/
    """
    from . import batch
    from .convert import KEPT, convert_in_worker, init_worker
    from .pipeline import Options
    from .sources import Refused, iter_sources

    from .config import licence
    from .errors import ToolError

    config = _config()
    # The project register lives with the editions unless named: DIR/register.xml.
    chosen = _registers(registers, Path(out_dir))
    options = Options(encoding=encoding, reader=reader, entities=not no_entities,
                      sentences=not no_sentences, registers=chosen)
    if config.paper_id:
        options.paper_id = config.paper_id
    pub = options.publication
    pub.publisher = publisher or config.publisher or pub.publisher
    pub.identifier_base = config.identifier_base
    if licence_url:  # the option's URL, with the text that URL means
        try:
            chosen_licence = licence(licence_url)
        except ToolError as exc:
            click.echo(str(exc), err=True)
            sys.exit(2)
        pub.licence_url, pub.licence_text = chosen_licence.url, chosen_licence.text
    elif config.licence_url:
        pub.licence_url, pub.licence_text = config.licence_url, config.licence_text
    if not options.entities and not quiet:
        click.echo("register: none (--no-entities: no name tagging)", err=True)
    elif options.entities and not quiet:
        _say_registers(chosen)  # a broken register is one message here, not a failure per worker
    elif options.entities:
        from .entities.register import load_all

        try:
            load_all(chosen)
        except ToolError as exc:
            click.echo(str(exc), err=True)
            sys.exit(1)
    _sweep(out_dir)
    found = list(iter_sources(sources))
    files = [s for s in found if not isinstance(s, Refused)]
    failed = 0
    for refused in (s for s in found if isinstance(s, Refused)):
        click.echo(refused.error, err=True)
        if as_json:
            click.echo(json.dumps({"source": refused.name, "edition": "", "status": "failed",
                                   "messages": [refused.error]}, ensure_ascii=False))
        failed += 1
    if not found:
        click.echo(f"no source articles found in {', '.join(sources)}", err=True)
        sys.exit(1)
    jobs = min(jobs or batch.default_jobs(), max(len(files), 1))
    start = time.perf_counter()
    counts = {"converted": 0, "up to date": 0, KEPT: 0, "failed": failed, "warnings": 0}
    written: dict[Path, str] = {}
    if scheduler:
        try:
            results = batch.run_dask(convert_in_worker, files, scheduler, init_worker,
                                     (str(Path(out_dir).resolve()), options, force))
        except ImportError:
            _fail_usage("--scheduler needs Dask: pip install 'tei_tools[dask]'")
    else:
        results = batch.run(convert_in_worker, files, jobs, init_worker, (out_dir, options, force))
    say = (lambda text: None) if quiet else (lambda text: click.echo(text, err=True))
    with Progress(len(files), "converting", enabled=not quiet) as bar:
        for result in results:
            messages = [f"{result.source}: normalised: {note}" for note in result.notes]
            messages += [f"warning: {warning}" for warning in result.warnings]
            if result.output in written and not result.error:
                result.error = (f"{result.source}: has the same text as {written[result.output]}: "
                                f"one edition, {result.output}, holds both")
            for message in messages:
                say(message)
            if result.error:
                click.echo(result.error, err=True)
            else:
                written[result.output] = result.source
            if result.kept:
                messages.append(f"{result.output}: kept (edited by hand: its seal no longer matches); "
                                "not rebuilt, --force replaces it")
                say(messages[-1])
            counts[result.status] += 1
            counts["warnings"] += len(result.warnings)
            if as_json:
                click.echo(json.dumps({"source": result.source, "edition": str(result.output or ""),
                                       "status": result.status,
                                       "messages": messages + ([result.error] if result.error else [])},
                                      ensure_ascii=False))
            bar.update()
    failed = counts["failed"]
    if prune:
        failed += _prune_editions(Path(out_dir), {str(s.name) for s in found}, say)
    seconds = time.perf_counter() - start
    rate = (counts["converted"] + counts["up to date"]) / seconds if seconds else 0.0
    if not quiet:
        kept = f"{KEPT.replace('kept', f'kept {counts[KEPT]}', 1)}, " if counts[KEPT] else ""
        click.echo(f"converted {counts['converted']}, up to date {counts['up to date']}, {kept}failed {failed}, "
                   f"warnings {counts['warnings']}, {seconds:.2f} s, {rate:.1f} articles/s", err=True)
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--tei-all", "tei_all", type=click.Path(dir_okay=False),
              help="Also validate against this RELAX NG schema (tei_all.rng) with jing.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes (each compiles the schemas once).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object a file on stdout (file, status, "
                                                      "problems) instead of the problem lines.")
def validate(paths, tei_all, jobs, as_json) -> None:
    """Validate editions (files or folders of *.xml) against the project XSD and Schematron."""
    from . import batch
    from .errors import ToolError
    from .validate import check_in_worker, init_worker, jing_problems

    files = [str(f) for f in _edition_files(paths)]
    bad: set[str] = set()
    parsed = []
    results = batch.run(check_in_worker, files, min(jobs, max(len(files), 1)), init_worker)
    with _progress(files, "validating") as bar:
        for path, problems, ok in results:
            if as_json:
                click.echo(json.dumps({"file": path, "status": "invalid" if problems else "valid",
                                       "problems": [str(p) for p in problems]}, ensure_ascii=False))
            for problem in problems if not as_json else ():
                click.echo(str(problem))
            if problems:
                bad.add(path)
            if ok:
                parsed.append(path)
            bar.update()
    if tei_all:
        try:
            problems = jing_problems(tei_all, sorted(parsed))
        except ToolError as exc:
            click.echo(str(exc), err=True)
            sys.exit(2)
        for problem in problems:
            click.echo(str(problem))
        bad.update(p.path for p in problems)
    click.echo(f"{len(files)} file(s), {len(bad)} invalid", err=True)
    sys.exit(1 if bad else 0)


def _prune_editions(out_dir: Path, sources: set[str], say) -> int:
    """Remove DIR's editions whose recorded source is not among this run's sources, naming
    each; an edition edited by hand is kept and reported. Returns the number kept that way."""
    from .prune import remove, stale_editions

    removable, edited = stale_editions(out_dir, sources)
    for edition, source in edited:
        click.echo(f"{edition}: its source {source} is gone, but it was edited by hand: kept", err=True)
    remove([edition for edition, _ in removable])
    for edition, source in removable:
        say(f"{edition}: removed (its source {source} is gone)")
    return len(edited)


def _prune(out_dir: str, files: list[Path], good: list[Path], made: list[Path], kind: str) -> None:
    """--prune for html, text, bag and saf, after the work: remove what we made in DIR for
    editions not among the inputs. What this run made says which editions those are (no
    edition is parsed again); a file that failed keeps what its name could have made."""
    from .prune import KINDS, remove, stale

    keep = {KINDS[kind](p) for p in made} | {f.stem for f in files if f not in good}
    gone = stale(Path(out_dir), keep, kind)
    remove(gone)
    for path in gone:
        click.echo(f"{path}: removed (its edition is not among the inputs)", err=True)


PRUNE = click.option("--prune", is_flag=True, help="Also remove what tei_tools made in DIR for editions "
                                                   "not among the inputs (and nothing else).")


def _one_line(exc: Exception) -> str:
    """A ToolError as it says itself; a failed read or write as `path: reason`."""
    if isinstance(exc, OSError):
        return f"{exc.filename or ''}: {exc.strerror or exc}"
    return str(exc)


def _sweep(out_dir: str | None) -> None:
    """Remove what a killed run of ours left half-written in the output folder, saying so."""
    from .atomic import sweep

    for leftover in sweep(Path(out_dir)) if out_dir else ():
        click.echo(f"{leftover}: removed (left half-written by a run that was stopped)", err=True)


def _each(files: list[Path], work) -> tuple[list[Path], int, list[Path]]:
    """Run work(file) for every file; report failures one a line; the good files, the number
    of failures, and what the work made (the paths it returned)."""
    from .errors import ToolError

    good, failed, made = [], 0, []
    for path in files:
        try:
            out = work(path)
            made.extend(out if isinstance(out, list) else [out] if isinstance(out, Path) else [])
            good.append(path)
        except ToolError as exc:
            failed += 1
            click.echo(str(exc), err=True)
        except OSError as exc:  # a read-only or full disk, an output path under a file
            failed += 1
            click.echo(f"{exc.filename or path}: {exc.strerror or exc}", err=True)
    return good, failed, made


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for <id>.html and index.html.")
@PRUNE
def html(paths, out_dir, prune) -> None:
    """Write a reading edition (HTML5, side by side, names indexed) per TEI edition, DIR/index.html
    and the corpus-wide index of names in DIR/names/ (as tei-tools index), linked from each page."""
    from .errors import ToolError
    from .names_index import write as names_index
    from .transform import html as to_html, index

    files = _edition_files(paths)
    _sweep(out_dir)
    good, failed, made = _each(files, lambda f: to_html(f, out_dir, names_index=f"{NAMES_DIR}/"))
    if prune:
        _prune(out_dir, files, good, made, "html")
    if good:
        try:
            index(good, out_dir)
            problems: list[str] = []
            corpus = _corpus(good, _registers((), good[0].parent), problems)
            names_index(corpus, Path(out_dir) / NAMES_DIR, "../")
            failed += len(problems)
        except (ToolError, OSError) as exc:
            failed += 1
            click.echo(str(exc) if isinstance(exc, ToolError) else f"{exc.filename}: {exc.strerror}", err=True)
    click.echo(f"html: {len(good)} written, {failed} failed; index of names in {Path(out_dir) / NAMES_DIR}", err=True)
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for <id>.zh.txt and <id>.en.txt.")
@click.option("--lang", type=click.Choice(["zh", "en"]), help="Only this language (default both).")
@PRUNE
def text(paths, out_dir, lang, prune) -> None:
    """Write the plain text of each language of each TEI edition."""
    from .transform import text as to_text

    files = _edition_files(paths)
    langs = (lang,) if lang else ("zh", "en")
    _sweep(out_dir)
    good, failed, made = _each(files, lambda f: to_text(f, out_dir, langs))
    if prune:
        _prune(out_dir, files, good, made, "text")
    click.echo(f"text: {len(files) - failed} written, {failed} failed", err=True)
    sys.exit(1 if failed else 0)


@main.command(name="dc")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False),
              help="Folder for <id>.dc.xml; without it, one edition's record goes to stdout.")
def dublin_core(paths, out_dir) -> None:
    """Write an OAI-PMH Dublin Core (oai_dc) record per TEI edition."""
    from . import dc
    from .safexml import parse

    files = _edition_files(paths)
    if not out_dir:
        if len(files) != 1:
            _fail_usage("several editions need -o DIR")
        _, failed, _ = _each(files, lambda f: click.echo(
            dc.to_bytes(dc.record(parse(f), str(f))).decode("utf-8"), nl=False))
        sys.exit(1 if failed else 0)
    _sweep(out_dir)
    _, failed, _ = _each(files, lambda f: dc.write(f, out_dir))
    click.echo(f"dc: {len(files) - failed} written, {failed} failed", err=True)
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False),
              help="Folder for the bags, one <id>/ per edition.")
@click.option("--sources", "source_dirs", multiple=True, type=click.Path(file_okay=False, exists=True),
              help="Where the source articles are (default: the editions' sources/ folder).")
@click.option("--organization", help="bag-info.txt Source-Organization (overrides organization.name "
                                      "of tei-tools.toml).")
@click.option("--checksums", help="Manifest algorithms, comma-separated, e.g. sha256,sha512,md5 "
                                  "(sha256 always; overrides bag.checksums).")
@click.option("--verify", is_flag=True, help="Check existing bags (PATHS are bag folders).")
@PRUNE
def bag(paths, out_dir, source_dirs, organization, checksums, verify, prune) -> None:
    """Package TEI editions as BagIt 1.0 bags (Archivematica transfer layout), or --verify bags.

    bag-info.txt takes organisation, address, contact and group from tei-tools.toml.
    """
    from . import bag as bags
    from .errors import ToolError

    if verify:
        bad = 0
        for path in paths:
            problems = bags.verify(path)
            for problem in problems:
                click.echo(problem)
            bad += bool(problems)
        click.echo(f"{len(paths)} bag(s), {bad} invalid", err=True)
        sys.exit(1 if bad else 0)
    if not out_dir:
        _fail_usage("bag needs -o DIR (or --verify)")
    config = _config()
    who = bags.BagInfo(organization or config.organization, config.address, config.contact_name,
                       config.contact_email, config.bag_group,
                       [c.strip() for c in checksums.split(",") if c.strip()] if checksums else config.checksums)
    try:
        bags.algorithms(who.checksums)
    except ToolError as exc:
        _fail_usage(exc.message)
    files = _edition_files(paths)
    _sweep(out_dir)
    good, failed, made = _each(files, lambda f: bags.make(f, out_dir, [Path(d) for d in source_dirs], who))
    if prune:
        _prune(out_dir, files, good, made, "bag")
    click.echo(f"bag: {len(files) - failed} written, {failed} failed", err=True)
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for the items, one <id>/ per edition.")
@click.option("--sources", "source_dirs", multiple=True, type=click.Path(file_okay=False, exists=True),
              help="Where the source articles are (default: the editions' sources/ folder).")
@PRUNE
def saf(paths, out_dir, source_dirs, prune) -> None:
    """Write DSpace Simple Archive Format items (dublin_core.xml, contents, the files).

    Import with: dspace import --add --collection HANDLE --source DIR --mapfile map.txt
    """
    from . import saf as items

    files = _edition_files(paths)
    _sweep(out_dir)
    good, failed, made = _each(files, lambda f: items.make(f, out_dir, [Path(d) for d in source_dirs]))
    if prune:
        _prune(out_dir, files, good, made, "saf")
    click.echo(f"saf: {len(files) - failed} written, {failed} failed", err=True)
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("pairs", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
def score(pairs) -> None:
    """Precision, recall and F1 of editions' names against gold TSV files.

    PAIRS are EDITION GOLD [EDITION GOLD ...]; with several pairs, a line per pair and the
    micro-averaged table of all of them.

    Example: tei-tools score editions/rmrb-19570130-02-….xml tests/gold/000_8ab13afc5602f97b.tsv
    """
    from .scoring import score_files, score_many
    from .errors import ToolError

    if len(pairs) % 2:
        _fail_usage("score takes pairs: EDITION GOLD [EDITION GOLD ...]")
    try:
        if len(pairs) == 2:
            click.echo(score_files(*pairs).report())
            return
        for edition, gold in zip(pairs[::2], pairs[1::2]):
            s = score_files(edition, gold)
            click.echo(f"{gold}: zh F1 {s.prf('zh-Hans')[2]:.3f}, en F1 {s.prf('en')[2]:.3f}, "
                       f"linked {s.linked}/{s.bilingual}, coverage {s.coverage():.3f}")
        click.echo(score_many(list(zip(pairs[::2], pairs[1::2]))).report())
    except ToolError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object an edition on stdout (path, "
                                                      "edition, sentences, links, findings).")
def qa(paths, as_json) -> None:
    """Sentence checks a translator can act on, per edition: sentences without counterpart, far-off
    length ratios, numbers or dates on one side only or different, names on one side only.

    A line a finding, FILE:LINE: EDITION#SENTENCE-IDS: KIND: MESSAGE; a summary on stderr. Findings
    are prompts, not errors: the exit status is 0 unless a file cannot be read.

    Example: tei-tools qa editions/
    """
    from .errors import ToolError
    from .qa import check, summary

    reports, failed = [], 0
    for path in _edition_files(paths):
        try:
            report = check(path)
        except ToolError as exc:
            click.echo(str(exc), err=True)
            failed += 1
            continue
        reports.append(report)
        if as_json:
            click.echo(json.dumps(report.as_dict(), ensure_ascii=False))
        else:
            for line in report.lines():
                click.echo(line)
    click.echo(summary(reports) + (f", {failed} unreadable" if failed else ""), err=True)
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--register", "registers", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="The register(s) to compare against; repeatable. " + REGISTER_HELP)
@click.option("--json", "as_json", is_flag=True, help="One JSON object a candidate on stdout: count, "
                                                      "kind, id, names, context.")
def entities(paths, registers, as_json) -> None:
    """List names the tagger found that the register lacks, with counts and contexts."""
    from dataclasses import asdict

    from .candidates import candidates
    from .errors import ToolError

    problems: list[str] = []

    def failed(message: str) -> None:
        problems.append(message)
        click.echo(message, err=True)

    first = Path(paths[0])
    beside = first if first.is_dir() else first.parent
    if beside.name == "sources" and not (beside / REGISTER_NAME).is_file():
        beside = beside.parent  # editions/sources/: the editions' register is editions/register.xml
    chosen = _registers(registers, beside)
    _say_registers(chosen)
    try:
        rows = candidates(list(paths), chosen, failed)
    except ToolError as exc:  # a broken register
        click.echo(str(exc), err=True)
        sys.exit(1)
    for row in rows:
        click.echo(json.dumps(asdict(row), ensure_ascii=False) if as_json else row.line())
    click.echo(f"{len(rows)} candidate(s) not in the register, {len(problems)} file(s) failed", err=True)
    sys.exit(1 if problems else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--register", "register_path", type=click.Path(dir_okay=False),
              help="The register to write the corrections to (made if missing). " + REGISTER_HELP)
@click.option("--sources", "source_dirs", multiple=True, type=click.Path(file_okay=False, exists=True),
              help="Where the source articles are (default: the editions' sources/ folder).")
def corrections(paths, register_path, source_dirs) -> None:
    """Carry what an editor changed in the names of hand-edited editions into the register.

    Each hand-edited edition's source is rebuilt in memory with the registers in use and its
    names compared: mentions added, removed, retyped, re-linked, entries renamed. Each change
    goes to the register (entries, and the not-names list), so that convert --force makes the
    same edition again and other editions gain from it. One line a change on stdout.

    Example: tei-tools corrections editions/ && tei-tools convert editions/sources -o editions --force
    """
    from .corrections import TEXT_EDITED, apply, changes
    from .entities.register import load, load_all
    from .errors import UNFORESEEN, ToolError
    from .pipeline import Options
    from .register_file import RegisterFile
    from .seal import is_untouched

    files = _edition_files(paths)
    beside = files[0].parent if files else Path(".")
    in_use = _registers((), beside)
    target = Path(register_path) if register_path else (in_use[-1] if in_use else beside / REGISTER_NAME)
    in_use = in_use + [target] if target.is_file() and target not in in_use else in_use
    _say_registers(in_use)
    options = Options(registers=in_use)
    if _config().paper_id:
        options.paper_id = _config().paper_id
    try:
        register, known = RegisterFile(target), load_all(in_use).entities
    except ToolError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    failed = edited = statements = count = 0
    for path in files:
        try:
            if is_untouched(path.read_bytes()):
                continue
            found, entries = changes(path, options, [Path(d) for d in source_dirs])
        except ToolError as exc:
            failed += 1
            click.echo(str(exc), err=True)
            continue
        except (OSError, *UNFORESEEN) as exc:
            failed += 1
            click.echo(f"{path}: cannot read ({type(exc).__name__}: {exc})", err=True)
            continue
        edited += 1
        count += sum(change.what != TEXT_EDITED for change in found)
        for change in found:
            click.echo(change.line())
        statements += apply(register, found, entries, known)
    if statements:
        register.save()
        load(target)  # what was written reads back
    click.echo(f"corrections: {count} change(s) in {edited} hand-edited edition(s), {statements} "
               f"written to {target}, {failed} failed", err=True)
    sys.exit(1 if failed else 0)


@main.group()
def register() -> None:
    """Build a corpus register from editions; export it to CSV and import it back."""


@register.command(name="build")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--output", "out", required=True, type=click.Path(dir_okay=False),
              help="The register to write (its curated entries stay as they are; made if missing).")
@click.option("--register", "registers", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Further registers whose entries count as curated; repeatable. " + REGISTER_HELP)
def register_build(paths, out, registers) -> None:
    """Merge the machine-made entries of many editions into one register.

    One entity a kind and full name, under all the forms the editions write it in, with a
    count and a first context; ids made from the content, so a rebuild gives the same ids.
    Curated entries (without resp) of the register are left as they are.

    Example: tei-tools register build editions/ -o editions/register.xml
    """
    from .errors import ToolError
    from .register_build import build

    files = _edition_files(paths)
    others = [r for r in _registers(registers, files[0].parent if files else None)
              if Path(r).resolve() != Path(out).resolve()]
    _say_registers(others + ([Path(out)] if Path(out).is_file() else []))
    start = time.perf_counter()
    problems: list[str] = []

    def failed(message: str) -> None:
        problems.append(message)
        click.echo(message, err=True)

    try:
        report = build(files, Path(out), others, failed)
    except (ToolError, OSError) as exc:
        click.echo(_one_line(exc), err=True)
        sys.exit(1)
    click.echo(f"register build: {report.editions} editions, {report.machine_entries} machine-made entries "
               f"merged into {report.merged}, {report.curated} curated kept, {report.failed} failed, "
               f"{time.perf_counter() - start:.2f} s, {out}", err=True)
    sys.exit(1 if problems else 0)


@register.command(name="export")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--csv", "as_csv", is_flag=True, default=True, help="As CSV (the only format; the default).")
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False), help="The table to write (default: stdout).")
def register_export(path, as_csv, out) -> None:
    """Write a register as a CSV table for a spreadsheet or OpenRefine.

    Columns: id, kind, chinese, english, pinyin, wikidata, cbdb, geonames, viaf, note,
    not_a_name, mentions; several names are joined by ' | '.
    """
    from .atomic import write_atomic
    from .errors import ToolError
    from .register_csv import export

    try:
        table = export(path)
        if out:
            write_atomic(Path(out), table.encode("utf-8"))
    except (ToolError, OSError) as exc:
        click.echo(_one_line(exc), err=True)
        sys.exit(1)
    if not out:
        click.echo(table, nl=False)


@register.command(name="import")
@click.argument("table", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", "out", required=True, type=click.Path(dir_okay=False),
              help="The register to change (made if missing).")
def register_import(table, out) -> None:
    """Apply an edited CSV table (as register export writes it) to a register.

    An edited row becomes a curated entry; not_a_name=yes moves its names to the not-names
    list; a row without id is a new entry. Entries without a row stay. A bad row is
    TABLE:LINE: what is wrong, and nothing is written.
    """
    from .entities.register import load
    from .errors import ToolError
    from .register_csv import import_table

    try:
        counts = import_table(table, out)
        load(out)
    except (ToolError, OSError) as exc:
        click.echo(_one_line(exc), err=True)
        sys.exit(1)
    click.echo(f"register import: {counts['changed']} changed, {counts['added']} added, "
               f"{counts['not-names']} not-names, {out}", err=True)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for persons.html, places.html, orgs.html and names.csv.")
@click.option("--register", "registers", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Registers whose entries the editions' entries are merged into; repeatable. " + REGISTER_HELP)
@click.option("--editions-url", default="../", show_default=True,
              help="Where the reading editions (<id>.html) are, relative to DIR.")
def index(paths, out_dir, registers, editions_url) -> None:
    """Write the corpus-wide index of names: a page per kind and a CSV of every mention."""
    from .errors import ToolError
    from .names_index import write

    files = _edition_files(paths)
    chosen = _registers(registers, files[0].parent if files else None)
    _say_registers(chosen)
    problems: list[str] = []
    try:
        corpus = _corpus(files, chosen, problems)
        written = write(corpus, out_dir, editions_url)
    except (ToolError, OSError) as exc:
        click.echo(_one_line(exc), err=True)
        sys.exit(1)
    entities = [c for c in corpus.entities.values() if c.occurrences]
    click.echo(f"index: {len(entities)} names, {sum(len(c.occurrences) for c in entities)} mentions in "
               f"{len(files) - len(problems)} editions, {len(written)} files in {out_dir}", err=True)
    sys.exit(1 if problems else 0)


def _corpus(files: list[Path], registers: list[Path], problems: list[str]):
    """The corpus of names of the editions, merged with the registers' entries."""
    from .entities.register import load_all
    from .register_build import gather

    def failed(message: str) -> None:
        problems.append(message)
        click.echo(message, err=True)

    return gather(files, load_all(registers).entities, failed)[0]


def run(args: list[str] | None = None) -> None:
    """The console script: `main`, but Ctrl-C exits 130 (as shells and make expect), so that a
    script can tell an interruption from bad input (1) and a usage error (2)."""
    try:
        code = main.main(args=args, prog_name="tei-tools", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("tei-tools: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":  # pragma: no cover
    run()
