"""`kg datasets download` against a local Datasets API: listing with the key, files written
under DEST/NAME/, an interrupted file resumed with a Range request, finished files not fetched
again, the key never sent to the file host nor printed."""

from __future__ import annotations

import gzip

import pytest
from fake_datasets import RELEASE, FakeDatasets

from kg.cli import main
from loaders.datasets.download import DatasetsError, DownloadOptions, download

KEY = "secret-key-123"


@pytest.fixture
def files() -> dict[str, dict[str, bytes]]:
    big = gzip.compress(
        b"".join(b'{"corpusid":%d,"title":"t"}\n' % i for i in range(20_000)), compresslevel=1
    )
    return {
        "papers": {
            "papers-000.jsonl.gz": big,
            "papers-001.jsonl.gz": gzip.compress(b'{"corpusid":1}\n'),
        },
        "citations": {
            "citations-000.jsonl.gz": gzip.compress(
                b'{"citingcorpusid":"1","citedcorpusid":null}\n'
            )
        },
    }


def test_download_lists_with_the_key_resumes_and_skips_finished(files, tmp_path):
    with FakeDatasets(files, key=KEY) as api:
        api.cut["papers-000.jsonl.gz"] = 5000
        options = DownloadOptions(dest=tmp_path, api_url=api.url, api_key=KEY)
        with pytest.raises(DatasetsError, match="run again to resume"):
            download(["papers", "citations"], options)
        part = tmp_path / "papers" / "papers-000.jsonl.gz.part"
        assert part.stat().st_size == 5000
        report = download(["papers", "citations"], options)
        assert report.release == RELEASE
        assert {f.path.name: f.outcome for f in report.files} == {
            "papers-000.jsonl.gz": "resumed", "papers-001.jsonl.gz": "downloaded", "citations-000.jsonl.gz": "downloaded",
        }  # fmt: skip
        for name, by_file in files.items():
            for file, data in by_file.items():
                assert (tmp_path / name / file).read_bytes() == data
        assert not part.exists()
        resumed = [r for p, _, r in api.log if p.endswith("papers-000.jsonl.gz")]
        assert resumed == [None, "bytes=5000-"]
        # the key went to the API, never to the file host
        assert all(key == KEY for p, key, _ in api.log if "/dataset/" in p)
        assert all(key is None for p, key, _ in api.log if p.startswith("/files/"))
        api.log.clear()
        again = download(["papers"], options)
        assert {f.outcome for f in again.files} == {"present"}
        assert not [p for p, _, _ in api.log if p.startswith("/files/")]


def test_a_wrong_key_and_an_unknown_dataset_say_so(files, tmp_path):
    with FakeDatasets(files, key=KEY) as api:
        with pytest.raises(DatasetsError, match="needs a valid S2_API_KEY"):
            download(["papers"], DownloadOptions(dest=tmp_path, api_url=api.url, api_key="wrong"))
        with pytest.raises(DatasetsError, match="has no dataset embeddings"):
            download(["embeddings"], DownloadOptions(dest=tmp_path, api_url=api.url, api_key=KEY))


def test_cli_download_with_progress_and_no_key_in_output(files, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("S2_API_KEY", KEY)
    with FakeDatasets(files, key=KEY) as api:
        with pytest.raises(SystemExit) as done:
            main(
                [
                    "datasets",
                    "download",
                    "citations",
                    "--release",
                    "latest",
                    "--dest",
                    str(tmp_path),
                    "--api-url",
                    api.url,
                ]
            )
    out = capsys.readouterr()
    assert (done.value.code or 0) == 0, out.err
    assert "files downloaded" in out.out and f"kg import s2-datasets {tmp_path}" in out.out
    assert KEY not in out.out + out.err
    assert (tmp_path / "citations" / "citations-000.jsonl.gz").exists()
    monkeypatch.setenv("S2_API_KEY", "wrong")
    with FakeDatasets(files, key=KEY) as api:
        with pytest.raises(SystemExit) as done:
            main(
                [
                    "datasets",
                    "download",
                    "papers",
                    "--dest",
                    str(tmp_path / "x"),
                    "--api-url",
                    api.url,
                ]
            )
    out = capsys.readouterr()
    assert done.value.code == 1 and "S2_API_KEY" in out.err and "wrong" not in out.err
