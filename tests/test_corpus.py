"""Loading, validating, cleaning and splitting the corpus."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baliprocess import corpus as corpus_mod
from baliprocess.corpus import CorpusError, load_corpus, split_paragraphs
from corpusfactory import GOOD_BODY, front, good_corpus, write
from examplecount import examples


def seeds_folder(repo: Path = corpus_mod.REPO_ROOT) -> Path | None:
    """``shared/seeds`` beside the repository, where CI puts it (the repository is cloned next to
    ``shared/``); in a git worktree, beside the main checkout that the worktree's ``.git`` file names."""
    checkouts = [repo]
    git = repo / ".git"
    if git.is_file() and git.read_text(encoding="utf-8").startswith("gitdir:"):
        gitdir = (repo / git.read_text(encoding="utf-8").split(":", 1)[1].strip()).resolve()
        common = gitdir / "commondir"
        main_git = (gitdir / common.read_text(encoding="utf-8").strip()).resolve() if common.is_file() else gitdir
        checkouts.append(main_git.parent)
    return next((c.parent / "shared" / "seeds" for c in checkouts if (c.parent / "shared" / "seeds").is_dir()), None)


SEEDS = seeds_folder()


@pytest.fixture(scope="module")
def real():
    return load_corpus(corpus_mod.DEFAULT_CORPUS)


# --- the real corpus -------------------------------------------------------------------------------


def test_real_corpus_documents(real):
    assert list(real.documents["doc_id"]) == [
        "goff-dalziel-2002",
        "cochairs-2002",
        "som2-brisbane-2004",
        "lees-galloway-2018",
        "mfat-smuggling-page",
    ]
    assert real.documents["date"].is_monotonic_increasing
    content = real.paragraphs[real.paragraphs["kind"] == "paragraph"]
    assert (
        real.documents["n_paragraphs"] == content.groupby("doc_id").size().reindex(real.documents["doc_id"]).to_numpy()
    ).all()


def test_paragraph_ids_are_stable_and_unique(real):
    p = real.paragraphs
    assert p["paragraph_id"].is_unique
    assert (p["paragraph_id"] == p["doc_id"] + "-p" + p["position"].map("{:02d}".format)).all()


def test_statement_numbered_paragraphs_and_bullets(real):
    st_ = real.paragraphs[real.paragraphs["doc_id"] == "cochairs-2002"]
    labels = [int(x) for x in st_["label"] if x]
    assert labels == list(range(1, 29))
    after_17 = st_[st_["position"] > int(st_.loc[st_["label"] == "17", "position"].iloc[0])]
    bullets = after_17[after_17["text"].str.startswith("•")]
    assert len(bullets) == 6
    assert bullets.iloc[0]["text"].startswith("• developing more effective information")
    assert st_.loc[st_["label"] == "1", "paragraph_id"].iloc[0] == "cochairs-2002-p05"


def test_soft_wrapped_line_is_joined(real):
    text = real.paragraphs.set_index("paragraph_id").loc["som2-brisbane-2004-p09", "text"]
    assert "since the second Ministerial meeting and made recommendations to Ministers" in text


def test_boilerplate_is_removed_and_ocr_fixed(real):
    allt = "\n".join(real.paragraphs["text"])
    for gone in (
        "Back To Top",
        "IIP Home",
        "-min Image",
        "(external link)",
        "On this page",
        "press sec.",
        "lOM",
        "emphasis ed",
        "LTN Conventions",
        "addresses addresses",
        "AustraliaDate",
    ):
        assert gone not in allt, gone
    assert "offer of IOM and UNHCR" in allt
    assert "relevant UN Conventions and Protocols" in allt


def test_line_numbers_point_into_the_file(real):
    row = real.paragraphs.set_index("paragraph_id").loc["cochairs-2002-p05"]
    lines = (corpus_mod.DEFAULT_CORPUS / "002_e5288f2e5b665275.txt").read_text(encoding="utf-8").splitlines()
    assert lines[row["line"] - 1].startswith("1. We, the Foreign Ministers")


