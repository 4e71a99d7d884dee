"""Look-alikes of a divergence met in real multi-outlet stories (sports profiles, arms seizures,
awards, court cases): sentences of one story that share names and words but tell other things.
Invented pairs in the shapes of those stories, read by the real analysis."""

import pytest
from storybuild import analysed_pairs, contradictions

NOT_CONTRADICTIONS = {
    # a change is no level: two full verbs of two acts, figures of other things
    ("fr", "change, not level"): ("Le taux de chômage a reculé de 0,2 % au troisième trimestre, selon l'Insee.",
                                  "Le taux de chômage s'établit à 7,3 % au troisième trimestre, selon l'Insee."),
    ("en", "change, not level"): ("Unemployment rose by 0.2 % in the third quarter, the statistics office said.",
                                  "Unemployment reached 4.3 % in the third quarter, the statistics office said."),
    # lengths of time count other spans of a career
    ("en", "seasons"): ("Before that, Dale Corbin spent three seasons as the Hawks' head scout and has "
                        "worked as a fitness coach.",
                        "Dale Corbin has spent 15 seasons with the Hawks and became general manager in 2010."),
    # a participle phrase dates its own act, not the claim's
    ("fr", "date of an apposition"): ("Marc Tessier, interpellé le 3 mars à Rennes, a été mis en examen pour vol.",
                                      "Marc Tessier a été mis en examen pour vol le 5 mars à Rennes.", "2024-03-06"),
    ("en", "date of an apposition"): ("Marc Tessier, arrested on March 3 in Leeds, was charged with theft.",
                                      "Marc Tessier was charged with theft on March 5 in Leeds.", "2024-03-06"),
    # a span opened on a day holds the other's day
    ("fr", "from a day on"): ("Marc Tessier a été jugé le 4 mars par la cour d'assises de la Vienne.",
                              "Marc Tessier a été jugé à partir du 2 mars par la cour d'assises de la Vienne.",
                              "2024-03-06"),
    # a toll told as provisional, or updated
    ("fr", "provisional toll"): ("Selon un bilan provisoire, l'incendie de l'entrepôt de Brest a fait 3 morts.",
                                 "L'incendie de l'entrepôt de Brest a fait 5 morts, selon un nouveau bilan."),
    # a figure for a place one side names, against the whole country the other counts
    ("fr", "a region's toll"): ("Les inondations ont fait 12 morts dans la province de Sarn, selon les autorités.",
                                "Les inondations ont fait 31 morts dans le pays, selon les autorités."),
    # one side sums several operations
    ("en", "a total of"): ("Four assault rifles, nine magazines and 200 rounds of ammunition were seized from "
                           "the smugglers' boats.",
                           "The frigate has seized a total of 11 assault rifles, 27 magazines and 640 rounds of "
                           "ammunition in its four operations."),
    # a running count against the count of one operation
    ("en", "so far"): ("During the operation, the navy confiscated three assault rifles and eight magazines from "
                       "the smugglers.",
                       "So far, the navy has confiscated 10 assault rifles and 25 magazines from the smugglers."),
    # a person named as a possessor does not do the act
    ("en", "possessor"): ("The comedian presented the Silver Lens gala in 2011, the first woman to do so alone "
                          "since Anna Berg's three turns in the 1990s.",
                          "Maria Lopez presented the Silver Lens gala in 2011 and won praise for it."),
    # an English negation bears on words the other sentence does not tell
    ("en", "does not think"): ("Tom Harlow issued a short statement through his club on Monday.",
                               "Tom Harlow, in a short statement issued through his club, said he didn't expect "
                               "the police to press charges."),
    # "I didn't feel we were" and "I feel we weren't" say one thing: each holds a negation
    ("en", "negation raised"): ("\"I feel we weren't playing the kind of defence that we want to play as a "
                                "club.\"",
                                "\"I didn't feel we were playing the kind of defence we wanted to play as a "
                                "club.\""),
    # a denial that takes the other sentence's act as given, and denies a consequence of it
    ("en", "a consequence denied"): ("Hawks defender Tom Harlow was arrested on suspicion of speeding on Monday, "
                                     "four days before the cup final.",
                                     "An arrest on suspicion of speeding will not affect the playing status of Hawks "
                                     "defender Tom Harlow for Saturday's cup final."),
    ("fr", "a consequence denied"): ("Le maire de Vierzon a été interpellé samedi soir pour conduite en état "
                                     "d'ivresse.",
                                     "L'interpellation du maire de Vierzon samedi soir pour conduite en état "
                                     "d'ivresse ne changera rien à sa candidature aux municipales."),
    # a part of the whole the other side counts
    ("en", "the first games"): ("The Hawks pushed Boston to seven games before going out in the second round.",
                                "The Hawks won the first two games in Boston before losing the next four in a row."),
    ("fr", "the last games"): ("Lyon a perdu sept matchs cette saison avant d'être éliminé en demi-finale.",
                               "Lyon a perdu les trois derniers matchs de la saison avant d'être éliminé en "
                               "demi-finale."),
}


