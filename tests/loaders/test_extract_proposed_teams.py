"""Proposals read from a shared-task title's team name, an unarticled capitalised object of
"we propose" and a stated contribution (real sentences from results_tune.json's tuning half,
pwc-methods-fresh)."""

from __future__ import annotations

from loaders.extract.proposed import from_sentence, from_title


def proposed(sentence: str) -> list[tuple[str, str]]:
    return [(c.name, c.rule) for c in from_sentence(sentence)]


def test_a_team_at_a_shared_task_in_the_title_is_proposed():
    title = "NutCracker at WNUT-2020 Task 2: Robustly Identifying Informative COVID-19 Tweets using Ensembling and Adversarial Training"
    assert [(c.name, c.rule) for c in from_title(title, "")] == [("NutCracker", "title-team")]
    title = "ZJUKLAB at SemEval-2021 Task 4: Negative Augmentation with Language Model for Reading Comprehension of Abstract Meaning"
    assert [c.name for c in from_title(title, "")] == ["ZJUKLAB"]
    # "at" without a venue's year or task number is no shared task
    assert from_title("Attention at Scale: A Study of Long Contexts", "") == []


def test_capitalised_words_without_an_article_after_we_propose_are_one_name():
    s = (
        "At the macro level, we propose Recursive Feature Pyramid, which incorporates extra "
        "feedback connections from Feature Pyramid Networks into the bottom-up backbone layers."
    )
    assert ("Recursive Feature Pyramid", "propose-object") in proposed(s)
    s = (
        "At the micro level, we propose Switchable Atrous Convolution, which convolves the "
        "features with different atrous rates and gathers the results using switch functions."
    )
    assert ("Switchable Atrous Convolution", "propose-object") in proposed(s)


def test_a_named_definition_stated_as_the_contribution_is_proposed():
    s = (
        "The main contributions lie in the Attention Complementary Module (ACM) and the "
        "architecture with three parallel branches."
    )
    assert proposed(s) == [("Attention Complementary Module", "contribution")]
    s = "Our contribution is a comparison with the Vision Transformer (ViT) on ImageNet."
    assert proposed(s) == []