def test_seeds_are_found_beside_the_repository_or_its_main_checkout(tmp_path: Path) -> None:
    (tmp_path / "shared" / "seeds").mkdir(parents=True)
    main, worktree = tmp_path / "repo", tmp_path / "wt" / "branch"
    (main / ".git" / "worktrees" / "branch").mkdir(parents=True)
    (main / ".git" / "worktrees" / "branch" / "commondir").write_text("../..\n", encoding="utf-8")
    worktree.mkdir(parents=True)
    (worktree / ".git").write_text(f"gitdir: {main / '.git' / 'worktrees' / 'branch'}\n", encoding="utf-8")
    assert seeds_folder(main) == seeds_folder(worktree) == tmp_path / "shared" / "seeds"
    (tmp_path / "elsewhere" / "repo").mkdir(parents=True)
    assert seeds_folder(tmp_path / "elsewhere" / "repo") is None


@pytest.mark.skipif(SEEDS is None, reason="no shared/seeds beside the repository (or its main checkout)")
def test_bodies_equal_the_seed_documents():
    for seed in sorted(SEEDS.iterdir()):
        ours = (corpus_mod.DEFAULT_CORPUS / seed.name).read_text(encoding="utf-8")
        theirs = seed.read_text(encoding="utf-8")
        body = ours.split("\n---\n", 1)[1]
        expected = theirs.split("\n---\n", 1)[1] if theirs.startswith("---\n") else theirs
        assert body == expected, seed.name


# --- splitting -------------------------------------------------------------------------------------


def _split(text: str) -> list[str]:
    return [t for _, t in split_paragraphs(list(enumerate(text.split("\n"), start=1)))]


def test_split_rules():
    text = (
        "Heading line\nFirst sentence of a paragraph that\ncontinues here.\n\n"
        "17. Ministers agreed:\n  • one item\n  • two,\n    wrapped item\n18. Next paragraph\n- dash item"
    )
    assert _split(text) == [
        "Heading line",
        "First sentence of a paragraph that continues here.",
        "17. Ministers agreed:",
        "• one item",
        "• two, wrapped item",
        "18. Next paragraph",
        "- dash item",
    ]


def test_split_reports_first_line_numbers():
    pairs = split_paragraphs([(10, "One"), (11, ""), (12, "Two starts"), (13, "and goes on")])
    assert pairs == [(10, "One"), (12, "Two starts and goes on")]


def test_hard_wrapped_block_is_reflowed_into_paragraphs():
    # copied from a PDF: wrapped at about 60 characters, a date and a list cut at line ends
    text = (
        "The Ministers met in Bali from 30 March to 1 April 2009 and\n"
        "welcomed delegations from Afghanistan, Bangladesh, Fiji,\n"
        "Myanmar, Nepal, New Zealand and the Philippines to the\n"
        "Conference.\n"
        "Ministers agreed to meet again in 2011 at a place to be\n"
        "decided by the Co-Chairs in consultation with all members\n"
        "of the Process."
    )
    assert _split(text) == [
        "The Ministers met in Bali from 30 March to 1 April 2009 and welcomed delegations from Afghanistan, "
        "Bangladesh, Fiji, Myanmar, Nepal, New Zealand and the Philippines to the Conference.",
        "Ministers agreed to meet again in 2011 at a place to be decided by the Co-Chairs in consultation with "
        "all members of the Process.",
    ]


def test_one_line_paragraphs_are_not_taken_for_a_hard_wrapped_block():
    text = (
        "Ministers welcomed the report of the Ad Hoc Group on its work since the last meeting.\n"
        "Ministers noted the progress made by the Regional Support Office in Bangkok.\n"
        "Ministers agreed to meet again in 2011."
    )
    assert len(_split(text)) == 3


def test_markdown_heading_is_a_paragraph_of_its_own():
    assert _split("## Outcomes\nthe Ministers agreed\nMinisters noted") == [
        "## Outcomes",
        "the Ministers agreed",
        "Ministers noted",
    ]


