"""``make dist``: the built site as one zip to hand to a reader, who unpacks it and opens
``index.html`` with no network.

Deterministic: the same build gives the same bytes (entries in sorted order, one fixed time
stamp and mode, no extra fields), so a zip can be checked against another by its hash. The
date in its name is that of the newest file in the build, not of today.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

from .errors import ArchiveError
from .naming import slugify

#: Zip's epoch; every entry carries it, so building the zip again changes nothing.
FIXED_TIME = (1980, 1, 1, 0, 0, 0)

README = """\
{title}

This is a complete copy of the archive. It needs no network and no installation.

Open index.html in a web browser (double-click it). Search, the indexes of people, places,
organisations and tags, and every article work from this folder. Keep the folder together:
the pages find each other, and their styles and search index, by their places in it.

Built {date}; {count} pages.
"""


def dist_name(title: str, site: Path) -> str:
    """``<archive-name>-<date>``: the project slug and the date of the newest built file."""
    newest = max((p.stat().st_mtime for p in _files(site)), default=0.0)
    day = dt.datetime.fromtimestamp(newest, dt.timezone.utc).date().isoformat()
    return f"{slugify(title, 'archive')}-{day}"


def make_zip(site: Path, out_dir: Path, title: str) -> Path:
    """Write ``out_dir/<name>.zip`` holding ``<name>/README.txt`` and the site; its path."""
    files = _files(site)
    if not (site / "index.html").is_file():
        raise ArchiveError(site, "no index.html here; build the site first (make html)")
    name = dist_name(title, site)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{name}.zip"
    tmp = target.with_suffix(".zip.tmp")
    pages = sum(1 for p in files if p.suffix == ".html")
    readme = README.format(title=title, date=name[-10:], count=pages)
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        _add(archive, f"{name}/README.txt", readme.encode("utf-8"))
        for path in files:
            _add(archive, f"{name}/{path.relative_to(site).as_posix()}", path.read_bytes())
    tmp.replace(target)
    return target


def _files(site: Path) -> list[Path]:
    """The site's files in a stable order, without hidden ones (``.buildinfo``, locks)."""
    return sorted((p for p in site.rglob("*") if p.is_file()
                   and not any(part.startswith(".") for part in p.relative_to(site).parts)),
                  key=lambda p: p.relative_to(site).as_posix())


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 3  # Unix, whatever machine builds it
    archive.writestr(info, data, compresslevel=9)
