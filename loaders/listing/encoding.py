"""The text of a listing file: UTF-8 (with or without BOM), UTF-16 with BOM, or a legacy
encoding (Windows-1252, Latin-1, GBK, ...) that charset-normalizer detects; binary refused."""

from __future__ import annotations

import codecs

import charset_normalizer

from .base import ListingFileError

#: magic numbers of binary files people hand over by mistake
_MAGIC = (
    (b"\x1f\x8b", "a gzip-compressed file (decompress it first)"),
    (b"PK\x03\x04", "a zip archive"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: control bytes other than tab, newlines and form feed: text has (almost) none
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_CONTROL_TABLE = bytes.maketrans(b"", b"")
#: when charset-normalizer finds several encodings equally likely (a short German title reads
#: the same in cp1250, cp1252 and cp1257), the one most used for such files wins
_PREFERRED = {
    name: rank
    for rank, name in enumerate(
        ("cp1252", "latin_1", "gb18030", "gbk", "big5", "shift_jis", "euc_kr", "cp1251", "cp1250")
    )
}


def decode(data: bytes, path: str) -> tuple[str, str]:
    """(text, encoding) of a listing file's bytes; :class:`ListingFileError` for binary content.

    >>> decode("Café".encode("cp1252") * 20, "f")[0][:4]
    'Café'
    """
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ListingFileError(f"{path}: binary file ({what}), expected a text listing")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).lstrip("\ufeff"), encoding
            except UnicodeDecodeError as exc:
                raise ListingFileError(
                    f"{path}: starts with a {encoding} byte-order mark but is not {encoding} text "
                    f"(invalid bytes at offset {exc.start})"
                ) from None
    if b"\x00" in data:
        raise ListingFileError(f"{path}: binary file (contains NUL bytes), expected a text listing")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if len(data.translate(_CONTROL_TABLE, _CONTROL)) < len(data) * 0.99:
        raise ListingFileError(f"{path}: binary file (control bytes), expected a text listing")
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        raise ListingFileError(
            f"{path}: binary file or unknown text encoding, expected a text listing"
        )
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    best = min(tied, key=lambda m: _PREFERRED.get(m.encoding, len(_PREFERRED)))
    return str(best), best.encoding