def test_heading_kind_and_content_count(tmp_path):
    body = "# Co-Chairs' Statement\n\nMinisters met in Bali.\n\n## Outcomes\n\nThey agreed on two points.\n"
    (tmp_path / "a.md").write_text(front() + body, encoding="utf-8")
    c = load_corpus(tmp_path)
    assert c.paragraphs["kind"].tolist() == ["heading", "paragraph", "heading", "paragraph"]
    assert c.paragraphs["text"].tolist()[:2] == ["Co-Chairs' Statement", "Ministers met in Bali."]
    assert c.documents["n_paragraphs"].tolist() == [2]


_words = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=12)


@examples(300)
@given(st.lists(st.one_of(_words, st.sampled_from(["", "  ", "•", "- x", "12. y", "a,", "B."])), max_size=30))
def test_splitting_never_loses_or_reorders_text(lines):
    paragraphs = split_paragraphs(list(enumerate(lines, start=1)))
    assert "".join("".join(p.split()) for _, p in paragraphs) == "".join("".join(line.split()) for line in lines)
    assert [n for n, _ in paragraphs] == sorted(n for n, _ in paragraphs)
    assert all(p == " ".join(p.split()) and p for _, p in paragraphs)


# --- bad input: one problem per line, naming the file ---------------------------------------------

