"""French quotation patterns, each on sentences written for the test, with exact spans."""

from __future__ import annotations

import pytest

from recoupe.analyze import analyze_articles
from recoupe.model import Article

CASES = {
    "inverted": "« Nous sommes prêts à discuter », a déclaré Jean Dupont, mardi soir.",
    "apposed": "« La réunion aura lieu demain », a indiqué le porte-parole du gouvernement, Olivier Martin.",
    "a-t-il": ("Pierre Lambert, maire de Lyon, a salué la décision du tribunal.\n"
               "« C'est une victoire pour toute la ville », a-t-il ajouté."),
    "selon": "Selon l'agence Reuters, la production de pétrole a chuté de 10 % en un an.",
    "d'après": "D'après Marie Lenoir, le chantier sera terminé avant la fin de l'été.",
    "que": "Le Kremlin a annoncé que la visite durerait encore quelques jours.",
    "incise": "« Nous avons le temps, a-t-il dit, et nous le prendrons », a conclu Paul Girard.",
    "paragraphs": ("Le ministre Paul Durand a longuement répondu aux questions.\n"
                   "« Nous avons entendu les critiques.\n"
                   "« Nous allons changer la loi dès l'automne », a expliqué Paul Durand."),
    "partial": "La ministre Claire Morel a salué une intervention « rapide et maîtrisée » des secours.",
    "nested": "Le juge Marc Roux a estimé que la procédure était « entachée d'irrégularités graves ».",
    "title": "Il a relu « Le Petit Prince » pendant les vacances, puis « Vol de nuit ».",
    "agency": ("L'agence officielle nord-coréenne KCNA a publié un communiqué jeudi.\n"
               "« Les deux pays vont renforcer leur coopération », écrit l'agence."),
    "main person": ("« L'usine de Lille vivra », a déclaré Paul Martin mardi. Paul Martin a rencontré les ouvriers.\n"
                    "« Nous ne fermerons pas ce site », a assuré le ministre."),
    "unnamed lawyer": ("« Je suis innocent », a déclaré Jean Dupont lundi à Paris. Jean Dupont nie les faits.\n"
                       "« Il savait tout depuis le début », a déclaré l'avocat de la partie civile."),
    "tied lawyer": ("Marc Bernard, avocat de la famille, a demandé un nouveau procès. Jean Dupont nie les faits.\n"
                    "« Il savait tout depuis le début », a déclaré l'avocat."),
    "demonym": ("« Il peut encore gagner », a déclaré Eddy Merckx à la presse. Eddy Merckx a couru cinq Tours.\n"
                "« Ce sera très dur », estime le Belge."),
    "institution": ("« Il peut encore gagner », a déclaré Eddy Merckx à la presse.\n"
                    "Le Parlement a affirmé que la loi serait votée avant la fin de l'année."),
    "parent groups": ("Amundi gagne des clients\n"
                      "La société de gestion des groupes Crédit Agricole et Société Générale a publié ses comptes.\n"
                      "Amundi attire les épargnants.\n"
                      "La société de gestion indique que « la collecte a doublé en un an »."),
    "gender": ("Une femme affirme avoir recueilli le petit Karim en Algérie. Karim, qui vit à Lyon, va bien.\n"
               "« Il est mon fils », avait-elle dit."),
    "complement": ("Me Anne Roux, avocate du comptable de la Banque Martin poursuivi pour fraude, conteste les faits.\n"
                   "L'avocate a souligné que son client « n'avait fait qu'obéir aux ordres »."),
    "one of": ("« Je suis innocent », a déclaré Jean Dupont lundi.\n"
               "« Il a retrouvé un emploi stable », a déclaré un des avocats de la banque."),
    "selon source": "Selon une source proche du club, Paul Girard avait signé un contrat de cinq ans en 2019.",
    "c-a-d": ("« Le projet avance », a déclaré Paul Durand lundi.\n"
              "Le ministre a demandé au préfet de saisir la commission « dès demain » (c'est-à-dire mardi) sur ce décret."),
    "unbalanced": ("« Cette phrase ouvre une citation qui ne se ferme jamais.\n"
                   "Le reste de l'article parle d'autre chose, longuement.\n"
                   "Un dernier paragraphe sans aucune marque."),
}


@pytest.fixture(scope="module")
def arts():
    articles = [Article(id=k, origin=f"{k}.txt", source="test", text=t, lang="fr", published="2023-09-14")
                for k, t in CASES.items()]
    out = {a.id: a for a in analyze_articles(articles)}
    for a in out.values():
        assert not [w for w in a.warnings if w.startswith("quotes")], a.warnings
        for q in a.quotes:
            assert a.text[q.start:q.end] == q.text
            for s in (q.cue_span, q.speaker.span):
                assert s is None or a.text[s.start:s.end] == s.text
    return out


def one(a: Article, start: str):
    hits = [q for q in a.quotes if q.text.startswith(start)]
    assert len(hits) == 1, [(q.text, q.kind) for q in a.quotes]
    return hits[0]


def test_inverted_verb(arts):
    q = one(arts["inverted"], "Nous sommes")
    assert (q.text, q.kind, q.cue, q.speaker.name) == ("Nous sommes prêts à discuter", "direct", "déclaré", "Jean Dupont")
    assert q.speaker.span.text == "Jean Dupont"


