"""find_times: spans, TimeML types and values, anchors, bad input (English and shared cases)."""

from __future__ import annotations

import time

import pytest

from recoupe.analyze.dates import find_times, parse_anchor


def one(text, anchor="2023-09-14", lang="en"):
    found = find_times(text, anchor, lang)
    assert len(found) == 1, found
    return found[0]


def test_spans_are_exact():
    text = "On Wednesday, Sept. 13, 2023, the talks lasted two days; last week they met in July."
    for t in find_times(text, "2023-09-14", "en"):
        assert text[t.start:t.end] == t.text


@pytest.mark.parametrize("phrase,typ,value", [
    ("Wednesday", "DATE", "2023-09-13"),
    ("last Friday", "DATE", "2023-09-08"),
    ("next Monday", "DATE", "2023-09-18"),
    ("yesterday", "DATE", "2023-09-13"),
    ("today", "DATE", "2023-09-14"),
    ("tomorrow", "DATE", "2023-09-15"),
    ("last week", "DATE", "2023-W36"),
    ("last year", "DATE", "2022"),
    ("this month", "DATE", "2023-09"),
    ("two years", "DURATION", "P2Y"),
    ("three days ago", "DATE", "2023-09-11"),
    ("Sept. 13, 2023", "DATE", "2023-09-13"),
    ("March 31", "DATE", "2023-03-31"),
    ("the third quarter", "DATE", "2023-Q3"),
    ("now", "DATE", "PRESENT_REF"),
    ("daily", "SET", "P1D"),
    ("the 1990s", "DATE", "199X"),
    ("10:35 a.m.", "TIME", "2023-09-14T10:35"),
])
def test_english_phrases(phrase, typ, value):
    t = one(f"It happened {phrase}.")
    assert (t.text, t.type, t.value) == (phrase, typ, value)


def test_relative_values_record_their_anchor():
    assert one("It happened yesterday.").anchor == "2023-09-14"
    assert one("It happened in 2019.").anchor is None


def test_future_tense_looks_forward():
    assert one("The summit will open on Friday.").value == "2023-09-15"


def test_no_anchor_still_resolves_absolute_dates():
    assert one("It happened on Sept. 13, 2023.", anchor=None).value == "2023-09-13"
    assert one("It happened yesterday.", anchor=None).value == "XXXX-XX-XX"


def test_partial_anchor():
    assert parse_anchor("2023-09") == (2023, 9, None)
    assert one("It happened on Sept. 13.", anchor="2023-09").value == "2023-09-13"
    assert one("It happened yesterday.", anchor="2023-09").value == "XXXX-XX-XX"


def test_modal_may_is_not_a_month():
    assert find_times("Prices may rise and troops march on.", "2023-09-14", "en") == []


@pytest.mark.parametrize("text", ["", " ", "\x00\x01", "31 février", "Feb. 31, 2023"])
def test_bad_input_gives_no_crash(text):
    for lang in ("fr", "en"):
        for t in find_times(text, "2023-09-14", lang):
            assert text[t.start:t.end] == t.text


@pytest.mark.parametrize("anchor", [None, "", "garbage", "2023-13-45", "2023-02-30T10:00", "2099-01-01"])
def test_odd_anchors(anchor):
    found = find_times("hier, mercredi, le 13 septembre 2023", anchor, "fr")
    assert [t.text for t in found] == ["hier", "mercredi", "le 13 septembre 2023"]
    assert found[2].value == "2023-09-13"


def test_huge_paragraph_in_bounded_time():
    text = ("Le 13 septembre 2023, mercredi, il y a deux jours " + "a" * 200 + " 1 2 3 h h h ") * 2500
    text = text[:1_000_000]
    started = time.perf_counter()
    found = find_times(text, "2023-09-14", "fr")
    assert time.perf_counter() - started < 20
    assert found and all(text[t.start:t.end] == t.text for t in found[:100])
    no_space = "9" * 1_000_000
    started = time.perf_counter()
    find_times(no_space, "2023-09-14", "en")
    assert time.perf_counter() - started < 10


def test_other_languages_get_what_is_written_alike():
    text = "Am 14.09.2023 um 14:30 Uhr, Bericht vom 2023-09-13. Im Mars wurde es kalt."
    found = find_times(text, "2023-09-14", "de")
    assert [(t.text, t.value) for t in found] == [("14.09.2023", "2023-09-14"),
                                                  ("14:30", "2023-09-14T14:30"),
                                                  ("2023-09-13", "2023-09-13")]


def test_iso_dates_in_any_language():
    assert one("Filed on 2023-09-13 in court.").value == "2023-09-13"
    assert one("Publié le 2023-09-13.", lang="fr").value == "2023-09-13"