BAD_CASES = {
    "no-front-matter.md": ("Just text.\n", r"no YAML front matter"),
    "bad-yaml.md": ('---\ntitle: "unclosed\ndate: 2002-02-25\n---\nBody.\n', r"front matter is not valid YAML"),
    "unclosed.md": ('---\ntitle: "x"\ndate: 2002-02-25\nBody.\n', r"front matter is not closed"),
    "no-title.md": ("---\ndate: 2002-02-25\n---\nBody a.\n", r"missing title"),
    "no-date.md": ('---\ntitle: "x"\n---\nBody b.\n', r"missing date"),
    "impossible-date.md": ('---\ntitle: "x"\ndate: 2002-02-30\n---\nBody c.\n', r"impossible date '2002-02-30'"),
    "not-iso-date.md": ('---\ntitle: "x"\ndate: 25 February 2002\n---\nBody d.\n', r"is not an ISO date"),
    "latin1.txt": (front().encode() + "Caf\xe9 in Bali.\n".encode("latin-1"), r"not valid UTF-8 \(byte 0xe9"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", r"binary file"),
    "empty.md": ("", r"empty file"),
    "empty-body.md": (front() + "\n  \n", r"empty body"),
    "bad-type.md": (front(doc_type="memo") + "Body e.\n", r"doc_type 'memo' is not one of"),
    "notes.pdf": (b"%PDF-1.4", r"not a corpus document"),
}


@pytest.mark.parametrize("name", sorted(BAD_CASES))
def test_each_bad_input_gives_one_line_naming_the_file(tmp_path, name):
    content, pattern = BAD_CASES[name]
    good_corpus(tmp_path)
    path = write(tmp_path, name, content)
    with pytest.raises(CorpusError) as info:
        load_corpus(tmp_path)
    problems = info.value.problems
    assert len(problems) == 1, [str(p) for p in problems]
    line = str(problems[0])
    assert line.startswith(f"{path}:") and "\n" not in line
    assert re.search(pattern, line), line


def test_yaml_error_and_date_carry_line_numbers(tmp_path):
    write(tmp_path, "a.md", '---\ntitle: "x"\ndate: 2002-02-30\n---\nBody.\n')
    with pytest.raises(CorpusError) as info:
        load_corpus(tmp_path)
    assert str(info.value.problems[0]).startswith(f"{tmp_path / 'a.md'}:3: impossible date")


def test_duplicates_are_reported(tmp_path):
    write(tmp_path, "a.md", front(id="same") + "Body one.\n")
    write(tmp_path, "b.md", front(id="same") + "Body two.\n")
    write(tmp_path, "c.md", front(title="C") + GOOD_BODY)
    write(tmp_path, "d.md", front(title="D") + GOOD_BODY.replace("\n", "\r\n"))
    with pytest.raises(CorpusError) as info:
        load_corpus(tmp_path)
    lines = [str(p) for p in info.value.problems]
    assert lines == [
        f"{tmp_path / 'b.md'}: duplicate id 'same' (also used by {tmp_path / 'a.md'})",
        f"{tmp_path / 'd.md'}: same body text as {tmp_path / 'c.md'} (duplicate document)",
    ]


def test_every_problem_is_reported_at_once(tmp_path):
    for name in ("empty.md", "no-title.md", "latin1.txt"):
        content, _ = BAD_CASES[name]
        write(tmp_path, name, content)
    with pytest.raises(CorpusError) as info:
        load_corpus(tmp_path)
    assert sorted(p.path.name for p in info.value.problems) == ["empty.md", "latin1.txt", "no-title.md"]


def test_bom_and_crlf_are_accepted(tmp_path):
    write(
        tmp_path,
        "bom.md",
        b"\xef\xbb\xbf"
        + (front() + "Line one\r\ncontinues.\r\n\r\nTwo.\r\n").encode().replace(b"\n", b"\r\n").replace(b"\r\r", b"\r"),
    )
    c = load_corpus(tmp_path)
    assert list(c.paragraphs["text"]) == ["Line one continues.", "Two."]
    assert c.paragraphs["line"].tolist() == [5, 8]


def test_readme_and_dotfiles_are_not_documents(tmp_path):
    good_corpus(tmp_path, 1)
    write(tmp_path, "README.md", "# About this corpus\n")
    write(tmp_path, ".hidden.md", "not yaml at all")
    assert len(load_corpus(tmp_path).documents) == 1


def test_missing_and_empty_folders(tmp_path):
    with pytest.raises(CorpusError, match="no such corpus directory"):
        load_corpus(tmp_path / "nope")
    with pytest.raises(CorpusError, match="no documents found"):
        load_corpus(tmp_path)


def test_environment_variable_overrides_default(tmp_path, monkeypatch):
    good_corpus(tmp_path, 3)
    monkeypatch.setenv("BALIPROCESS_CORPUS", str(tmp_path))
    assert corpus_mod.corpus_dir() == tmp_path
    assert len(load_corpus().documents) == 3


def test_default_id_is_file_stem(tmp_path):
    good_corpus(tmp_path, 1)
    assert load_corpus(tmp_path).documents["doc_id"].tolist() == ["doc0"]


def test_word_count():
    assert corpus_mod.count_words("Co-Chairs’ statement, 26-28 February — 2002!") == 5


# --- dates known to the day, the month or the year ------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "start", "end", "precision"),
    [
        ("2016", "2016-01-01", "2016-12-31", "year"),  # YAML gives an int
        ("'2016'", "2016-01-01", "2016-12-31", "year"),  # a quoted str
        ("2016-03", "2016-03-01", "2016-03-31", "month"),
        ("2016-02", "2016-02-01", "2016-02-29", "month"),  # a leap year's February
        ("2016-03-23", "2016-03-23", "2016-03-23", "day"),
        ("'2016-03-23'", "2016-03-23", "2016-03-23", "day"),
    ],
)
def test_front_matter_date_precision(tmp_path, written, start, end, precision):
    path = write(tmp_path, "a.md", front(date=written) + "Body.\n")
    doc, problems = corpus_mod.read_document(path)
    assert problems == []
    assert (doc.date_start.isoformat(), doc.date_end.isoformat(), doc.date_precision) == (start, end, precision)
    row = load_corpus(tmp_path).documents.iloc[0]
    assert (row["date"].date().isoformat(), row["date_end"].date().isoformat(), row["date_precision"]) == (
        start,
        end,
        precision,
    )


