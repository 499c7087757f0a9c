"""The parse benchmark's generated listing is a valid listing of the asked size."""

from benchmarks.parse import generate
from loaders.listing import parse_listing


def test_generated_listing_parses_cleanly():
    listing = parse_listing(generate(500), listing_year=2025)
    assert len(listing.entries) == 500 and listing.problems == []
    assert len({e.paper.key for e in listing.entries}) == 500