def test_apposed_role_gives_the_name(arts):
    q = one(arts["apposed"], "La réunion")
    assert q.speaker.name == "Olivier Martin" and q.cue == "indiqué"


def test_a_t_il_ajoute_takes_the_antecedent(arts):
    q = one(arts["a-t-il"], "C'est une victoire")
    assert q.speaker.name == "Pierre Lambert" and q.cue == "ajouté"


def test_selon(arts):
    q = one(arts["selon"], "la production")
    assert q.kind == "indirect" and q.text == "la production de pétrole a chuté de 10 % en un an"
    assert q.speaker.name == "Reuters" and q.cue == "Selon"


def test_d_apres(arts):
    q = one(arts["d'après"], "le chantier")
    assert q.kind == "indirect" and q.speaker.name == "Marie Lenoir"
    assert q.text == "le chantier sera terminé avant la fin de l'été"


def test_que_clause(arts):
    q = one(arts["que"], "la visite")
    assert (q.kind, q.text, q.speaker.name, q.cue) == (
        "indirect", "la visite durerait encore quelques jours", "Kremlin", "annoncé")


def test_incise_gives_two_linked_parts(arts):
    a = arts["incise"]
    first, second = one(a, "Nous avons le temps"), one(a, "et nous le prendrons")
    assert first.text == "Nous avons le temps" and second.text == "et nous le prendrons"
    assert first.cue_span == second.cue_span and first.cue == "dit"
    assert first.kind == second.kind == "direct"


def test_quote_over_two_paragraphs(arts):
    a = arts["paragraphs"]
    q = one(a, "Nous avons entendu")
    assert q.text.endswith("dès l'automne") and "\n" in q.text
    assert q.speaker.name == "Paul Durand"


def test_partial_quote_with_a_cue(arts):
    q = one(arts["partial"], "rapide")
    assert q.text == "rapide et maîtrisée" and q.kind == "direct" and q.speaker.name == "Claire Morel"


def test_quoted_words_inside_a_reported_clause_are_given_both_ways(arts):
    a = arts["nested"]
    clause = one(a, "la procédure")
    words = one(a, "entachée")
    assert clause.kind == "indirect" and words.kind == "direct"
    assert words.text == "entachée d'irrégularités graves" and clause.start < words.start < words.end <= clause.end + 2
    assert clause.speaker.name == words.speaker.name == "Marc Roux"


def test_titles_are_not_quotes(arts):
    assert arts["title"].quotes == []


def test_written_by_the_agency_named_before(arts):
    q = one(arts["agency"], "Les deux pays")
    assert q.speaker.name == "KCNA" and q.cue == "écrit"


def test_unbalanced_marks_swallow_nothing(arts):
    assert all(len(q.text) < 80 for q in arts["unbalanced"].quotes)


def test_a_role_the_article_never_ties_to_a_name_is_its_main_speaker(arts):
    q = one(arts["main person"], "Nous ne fermerons")
    assert q.speaker.name == "Paul Martin"


def test_a_lawyer_is_not_the_main_speaker_and_has_no_name(arts):
    q = one(arts["unnamed lawyer"], "Il savait")
    assert q.speaker.name is None and q.speaker.entity_id is None
    assert q.speaker.role == q.speaker.span.text == "avocat de la partie civile"


def test_a_role_given_to_a_name_elsewhere_takes_that_name(arts):
    q = one(arts["tied lawyer"], "Il savait")
    assert q.speaker.name == "Marc Bernard"


def test_a_nationality_after_an_article_is_a_role_not_a_name(arts):
    assert one(arts["demonym"], "Ce sera").speaker.name == "Eddy Merckx"
    assert one(arts["institution"], "la loi").speaker.name == "Parlement"  # a name, though after "le"


def test_names_completing_a_plural_noun_do_not_hold_the_role_before_them(arts):
    # "la société de gestion des groupes X et Y" is neither X nor Y
    assert one(arts["parent groups"], "la collecte").speaker.name == "Amundi"


def test_the_article_before_a_name_tells_its_gender(arts):
    # "le petit Karim": "elle" is not Karim, though it is the next pronoun after the name
    assert one(arts["gender"], "Il est mon fils").speaker.name is None


def test_a_name_after_de_completes_a_role_and_does_not_hold_it(arts):
    # "avocate du gérant de la Banque Martin": the lawyer is Anne Roux, not the bank
    assert one(arts["complement"], "son client").speaker.name == "Anne Roux"


def test_one_of_the_lawyers_is_a_role_not_the_previous_speaker(arts):
    q = one(arts["one of"], "Il a retrouvé")
    assert q.speaker.name is None and q.speaker.role.startswith("avocats")


def test_the_name_after_selon_x_comma_is_the_clause_subject_not_the_source(arts):
    q = one(arts["selon source"], "Paul Girard")
    assert q.kind == "indirect" and q.speaker.name is None and q.speaker.role.startswith("source")


def test_c_est_a_dire_is_no_reporting_verb(arts):
    q = one(arts["c-a-d"], "dès demain")
    assert q.cue != "dire" and q.speaker.name == "Paul Durand"
