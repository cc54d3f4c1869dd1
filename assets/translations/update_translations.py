"""Regenerate the translation template, and bring every translation up to date.

    python assets/translations/update_translations.py            # .ts files
    python assets/translations/update_translations.py --release  # and .qm files
    python assets/translations/update_translations.py --new de   # start German

`timer_app.ts` (the template) is rebuilt from scratch from every Python file
under timer_app/ by pyside6-lupdate, which ships with PySide6-Essentials. Each
translation beside it (`timer_app_de.ts`, `timer_app_pt_BR.ts`...) gets the new
strings and keeps what is translated; strings the code no longer uses are kept
as "vanished" so a translator's work is not lost when a sentence comes back.
With --release, pyside6-lrelease compiles each translation into the .qm file the
app loads (`gui/app.py`'s install_translators). docs/translating.md is the guide.

lupdate finds a string only in `tr("...")`, `self.tr("...")`,
`translate("Context", "...")` or `QT_TRANSLATE_NOOP("Context", "...")` with
literal text: a helper such as `_t(text)` hides the strings it is given.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TEMPLATE = HERE / "timer_app.ts"
# Without line numbers: the template changes when a string does, not when code moves.
LUPDATE_OPTIONS = ("-locations", "none", "-source-language", "en", "-silent")


def qt_tool(name: str) -> Path | None:
    """pyside6-lupdate / pyside6-lrelease: beside this Python first (a venv), then PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return beside
    found = shutil.which(name)
    return Path(found) if found else None


def sources() -> list[Path]:
    return sorted((ROOT / "timer_app").rglob("*.py"))


def write_template(lupdate: Path, target: Path) -> None:
    """The template from the sources alone (nothing kept from an older one)."""
    target.unlink(missing_ok=True)
    _lupdate(lupdate, target, "-no-obsolete")


def _lupdate(lupdate: Path, target: Path, *options: str) -> None:
    listing = target.with_suffix(".lst")
    # A list file: the command line of a long file list is too long on Windows.
    listing.write_text("\n".join(str(p) for p in sources()) + "\n", encoding="utf-8")
    try:
        command = [str(lupdate), *LUPDATE_OPTIONS, *options, f"@{listing}", "-ts", str(target)]
        subprocess.run(command, check=True)
    finally:
        listing.unlink()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="also compile the .qm files")
    parser.add_argument(
        "--new", metavar="LANG", help="start a translation: timer_app_LANG.ts (de, pt_BR...)"
    )
    args = parser.parse_args(argv)
    lupdate = qt_tool("pyside6-lupdate")
    if lupdate is None:
        print("pyside6-lupdate not found: install PySide6 (pip install PySide6-Essentials)")
        return 1
    write_template(lupdate, TEMPLATE)
    print(f"template: {TEMPLATE.relative_to(ROOT)}")
    if args.new:
        new = HERE / f"timer_app_{args.new}.ts"
        if new.exists():
            print(f"{new.relative_to(ROOT)} exists already: it is updated, not replaced")
        else:
            # The language decides how many plural forms Qt Linguist asks for.
            _lupdate(lupdate, new, "-target-language", args.new)
    translations = sorted(HERE.glob("timer_app_*.ts"))
    for ts in translations:
        _lupdate(lupdate, ts)
        print(f"updated: {ts.relative_to(ROOT)}")
    if args.release:
        lrelease = qt_tool("pyside6-lrelease")
        if lrelease is None:
            print("pyside6-lrelease not found: install PySide6 (pip install PySide6-Essentials)")
            return 1
        for ts in translations:
            qm = ts.with_suffix(".qm")
            subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
            print(f"compiled: {qm.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
