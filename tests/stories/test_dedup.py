"""Wire copies: a dispatch republished with small edits is a copy; a rewrite is not."""

import json

from recoupe.stories.dedup import count_origins, find_copies, overlap, shingles

DISPATCH = (
    "Le conseil municipal de Valdrac a voté jeudi soir la fermeture de la piscine Jean-Moulin "
    "pour des travaux de rénovation qui dureront dix-huit mois. Le chantier, estimé à 4,2 millions "
    "d'euros, doit remplacer les bassins et la toiture, jugés vétustes par un rapport d'experts. "
    "Les clubs de natation seront accueillis dans les communes voisines pendant la durée des "
    "travaux, a précisé le maire, qui promet une réouverture au printemps 2027. L'opposition a "
    "voté contre, dénonçant un coût trop élevé et l'absence de solution pour les scolaires."
)


def test_dispatch_with_small_edits_is_a_copy_and_counts_once(make_article):
    wire = make_article("wire", "Valdrac ferme sa piscine", DISPATCH, published="2025-02-06")
    edited = DISPATCH.replace("jeudi soir", "ce jeudi").replace("a précisé le maire", "selon le maire")
    local = make_article("local", "Piscine fermée dix-huit mois", edited + " Contactée, la mairie n'a pas répondu.",
                         published="2025-02-07")
    rewrite = make_article("rewrite", "Travaux à la piscine",
                           "À Valdrac, les nageurs devront patienter : la piscine Jean-Moulin ferme pour un an "
                           "et demi. Les élus ont approuvé jeudi un chantier de 4,2 millions d'euros pour refaire "
                           "bassins et toit. Les clubs iront nager ailleurs, et l'opposition juge la facture trop "
                           "lourde. Le maire annonce une réouverture au printemps 2027.", published="2025-02-07")
    groups = find_copies([rewrite, local, wire])
    assert groups == [["wire", "local"]]  # by date: the dispatch first
    assert count_origins(["wire", "local", "rewrite"], groups) == 2


def test_short_texts_are_never_copies(make_article):
    a = make_article("a", "Brève", "Le match est reporté à dimanche.")
    b = make_article("b", "Brève", "Le match est reporté à dimanche.")
    assert find_copies([a, b]) == []


def test_shingles_fold_case_and_accents():
    assert shingles("L'Élysée a DÉMENTI hier soir") == shingles("l'elysee a démenti hier soir")
    assert overlap(set(), {"a"}) == (0.0, 0.0)


def test_seed_rewrites_are_not_copies(seeds):
    assert find_copies(seeds) == []
    sets = [shingles(a.text) for a in seeds]
    assert max(overlap(a, b)[0] for i, a in enumerate(sets) for b in sets[i + 1:]) <= 0.1


def test_examples_wire_copy(examples, examples_dir):
    gold = json.loads((examples_dir / "gold.json").read_text(encoding="utf-8"))
    by_file = {a.origin.replace("\\", "/").rsplit("/", 1)[-1]: a.id for a in examples}
    expected = sorted(sorted(by_file[f] for f in wc["files"]) for wc in gold["wire_copies"])
    assert sorted(sorted(g) for g in find_copies(examples)) == expected


def test_one_text_under_several_ids_is_one_group(make_article):
    arts = [make_article(f"c{i}", "Valdrac ferme sa piscine", DISPATCH, published=f"2025-02-0{i + 1}")
            for i in (2, 0, 1)]
    assert find_copies(arts) == [["c0", "c1", "c2"]]