def test_parse_doc_date_takes_what_yaml_gives():
    import datetime as dt

    from baliprocess.docdate import DateFormError, parse_doc_date

    assert str(parse_doc_date(dt.date(2016, 3, 23))) == "2016-03-23"
    assert str(parse_doc_date(2016)) == "2016"
    assert parse_doc_date("2016-03").end == dt.date(2016, 3, 31)
    for bad in (True, 2016.5, dt.datetime(2016, 3, 23, 10), "2016-3", "16-03-23", ""):
        with pytest.raises(DateFormError):
            parse_doc_date(bad)


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("2016-13", "3: impossible date '2016-13' (month must be in 1..12, not 13)"),
        ("2016-00-10", "3: impossible date '2016-00-10' (month must be in 1..12, not 0)"),
        ("2015-02-29", "3: impossible date '2015-02-29' (day is out of range for month)"),
        ("'0000'", "3: impossible date '0000' (year must be in 1..9999, not 0)"),
        ("0000", "3: date 0 is not an ISO date YYYY, YYYY-MM or YYYY-MM-DD"),  # YAML reads an int
        ("2016-3", "3: date '2016-3' is not an ISO date YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2016-03-23 10:00", "3: date '2016-03-23 10:00' is not an ISO date YYYY, YYYY-MM or YYYY-MM-DD"),
        ("March 2016", "3: date 'March 2016' is not an ISO date YYYY, YYYY-MM or YYYY-MM-DD"),
        ("[2016]", "3: date [2016] is not an ISO date YYYY, YYYY-MM or YYYY-MM-DD"),
    ],
)
def test_invalid_dates_are_reported(tmp_path, written, message):
    path = write(tmp_path, "a.md", front(date=written) + "Body.\n")
    assert [str(p) for p in corpus_mod.read_document(path)[1]] == [f"{path}:{message}"]


def test_documents_sort_by_interval_start(tmp_path):
    write(tmp_path, "year.md", front(title="Y", date="2016") + "Year body.\n")
    write(tmp_path, "day.md", front(title="D", date="2016-01-02") + "Day body.\n")
    write(tmp_path, "month.md", front(title="M", date="2015-12") + "Month body.\n")
    docs = load_corpus(tmp_path).documents
    assert docs["doc_id"].tolist() == ["month", "year", "day"]
    assert docs["date_precision"].tolist() == ["month", "year", "day"]


# --- the ignore file ------------------------------------------------------------------------------------


def test_ignore_file_skips_files_and_says_which(tmp_path):
    good_corpus(tmp_path, 2)
    write(tmp_path, corpus_mod.IGNORE_FILE, "# originals kept beside the documents\n*.pdf\n\n/notes-*.md\nscans/\n")
    write(tmp_path, "a.pdf", b"%PDF-1.4")
    write(tmp_path, "b.PDF", b"%PDF-1.4")  # patterns are case-sensitive, as in git
    write(tmp_path, "notes-draft.md", "not a document")
    (tmp_path / "scans").mkdir()
    with pytest.raises(CorpusError) as info:
        load_corpus(tmp_path)
    assert [str(p) for p in info.value.problems] == [
        f"{tmp_path / 'b.PDF'}: not a corpus document (only .md, .txt files are read)"
    ]
    (tmp_path / "b.PDF").unlink()
    c = load_corpus(tmp_path)
    assert len(c.documents) == 2
    assert c.ignored == {"*.pdf": ["a.pdf"], "notes-*.md": ["notes-draft.md"], "scans/": ["scans"]}


def test_folder_pattern_does_not_match_a_file(tmp_path):
    good_corpus(tmp_path, 1)
    write(tmp_path, corpus_mod.IGNORE_FILE, "scans/\n")
    write(tmp_path, "scans", "a file named like the folder pattern")
    with pytest.raises(CorpusError, match="scans: not a corpus document"):
        load_corpus(tmp_path)


def test_unsupported_ignore_patterns_are_reported(tmp_path):
    good_corpus(tmp_path, 1)
    ignore = write(tmp_path, corpus_mod.IGNORE_FILE, "*.pdf\n!keep.pdf\nsub/*.md\n")
    with pytest.raises(CorpusError) as info:
        load_corpus(tmp_path)
    assert [str(p) for p in info.value.problems] == [
        f"{ignore}:2: negated pattern '!keep.pdf' is not supported",
        f"{ignore}:3: pattern 'sub/*.md' names a path; the corpus is one flat folder, "
        "so patterns match file names only",
    ]
