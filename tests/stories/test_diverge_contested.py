"""A named source's statement contested by another source in the same article: shown as an
attributed disagreement (never a contradiction), and the look-alikes that must not be."""

from storybuild import Builder, assert_provenance, run_all, story_of

CLAIM = "« Les freins du wagon avaient été signalés usés dès l'automne », affirme Jeanne Roux."
REPLY = "« Nous n'avons jamais reçu de signalement sur ces freins », répond Marc Vidal."


def _exchange(aid: str, reply: str = REPLY, source: str = "A") -> Builder:
    b = Builder(aid, f"{CLAIM} La direction de Ferrovia conteste. {reply}", source=source)
    b.entity("Jeanne Roux", "PER")
    b.entity("Marc Vidal", "PER")
    b.quote("Les freins du wagon avaient été signalés usés dès l'automne", "Jeanne Roux")
    return b


UNION = "Selon le syndicat Force Ouvrière, les extincteurs du dépôt étaient hors service."


def _union_and(reply: str, predicate: str, **slots) -> Builder:
    """The union's statement, then the company's reply (a claim with these slots)."""
    b = Builder("a", f"{UNION} {reply}")
    b.entity("Force Ouvrière", "ORG")
    b.entity("Transalp", "ORG")
    b.claim(UNION, "être", reported_by="Force Ouvrière")
    b.claim(reply, predicate, **slots)
    return b


def _contested(story):
    return [d for d in story.divergences if d.kind == "attributed_disagreement"]


def test_a_denial_in_other_words_is_an_attributed_disagreement():
    b = _exchange("a")
    b.quote("Nous n'avons jamais reçu de signalement sur ces freins", "Marc Vidal")
    story, arts = story_of(b)
    run_all(story, arts)
    (d,) = story.divergences
    assert d.kind == "attributed_disagreement" and d.contradiction is False
    texts = {s.support[0].text for s in d.sides}
    assert texts == {"Les freins du wagon avaient été signalés usés dès l'automne",
                     "Nous n'avons jamais reçu de signalement sur ces freins"}
    assert "Jeanne Roux" in d.summary and "Marc Vidal" in d.summary
    assert_provenance(story, arts)


def test_a_reported_denial_is_an_attributed_disagreement():
    b = _union_and("La société Transalp dément avoir été informée d'extincteurs hors service.", "informer",
                   reported_by="Transalp")
    story, arts = story_of(b)
    run_all(story, arts)
    assert [(d.kind, d.contradiction) for d in story.divergences] == [("attributed_disagreement", False)]
    assert "Transalp" in story.divergences[0].summary


def test_one_exchange_told_by_two_outlets_is_one_divergence():
    a = _exchange("a", source="A")
    a.quote("Nous n'avons jamais reçu de signalement sur ces freins", "Marc Vidal")
    reply = "« Aucun signalement sur ces freins ne nous est jamais parvenu », assure Marc Vidal."
    b = _exchange("b", reply, source="B")
    b.quote("Aucun signalement sur ces freins ne nous est jamais parvenu", "Marc Vidal")
    story, arts = story_of(a, b)
    run_all(story, arts)
    (d,) = _contested(story)
    assert [sorted(x.article_id for x in s.support) for s in d.sides] == [["a", "b"], ["a", "b"]]
    assert_provenance(story, arts)


def test_a_negation_on_something_else_is_no_disagreement():
    b = _exchange("a", "« Nous ne commenterons pas une enquête en cours », répond Marc Vidal.")
    b.quote("Nous ne commenterons pas une enquête en cours", "Marc Vidal")
    story, arts = story_of(b)
    run_all(story, arts)
    assert story.divergences == []


def test_a_source_that_neither_confirms_nor_denies_does_not_deny():
    b = _union_and("La société Transalp n'a ni confirmé ni démenti que les extincteurs étaient hors service.",
                   "confirmer", reported_by="Transalp", negated=True)
    story, arts = story_of(b)
    run_all(story, arts)
    assert story.divergences == []


