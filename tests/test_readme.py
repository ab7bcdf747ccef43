"""The README's command reference is every command's --help, generated; they must not drift."""
from __future__ import annotations

from conftest import ROOT

from tei_tools import readme
from tei_tools.cli import main


def test_readme_command_reference_is_generated_from_help():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.rewrite(text) == text, (
        "README.md's command reference differs from --help: run `python -m tei_tools.readme`")


def test_every_command_is_in_the_reference_with_an_example():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    reference = text.split(readme.BEGIN)[1].split(readme.END)[0]
    for name, command in main.commands.items():
        assert f"#### `tei-tools {name}`" in reference, name
        assert "Example" in (command.help or ""), f"{name} --help gives no example"


def test_rewrite_replaces_only_between_the_markers():
    stale = f"before\n{readme.BEGIN}\nold text\n{readme.END}\nafter\n"
    new = readme.rewrite(stale)
    assert new.startswith(f"before\n{readme.BEGIN}\n") and new.endswith(f"{readme.END}\nafter\n")
    assert "old text" not in new and "#### `tei-tools convert`" in new
