"""Unit tests of baliprocess.present: whole, escaped, accessible tables and the links they make."""

from __future__ import annotations

import pandas as pd
import pytest
from bs4 import BeautifulSoup
from docutils.nodes import make_id

from baliprocess import present
from baliprocess.present import cite_id, cite_link, para_anchor, para_link, show_table


def parse(table: present.Table) -> BeautifulSoup:
    return BeautifulSoup(table.html, "html.parser")


def frame(n: int = 3) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "date": pd.date_range("2002-02-01", periods=n, freq="D"),
            "event": [f"Meeting number {i} of the ministers and officials" for i in range(n)],
            "n_countries": list(range(40, 40 + n)),
            "share": [i / 10 for i in range(n)],
            "source": ["cochairs-2002-p05", "jakpost-2018", "som2-brisbane-2004-p07; cochairs-2002-p21"][:n]
            + ["cochairs-2002-p05"] * max(0, n - 3),
        }
    )


def test_script_in_a_cell_is_escaped_text() -> None:
    payload = '<script>alert(1)</script><img src=x onerror="alert(2)"> & {glue:text}`x` **b**'
    df = pd.DataFrame({"title <b>": [payload], "note": [payload]})
    table = show_table(df, caption='<i>caption</i> "quoted"', links={"note": "text"})
    page = parse(table)
    assert page.find("script") is None and page.find("img") is None and page.find("b") is None
    assert page.find("i") is None
    assert [td.get_text() for td in page.find_all("td")] == [payload, payload]
    assert page.find("th").get_text() == "title <b>"
    assert page.find("caption").get_text() == '<i>caption</i> "quoted"'
    assert "&lt;script&gt;" in table.html


def test_a_500_character_cell_is_shown_whole_in_html_and_text() -> None:
    long_text = " ".join(["word"] * 100)[:499] + "Z"
    assert len(long_text) == 500
    with pd.option_context("display.max_colwidth", 20):
        table = show_table(pd.DataFrame({"text": [long_text]}), caption="Long")
    assert parse(table).find("td").get_text() == long_text
    assert long_text in repr(table)
    assert "..." not in table.html and "..." not in repr(table)


def test_one_header_row_and_no_empty_header_cell() -> None:
    df = frame().set_index("date")
    df.index.name = "date"
    df.columns.name = "columns name"  # pandas would print this in an extra header row
    page = parse(show_table(df, caption="Events"))
    assert len(page.find("thead").find_all("tr")) == 1
    headers = [th.get_text(strip=True) for th in page.find_all("th")]
    assert headers == ["date", "event", "n_countries", "share", "source"]
    assert all(headers)
    assert not page.find("tbody").find_all("th")


def test_a_table_without_rows_says_so_in_one_row_across_its_columns() -> None:
    empty = frame().iloc[0:0]
    table = show_table(empty, caption="Errors", interactive=True, empty="none <left>")
    page = parse(table)
    [row] = page.find("tbody").find_all("tr")
    [cell] = row.find_all("td")
    assert cell.get_text() == "none <left>" and cell["colspan"] == str(len(empty.columns))
    assert "bp-interactive" not in page.find("table")["class"]  # no search or paging over one message row
    assert repr(table).startswith("Errors\n(none <left>) date, event")
    assert parse(show_table(frame(1), caption="x", empty="none")).find("td").get_text() != "none"


def test_an_unnamed_column_is_refused() -> None:
    with pytest.raises(ValueError, match="every column needs a name"):
        show_table(pd.DataFrame({"": [1]}), caption="x")


def test_a_table_needs_an_accessible_name() -> None:
    with pytest.raises(ValueError, match="caption or a label"):
        show_table(frame())
    page = parse(show_table(frame(), label="Events of the chapter"))
    assert page.find("caption") is None
    assert page.find("table")["aria-label"] == "Events of the chapter"


def test_scroll_region_is_focusable_and_named() -> None:
    wrapper = parse(show_table(frame(), caption="Events")).find("div")
    assert wrapper["class"] == ["table-wrapper"]
    assert wrapper["tabindex"] == "0" and wrapper["role"] == "region" and wrapper["aria-label"] == "Events"


def test_numbers_right_aligned_dates_and_codes_unbroken_text_wraps() -> None:
    page = parse(show_table(frame(), caption="Events"))
    classes = {th.get_text(): th["class"] for th in page.find_all("th")}
    assert classes == {
        "date": ["bp-nowrap"],
        "event": ["bp-text"],
        "n_countries": ["bp-num"],
        "share": ["bp-num"],
        "source": ["bp-text"],
    }
    first_row = [td.get_text() for td in page.find("tbody").find("tr").find_all("td")]
    assert first_row[:4] == ["2002-02-01", "Meeting number 0 of the ministers and officials", "40", "0.00"]
    forced = parse(show_table(frame(), caption="E", nowrap=["source"], wrap=["date"]))
    forced_classes = [th["class"] for th in forced.find_all("th")]
    assert forced_classes[0] == ["bp-text"]
    assert forced_classes[4] == ["bp-nowrap"]


def test_prose_columns_are_marked_long() -> None:
    """A text column with a cell of more than 80 characters is prose (``bp-long``: on a phone it keeps a
    readable measure while the other text columns narrow); a column of short texts is not."""
    df = pd.DataFrame({"theme": ["Capacity building", "Public awareness"], "text": ["short", "w " * 41]})
    classes = {th.get_text(): th["class"] for th in parse(show_table(df, caption="C")).find_all("th")}
    assert classes == {"theme": ["bp-text"], "text": ["bp-text", "bp-long"]}
    assert parse(show_table(df.assign(text="x" * 80), caption="C")).find_all("th")[1]["class"] == ["bp-text"]


