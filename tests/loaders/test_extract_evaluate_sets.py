"""The hand-labelled method sets of results_tune.json: disjoint, and the second and third tuning
sets are drawn from the tuning half of the results split only (so pwc-results-test stays unread);
the never-tuned-on fresh2 and fresh3 sets are 60 and 55 of the test half."""

from __future__ import annotations

import json

from loaders.extract.evaluate import PWC_LABELS, labelled_sets, pwc_sets


def test_method_sets_are_disjoint_and_tune2_tune3_come_from_the_tuning_half() -> None:
    sets = pwc_sets()
    ids = {name: {p["id"] for p in sets[name]} for name in sets if name.startswith("pwc-methods")}
    assert len(ids["pwc-methods-tune2"]) == len(sets["pwc-methods-tune2"]) == 80
    assert len(ids["pwc-methods-tune3"]) == len(sets["pwc-methods-tune3"]) == 35
    names = sorted(ids)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            assert not ids[a] & ids[b], (a, b)
    tune_half = set(json.loads(PWC_LABELS.read_text("utf-8"))["results_split"]["tune"])
    assert ids["pwc-methods-tune2"] <= tune_half
    assert ids["pwc-methods-tune3"] <= tune_half
    assert len(ids["pwc-methods-fresh2"]) == len(sets["pwc-methods-fresh2"]) == 60
    test_half = set(json.loads(PWC_LABELS.read_text("utf-8"))["results_split"]["test"])
    assert ids["pwc-methods-fresh2"] <= test_half
    assert len(ids["pwc-methods-fresh3"]) == len(sets["pwc-methods-fresh3"]) == 55
    assert ids["pwc-methods-fresh3"] <= test_half


def test_tuning_sets_are_named_as_tuned_on_and_fresh2_fresh3_as_never() -> None:
    assert "pwc-methods-tune2 (tuned on)" in labelled_sets()
    assert "pwc-methods-tune3 (tuned on)" in labelled_sets()
    assert "pwc-methods-fresh (tuned on from the sixth round)" in labelled_sets()
    assert "pwc-methods-fresh2 (never tuned on)" in labelled_sets()
    assert "pwc-methods-fresh3 (never tuned on)" in labelled_sets()


def test_set_picks_the_set_of_that_exact_name_only(capsys) -> None:
    from loaders.extract.__main__ import main

    assert main(["--eval", "--set", "pwc-methods-fresh", "--set", "unseen-25"]) == 0
    headings = [line for line in capsys.readouterr().out.splitlines() if "labelled papers" in line]
    assert [h.split(" (")[0].split(":")[0] for h in headings] == ["unseen-25", "pwc-methods-fresh"]


def test_the_untouched_results_test_set_shares_no_abstract_with_a_tuned_on_set() -> None:
    sets = labelled_sets()
    untouched = {
        p["id"] for p in sets["pwc-results-test-untouched (held out, the 190 in no tuned-on set)"]
    }
    assert len(untouched) == 190
    assert untouched <= {p["id"] for p in sets["pwc-results-test (held out)"]}
    for name, papers in sets.items():
        if "(tuned on" in name:
            assert not untouched & {p.get("id") for p in papers}, name
