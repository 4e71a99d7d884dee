import pytest

from recoupe.ingest.published import from_text, in_future, normalise, publication_date


@pytest.mark.parametrize("value, expected", [
    ("2023-09-14T08:30:00+02:00", "2023-09-14"),
    ("2023-09", "2023-09"),
    ("Thu, 14 Sep 2023 08:00:00 GMT", "2023-09-14"),
    ("14/09/2023", "2023-09-14"),
    ("14 septembre 2023", "2023-09-14"),
    ("September 14, 2023", "2023-09-14"),
    ("2023-13-45", None),
    ("hier", None),
    ("", None),
])
def test_normalise_metadata(value, expected):
    assert normalise(value) == expected


@pytest.mark.parametrize("text, hint, expected", [
    ("Ils se rencontrent depuis le mercredi 13 septembre 2023 en Russie. La visite durera, a "
     "annoncé le Kremlin ce jeudi 14 septembre 2023.", None, "2023-09-14"),
    ("a déclaré le président à la presse ce 13 septembre, avant la rencontre.", "2023-09", "2023-09-13"),
    ("a déclaré le président à la presse ce 13 septembre, avant la rencontre.", None, None),
    ("a déclaré le président ce 13 août, avant la rencontre.", "2023-09", None),  # disagrees
    ("MOSCOU, 14 septembre 2023 (AFP) - Le président russe a reçu son homologue.", None, "2023-09-14"),
    ("Publié le 14/09/2023 à 10h32\n\nLe président russe a reçu son homologue.", None, "2023-09-14"),
    ("Le 23 août 2005, le journal a publié une enquête. Elle était retenue depuis le "
     "23 février 2002 par les FARC.", None, None),  # event dates, not the article's
    ("La loi est en vigueur depuis ce 1er janvier 2023, a rappelé le ministre.", None, None),
    ("The summit, held on Wednesday, was announced today, September 14, 2023.", None, "2023-09-14"),
])
def test_from_text(text, hint, expected):
    assert from_text(text, hint) == expected


def test_signal_order():
    text = "MOSCOU, 14 septembre 2023 (AFP) - Le président a parlé."
    assert publication_date("2023-09-15", "2023-09", text) == ("2023-09-15", "metadata")
    assert publication_date(None, "2023-09", text) == ("2023-09-14", "text")
    assert publication_date(None, "2023-09", "Rien.") == ("2023-09", "header")
    assert publication_date(None, None, "Rien.") == (None, None)


def test_in_future():
    assert in_future("2999-01") and not in_future("2001-05-06") and not in_future("2001")
