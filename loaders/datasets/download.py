"""`kg datasets download`: a release's files through the Datasets API, with resume.

The Datasets API (``/datasets/v1/release/{release}`` lists the datasets of a release, ``latest``
names the newest; ``/datasets/v1/release/{release}/dataset/{name}`` lists a dataset's files as
pre-signed URLs and needs the API key). Each file is written to ``DEST/NAME/FILE`` through
``FILE.part``: an interrupted download resumes from the bytes it has (an HTTP Range request) and
a finished file is never fetched again. The key goes only to the API host, never to the file
hosts, and is never printed.

    download(["papers", "citations"], DownloadOptions(dest=Path("s2-datasets"), api_key=key))
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import httpx

from kg.errors import S2Error

DEFAULT_API_URL = "https://api.semanticscholar.org"
CHUNK = 1 << 20


class DatasetsError(S2Error):
    """The Datasets API or a file host refused or failed; the message says which and why."""


@dataclass
class DownloadOptions:
    dest: Path = Path("s2-datasets")
    release: str = "latest"
    api_url: str | None = None  # default: S2_API_URL, else the public API
    api_key: str | None = field(default=None, repr=False)  # default: S2_API_KEY
    timeout: float = 60.0


@dataclass
class FileResult:
    dataset: str
    path: Path
    bytes: int
    #: "downloaded", "resumed" or "present" (finished earlier, not fetched again)
    outcome: str


@dataclass
class DownloadReport:
    release: str = ""
    files: list[FileResult] = field(default_factory=list)

    def rows(self) -> list[tuple[str, str]]:
        out = [("release", self.release)]
        for outcome in ("downloaded", "resumed", "present"):
            found = [f for f in self.files if f.outcome == outcome]
            out.append(
                (f"files {outcome}", f"{len(found)} ({sum(f.bytes for f in found):,} bytes)")
            )
        return out


def file_name(url: str) -> str:
    """The file name of a (pre-signed) URL: its path's last part, without the query.

    >>> file_name("https://bucket.s3.amazonaws.com/staging/2024/papers/part-0.jsonl.gz?X-Amz-Signature=ab")
    'part-0.jsonl.gz'
    """
    return unquote(urlsplit(url).path.rsplit("/", 1)[-1]) or "file"


def download(
    names: list[str],
    options: DownloadOptions,
    progress: Callable[[str, int, int | None], None] | None = None,
) -> DownloadReport:
    """Download every file of the datasets ``names`` in ``options.release``; ``progress(file,
    bytes, total)`` is told how far each file is."""
    api = (options.api_url or os.environ.get("S2_API_URL") or DEFAULT_API_URL).rstrip("/")
    key = options.api_key or os.environ.get("S2_API_KEY") or None
    headers = {"x-api-key": key} if key else {}
    report = DownloadReport()
    with httpx.Client(timeout=options.timeout, follow_redirects=True) as client:
        release = _get_json(client, f"{api}/datasets/v1/release/{options.release}", headers)
        report.release = str(release.get("release_id") or options.release)
        known = {d.get("name") for d in release.get("datasets") or []}
        unknown = [n for n in names if known and n not in known]
        if unknown:
            raise DatasetsError(
                f"release {report.release} has no dataset {', '.join(unknown)}; it has: {', '.join(sorted(known))}"
            )
        for name in names:
            listing = _get_json(
                client, f"{api}/datasets/v1/release/{report.release}/dataset/{name}", headers
            )
            for url in listing.get("files") or []:
                report.files.append(
                    _fetch(client, url, options.dest / name / file_name(url), name, progress)
                )
    return report


def _get_json(client: httpx.Client, url: str, headers: dict) -> dict:
    where = url.split("/datasets/v1/", 1)[-1]
    try:
        response = client.get(url, headers=headers)
    except httpx.HTTPError as exc:
        raise DatasetsError(f"the Datasets API could not be reached ({where}): {exc}") from None
    if response.status_code in (401, 403):
        raise DatasetsError(
            f"the Datasets API refused {where} ({response.status_code}): it needs a valid S2_API_KEY"
        )
    if response.status_code == 404:
        raise DatasetsError(f"the Datasets API has no {where} (404)")
    if response.status_code >= 400:
        raise DatasetsError(f"the Datasets API answered {response.status_code} for {where}")
    try:
        return response.json()
    except ValueError:
        raise DatasetsError(
            f"the Datasets API answered {where} with something that is not JSON"
        ) from None


def _fetch(client: httpx.Client, url: str, path: Path, name: str, progress) -> FileResult:
    if path.exists():
        return FileResult(name, path, path.stat().st_size, "present")
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + ".part")
    have = part.stat().st_size if part.exists() else 0
    headers = {"Range": f"bytes={have}-"} if have else {}
    host = urlsplit(url).netloc
    try:
        with client.stream("GET", url, headers=headers) as response:
            if response.status_code == 416 and have:  # the part is already whole
                part.rename(path)
                return FileResult(name, path, have, "resumed")
            if response.status_code >= 400:
                raise DatasetsError(f"{host} answered {response.status_code} for {path.name}")
            resumed = have > 0 and response.status_code == 206
            if not resumed:
                have = 0
            length = response.headers.get("content-length")
            total = have + int(length) if length is not None else None
            with open(part, "ab" if resumed else "wb") as out:
                for piece in response.iter_raw():  # as stored: never decompressed on the way
                    out.write(piece)
                    have += len(piece)
                    if progress is not None:
                        progress(path.name, have, total)
    except httpx.HTTPError as exc:
        raise DatasetsError(
            f"downloading {path.name} from {host} failed after {have:,} bytes ({exc}); run again to resume"
        ) from None
    if total is not None and have < total:
        raise DatasetsError(
            f"{path.name}: the connection closed after {have:,} of {total:,} bytes; run again to resume"
        )
    part.rename(path)
    return FileResult(name, path, have, "resumed" if resumed else "downloaded")
