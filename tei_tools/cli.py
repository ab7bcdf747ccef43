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


def summary(command: str, **counts) -> str:
    """The one summary line every command ends with, on stderr: `command: word N, word N, …`
    (underscores in the keywords are spaces; a float is seconds)."""
    parts = [f"{value:.2f} s" if isinstance(value, float) else f"{key.replace('_', ' ')} {value}"
             for key, value in counts.items()]
    return f"{command}: {', '.join(parts)}"


def _say_summary(command: str, **counts) -> None:
    click.echo(summary(command, **counts), err=True)


JOBS = click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
                    help="Worker processes (default: all cores).")
QUIET = click.option("-q", "--quiet", is_flag=True, help="Only errors and the summary line.")
VERBOSE = click.option("-v", "--verbose", is_flag=True, help="Also a line for every file that is fine.")


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
            _fail_usage(f"{p}: no such file or folder")
    return files


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tei-tools")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="Configuration file (default: ./tei-tools.toml if there is one). Its settings "
                   "(publisher, licence, organisation, contact, registers, identifier base, paper "
                   "id) apply to every command; command-line options override them.")
@click.pass_context
def main(ctx: click.Context, config_path: str | None) -> None:
    """Turn People's Daily articles into TEI P5 editions, validate, render and package them.

    Every command takes files or folders (a folder means its *.txt sources or *.xml editions;
    register.xml beside editions is not an edition). Messages go to stderr, one a line, the
    path as given first: `file:line: message` (`file:line:col:` for validation); results
    (JSON, records, scores, candidates) go to stdout; the last line is a summary,
    `command: word N, word N, …`. Exit status: 0 all good, 1 something invalid or failed,
    2 usage error, 130 interrupted. Settings come from tei-tools.toml (or --config FILE);
    options override them.

    \b
    Examples:
      tei-tools convert editions/sources -o editions && tei-tools validate editions
      tei-tools COMMAND --help
    """
    from .config import load
    from .errors import ToolError

    if config_path is not None and not Path(config_path).is_file():
        _fail_usage(f"{config_path}: no such configuration file")
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
@JOBS
@click.option("--prune", is_flag=True, help="Remove the editions in DIR (written by tei_tools, not "
                                            "edited since) whose source is not among SOURCES.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object a source on stdout: source, "
                                                      "edition, status, messages.")
@click.option("-q", "--quiet", is_flag=True, help="Only errors: no progress, notes, warnings or summary.")
@VERBOSE
@click.option("--scheduler", metavar="ADDRESS", help="Run on an existing Dask cluster (tcp://host:8786) "
              "instead of local processes (pip install 'tei_tools[dask]'); sources and DIR must be reachable from its workers.")
