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
    ("en", "seasons"): ("Prior to that, Dale Corbin spent four seasons as the Hawks director of player "
                        "personnel and has served as an assistant coach.",
                        "Dale Corbin has spent 19 seasons with the Hawks and was promoted to senior vice "
                        "president in 2003."),
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
    ("en", "a total of"): ("Six assault rifles, 12 magazines and 300 rounds of ammunition were seized from the "
                           "pirate boats.",
                           "The frigate has seized a total of 14 assault rifles, 31 magazines and 923 rounds of "
                           "ammunition in its five operations."),
    # a running count against the count of one operation
    ("en", "so far"): ("During the operation, the navy confiscated six assault rifles and 12 magazines from the "
                       "pirates.",
                       "So far, the navy has confiscated 14 assault rifles and 31 magazines from the pirates."),
    # a person named as a possessor does not do the act
    ("en", "possessor"): ("The television host presented the Golden Reel Awards in 2007, becoming the second "
                          "woman to present the ceremony alone, after Anna Berg's four stints.",
                          "Maria Lopez presented the Golden Reel Awards in 2007, for which she received an "
                          "award nomination."),
    # an English negation bears on words the other sentence does not tell
    ("en", "does not think"): ("Tom Harlow released a statement through the team later Tuesday.",
                               "Tom Harlow, in a statement released through the team, said he didn't think "
                               "charges would be filed against him."),
    # "I didn't feel we were" and "I feel we weren't" say one thing: each holds a negation
    ("en", "negation raised"): ("\"I feel on the floor we weren't executing the philosophy that we want to have "
                                "as a team.\"",
                                "\"I didn't feel on the floor we were executing the philosophy we wanted to have "
                                "as a team.\""),
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
                                     text="He had 59 catches for 1098 yards in 2008.")])
    assert [t.value for t in art.times] == ["2008"]


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
