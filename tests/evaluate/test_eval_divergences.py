"""The real-story part of the divergences evaluation, on invented data written to a folder in
the shape of RPM2 and ECB+."""

from recoupe.evaluate import lower_is_better
from recoupe.evaluate.divergences import real_stories

DENIED = ("Le ministre de l'Intérieur, Paul Garnier, a démissionné mardi soir après la publication "
          "du rapport sur les émeutes de Vierzon.")
DENIES = ("Le ministre de l'Intérieur, Paul Garnier, n'a pas démissionné mardi soir après la publication "
          "du rapport sur les émeutes de Vierzon.")
ECB = [("A freight train derailed near Castelbrune on Tuesday evening .", "Nobody was hurt , the prefecture said ."),
       ("A freight train carrying grain derailed on Tuesday near Castelbrune .", "The line will stay closed for days .")]


def write(root):
    docs = root / "rpm2-fr" / "documents"
    docs.mkdir(parents=True)
    for n, text in enumerate((DENIED, DENIES), 1):
        (docs / f"T01_C1_0{n}.txt").write_text(f"Démission\n{text}\n", encoding="utf-8")
    rows = []
    for d, sents in enumerate(ECB, 1):
        for s, sent in enumerate(sents):
            rows += [f"1_{d}ecb.xml\t{s}\t{t}\t{tok}" for t, tok in enumerate(sent.split())]
    (root / "ecbplus").mkdir()
    (root / "ecbplus" / "dev_text.txt").write_text("\n".join(rows) + "\n", encoding="utf-8")


def test_real_stories_count_the_contradictions_of_each_story(tmp_path):
    write(tmp_path)
    stories, articles, flags, dossiers = real_stories(tmp_path)
    assert (stories, articles) == (2, 4)
    assert flags == 1  # the denial of the resignation; the two trains agree
    (rpm2, ecb) = dossiers
    assert [d.kind for d in rpm2.stories[0].divergences if d.contradiction] == ["negation"]
    assert not [d for d in ecb.stories[0].divergences if d.contradiction]


def test_the_story_flag_rate_is_a_ceiling():
    assert lower_is_better("story_flag_rate") and not lower_is_better("daccord_precision")