def test_declining_to_comment_is_no_denial():
    b = _union_and("La société Transalp n'a pas souhaité commenter l'état des extincteurs du dépôt.",
                   "commenter", reported_by="Transalp", negated=True)
    story, arts = story_of(b)
    run_all(story, arts)
    assert story.divergences == []


def test_a_name_after_the_verb_of_denial_is_not_the_denier():
    # "il a démenti la responsabilité de Transalp": the parse may take Transalp for the source
    text = ("Selon Transalp, les extincteurs du dépôt étaient hors service. "
            "Il a démenti la responsabilité de Force Ouvrière dans la panne des extincteurs.")
    b = Builder("a", text)
    b.entity("Force Ouvrière", "ORG")
    b.entity("Transalp", "ORG")
    b.claim("Selon Transalp, les extincteurs du dépôt étaient hors service.", "être",
            reported_by="Transalp")
    b.claim("Il a démenti la responsabilité de Force Ouvrière dans la panne des extincteurs.",
            "démentir", reported_by="Force Ouvrière")
    story, arts = story_of(b)
    run_all(story, arts)
    assert story.divergences == []


def test_one_source_does_not_contest_itself():
    b = _exchange("a", "« Nous n'avons jamais reçu de signalement sur ces freins », ajoute Jeanne Roux.")
    b.quote("Nous n'avons jamais reçu de signalement sur ces freins", "Jeanne Roux")
    story, arts = story_of(b)
    run_all(story, arts)
    assert story.divergences == []


def test_a_body_may_answer_a_named_source():
    b = _exchange("a", "« Aucun signalement sur ces freins ne nous est parvenu », affirme la direction.")
    b.quote("Aucun signalement sur ces freins ne nous est parvenu", "direction")
    story, arts = story_of(b)
    run_all(story, arts)
    (d,) = story.divergences
    assert d.kind == "attributed_disagreement" and "direction" in d.summary


def test_an_unnamed_role_does_not_answer():
    # "l'ex-otage" may well be the person quoted before: no disagreement without a name or a body
    b = _exchange("a", "« Aucun signalement sur ces freins ne nous est parvenu », affirme l'ex-cheminot.")
    b.quote("Aucun signalement sur ces freins ne nous est parvenu", "ex-cheminot")
    story, arts = story_of(b)
    run_all(story, arts)
    assert story.divergences == []


def test_one_exchange_in_two_languages_is_one_divergence():
    a = _exchange("a", source="A")
    a.quote("Nous n'avons jamais reçu de signalement sur ces freins", "Marc Vidal")
    text = ("Staff had warned the company about worn brakes on the wagon last autumn, union delegate "
            "Jeanne Roux said. The company denied receiving any warning about the brakes.")
    b = Builder("b", text, source="B", lang="en")
    b.entity("Jeanne Roux", "PER")
    b.quote("Staff had warned the company about worn brakes on the wagon last autumn", "Jeanne Roux")
    b.claim("The company denied receiving any warning about the brakes.", "receive", reported_by="company")
    story, arts = story_of(a, b)
    run_all(story, arts)
    (d,) = _contested(story)
    assert [sorted(x.article_id for x in s.support) for s in d.sides] == [["a", "b"], ["a", "b"]]
    assert d.summary.startswith("Les sources divergent")  # worded from the French outlet
    assert_provenance(story, arts)


def test_the_subject_of_a_denial_is_its_source():
    b = _union_and("La direction de Transalp dément avoir reçu le moindre signalement sur ces extincteurs.",
                   "recevoir", who=["Transalp"], what="le moindre signalement sur ces extincteurs")
    story, arts = story_of(b)
    run_all(story, arts)
    (d,) = story.divergences
    assert d.kind == "attributed_disagreement" and "Transalp" in d.summary