def convert(sources, out_dir, reader, encoding, force, publisher, licence_url, no_entities,
            no_sentences, registers, jobs, prune, as_json, quiet, verbose, scheduler) -> None:
    """Convert source articles into TEI editions, DIR/<id>.xml.

    SOURCES are article files (archive files of the People's Daily, or bilingual files, told
    apart by content), folders (every file below them, recursively, whatever its extension;
    hidden ones aside) and the archive's monthly .7z files (read in memory, nothing unpacked;
    messages name ARCHIVE.7z!member). A file that is no article (an edition given by mistake,
    say) is named as such and skipped; the exit status is then 1.

    Incremental: an edition whose seal records this source's SHA-256 and this run's build key
    (tool version, options, the registers' bytes), newer than the tool's own files, is up to
    date and not rebuilt (--force rebuilds). A hand-edited edition is never overwritten without
    --force: it is kept and said (status "kept (edited by hand)"); nor is one article's edition
    overwritten by another's (two sources with the same text give one edition; the second is
    reported). The register in use is said on stderr (register: PATH, N entries / none).

    A progress line (n/N, rate, ETA) on a terminal; the last line is the summary
    `convert: converted N, up to date U, [kept K, ]failed M, warnings W, S s, R articles/s`.

    \b
    Examples:
      tei-tools convert editions/sources -o editions
      tei-tools convert rmrb/1946年05月.7z -o editions/ -j 2 --prune
      tei-tools convert article.txt -o out --json --no-entities
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
        click.echo(f"{', '.join(sources)}: no source articles found", err=True)
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
            messages += result.warnings  # each already `path:line: warning: …`
            if result.output in written and not result.error:
                result.error = (f"{result.source}: has the same text as {written[result.output]}: "
                                f"one edition, {result.output}, holds both")
            for message in messages:
                say(message)
            if result.error:
                click.echo(result.error, err=True)
            else:
                written[result.output] = result.source
                if verbose:
                    say(f"{result.source}: {result.status}: {result.output}")
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
        kept = {"kept": counts[KEPT]} if counts[KEPT] else {}
        click.echo(summary("convert", converted=counts["converted"], up_to_date=counts["up to date"],
                           **kept, failed=failed, warnings=counts["warnings"], seconds=seconds)
                   + f", {rate:.1f} articles/s", err=True)
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--tei-all", "tei_all", type=click.Path(dir_okay=False),
              help="Also validate against this RELAX NG schema (tei_all.rng) with jing.")
@JOBS
@click.option("--json", "as_json", is_flag=True, help="One JSON object a file on stdout (file, status, "
                                                      "problems) instead of the problem lines.")
@QUIET
@VERBOSE
def validate(paths, tei_all, jobs, as_json, quiet, verbose) -> None:
    """Validate editions against the project XSD and Schematron (and tei_all).

    PATHS are editions or folders of them (their *.xml; register.xml is not an edition). Each
    problem is a line `file:line:col: schema|schematron|tei_all: message` on stderr. With
    --tei-all, also TEI P5 tei_all.rng through jing, all files in one call; without it the
    summary says `tei_all: skipped (…)`. A source article given here is named as such.

    \b
    Examples:
      tei-tools validate editions
      tei-tools validate editions --tei-all schema/tei_all.rng -j 2
      tei-tools validate edition.xml --json
    """
    from . import batch
    from .errors import ToolError
    from .validate import check_in_worker, init_worker, jing_problems, skip_reason

    files = [str(f) for f in _edition_files(paths)]
    bad: set[str] = set()
    parsed = []
    results = batch.run(check_in_worker, files, min(jobs or batch.default_jobs(), max(len(files), 1)),
                        init_worker)
    start = time.perf_counter()
    with _progress(files, "validating") as bar:
        for path, problems, ok in results:
            if as_json:
                click.echo(json.dumps({"file": path, "status": "invalid" if problems else "valid",
                                       "problems": [str(p) for p in problems]}, ensure_ascii=False))
            for problem in problems if not (as_json or quiet) else ():
                click.echo(str(problem), err=True)
            if verbose and not problems:
                click.echo(f"{path}: valid", err=True)
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
        for problem in problems if not quiet else ():
            click.echo(str(problem), err=True)
        bad.update(p.path for p in problems)
    else:
        click.echo(f"tei_all: skipped ({skip_reason()})", err=True)
    _say_summary("validate", checked=len(files), valid=len(files) - len(bad), invalid=len(bad),
                 seconds=time.perf_counter() - start)
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


def _one_line(exc: Exception, where: str | Path = "") -> str:
    """A ToolError as it says itself; a failed read or write as `path: reason` (`where` when
    the error names no file)."""
    if isinstance(exc, OSError):
        return f"{exc.filename or where}: {exc.strerror or exc}"
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
        except (ToolError, OSError) as exc:  # OSError: a read-only or full disk, an output path under a file
            failed += 1
            click.echo(_one_line(exc, path), err=True)
    return good, failed, made


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for <id>.html and index.html.")
@PRUNE
def html(paths, out_dir, prune) -> None:
    """Write a reading edition per TEI edition, and the corpus site.

    One self-contained HTML5 page per edition, DIR/<id>.html (side by side, names indexed,
    previous/next by date, paragraph permalinks, a legend of name kinds with toggles), plus
    DIR/index.html (every edition: titles in both languages, authors, date, page and kind,
    sortable and filterable) and DIR/search.html with its index DIR/search.js (full-text
    search of the corpus in both languages, offline: the index is a script) and the
    corpus-wide index of names in DIR/names/ (as tei-tools index), linked from each page. A page
    of that name that tei_tools did not write (no <meta name="generator" content="tei_tools">
    near its start) is left alone and reported (exit 1).

    \b
    Examples:
      tei-tools html editions -o build/html --prune
      xsltproc tei_tools/xslt/html.xsl edition.xml > edition.html   (the same page, one file)
    """
    from .errors import ToolError
    from .names_index import write as names_index
    from .transform import corpus as corpus_facts, html as to_html, index, site_links

    files = _edition_files(paths)
    _sweep(out_dir)
    known = corpus_facts(files)
    links = site_links(known)
    good, failed, made = _each(files, lambda f: to_html(f, out_dir, links={**links.get(f, {}), "names-index": f"{NAMES_DIR}/"}))
    if prune:
        _prune(out_dir, files, good, made, "html")
    if good:
        try:
            index([f for f in known if f.path in set(good)], out_dir, names=f"{NAMES_DIR}/persons.html")
            problems: list[str] = []
            corpus = _corpus(good, _registers((), good[0].parent), problems)
            names_index(corpus, Path(out_dir) / NAMES_DIR, "../")
            failed += len(problems)
        except (ToolError, OSError) as exc:
            failed += 1
            click.echo(_one_line(exc), err=True)
    click.echo(f"index of names: {Path(out_dir) / NAMES_DIR}", err=True)
    _say_summary("html", written=len(good), failed=failed)
    sys.exit(1 if failed else 0)


LANG_SUFFIX = {"zh-Hans": "zh", "zh": "zh", "en": "en"}  # --lang: the file name's suffix


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for <id>.zh.txt and <id>.en.txt.")
@click.option("--lang", type=click.Choice(["zh-Hans", "en", "zh"]),
              help="Only this language: zh-Hans or en (zh: an alias of zh-Hans). Default: both.")
@PRUNE
def text(paths, out_dir, lang, prune) -> None:
    """Write the plain text of each language of each TEI edition.

    DIR/<id>.zh.txt and DIR/<id>.en.txt: title, byline, headings and paragraphs, a line each,
    a blank line between blocks (a Chinese-only edition has no English text to write).

    \b
    Examples:
      tei-tools text editions -o build/text --prune
      tei-tools text edition.xml -o out --lang zh-Hans
    """
    from .transform import text as to_text

    files = _edition_files(paths)
    langs = (LANG_SUFFIX[lang],) if lang else ("zh", "en")
    _sweep(out_dir)
    good, failed, made = _each(files, lambda f: to_text(f, out_dir, langs))
    if prune:
        _prune(out_dir, files, good, made, "text")
    _say_summary("text", written=len(files) - failed, failed=failed)
    sys.exit(1 if failed else 0)


@main.command(name="dc")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False),
              help="Folder for <id>.dc.xml; without it, one edition's record goes to stdout.")
def dublin_core(paths, out_dir) -> None:
    """Write an OAI-PMH Dublin Core (oai_dc) record per TEI edition.

    DIR/<id>.dc.xml (named by the edition id, never by the record's identifier); one edition
    without -o goes to standard output.

    \b
    Examples:
      tei-tools dc editions -o build/dc
      tei-tools dc edition.xml > record.xml
    """
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
    _say_summary("dc", written=len(files) - failed, failed=failed)
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

    One bag per edition, DIR/<id>/, valid against the project's BagIt profile: the TEI, its
    schema, HTML, texts, Dublin Core and the source (checked against the edition's SHA-256).
    bag-info.txt takes organisation, address, contact and group from tei-tools.toml. A bag
    replaces only an empty folder or its own earlier bag. --verify: a changed, missing or
    extra file is named, exit 1.

    \b
    Examples:
      tei-tools bag editions -o build/bags --organization "Example Library"
      tei-tools bag --verify build/bags/*/
    """
    from . import bag as bags
    from .errors import ToolError

    if verify:
        bad = 0
        for path in paths:
            problems = bags.verify(path)
            for problem in problems:
                click.echo(problem, err=True)
            bad += bool(problems)
        _say_summary("bag", checked=len(paths), valid=len(paths) - bad, invalid=bad)
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
    _say_summary("bag", written=len(files) - failed, failed=failed)
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

    One item per edition, DIR/<id>/: the TEI (primary), the HTML, the texts and the source,
    with dublin_core.xml in DSpace's default qualified registry.

    \b
    Examples:
      tei-tools saf editions -o build/saf
      dspace import --add --collection HANDLE --source build/saf --mapfile map.txt
    """
    from . import saf as items

    files = _edition_files(paths)
    _sweep(out_dir)
    good, failed, made = _each(files, lambda f: items.make(f, out_dir, [Path(d) for d in source_dirs]))
    if prune:
        _prune(out_dir, files, good, made, "saf")
    _say_summary("saf", written=len(files) - failed, failed=failed)
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("pairs", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
def score(pairs) -> None:
    """Precision, recall and F1 of editions' names against gold TSV files.

    PAIRS are EDITION GOLD [EDITION GOLD ...]: precision, recall and F1 per type and
    language, the share of entities linked across languages and the coverage (gold mentions
    tagged as any name). With several pairs, a line per pair and the micro-averaged table.

    \b
    Examples:
      tei-tools score editions/rmrb-19570130-02-….xml tests/gold/000_8ab13afc5602f97b.tsv
      make scores
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

    A line a finding on stdout, FILE:LINE: EDITION#SENTENCE-IDS: KIND: MESSAGE (KIND: unaligned,
    length, numbers, names); the last line, on stderr, is the summary `qa: editions N, sentences N,
    sentence links N, findings N, unaligned N, length N, numbers N, names N`. Findings are prompts,
    not errors: the exit status is 0 unless a file cannot be read.

    Examples:
      tei-tools qa editions
      tei-tools qa edition.xml --json
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
    click.echo(summary(reports, failed), err=True)
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--register", "registers", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="The register(s) to compare against; repeatable. " + REGISTER_HELP)
@click.option("--json", "as_json", is_flag=True, help="One JSON object a candidate on stdout: count, "
                                                      "kind, id, names, context.")
