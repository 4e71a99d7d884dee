"""Document and sentence embeddings: unit vectors, cached, cross-lingual."""

import numpy as np

from recoupe.stories import embed


def test_unit_vectors_and_shape(written):
    arts = list(written.values())
    vecs = embed.embed_articles(arts)
    assert vecs.shape == (len(arts), 512)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)


def test_same_event_across_languages_is_closer_than_another_event(written):
    fr, en, de, rates = embed.embed_articles(
        [written["derail-fr"], written["derail-en"], written["derail-de"], written["rates-fr"]])
    assert fr @ en > 0.6 and fr @ de > 0.6 and en @ de > 0.6
    assert max(fr @ rates, en @ rates) < 0.4


def test_documents_are_cached_by_id_and_text(written, monkeypatch):
    art = written["rates-fr"]
    first = embed.embed_articles([art])
    monkeypatch.setattr(embed, "embed_sentences", lambda texts: (_ for _ in ()).throw(AssertionError("re-embedded")))
    assert np.array_equal(embed.embed_articles([art]), first)
    monkeypatch.undo()
    art.text += " Une phrase de plus change le texte et donc le vecteur."
    assert embed.embed_articles([art]) is not None


def test_sentences_without_analysis_point_into_the_text(make_article):
    art = make_article("x", "Titre", "Première phrase ici. « Une citation. » Deuxième phrase.\n\nUn autre paragraphe sans point")
    spans = embed.sentences(art)
    assert [s.text for s in spans] == ["Première phrase ici.", "« Une citation. »", "Deuxième phrase.",
                                       "Un autre paragraphe sans point"]
    assert all(art.text[s.start:s.end] == s.text for s in spans)


def test_empty_input():
    assert embed.embed_articles([]).shape == (0, 512)
    assert embed.embed_sentences([]).shape == (0, 512)


def test_texts_reach_the_encoder_in_a_fixed_order(monkeypatch):
    """A vector varies in its last bits with the texts batched with it: batching in the order of
    a set would change the dossier from one run to the next."""
    seen = []

    class Recorder:
        def encode(self, texts):
            seen.extend(texts)
            return np.ones((len(texts), embed.DIM), dtype=np.float32)

    monkeypatch.setattr(embed, "model", lambda: Recorder())
    monkeypatch.setattr(embed, "_sentence_cache", {})
    texts = [f"phrase {c}" for c in "zyxwvutsrqponmlkjihgfedcba"] + ["une phrase plus longue", "b", "phrase a"]
    vecs = embed.embed_sentences(texts)
    assert seen == sorted(set(texts), key=lambda t: (len(t), t))
    assert vecs.shape == (len(texts), embed.DIM)
