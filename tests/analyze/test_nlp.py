from recoupe import settings
from recoupe.analyze.nlp import get_nlp, lemma, model_for, parse


def test_model_once_per_process(nlp_fr):
    assert get_nlp("fr") is nlp_fr
    assert "lemmatizer" not in nlp_fr.pipe_names  # loaded, run on demand only


def test_hyphenated_names_stay_one_token(nlp_fr):
    doc = nlp_fr("Kim Jong-un a reçu Moon Jae-in. Peut-on le croire ? Dit-il vrai ? A-t-elle menti ?")
    words = [t.text for t in doc]
    assert "Jong-un" in words and "Jae-in" in words
    # verb-subject inversions keep splitting
    assert "-on" in words and "-il" in words and "-elle" in words


def test_lemma_on_demand(nlp_fr):
    doc = nlp_fr("Les soldats se sont rendus à Moscou et tireront deux missiles.")
    verbs = {t.text: lemma(t) for t in doc if t.pos_ == "VERB"}
    assert verbs["rendus"] == "rendre" and verbs["tireront"] == "tirer"


def test_fallback_model_is_said():
    assert model_for("fr") == ("fr", None)
    assert model_for("en-GB") == ("en", None) and model_for("FR_fr") == ("fr", None)
    lang, warning = model_for("es")
    assert lang == "fr" and "'es'" in warning
    assert model_for(None)[1].startswith("language unknown")


def test_parse_keeps_native_offsets(make_article):
    text = "L\u2019armée a tiré\u00a0deux missiles, selon Séoul.\n\nKim Jong-un était présent."
    art = make_article(text)
    [(got, doc)] = list(parse([art]))
    assert got is art and len(doc.text) == len(text)
    for tok in doc:
        assert text[tok.idx:tok.idx + len(tok)].replace("\u2019", "'").replace("\u00a0", " ") == tok.text


def test_long_text_in_chunks_and_bounded(make_article, monkeypatch):
    monkeypatch.setattr(settings, "SPACY_CHUNK_CHARS", 2_000)
    monkeypatch.setattr(settings, "MAX_ANALYZED_CHARS", 10_000)
    para = "Le ministre Jean Dupont est arrivé à Lyon mardi. " * 400  # one 20 kB paragraph
    art = make_article(para)
    [(_, doc)] = list(parse([art]))
    assert len(doc.text) == 10_000 and doc.text == para[:10_000]
    assert any("only the first 10000" in w for w in art.warnings)
    assert any(e.text == "Jean Dupont" and e.start_char > 5_000 for e in doc.ents)


def test_verb_lemma_when_the_lookup_gives_the_noun(nlp_fr):
    from recoupe.analyze.nlp import verb_lemma

    doc = nlp_fr("Le dirigeant montre un grand intérêt. Ils estiment que la guerre va durer.")
    got = {t.text: verb_lemma(t) for t in doc if t.pos_ in ("VERB", "AUX")}
    assert got["montre"] == "montrer" and got["estiment"] == "estimer" and got["va"] == "aller"


def test_a_sentence_goes_on_after_a_closing_quote(nlp_fr):
    text = ('La guerre continue. "Cela pourrait avoir un impact en Ukraine", a-t-il ajouté. '
            "« Nous avons le temps » a dit M. Poutine. « Oui. » La suite vint.")
    assert [s.text for s in nlp_fr(text).sents] == [
        "La guerre continue.", '"Cela pourrait avoir un impact en Ukraine", a-t-il ajouté.',
        "« Nous avons le temps » a dit M. Poutine.", "« Oui. »", "La suite vint."]
    text = 'La grève continue. "Nous ne lâcherons rien." a lancé le délégué. "Demain", dit-il.'
    assert [s.text for s in nlp_fr(text).sents] == [
        "La grève continue.", '"Nous ne lâcherons rien." a lancé le délégué.', '"Demain", dit-il.']