def entities(paths, registers, as_json) -> None:
    """List names the tagger found that the register lacks, with counts and contexts.

    PATHS are sources (found as convert finds them: folders recursively, .7z) or *.xml
    editions. A line per candidate: count, kind, id, names, a context; what an editor should
    curate next. A file that cannot be read is one line and the rest go on (exit 1). Register:
    as convert's, with the first path's folder as DIR (its parent for a sources/ folder:
    editions/sources/ uses editions/register.xml); said on stderr.

    \b
    Examples:
      tei-tools entities editions --register editions/register.xml
      tei-tools entities rmrb/1946年05月.7z --json > candidates.jsonl
    """
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
    _say_summary("entities", candidates=len(rows), failed=len(problems))
    sys.exit(1 if problems else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--register", "register_path", type=click.Path(dir_okay=False),
              help="The register to write the corrections to (made if missing). " + REGISTER_HELP)
@click.option("--sources", "source_dirs", multiple=True, type=click.Path(file_okay=False, exists=True),
              help="Where the source articles are (default: the editions' sources/ folder).")
def corrections(paths, register_path, source_dirs) -> None:
    """Carry what an editor changed in the names of hand-edited editions into the register.

    Each hand-edited edition's recorded source (found in --sources, else the editions'
    sources/ folder) is rebuilt in memory with the registers in use and compared unit by unit.
    A mention added, re-linked or retyped to a kind makes its text a name of the entry its @ref
    points at (that entry, with the editor's names, becomes a curated register entry); a
    mention removed, or retyped away from a kind, becomes <item type="KIND"> of the register's
    not-names list; an entry renamed in the standOff gives the register entry the editor's
    names. One line a change on stdout (EDITION#UNIT: added org '夜校' -> org-night-school); a
    unit whose text the editor changed is named and its names are not compared (--force
    rebuilds the text from the source).
    Then convert --force makes the corrected edition from the source, and every other edition
    gains from the correction.

    \b
    Example:
      tei-tools corrections editions/ && tei-tools convert editions/sources -o editions --force
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
    _say_summary("corrections", changes=count, hand_edited=edited, written=statements, failed=failed)
    sys.exit(1 if failed else 0)


@main.group()
def register() -> None:
    """Build a corpus register from editions; export it to CSV and import it back.

    \b
    Example:
      tei-tools register build editions -o editions/register.xml && tei-tools register export editions/register.xml
    """


@register.command(name="build")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--output", "out", required=True, type=click.Path(dir_okay=False),
              help="The register to write (its curated entries stay as they are; made if missing).")
@click.option("--register", "registers", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Further registers whose entries count as curated; repeatable. " + REGISTER_HELP)
def register_build(paths, out, registers) -> None:
    """Merge the machine-made entries of many editions into one register.

    The machine-made entries (resp="#tei-tools") of the editions become one entity a kind and
    full name (its longest Chinese name; the English one for an English-only entry), under all
    the full names the editions give it (short forms such as 工业部 are left to the tagger),
    with <note type="count" n="N"> and the first context (<note type="context"
    target="EDITION.xml#UNIT">). A machine-made entry whose full name a curated entry of its
    kind has is that entry. Curated entries of REGISTER (no @resp) are left exactly as they
    are; machine-made ones are made again each build (authority ids kept). Ids come from
    content alone, KIND-ROMANISED-NAME-DIGEST (6 hex digits of kind and full name:
    pers-wang-yongfu-1b2c3d), so a rebuild, another order or another shard gives the same
    ids, and 王永福 and 汪永福, both Wang Yongfu, get two.

    \b
    Example:
      tei-tools register build editions/ -o editions/register.xml
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
    _say_summary("register build", editions=report.editions, machine_made=report.machine_entries,
                 entities=report.merged, curated_kept=report.curated, failed=report.failed,
                 seconds=time.perf_counter() - start)
    sys.exit(1 if problems else 0)


