"""Name folding and matching: the table transliteration agrees with unidecode."""

from unidecode import unidecode

from recoupe.stories import names


def test_to_ascii_is_unidecode():
    for text in ["Kim Jong-un à Vostotchny", "Ærøskøbing – «ça» naïve ﬁn", "北京 and Zürich", "Σ ß ŉ ½",
                 "emoji 😀 end", "", "plain ascii"]:
        assert names.to_ascii(text) == unidecode(text)


def test_fold_and_matches():
    assert names.fold("Kim Jong-un") == "kim jong un"
    assert names.person_match("Sergueï Choïgou", "Sergei Shoigu") == "full"
    assert names.person_match("Sergueï Choïgou", "Sergueï Lavrov") is None
    assert names.place_match("Kosmodrom Vostochny", "Vostotchny")
    assert not names.place_match("Kosmodrom Vostochny", "Kosmodrom Baïkonour")