def test_missing_values_are_empty_cells_and_formats_apply() -> None:
    df = pd.DataFrame({"name": ["a", None], "share": [0.256, float("nan")]})
    page = parse(show_table(df, caption="x", formats={"share": "{:.0%}"}))
    assert [td.get_text() for td in page.find_all("td")] == ["a", "26%", "", ""]


def test_counts_with_blanks_show_no_decimals() -> None:
    df = pd.DataFrame({"n_countries": [56.0, None, 38.0], "share": [0.5, None, 1.0]})
    page = parse(show_table(df, caption="x"))
    assert [td.get_text() for td in page.find_all("td")] == ["56", "0.50", "", "", "38", "1.00"]


def test_duplicate_column_names_are_refused() -> None:
    with pytest.raises(ValueError, match=r"must be unique: \['a'\]"):
        show_table(pd.DataFrame([[1, 2]], columns=["a", "a"]), caption="x")


def test_repeated_values_are_grouped() -> None:
    df = pd.DataFrame({"n": [1, 2, 3, 4], "event": ["A", "A", "B", None]})
    page = parse(show_table(df, caption="x", group="event"))
    assert [th.get_text() for th in page.find("thead").find_all("th")] == ["event", "n"]
    rows = page.find("tbody").find_all("tr")
    assert [[(c.name, c.get("rowspan"), c.get_text()) for c in r.find_all(["th", "td"])] for r in rows] == [
        [("th", "2", "A"), ("td", None, "1")],
        [("td", None, "2")],
        [("th", "1", "B"), ("td", None, "3")],
        [("td", "1", ""), ("td", None, "4")],
    ]
    assert page.find("tbody").find("th")["scope"] == "rowgroup"
    long = parse(show_table(frame(20), caption="l", group="event")).find("table")
    assert long["data-group-column"] == "0" and not long.find("tbody").find("th")  # DataTables needs every cell
    with pytest.raises(ValueError, match="no such column 'nope' to group by"):
        show_table(df, caption="x", group="nope")


def test_paragraph_and_citation_links() -> None:
    assert para_link("cochairs-2002-p05") == "../book/corpus.html#cochairs-2002-p05"
    assert para_link("cochairs-2002-p05", from_page="notebooks/02_chronology") == para_link("cochairs-2002-p05")
    assert para_link("cochairs-2002-p05", from_page="book/methods") == "corpus.html#cochairs-2002-p05"
    assert para_link("x-p01", from_page="index") == "book/corpus.html#x-p01"
    assert cite_link("jakpost-2018") == "../book/references.html#cite-jakpost-2018"
    assert cite_link("jakpost-2018", from_page="book/corpus") == "references.html#cite-jakpost-2018"
    anchor = BeautifulSoup(para_anchor("a-p01"), "html.parser").a
    assert anchor["href"] == "../book/corpus.html#a-p01" and anchor.get_text() == "a-p01"


@pytest.mark.parametrize(
    "key", ["jakpost-2018", "Pedregosa2011", "sparck_jones.1972", "2018-report", "Spärck--Jones 1972!", "a:b/c"]
)
def test_citation_ids_match_docutils(key: str) -> None:
    """sphinxcontrib-bibtex passes the id template through docutils' make_id; ours must agree."""
    assert cite_id(key) == make_id(f"cite-{key}")


def test_link_columns_link_each_key_and_keep_separators() -> None:
    page = parse(show_table(frame(), caption="Events", links={"source": "source", "event": "text"}))
    cells = [td for td in page.find_all("td") if td.find("a")]
    hrefs = [[a["href"] for a in td.find_all("a")] for td in cells]
    assert hrefs == [
        ["../book/corpus.html#cochairs-2002-p05"],
        ["../book/references.html#cite-jakpost-2018"],
        ["../book/corpus.html#som2-brisbane-2004-p07", "../book/corpus.html#cochairs-2002-p21"],
    ]
    assert cells[2].get_text() == "som2-brisbane-2004-p07; cochairs-2002-p21"
    note = pd.DataFrame({"note": ["Dated by the heading (cochairs-2002-p03); see also x-p1 and <b>."]})
    td = parse(show_table(note, caption="n", links={"note": "text"})).find("td")
    assert [a["href"] for a in td.find_all("a")] == ["../book/corpus.html#cochairs-2002-p03"]
    assert td.get_text() == note["note"][0]


def test_bad_options_are_reported() -> None:
    with pytest.raises(ValueError, match=r"no such column\(s\) \['nope'\]"):
        show_table(frame(), caption="x", links={"nope": "source"})
    with pytest.raises(ValueError, match="unknown link kind"):
        show_table(frame(), caption="x", links={"source": "url"})


def test_long_tables_are_interactive_short_ones_static() -> None:
    short = parse(show_table(frame(present.INTERACTIVE_MIN_ROWS), caption="s")).find("table")
    long = parse(show_table(frame(present.INTERACTIVE_MIN_ROWS + 1), caption="l")).find("table")
    assert "bp-interactive" not in short["class"]
    assert "bp-interactive" in long["class"] and long["data-page-length"] == str(present.INTERACTIVE_MIN_ROWS)
    assert len(long.find("tbody").find_all("tr")) == present.INTERACTIVE_MIN_ROWS + 1  # whole without JS


def test_output_is_deterministic_and_has_no_ids() -> None:
    first, second = show_table(frame(40), caption="Events"), show_table(frame(40), caption="Events")
    assert first.html == second.html and repr(first) == repr(second)
    assert parse(first).find(id=True) is None
    bundle = first._repr_html_(), repr(first)
    assert bundle == (second._repr_html_(), repr(second))
    assert repr(first).splitlines()[0] == "Events"
