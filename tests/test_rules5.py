"""General mechanisms added after sorting the third raw set's errors into classes (tests/dev/rules5/README.md):
a list in brackets after the noun that names it; an aside that is a list's only cue; "no delegations came";
a part of a year in words ("the end of 2019", "late in 2019", "the middle of the year"); the days of a meeting
counted by their order ("the second day", "hari kedua"); "representatives" as a unit of people; a count of
"member and observer states"; "with one observer state" closing a break-down; the items of a break-down after
a colon taking the total's kind; a doc_type and a date from the document's structure (a chairs' summary, a
brief, an issuer in the dateline, a meeting in the title, a closing "Circulated ... on" line); a dated line
under a web page's title. Every sentence is invented; the expectations are worked out by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import lxml.html
import pandas as pd
import pytest

from baliprocess import chronology, heldout, membership
from baliprocess.chronology.scan import extract
from baliprocess.corpus import load_corpus
from baliprocess.ingest.proposals import dateline, propose_doc_type, without_site_name
from baliprocess.ingest.structure import restore_date_line
from baliprocess.membership.counts import extract_counts
from baliprocess.membership.runs import sentence_entries
from baliprocess.metrics import prf_row


def _roles(text: str) -> list[tuple[str, str]]:
    return [(e.mention.key, e.role) for e in sentence_entries(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list in brackets after its noun: the bracket is no word between them
        (
            "By 2010 the forum had grown, and its four founding members (Fiji, Samoa, Tonga and Japan) still led it.",
            [("FJI", "member"), ("WSM", "member"), ("TON", "member"), ("JPN", "member")],
        ),
        # the aside is the only cue: it says what the names are
        (
            "The governments of Chile and Peru, who co-chair the network, opened the talks.",
            [("CHL", "co_chair"), ("PER", "co_chair")],
        ),
        # an aside that denies membership gives nothing, and there is no other cue
        ("Chile and Peru, which are not members, spoke about trade.", []),
        # plural "delegations" after "no"
        ("No delegations came from Chile or Peru this time.", [("CHL", "absent"), ("PER", "absent")]),
        # a state whose delegation was led by someone took part
        ("Chile's delegation was headed by a deputy minister.", [("CHL", "participant")]),
        ("Chile's exports were led by copper.", []),
        # Indonesian: "ikut serta" (take part), scheduled to take part, "di antaranya" (among them)
        ("Delegasi Chile dan Peru ikut serta dalam sidang itu.", [("CHL", "participant"), ("PER", "participant")]),
        (
            "Empat negara dijadwalkan ikut serta, di antaranya Chile dan Peru.",
            [("CHL", "expected"), ("PER", "expected")],
        ),
    ],
)
def test_list_roles(text, expected):
    assert _roles(text) == expected


def _dates(text: str, doc_date: dt.date = dt.date(2016, 3, 14)) -> list[tuple[str, str, str]]:
    return [(d["text"], str(d["start"]), str(d["end"])) for d in extract(text, doc_date)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Work resumes at the end of 2020.", [("the end of 2020", "2020-09-01", "2020-12-31")]),
        (
            "A review came late in 2017 and another early in 2018.",
            [
                ("late in 2017", "2017-09-01", "2017-12-31"),
                ("early in 2018", "2018-01-01", "2018-04-30"),
            ],
        ),
        ("The beginning of 2021 is the target.", [("The beginning of 2021", "2021-01-01", "2021-04-30")]),
        # the document's year (2016)
        ("A report is due in the middle of the year.", [("the middle of the year", "2016-05-01", "2016-08-31")]),
        # "the end of the year 2014" is the year 2014, not the document's year
        ("By the end of the year 2014 it was done.", [("2014", "2014-01-01", "2014-12-31")]),
    ],
)
def test_parts_of_a_year_in_words(text, expected):
    assert _dates(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The forum sat from 8 to 10 October 2018. Ministers spoke on the second day and signed on the last day.",
            [
                ("8 to 10 October 2018", "2018-10-08", "2018-10-10"),
                ("the second day", "2018-10-09", "2018-10-09"),
                ("the last day", "2018-10-10", "2018-10-10"),
            ],
        ),
        # beyond the span, or with no span named before: no mention
        ("It met on 3-4 June 2017; the fifth day was cancelled.", [("3-4 June 2017", "2017-06-03", "2017-06-04")]),
        ("Ministers arrive on the first day.", []),
        # "day two" counts the days too; "from day one" means from the start
        (
            "Talks ran from 8 to 10 October 2018; from day one the mood was good, and on day two a deal came.",
            [("8 to 10 October 2018", "2018-10-08", "2018-10-10"), ("day two", "2018-10-09", "2018-10-09")],
        ),
        # "of the month" is no day of a meeting; an ordinal day restated by its date is the date's mention only
        ("From 1 to 3 May 2016, then the first day of the month.", [("1 to 3 May 2016", "2016-05-01", "2016-05-03")]),
        (
            "It ran from 5 to 6 May 2016, with talks on the first day, Thursday 5 May.",
            [("5 to 6 May 2016", "2016-05-05", "2016-05-06"), ("5 May", "2016-05-05", "2016-05-05")],
        ),
        (
            "Sidang berlangsung 12 dan 13 April 2017; hari pertama untuk pejabat, hari kedua untuk menteri.",
            [
                ("12 dan 13 April 2017", "2017-04-12", "2017-04-13"),
                ("hari pertama", "2017-04-12", "2017-04-12"),
                ("hari kedua", "2017-04-13", "2017-04-13"),
            ],
        ),
    ],
)
def test_days_of_a_meeting_by_their_order(text, expected):
    assert _dates(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # weekdays and "this week" restated by their dates are the dates' mention only
        (
            "Experts met in Suva from Tuesday to Friday this week, 11-14 June, to compare registers.",
            [("11-14 June", "2016-06-11", "2016-06-14")],
        ),
        ("The panel sat on Tuesday and Friday, 11 and 14 June.", [("11 and 14 June", "2016-06-11", "2016-06-14")]),
        # without a date after them they are mentions of their own
        (
            "The panel met this week and reported on Monday.",
            [("this week", "2016-03-14", "2016-03-20"), ("Monday", "2016-03-14", "2016-03-14")],
        ),
    ],
)
def test_weekdays_restated_by_their_dates(text, expected):
    assert _dates(text) == expected


def _counts(text: str) -> list[tuple[int, str, str]]:
    return [(c["count"], c["unit"], c["subject"]) for c in extract_counts(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Around 60 government representatives attended.", [(60, "participants", "attendance")]),
        # "member and observer states" together are no count of observers
        (
            "Delegates came from 19 member and observer states.",
            [(19, "states", "attendance")],
        ),
        ("Five observer states attended.", [(5, "states", "observers")]),
        # "with one ..." closes a break-down like "and one ..."
        (
            "Those present were nine member states and two agencies, with one observer state.",
            [(9, "states", "attendance"), (2, "organisations", "attendance"), (1, "states", "observers")],
        ),
        # the items after a colon take the total's kind, whatever verb stands elsewhere in the sentence
        (
            "When the leaders met in 2011, the network had twelve members: eight states and four agencies.",
            [(12, "members", "membership"), (8, "states", "membership"), (4, "organisations", "membership")],
        ),
    ],
)
def test_count_units_and_kinds(text, expected):
    assert _counts(text) == expected


# --- metadata: the document's structure -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "paragraphs", "expected"),
    [
        # a chairs' summary is a statement of the chairs
        (
            "Fourth Meeting of the Border Network",
            ["Suva, 4 June 2019", "Chair's Summary", "Officials met."],
            "statement",
        ),
        # a brief and a sheet "at a glance" are background papers
        ("The network in 2019", ["Policy brief no. 3", "Officials met in Suva."], "other"),
        ("THE NETWORK AT A GLANCE", ["Officials meet twice a year."], "other"),
        # a dateline whose second field names the office that issued it: a release of that office
        ("Border talks end", ["Suva, 4 June 2019 - Department of Foreign Affairs", "Officials met."], "press_release"),
        ("Border talks end", ["June 4, 2019 | Source: Ministry of Home Affairs", "Officials met."], "press_release"),
        # a title that names one meeting, with no other cue: a record of the meeting
        ("Fourth Meeting of the Border Network", ["Suva, 4 June 2019", "Officials met."], "meeting_report"),
        ("Border Network: Planning Session", ["Officials met."], "meeting_report"),
        # a headline names nothing; a dash in a dateline without an office names no issuer
        ("Border talks end in Suva", ["Suva, 4 June 2019 - Reuters", "Officials met."], None),
    ],
)
def test_doc_type_from_structure(title, paragraphs, expected):
    proposed = propose_doc_type(title, paragraphs, False)
    assert (proposed[0] if proposed else None) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Border talks end in Suva | Ministry of Foreign Affairs", "Border talks end in Suva"),
        ("Border talks | Suva", None),  # the heading is not the part before the bar
        ("Border talks end in Suva", None),
    ],
)
def test_a_page_title_without_its_sites_name(title, expected):
    assert without_site_name(title, ["# Border talks end in Suva", "Officials met."]) == expected


def test_a_saved_web_page_stays_a_web_page():
    assert propose_doc_type("Fourth Meeting of the Border Network", ["Officials met."], True)[0] == "web_page"  # type: ignore[index]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["# Border talks", "Suva, 4 June 2019 - Department of Foreign Affairs", "Officials met."], "2019-06-04"),
        # a closing line that says when the text went out
        (["# Border talks", "Officials met and agreed.", "Distributed to all members on 11 July 2019."], "2019-07-11"),
        (["# Border talks", "Officials met and agreed.", "Circulated on 12 July 2019."], "2019-07-12"),
        # a dateline that gives the days of a meeting: its last day, when the text was agreed
        (["# Border talks", "Suva, Fiji, 3–4 June 2019", "Officials met."], "2019-06-04"),
        (["# Border talks", "Suva, June 3-4, 2019", "Officials met."], "2019-06-04"),
        # a sentence of the text gives no date
        (["# Border talks", "Officials met on 4 June 2019."], None),
    ],
)
def test_dateline_fields_and_closing_lines(paragraphs, expected):
    found = dateline(paragraphs)
    assert (str(found[0].start) if found else None) == expected


_TITLE, _TEXT = "# Border talks end", "Officials met in Suva to compare their registers."
_LONG = (
    "Officials of nine states met in Suva on 4 June 2019 to compare the registers they keep of people who "
    "arrive by sea and by air."
)


@pytest.mark.parametrize(
    ("under_title", "restored"),
    [
        # a dated post line without <time> is the date line; the header's clock is not
        ("<p class='post-info'>Posted 4 June 2019 | News</p>", ["Posted 4 June 2019 | News"]),
        ("<p class='byline'>By a staff writer · June 4, 2019</p>", ["By a staff writer · June 4, 2019"]),
        # an undated byline, or a long first paragraph of text, is not put back
        ("<p class='byline'>By a staff writer, Suva</p>", []),
        (f"<p>{_LONG}</p>", []),
    ],
)
def test_a_dated_line_under_the_title_is_put_back(under_title, restored):
    clock = "<header><div class='clock'>Suva | Monday, 3 June 2019</div></header>"
    tree = lxml.html.fromstring(
        f"<html><body>{clock}<h1>Border talks end</h1>{under_title}<p>{_TEXT}</p></body></html>"
    )
    assert restore_date_line(tree, [_TITLE, _TEXT]) == [_TITLE, *restored, _TEXT]


def test_the_generalisation_documents_keep_their_scores():
    """tests/dev/rules5: three documents written after changes 1-5 and scored once before any fix from them (see
    the README); the figures after the fixes of change 6 must hold."""
    dev = Path(__file__).parent / "dev" / "rules5"
    corpus = load_corpus(dev / "corpus")
    gold = {k: pd.read_csv(dev / f"{k}.csv", dtype=str, keep_default_na=False) for k in ("lists", "counts", "dates")}
    rows = heldout.score_list_entities(membership.participation_table(corpus, keep_unresolved=True), gold["lists"])
    rows += heldout.score_count_kinds(membership.counts_table(corpus), gold["counts"])
    got = {row["measure"]: row["value"] for row in rows}
    dates = prf_row("dates", *heldout._date_keys(chronology.date_mentions(corpus), gold["dates"]))
    assert got["list entities precision"] == 1.0 and got["list entities recall"] >= 0.84, got
    assert got["list role accuracy"] == 1.0 and got["count kind accuracy"] >= 0.9, got
    assert got["counts recall"] >= 0.9, got
    assert dates["precision"] == 1.0 and dates["recall"] == 1.0, dates
