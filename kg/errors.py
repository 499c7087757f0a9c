"""The exception tree: every error the knowledge base raises on purpose is a :class:`KGError`.

::

    KGError
    ├── InputError        bad input: a listing file, an identifier, a parameter (also ValueError)
    │   ├── kg.identifiers.MalformedIdentifier
    │   ├── loaders.listing.ListingFileError
    │   └── kg.views.ViewError
    ├── StoreError        a store could not be opened or a statement failed
    ├── S2Error           Semantic Scholar failed or answered "no such paper"
    ├── NotFoundError     a reference names no node (also LookupError)
    └── AmbiguousError    a reference names several nodes (also LookupError)

A research script catches :class:`KGError` (or one branch); the CLI maps each branch to an exit
code in one place.

>>> issubclass(NotFoundError, KGError), issubclass(InputError, ValueError)
(True, True)
"""

from __future__ import annotations


class KGError(Exception):
    """The base of every error the knowledge base raises on purpose."""


class InputError(KGError, ValueError):
    """Input that cannot be used as given: a listing file, an identifier, a parameter."""


class StoreError(KGError):
    """A store could not be opened or a statement failed; the message is the database's."""


class S2Error(KGError):
    """A Semantic Scholar request failed for good, or S2 knows no such paper."""


class NotFoundError(KGError, LookupError):
    """A reference names no node of its label.

    >>> str(NotFoundError("Benchmark", "cifar 11"))
    "no benchmark matches 'cifar 11'"
    """

    def __init__(self, label: str, text: str, hint: str = ""):
        message = f"no {label.lower()} matches {text!r}"
        super().__init__(f"{message} ({hint})" if hint else message)
        self.label = label
        self.text = text


class AmbiguousError(KGError, LookupError):
    """A reference names several nodes; ``candidates`` are their keys, with names.

    >>> str(AmbiguousError("Paper", "Deep Nets", ["s2:1 (Deep Nets)", "s2:2 (Deep nets)"]))
    "2 papers match 'Deep Nets': s2:1 (Deep Nets), s2:2 (Deep nets); use an id"
    """

    def __init__(self, label: str, text: str, candidates: list[str]):
        super().__init__(
            f"{len(candidates)} {label.lower()}s match {text!r}: {', '.join(candidates)}; use an id"
        )
        self.label = label
        self.text = text
        self.candidates = candidates


__all__ = ["KGError", "InputError", "StoreError", "S2Error", "NotFoundError", "AmbiguousError"]
