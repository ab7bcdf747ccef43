"""The configuration file, `tei-tools.toml`: the facts every command would otherwise need as
options (publisher, licence, organisation and contact, registers, identifier base URL, paper id).

Read from the working folder or from `--config FILE`; command-line options override it. An
unknown key is an error naming it, so a misspelt setting never silently does nothing.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import ToolError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

FILE_NAME = "tei-tools.toml"
MAX_BYTES = 1 << 20

# The keys a configuration may hold; tables as "table.key". The README's example shows each.
KEYS = ("publisher", "paper_id", "identifier_base", "registers", "licence.url", "licence.text",
        "organization.name", "organization.address", "contact.name", "contact.email", "bag.group",
        "bag.checksums")


@dataclass
class Licence:
    url: str
    text: str


@dataclass
class Config:
    """What the configuration says; every field has the default a command uses without one."""

    path: Path | None = None
    publisher: str = ""
    paper_id: str = ""
    identifier_base: str = ""
    registers: list[Path] = field(default_factory=list)
    licence_url: str = ""
    licence_text: str = ""
    organization: str = ""
    address: str = ""
    contact_name: str = ""
    contact_email: str = ""
    bag_group: str = ""
    checksums: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def known_licences() -> dict[str, tuple[str, str]]:
    """URL -> (short name, sentence), from data/licences.tsv."""
    out = {}
    text = resources.files("tei_tools").joinpath("data/licences.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            url, name, sentence = line.split("\t")
            out[url] = (name, sentence)
    return out


def licence(url: str, text: str = "", where: str = "--licence") -> Licence:
    """The licence for a URL: the known text for a known URL (one with or without `https`, a
    trailing slash or `legalcode` is the same licence); a given text wins; an unknown URL
    without a text is an error, so that no edition names one licence and quotes another."""
    known = known_licences()
    key = url.strip().replace("http://", "https://").removesuffix("legalcode").rstrip("/") + "/"
    if text:
        return Licence(url, text)
    if key in known:
        return Licence(key, known[key][1])
    raise ToolError(where, None, f"unknown licence URL {url!r}: give its text too (licence.text in "
                    f"{FILE_NAME}); known: {', '.join(sorted(known))}")


def load(path: str | Path | None = None) -> Config:
    """The configuration named, or ./tei-tools.toml if there is one, or the defaults."""
    if path is None:
        default = Path(FILE_NAME)
        if not default.is_file():
            return Config()
        path = default
    path = Path(path)
    from .paths import read_regular

    data = read_regular(path, MAX_BYTES)
    try:
        table = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        where = re.search(r"\s*\(at line (\d+), column \d+\)", str(exc))  # tomllib says it so
        reason = str(exc).replace(where.group(), "") if where else str(exc)
        raise ToolError(str(path), int(where.group(1)) if where else None, f"not a TOML file: {reason}") from None
    flat = _flatten(table, path)
    config = Config(path=path)
    get = lambda key, kind=str: _typed(flat, key, kind, path)  # noqa: E731
    config.publisher = get("publisher")
    config.paper_id = get("paper_id")
    config.identifier_base = get("identifier_base")
    config.registers = [(path.parent / p) for p in get("registers", list)]
    config.licence_url, config.licence_text = get("licence.url"), get("licence.text")
    if config.licence_url:
        chosen = licence(config.licence_url, config.licence_text, f"{path}: licence.url")
        config.licence_url, config.licence_text = chosen.url, chosen.text
    elif config.licence_text:
        raise ToolError(str(path), None, "licence.text needs licence.url")
    config.organization, config.address = get("organization.name"), get("organization.address")
    config.contact_name, config.contact_email = get("contact.name"), get("contact.email")
    config.bag_group = get("bag.group")
    config.checksums = get("bag.checksums", list)
    return config


def _flatten(table: dict, path: Path, prefix: str = "") -> dict[str, object]:
    out = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flatten(value, path, name + "."))
        elif name in KEYS:
            out[name] = value
        else:
            raise ToolError(str(path), None, f"unknown key {name!r} (known: {', '.join(KEYS)})")
    return out


def _typed(flat: dict, key: str, kind: type, path: Path):
    value = flat.get(key, kind())
    if not isinstance(value, kind) or (kind is list and not all(isinstance(v, str) for v in value)):
        raise ToolError(str(path), None, f"{key} must be a {'list of strings' if kind is list else 'string'}")
    return value
