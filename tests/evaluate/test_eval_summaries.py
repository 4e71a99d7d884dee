"""The ROUGE of the summaries evaluation."""


def test_rouge_n():
    from recoupe.evaluate.summaries import rouge_n, tokens

    assert tokens("L'otage a été libéré, hier.") == ["l", "otage", "a", "été", "libéré", "hier"]
    assert rouge_n("le chat dort", ["le chat dort"], 1) == 1.0
    assert rouge_n("le chat dort", ["le chien court"], 2) == 0.0
    # one of two bigrams against each of two references: P = R = 2/4
    assert abs(rouge_n("le chat dort", ["le chat court", "le chat mange"], 2) - 0.5) < 1e-9
    assert rouge_n("a b c d", ["a b"], 1, words=2) == 1.0  # the peer is cut to its first words
    # ROUGE's -l counts words between spaces: "l'otage" is one word for the cut, two tokens after
    assert rouge_n("l'otage libre partout", ["l otage libre"], 1, words=2) == 1.0