@register.command(name="export")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--csv", "as_csv", is_flag=True, default=True, help="As CSV (the only format; the default).")
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False), help="The table to write (default: stdout).")
def register_export(path, as_csv, out) -> None:
    """Write a register as a CSV table for a spreadsheet or OpenRefine.

    UTF-8, on stdout without -o. Columns: id, kind, chinese, english, pinyin, wikidata, cbdb,
    geonames, viaf, note, not_a_name, mentions; several names are joined by ' | '. One row an
    entry, then one a not-names item (not_a_name = yes).

    \b
    Example:
      tei-tools register export editions/register.xml --csv -o names.csv
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

    A row that differs from its entry makes it a curated entry (its @resp goes, so register
    build leaves it alone) with the row's names, pinyin (xml:lang="zh-Latn-pinyin", only if it
    differs from the computed one), authority ids (<idno type="wikidata">Q58014</idno>) and
    note; not_a_name = yes moves its names to the not-names list (typed by its kind) and drops
    the entry; a row without id is a new curated entry with an id made as register build makes
    them. Entries without a row stay. Every row is checked first: a bad kind, an id that is no
    xml:id, a row without names is TABLE:LINE: what is wrong, exit 1, nothing written.

    \b
    Example:
      tei-tools register import names.csv -o editions/register.xml
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
    _say_summary("register import", changed=counts["changed"], added=counts["added"],
                 not_names=counts["not-names"])


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for persons.html, places.html, orgs.html and names.csv.")
@click.option("--register", "registers", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Registers whose entries the editions' entries are merged into; repeatable. " + REGISTER_HELP)
@click.option("--editions-url", default="../", show_default=True,
              help="Where the reading editions (<id>.html) are, relative to DIR.")
def index(paths, out_dir, registers, editions_url) -> None:
    """Write the corpus-wide index of names: a page per kind and a CSV of every mention.

    DIR/persons.html, places.html, orgs.html: each name in both scripts, its authority links,
    the count, and every edition and unit that mentions it with 16 characters of context
    either side and a link to the unit in the reading edition (URL<id>.html#<unit>); and
    DIR/names.csv, one row a mention: kind, id, names, authority ids, edition, unit, language,
    mention, context, link. Editions' entries are merged as register build merges them, into
    the registers' entries. tei-tools html writes it into DIR/names/.

    \b
    Example:
      tei-tools index editions -o build/names --editions-url ../
    """
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
    _say_summary("index", names=len(entities), mentions=sum(len(c.occurrences) for c in entities),
                 editions=len(files) - len(problems), files=len(written))
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
