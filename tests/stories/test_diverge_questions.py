"""A question asserts nothing, and a denial in the words of the person it clears is that
person's word against the other outlet: neither is a contradiction between outlets. Invented
pairs, read by the real analysis (polarity, quotes and speakers come from the parse)."""

import pytest
from storybuild import analysed_pairs

GIFT = "reçu une enveloppe de l'entreprise Dufour"
TOLD = f"Le ministre de l'Intérieur a {GIFT}."
DENIED = "Le ministre de l'Intérieur n'a pas reçu d'enveloppe de l'entreprise Dufour."
QUOTED = "« Je n'ai jamais reçu d'enveloppe de l'entreprise Dufour », a déclaré le ministre de l'Intérieur."
ENGLISH_TOLD = "The interior minister received an envelope from the Dufour company."
ENGLISH_QUOTED = "\"I never received an envelope from the Dufour company,\" the interior minister said."

QUESTIONS = {
    "inverted question, denial": (f"Le ministre de l'Intérieur a-t-il {GIFT} ?", DENIED),
    "est-ce que, denial": (f"Est-ce que le ministre de l'Intérieur a {GIFT} ?", DENIED),
    "negative question, affirmation": (f"Le ministre de l'Intérieur n'a-t-il pas {GIFT} ?", TOLD),
    # a quoted question, then its incise
    "quoted question, denial": (f"« Le ministre de l'Intérieur a-t-il {GIFT} ? », s'interroge le député.", DENIED),
    "quoted question, straight quotes": (f"\"Le ministre de l'Intérieur a-t-il {GIFT} ?\", s'interroge le député.",
                                         DENIED),
    "quoted question, no comma": (f"« Le ministre de l'Intérieur a-t-il {GIFT} ? » demande le journal.", DENIED),
}
ENGLISH_QUESTIONS = {
    "question, denial": ("Did the interior minister receive an envelope from the Dufour company?",
                         "The interior minister did not receive an envelope from the Dufour company."),
}
QUOTED_DENIALS = {("fr", "quoted denial"): (TOLD, QUOTED), ("en", "quoted denial"): (ENGLISH_TOLD, ENGLISH_QUOTED)}
# the same sentences, told as they are by both outlets: a contradiction
DENIALS = {("fr", "told, denied"): (TOLD, DENIED),
           ("en", "told, denied"): (ENGLISH_TOLD, "The interior minister never received an envelope from the Dufour company.")}


@pytest.fixture(scope="module")
def parsed():
    """Each pair as two articles of two outlets, read by the real analysis once."""
    return analysed_pairs({**{("fr", k): v for k, v in QUESTIONS.items()},
                           **{("en", k): v for k, v in ENGLISH_QUESTIONS.items()}, **QUOTED_DENIALS, **DENIALS})


@pytest.mark.parametrize("key", [("fr", k) for k in QUESTIONS] + [("en", k) for k in ENGLISH_QUESTIONS])
def test_a_question_is_no_claim_to_contradict(parsed, key):
    assert not parsed[key].divergences


@pytest.mark.parametrize("key", list(QUOTED_DENIALS))
def test_a_quoted_denial_is_the_speaker_against_the_outlet(parsed, key):
    (d,) = parsed[key].divergences
    assert d.kind == "attributed_disagreement" and not d.contradiction
    outlet = f"Outlet A{list(parsed).index(key)}"
    assert outlet in d.summary and "minist" in d.summary.split(outlet, 1)[1]  # who says what


@pytest.mark.parametrize("key", list(DENIALS))
def test_the_same_sentences_told_as_they_are_contradict(parsed, key):
    assert [(d.kind, d.contradiction) for d in parsed[key].divergences] == [("negation", True)]


def test_a_quoted_question_then_another_sentence_asks_nothing_of_it():
    from recoupe.stories.diverge import _asked

    assert _asked("« Le ministre a-t-il menti ? », s'interroge le député.")
    assert not _asked("« Pourquoi ? » Le ministre a reconnu avoir menti aux députés.")