QUOTE = "« Nous ne laisserons pas les éleveurs du Cantal seuls face à cette crise sans précédent »"
# contradictions of the same shapes as the look-alikes above, which the guards must leave
STILL_RAISED = {
    ("en", "a toll with a town"): ("The earthquake killed 250 people in the Italian town of Amatrice on "
                                   "Wednesday.", "The earthquake killed 120 people on Wednesday.", "number"),
    ("fr", "au total"): ("Au total, 12 personnes ont été tuées dans l'attaque de la mairie de Brest mardi.",
                         "Huit personnes ont été tuées dans l'attaque de la mairie de Brest mardi.", "number"),
    ("en", "so far, one count"): ("The earthquake has killed 24 people so far, the civil protection said.",
                                  "The earthquake has killed 51 people, the civil protection said.", "number"),
    ("fr", "en tout cas"): ("En tout cas, 12 personnes ont été tuées dans l'attaque de la mairie de Brest mardi.",
                            "Huit personnes ont été tuées dans l'attaque de la mairie de Brest mardi.", "number"),
    ("fr", "a verb the lexicon does not join"): ("Le preneur d'otages a été abattu par la police mardi à Brest.",
                                                 "Le preneur d'otages n'a pas été tué par la police mardi à Brest.",
                                                 "negation"),
    ("fr", "the other speaker named nearby"): (f"{QUOTE}, a déclaré le ministre Luc Armand après sa rencontre "
                                               "avec la députée Nadia Perrin.",
                                               f"{QUOTE}, a déclaré la députée Nadia Perrin mardi.", "attribution"),
    ("fr", "the same act named before its denial"): ("Le maire de Vierzon a démissionné samedi, selon la préfecture.",
                                                     "Malgré l'annonce de sa démission, le maire de Vierzon n'a pas "
                                                     "démissionné samedi.", "negation"),
    ("en", "another act named before the denial"): ("Tom Harlow was charged with speeding on Monday.",
                                                    "Tom Harlow, arrested on Monday, was not charged with speeding.",
                                                    "negation"),
    ("fr", "lawyers nearby"): (f"{QUOTE}, a déclaré le ministre Luc Armand, entouré des avocats des éleveurs.",
                               f"{QUOTE}, a déclaré la députée Nadia Perrin mardi.", "attribution"),
}


@pytest.fixture(scope="module")
def parsed():
    return analysed_pairs({**NOT_CONTRADICTIONS, **{k: v[:2] for k, v in STILL_RAISED.items()}})


@pytest.mark.parametrize("key", list(STILL_RAISED))
def test_contradictions_of_the_same_shapes_are_still_raised(parsed, key):
    assert [d.kind for d in contradictions(parsed[key])] == [STILL_RAISED[key][2]]


@pytest.mark.parametrize("key", list(NOT_CONTRADICTIONS))
def test_look_alikes_of_real_stories_are_no_contradiction(parsed, key):
    assert not contradictions(parsed[key])


def test_a_name_and_the_same_name_with_a_headline_word_are_one_person():
    from recoupe.stories.diverge import _nested

    assert _nested("Ellen DeGeneres", "Ellen DeGeneres Returns")
    assert not _nested("Sergueï Lavrov", "Sergueï Choïgou") and not _nested("Kim", "Kim Jong Un")


def test_a_four_digit_count_is_no_year():
    from recoupe.analyze import analyze_articles
    from recoupe.model import Article

    art, = analyze_articles([Article(id="y", origin="y.txt", source="t", lang="en", published="2009-01-05",
                                     text="He ran for 1240 yards in 2011.")])
    assert [t.value for t in art.times] == ["2011"]


def test_a_figure_within_the_other_estimate_agrees_and_estimates_keep_their_hedge():
    stories = analysed_pairs({
        ("fr", "within"): ("Le bilan de l'accident de car sur l'A84 s'élève à 12 morts.",
                           "L'accident de car sur l'A84 a fait au moins 10 morts."),
        ("fr", "spread"): ("D'après l'association, plusieurs centaines de poissons morts ont été retrouvés "
                           "dans le canal de Vierzon.",
                           "D'après l'association, au moins 300 poissons morts ont été repêchés dans le canal "
                           "de Vierzon.")})
    assert not stories["fr", "within"].divergences
    (spread,) = [d for d in stories["fr", "spread"].divergences if d.kind == "estimate_spread"]
    assert "au moins 300 poissons" in spread.summary and not spread.contradiction
