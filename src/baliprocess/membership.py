"""Who took part in the Bali Process, who joined, and how the stated counts disagree.

Three exported tables:

* ``participation``: every state or organisation that a corpus paragraph lists as participant, observer,
  co-chair or member, standardised to ISO3 and UN region (states) or a canonical short name (organisations);
* ``membership_counts``: every count of attendance or membership stated in the corpus, digits or words;
* ``membership_panel``: a state-year panel of status, derived from the corpus and ``data/membership.csv``.

Lists are found by their wording ("attended by ...", "... attended as observers", "participating countries
included ...", "co-chaired by ..."), never by paragraph id. Names go through curated tables first
(``data/name_notes.csv``, ``data/organisations.csv``), then through ``country_converter`` once per unique name.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from . import plotting
from .corpus import REPO_ROOT, Corpus
from .schema import Field, Table

__all__ = [
    "TABLES", "build_tables", "DATA_DIR", "ROLES", "STATUS_RANK", "split_list", "resolve_names", "find_lists",
    "participation_table", "parse_number", "extract_counts", "counts_table", "load_membership",
    "load_totals", "load_organisations", "load_region_overrides", "membership_panel", "role_kind_table", "region_table",
    "region_figure", "reconcile_2002", "counts_view", "totals_table", "growth_table", "growth_figure",
    "unresolved_items", "summary",
]

DATA_DIR = REPO_ROOT / "data"
ROLES = ("co_chair", "participant", "observer", "member")
#: When a state has several statuses in one year, the strongest is kept (a co-chair is also a member).
STATUS_RANK = {"co_chair": 4, "member": 3, "participant": 2, "observer": 1}

# --- curated tables -------------------------------------------------------------------------------------


def _read_csv(name: str, data_dir: Path | None = None) -> pd.DataFrame:
    return pd.read_csv((data_dir or DATA_DIR) / name, dtype=str, keep_default_na=False, encoding="utf-8")


def load_organisations(data_dir: Path | None = None) -> pd.DataFrame:
    """``organisations.csv``: short_name, full_name, kind, aliases ('|'-separated), source, note."""
    return _read_csv("organisations.csv", data_dir)


def load_membership(data_dir: Path | None = None) -> pd.DataFrame:
    """``membership.csv`` with ``as_of`` and ``joined`` as nullable integers."""
    df = _read_csv("membership.csv", data_dir)
    for col in ("as_of", "joined"):
        df[col] = pd.to_numeric(df[col].replace("", None), errors="raise").astype("Int64")
    return df


def load_totals(data_dir: Path | None = None) -> pd.DataFrame:
    """``membership_totals.csv``: totals stated by outside sources, with ``year`` and ``count`` as integers."""
    df = _read_csv("membership_totals.csv", data_dir)
    df["year"] = pd.to_numeric(df["year"].replace("", None)).astype("Int64")
    df["count"] = pd.to_numeric(df["count"]).astype("Int64")
    return df


def load_region_overrides(data_dir: Path | None = None) -> pd.DataFrame:
    """``region_overrides.csv``: iso3, region, source, note (UN M49 regions where country_converter differs)."""
    return _read_csv("region_overrides.csv", data_dir)


@lru_cache(maxsize=8)
def _resolved(data_dir: Path | None) -> Path:
    return (data_dir or DATA_DIR).resolve()


def _norm(name: str) -> str:
    """Case-folded name without a leading "the", quotes, or extra whitespace (the matching key)."""
    name = re.sub(r"\s+", " ", name.replace("’", "'")).strip(" .;:“”\"'")
    name = re.sub(r"^(?:and|the)\s+", "", name, flags=re.IGNORECASE)
    return name.casefold()


@lru_cache(maxsize=4)
def _curated(data_dir: Path) -> tuple[dict[str, tuple[str, str]], list[tuple[str, str]], dict[str, str]]:
    """(state name -> (iso3, name), [(alias key, short name)] longest first, short name -> kind)."""
    notes = _read_csv("name_notes.csv", data_dir)
    states = {_norm(r.name_in_text): (r.iso3, r.name) for r in notes.itertuples()}
    orgs = load_organisations(data_dir)
    aliases = sorted({(_norm(a), r.short_name) for r in orgs.itertuples()
                      for a in [r.full_name, r.short_name, *r.aliases.split("|")] if a},
                     key=lambda t: (-len(t[0]), t[0]))
    return states, aliases, dict(zip(orgs["short_name"], orgs["kind"]))


def _match_org(name: str, aliases: list[tuple[str, str]]) -> str | None:
    """The organisation whose alias is ``name`` or is a whole-word part of it (longest alias wins)."""
    key = _norm(name)
    for alias, short in aliases:
        if key == alias or (alias in key and _alias_re(alias).search(key)):
            return short
    return None


@lru_cache(maxsize=1024)
def _alias_re(alias: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(alias)}(?![\w-])")


_CC_CACHE: dict[str, str | None] = {}


def _country_codes(names: Iterable[str]) -> dict[str, str | None]:
    """ISO3 for each name via country_converter's regexes, one call for all names not yet cached.

    A name that matches no country, or more than one, gives ``None``.
    """
    todo = sorted({n for n in names if n not in _CC_CACHE})
    if todo:
        import country_converter as coco

        logger = logging.getLogger("country_converter")
        level = logger.level
        logger.setLevel(logging.CRITICAL)
        try:
            codes = coco.CountryConverter().convert(todo, src="regex", to="ISO3", not_found=None)
        finally:
            logger.setLevel(level)
        codes = codes if isinstance(codes, list) and len(todo) > 1 else [codes]
        for name, code in zip(todo, codes):
            ok = isinstance(code, str) and re.fullmatch(r"[A-Z]{3}", code)
            _CC_CACHE[name] = code if ok else None
    return {n: _CC_CACHE[n] for n in names}


@lru_cache(maxsize=1)
def _country_info() -> pd.DataFrame:
    """ISO3 -> short name and UN region, from country_converter's own table."""
    import country_converter as coco

    data = coco.CountryConverter().data
    return data.drop_duplicates("ISO3").set_index("ISO3")[["name_short", "UNregion"]]


def resolve_names(names: Iterable[str], data_dir: Path | None = None) -> pd.DataFrame:
    """Resolve raw names: columns name_raw, name, iso3, kind (state|organisation|''), region, how.

    Order: curated state names, curated organisations, then country_converter (once for all the rest).
    """
    states, aliases, _ = _curated(_resolved(data_dir))
    names = list(dict.fromkeys(names))
    rows: dict[str, dict[str, str]] = {}
    rest = []
    for raw in names:
        key = _norm(raw)
        if key in states:
            iso3, name = states[key]
            rows[raw] = {"name": name, "iso3": iso3, "kind": "state", "how": "name_notes.csv"}
        elif (short := _match_org(raw, aliases)) is not None:
            rows[raw] = {"name": short, "iso3": "", "kind": "organisation", "how": "organisations.csv"}
        else:
            rest.append(raw)
    cleaned = {raw: re.sub(r"\s+", " ", raw).strip(" .;:") for raw in rest}
    codes = _country_codes(cleaned.values())
    for raw in rest:
        code = codes[cleaned[raw]]
        rows[raw] = ({"name": "", "iso3": code, "kind": "state", "how": "country_converter"} if code
                     else {"name": "", "iso3": "", "kind": "", "how": "unresolved"})
    info = _country_info()
    out = pd.DataFrame([{"name_raw": raw, **rows[raw]} for raw in names],
                       columns=["name_raw", "name", "iso3", "kind", "how"])
    is_state = out["iso3"] != ""
    regions = info["UNregion"].copy()
    overrides = load_region_overrides(data_dir)
    regions.update(overrides.set_index("iso3")["region"])  # curated corrections, each with a source
    out["region"] = out["iso3"].map(regions).where(is_state, "").fillna("")
    fill = is_state & (out["name"] == "")
    out.loc[fill, "name"] = out.loc[fill, "iso3"].map(info["name_short"])
    return out[["name_raw", "name", "iso3", "kind", "region", "how"]]


# --- finding and splitting lists ------------------------------------------------------------------------

_COUNT_START = re.compile(r"^\s*(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|some|over|more)\b)",
                          re.IGNORECASE)
#: (role, pattern with a ``list`` group). Each pattern is tried on each sentence.
LIST_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("participant", re.compile(r"\battended by (?P<list>[^.;]+)")),
    ("participant", re.compile(r"\bparticipating (?:countries|states|governments) included (?P<list>[^.;]+)",
                               re.IGNORECASE)),
    ("participant", re.compile(r"\bIn attendance were (?:representatives (?:from|of) )?(?P<list>[^.;]+?)"
                               r"(?=\s+as well as representatives|[.;]|$)")),
    ("observer", re.compile(r"^(?P<list>[^.;]+?),?\s+(?:also\s+)?attended as observers\b")),
    ("observer", re.compile(r"\b(?P<list>[A-Z][^.;]+?)\s+attended as observers\b")),
    ("co_chair", re.compile(r"\b(?:Foreign |Prime )?(?:Ministers?|Governments?|Co-Chairs?) of "
                            r"(?P<list>[A-Z][\w ]*? and [A-Z][\w ]*?),? (?:had the honour to )?co-chair")),
    ("co_chair", re.compile(r"(?:^|[.;] |“)(?P<list>[A-Z][A-Za-z ]*? and [A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)*)"
                            r" co-chaired\b")),
    ("co_chair", re.compile(r"\bco-chaired by (?:the (?:Governments|Foreign Ministers) of )?(?P<list>[^.;]+)")),
    ("member", re.compile(r"(?P<list>[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)*) is (?:proud to be |now )?an? "
                          r"(?:active |full )?member of the Bali Process\b(?! Steering| Ad Hoc| Working)")),
)
_TRIGGER = re.compile(r"attended|attendance|participating|co-chair|member of the Bali Process", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[“\"A-Z])")
_LABEL = re.compile(r"^\s*\d{1,3}\.\s+")


def _protect(text: str, aliases: list[tuple[str, str]]) -> str:
    """Hide commas inside curated organisation names so that list splitting keeps them whole."""
    for alias, _ in aliases:
        if "," in alias:
            text = re.sub(re.escape(alias), lambda m: m.group(0).replace(",", "\x00"), text, flags=re.IGNORECASE)
    return text


@lru_cache(maxsize=65536)
def _split_and(item: str, data_dir: Path) -> tuple[str, ...]:
    """Split "A and B" only when every part resolves, to different entities, and the whole is no curated name."""
    pieces = re.split(r"\s+and\s+", item)
    if len(pieces) == 1:
        return (item,)
    states, aliases, _ = _curated(data_dir)
    key = _norm(item)
    if key in states or any(key == alias for alias, _ in aliases):
        return (item,)
    parts = resolve_names(pieces, data_dir)
    keys = list(zip(parts["kind"], parts["iso3"], parts["name"]))
    if (parts["kind"] != "").all() and len(set(keys)) == len(keys):
        return tuple(pieces)
    return (item,)


def split_list(text: str, data_dir: Path | None = None) -> list[str]:
    """Split a written list into names: commas, "as well as", a final "and"; "the" and whitespace go.

    A name containing "and" stays whole unless its parts are distinct known states or organisations
    ("Vanuatu and Vietnam" splits, "Trinidad and Tobago" does not).
    """
    return list(_split_list(_resolved(data_dir), text))


@lru_cache(maxsize=65536)
def _split_list(data_dir: Path, text: str) -> tuple[str, ...]:
    _, aliases, _ = _curated(data_dir)
    text = _protect(_LABEL.sub("", text), aliases)
    items: list[str] = []
    for segment in re.split(r",?\s+as well as\s+", text):
        for part in re.split(r"\s*,\s*", segment):
            part = re.sub(r"\s+", " ", part.replace("\x00", ",")).strip(" .;:")
            part = re.sub(r"^(?:and|the)\s+", "", part, flags=re.IGNORECASE)
            part = re.sub(r"^the\s+", "", part, flags=re.IGNORECASE)
            if part:
                items.extend(p.strip() for p in _split_and(part, data_dir))
    return tuple(re.sub(r"^the\s+", "", i, flags=re.IGNORECASE) for i in items if i)


def find_lists(text: str) -> list[tuple[str, str]]:
    """Every (role, list text) found in a paragraph, in order of appearance."""
    return list(_find_lists(text))


@lru_cache(maxsize=65536)
def _find_lists(text: str) -> tuple[tuple[str, str], ...]:
    found: list[tuple[int, str, str]] = []
    body = _LABEL.sub("", text)
    offset = 0
    for sentence in _SENTENCE_END.split(body):
        if "Working Group" in sentence and "co-chair" in sentence.lower():
            offset += len(sentence) + 1
            continue
        taken: list[tuple[int, int]] = []
        for role, pattern in LIST_PATTERNS:
            for m in pattern.finditer(sentence):
                span = m.span("list")
                lst = m.group("list")
                if any(s < span[1] and span[0] < e for s, e in taken) or _COUNT_START.match(lst) \
                        or extract_counts(lst):
                    continue
                taken.append(span)
                found.append((offset + span[0], role, lst))
        offset += len(sentence) + 1
    return tuple((role, lst) for _, role, lst in sorted(found, key=lambda t: t[0]))


def _participation_rows(corpus: Corpus, data_dir: Path) -> pd.DataFrame:
    paras = corpus.paragraphs
    paras = paras[paras["text"].str.contains(_TRIGGER, regex=True)]
    rows = []
    for p in paras.itertuples():
        for list_no, (role, lst) in enumerate(find_lists(p.text)):
            for item_no, item in enumerate(split_list(lst, data_dir)):
                rows.append({"doc_id": p.doc_id, "paragraph_id": p.paragraph_id, "position": p.position,
                             "list_no": list_no, "item_no": item_no, "name_raw": item, "role": role})
    return pd.DataFrame(rows, columns=["doc_id", "paragraph_id", "position", "list_no", "item_no",
                                       "name_raw", "role"])


def participation_table(corpus: Corpus, data_dir: Path | None = None, keep_unresolved: bool = False
                        ) -> pd.DataFrame:
    """One row per name listed in a participation, observer, co-chair or membership phrase.

    Columns: doc_id, paragraph_id, name_raw, name, iso3, kind, role, region (plus ``year``, the document's
    year). Names that resolve to nothing are dropped unless ``keep_unresolved``.
    """
    data_dir = _resolved(data_dir)
    rows = _participation_rows(corpus, data_dir)
    resolved = resolve_names(rows["name_raw"].tolist(), data_dir).drop_duplicates("name_raw")
    out = rows.merge(resolved, on="name_raw", how="left")
    if not keep_unresolved:
        out = out[out["kind"] != ""]
    dates = corpus.documents.set_index("doc_id")["date"]
    out["date"] = out["doc_id"].map(dates)
    out["year"] = out["date"].dt.year.astype("Int64")
    out = out.sort_values(["date", "doc_id", "position", "list_no", "item_no"], kind="stable")
    out = out.drop_duplicates(["paragraph_id", "role", "kind", "iso3", "name"])
    cols = ["doc_id", "paragraph_id", "name_raw", "name", "iso3", "kind", "role", "region", "year"]
    return out[cols + (["how"] if keep_unresolved else [])].reset_index(drop=True)


def unresolved_items(corpus: Corpus, data_dir: Path | None = None) -> pd.DataFrame:
    """Listed names that neither curated table nor country_converter resolves (should be empty)."""
    full = participation_table(corpus, data_dir, keep_unresolved=True)
    return full[full["how"] == "unresolved"][["paragraph_id", "name_raw", "role"]].reset_index(drop=True)


# --- stated counts --------------------------------------------------------------------------------------

_UNITS = {"countries": "countries", "states": "states", "delegates": "delegates", "delegations": "delegations",
          "organisations": "organisations", "organizations": "organisations", "members": "members",
          "parties": "parties", "participants": "participants", "observers": "observers", "actors": "actors",
          "governments": "governments", "economies": "economies", "nations": "countries"}
_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
         "sixteen seventeen eighteen nineteen").split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_WORD_NUMBER = (rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_ONES[1:10])}))?|"
                rf"(?:{'|'.join(sorted(_ONES, key=len, reverse=True))}))")
_COUNT_RE = re.compile(
    rf"(?:(?P<qual>more than|over|at least|some|about|around|nearly|almost|fewer than|less than)\s+)?"
    rf"\b(?!(?:1[89]|20)\d\d\b)(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+|{_WORD_NUMBER})\s+"
    rf"(?P<mods>(?:(?!(?:{_WORD_NUMBER}|more|over|than)\b)[a-z][a-z-]*\s+){{0,4}}?)"
    rf"(?P<unit>{'|'.join(_UNITS)})$",
    re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_WINDOW_WORDS = 10  # qualifier (2 words) + number (2: "twenty five") + modifiers (4), with room to spare
_NUMBER_WORDS = frozenset(_ONES) | frozenset(_TENS)
_WORD_SPLIT = re.compile(r"[^a-z]+")


def _may_hold_number(window: str) -> bool:
    """Cheap pre-check for :data:`_COUNT_RE`: a digit or a number word occurs in ``window``."""
    return bool(_DIGIT.search(window)) or not _NUMBER_WORDS.isdisjoint(_WORD_SPLIT.split(window.lower()))


_UNIT_HINT = re.compile(rf"\b(?:{'|'.join(_UNITS)})\b", re.IGNORECASE)
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December")
_DAY_DATE = re.compile(rf"\b(\d{{1,2}})(?:\s*[-–]\s*\d{{1,2}})?\s+({_MONTHS})\s+(\d{{4}})\b")


def parse_number(text: str) -> int:
    """'56' -> 56, '1,200' -> 1200, 'nine' -> 9, 'forty-five' -> 45."""
    t = text.strip().lower()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", t):
        return int(t.replace(",", ""))
    parts = re.split(r"[- ]", t)
    if len(parts) == 1 and parts[0] in _ONES:
        return _ONES.index(parts[0])
    if parts[0] in _TENS and (len(parts) == 1 or (len(parts) == 2 and parts[1] in _ONES[1:10])):
        return _TENS[parts[0]] + (_ONES.index(parts[1]) if len(parts) == 2 else 0)
    raise ValueError(f"not a number: {text!r}")


def _subject(sentence: str, unit: str) -> str:
    s = sentence.lower()
    if unit == "parties" or re.search(r"\bpart(?:y|ies) to\b|convention|protocol", s):
        return "treaty_parties"
    if re.search(r"\bmember", s):
        return "membership"
    if re.search(r"attend|represent|particip|delegat|observer", s):
        return "attendance"
    return "other"


def extract_counts(text: str) -> list[dict[str, object]]:
    """Counts stated in one paragraph: count, unit, noun, subject, qualifier, prospective, text, event_date."""
    out: list[dict[str, object]] = []
    if not _may_hold_number(text):
        return out
    for sentence in _SENTENCE_END.split(text):
        if not _UNIT_HINT.search(sentence):
            continue
        event: pd.Timestamp | None = None  # the sentence's own date, looked up only when a count is found
        for hit in _UNIT_HINT.finditer(sentence):
            # The count sits in the few words before its noun (qualifier, number, up to four modifiers):
            # match only the last _WINDOW_WORDS words, ending at the noun.
            start = hit.start()
            for _ in range(_WINDOW_WORDS):
                start = sentence.rfind(" ", 0, start - 1) if start > 0 else -1
                if start < 0:
                    break
            window = sentence[start + 1:hit.end()]
            if not _may_hold_number(window):
                continue  # cheap pre-check: no digit or number word, so no count
            m = _COUNT_RE.search(window)
            if m is None:
                continue
            if event is None:
                dates = _DAY_DATE.findall(sentence)
                event = pd.Timestamp(f"{dates[-1][2]}-{dates[-1][1]}-{dates[-1][0]}") if dates else pd.NaT
            num = m.group("num")  # the pattern skips years such as "2002 countries"
            noun = m.group("unit").lower()
            subject = _subject(sentence, _UNITS[noun])
            unit = "members" if noun == "actors" and subject == "membership" else _UNITS[noun]
            out.append({"count": parse_number(num), "unit": unit, "noun": (m.group("mods") + noun).strip(),
                        "subject": subject, "qualifier": (m.group("qual") or "").lower(),
                        "prospective": bool(re.search(r"\bwill be\b|\bto be held\b|\bexpected\b", sentence)),
                        "text": m.group(0).strip(), "event_date": event})
    return out


def counts_table(corpus: Corpus) -> pd.DataFrame:
    """Every stated count of attendance, membership or treaty parties, one row per count."""
    paras = corpus.paragraphs
    hint = re.compile("|".join(_UNITS))
    paras = paras[[hint.search(t.lower()) is not None for t in paras["text"]]]
    dates = corpus.documents.set_index("doc_id")["date"]
    rows = []
    for p in paras.itertuples():
        for i, c in enumerate(extract_counts(p.text)):
            from_text = pd.notna(c["event_date"])
            rows.append({"doc_id": p.doc_id, "paragraph_id": p.paragraph_id, "position": p.position, "n": i,
                         "as_of": c["event_date"] if from_text else dates[p.doc_id],
                         "as_of_basis": "paragraph" if from_text else "document",
                         **{k: v for k, v in c.items() if k != "event_date"}})
    cols = ["doc_id", "paragraph_id", "as_of", "as_of_basis", "count", "unit", "noun", "subject", "qualifier",
            "prospective", "text"]
    if not rows:
        return pd.DataFrame(columns=cols)
    df = pd.DataFrame(rows)
    df = df[df["subject"] != "other"]
    df = df.sort_values(["as_of", "doc_id", "position", "n"], kind="stable")
    return df[cols].reset_index(drop=True)


# --- the state-year panel -------------------------------------------------------------------------------


def membership_panel(participation: pd.DataFrame, membership: pd.DataFrame) -> pd.DataFrame:
    """State-year status from the corpus and the curated list; years without evidence stay absent.

    Evidence: a corpus listing gives its role in the document's year; a curated row gives its status in its
    ``as_of`` year and, when it has a sourced ``joined`` year, in every year from ``joined`` to ``as_of``.
    Where a corpus listing and a curated row cover the same state-year, the corpus listing (a document of that
    year) wins over the curated row; among what remains the strongest status in :data:`STATUS_RANK` wins.
    ``basis`` names the sources behind the status kept.
    """
    ev = [pd.DataFrame({"iso3": s["iso3"], "year": s["year"].astype(int), "status": s["role"],
                        "basis": s["paragraph_id"], "tier": 1})
          for s in [participation[(participation["kind"] == "state") & participation["year"].notna()]]]
    states = membership[(membership["kind"] == "state") & (membership["iso3"] != "")]
    for r in states.itertuples():
        if pd.notna(r.as_of):
            first = int(r.joined) if pd.notna(r.joined) else int(r.as_of)
            years = range(first, int(r.as_of) + 1)
        elif pd.notna(r.joined):
            years = range(int(r.joined), int(r.joined) + 1)
        else:
            continue
        ev.append(pd.DataFrame({"iso3": r.iso3, "year": list(years), "status": r.status, "basis": r.source,
                                "tier": 0}))
    allev = pd.concat(ev, ignore_index=True)
    allev = allev[allev["tier"] == allev.groupby(["iso3", "year"])["tier"].transform("max")]
    allev["rank"] = allev["status"].map(STATUS_RANK)
    best = allev.groupby(["iso3", "year"])["rank"].transform("max")
    top = allev[allev["rank"] == best]
    basis = top.groupby(["iso3", "year"])["basis"].agg(lambda b: ";".join(sorted(set(b))))
    status = top.groupby(["iso3", "year"])["status"].first()
    out = pd.concat([status, basis], axis=1).reset_index()
    out["year"] = out["year"].astype(int)
    return out.sort_values(["iso3", "year"]).reset_index(drop=True)


# --- chapter views --------------------------------------------------------------------------------------


def _conference_doc(participation: pd.DataFrame) -> str | None:
    """The document with the most listed participants and observers (the founding statement here)."""
    listed = participation[participation["role"].isin(["participant", "observer"])]
    if listed.empty:
        return None
    sizes = listed.groupby("doc_id").size()
    return str(sizes.sort_values(ascending=False, kind="stable").index[0])


def role_kind_table(participation: pd.DataFrame, doc_id: str | None = None) -> pd.DataFrame:
    """Counts of listed names by role (rows) and kind (columns) for one document, with totals."""
    doc_id = doc_id or _conference_doc(participation)
    sub = participation[participation["doc_id"] == doc_id]
    table = pd.crosstab(sub["role"], sub["kind"], margins=True, margins_name="total")
    order = [r for r in ROLES if r in table.index] + ["total"]
    cols = [c for c in ("state", "organisation") if c in table.columns] + ["total"]
    table = table.reindex(index=order, columns=cols, fill_value=0)
    table.index.name, table.columns.name = "role", None
    return table


def region_table(participation: pd.DataFrame, doc_id: str | None = None) -> pd.DataFrame:
    """States of one document by UN region (rows) and role (columns); organisations as one extra row."""
    doc_id = doc_id or _conference_doc(participation)
    sub = participation[participation["doc_id"] == doc_id].copy()
    sub["group"] = sub["region"].where(sub["kind"] == "state", "International organisations")
    table = pd.crosstab(sub["group"], sub["role"])
    table = table.reindex(columns=[r for r in ROLES if r in table.columns], fill_value=0)
    table["total"] = table.sum(axis=1)
    states = table.drop(index="International organisations", errors="ignore")
    states = states.sort_values(["total"], ascending=False, kind="stable")
    states = states.loc[sorted(states.index, key=lambda g: (-states.loc[g, "total"], g))]
    if "International organisations" in table.index:
        states = pd.concat([states, table.loc[["International organisations"]]])
    states.index.name, states.columns.name = "group", None
    return states


def region_figure(table: pd.DataFrame) -> Figure:
    """Horizontal stacked bars: listed states per UN region (and organisations), coloured by role."""
    roles = [c for c in table.columns if c != "total"]
    colours = plotting.colour_map(list(ROLES))
    fig, ax = plotting.new_figure(7.5, 0.32 * len(table) + 1.4)
    left = pd.Series(0, index=table.index)
    y = range(len(table))[::-1]
    for role in roles:
        ax.barh(list(y), table[role], left=left, color=colours[role], label=role.replace("_", "-"))
        left = left + table[role]
    ax.set_yticks(list(y), table.index)
    ax.set_xlabel("Names listed in the statement")
    ax.grid(axis="y", visible=False)
    ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    plotting.add_source(fig, "participation.csv (2002 Co-Chairs' Statement, paragraphs 1-2); regions from "
                             "country_converter.")
    return fig


def reconcile_2002(participation: pd.DataFrame, counts: pd.DataFrame, window_days: int = 31) -> pd.DataFrame:
    """The founding statement's lists against the country counts stated within ``window_days`` of it."""
    doc_id = _conference_doc(participation)
    sub = participation[participation["doc_id"] == doc_id]
    st = sub[sub["kind"] == "state"]
    org = sub[sub["kind"] == "organisation"]
    non_state = st["name_raw"].str.contains("UNTAET", case=False)
    rows = [
        ("states listed as co-chairs", int((st["role"] == "co_chair").sum()), doc_id),
        ("states listed as participants", int((st["role"] == "participant").sum()), doc_id),
        ("of the co-chairs and participants: not yet independent", int(non_state.sum()), doc_id),
        ("states listed as observers", int((st["role"] == "observer").sum()), doc_id),
        ("states listed in all", int(st["iso3"].nunique()), doc_id),
        ("organisations listed in all", int(org["name"].nunique()), doc_id),
    ]
    if doc_id is not None and not counts.empty:
        date = participation.attrs.get("date")
        conf = counts[(counts["unit"] == "countries") & (counts["subject"] == "attendance")]
        when = pd.to_datetime(conf["as_of"])
        ref = date if date is not None else when[conf["doc_id"] == doc_id].min()
        years = participation.loc[participation["doc_id"] == doc_id, "year"]
        year = int(years.iloc[0]) if len(years) else None
        near = conf[(when.dt.year == year)] if ref is None or pd.isna(ref) else \
            conf[(when - ref).abs() <= pd.Timedelta(days=window_days)]
        for r in near.itertuples():
            rows.append((f"countries stated: \"{r.text}\"", int(r.count), r.paragraph_id))
    return pd.DataFrame(rows, columns=["what", "count", "source"]).set_index("what")


def counts_view(counts: pd.DataFrame) -> pd.DataFrame:
    """The stated counts as a reader-facing table."""
    view = counts.assign(as_of=pd.to_datetime(counts["as_of"]).dt.strftime("%Y-%m-%d"))
    return view[["paragraph_id", "as_of", "count", "unit", "subject", "prospective", "text"]].set_index(
        "paragraph_id")


def totals_table(counts: pd.DataFrame, totals: pd.DataFrame) -> pd.DataFrame:
    """Membership totals from the corpus and from outside sources, one row per source and year."""
    corpus_rows = counts[counts["subject"] == "membership"]
    a = pd.DataFrame({"year": pd.to_datetime(corpus_rows["as_of"]).dt.year.astype("Int64"),
                      "source": corpus_rows["paragraph_id"], "qualifier": corpus_rows["qualifier"],
                      "unit": corpus_rows["unit"], "count": corpus_rows["count"].astype("Int64")})
    m = totals[totals["scope"] == "membership"]
    b = m[["year", "source", "qualifier", "unit", "count"]]
    both = pd.concat([a, b], ignore_index=True)
    wide = both.pivot_table(index=["source", "year", "qualifier"], columns="unit", values="count",
                            aggfunc="first", dropna=False).reset_index()
    wide = wide.dropna(how="all", subset=[c for c in wide.columns if c not in ("source", "year", "qualifier")])
    order = [c for c in ("member states", "member organisations", "members", "observer states",
                         "observer organisations") if c in wide.columns]
    wide = wide[["source", "year", "qualifier", *order]]
    wide["year"] = wide["year"].astype("Int64")
    wide = wide.sort_values(["year", "source"], na_position="last", kind="stable")
    wide.columns.name = None
    return wide.set_index("source").astype({c: "Int64" for c in order})


def growth_table(panel: pd.DataFrame, counts: pd.DataFrame, totals: pd.DataFrame) -> pd.DataFrame:
    """Long table year, series, value: states per status in the panel, and stated country/member totals."""
    per = panel.groupby(["year", "status"]).size().rename("value").reset_index()
    per["series"] = "panel: " + per["status"].str.replace("_", "-")
    stated = counts[counts["unit"].isin(["countries", "members"]) & counts["subject"].isin(
        ["attendance", "membership"])]
    s1 = pd.DataFrame({"year": pd.to_datetime(stated["as_of"]).dt.year,
                       "series": "stated (corpus): " + stated["unit"] + ", " + stated["subject"],
                       "value": stated["count"].astype(int)})
    t = totals[totals["year"].notna() & totals["unit"].isin(["countries", "members", "member states"])]
    s2 = pd.DataFrame({"year": t["year"].astype(int),
                       "series": "stated (outside): " + t["unit"] + ", " + t["scope"],
                       "value": t["count"].astype(int)})
    out = pd.concat([per[["year", "series", "value"]], s1, s2], ignore_index=True)
    out = out.groupby(["year", "series"], as_index=False)["value"].max()
    return out.sort_values(["year", "series"]).reset_index(drop=True)


def growth_figure(growth: pd.DataFrame) -> Figure:
    """Panel counts per year as stacked bars; stated totals as markers."""
    fig, ax = plotting.new_figure(7.5, 4.2)
    panel = growth[growth["series"].str.startswith("panel: ")]
    wide = panel.pivot(index="year", columns="series", values="value").fillna(0)
    order = [f"panel: {s.replace('_', '-')}" for s in ("co_chair", "member", "participant", "observer")]
    role_colours = plotting.colour_map(list(ROLES))
    colours = {f"panel: {r.replace('_', '-')}": c for r, c in role_colours.items()}
    bottom = pd.Series(0.0, index=wide.index)
    for s in [o for o in order if o in wide.columns]:
        ax.bar(wide.index, wide[s], bottom=bottom, width=0.8, color=colours[s],
               label=s.removeprefix("panel: ") + " (states, panel)")
        bottom = bottom + wide[s]
    markers = {"stated (corpus)": ("D", "#000000"), "stated (outside)": ("o", "#D55E00")}
    for prefix, (marker, colour) in markers.items():
        pts = growth[growth["series"].str.startswith(prefix)]
        if not pts.empty:
            ax.scatter(pts["year"], pts["value"], marker=marker, color=colour, zorder=3, s=36,
                       label=f"{prefix.removeprefix('stated ').strip('()')} source: stated total")
    ax.set_xlabel("Year")
    ax.set_ylabel("States with a sourced status (bars)\nor stated total (markers)")
    ax.legend(frameon=False, fontsize=8.5, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.text(0.99, 0.5, "Short bars mean few dated sources,\nnot few members: a year without\na source is unknown.",
            transform=ax.transAxes, ha="right", va="center", fontsize=8.5, color="#555555")
    plotting.add_source(fig, "membership_panel.csv, membership_counts.csv and data/membership_totals.csv.")
    return fig


def summary(participation: pd.DataFrame, counts: pd.DataFrame, panel: pd.DataFrame,
            totals: pd.DataFrame) -> dict[str, object]:
    """Headline numbers of the chapter, for glueing; absent values are ``None``."""
    doc = _conference_doc(participation)
    sub = participation[participation["doc_id"] == doc]
    st, org = sub[sub["kind"] == "state"], sub[sub["kind"] == "organisation"]

    def stated(unit: str, subject: str, pick: str = "first") -> int | None:
        c = counts[(counts["unit"] == unit) & (counts["subject"] == subject)]
        if c.empty:
            return None
        return int(c["count"].iloc[0] if pick == "first" else c["count"].iloc[-1])

    def total(source: str, unit: str) -> int | None:
        t = totals[(totals["source"] == source) & (totals["unit"] == unit)]
        return int(t["count"].iloc[0]) if len(t) else None

    n_listed = int(st["iso3"].nunique())
    bp_states, bp_orgs = total("mem-bp-about", "member states"), total("mem-bp-about", "member organisations")
    press = stated("countries", "attendance", "first")
    return {
        "n_participant_states": int((st["role"] == "participant").sum()),
        "n_cochair_states": int((st["role"] == "co_chair").sum()),
        "n_participating_states": int(st[st["role"].isin(["participant", "co_chair"])]["iso3"].nunique()),
        "n_observer_states": int((st["role"] == "observer").sum()),
        "n_participant_orgs": int((org["role"] == "participant").sum()),
        "n_observer_orgs": int((org["role"] == "observer").sum()),
        "n_listed_states": n_listed,
        "n_listed_orgs": int(org["name"].nunique()),
        "n_regions": int(st["region"].nunique()),
        "press_countries": press,
        "press_gap": (press - n_listed) if press is not None else None,
        "som2_delegates": stated("delegates", "attendance"),
        "som2_countries": stated("countries", "attendance", "last"),
        "som2_orgs": stated("organisations", "attendance"),
        "mfat_members": stated("members", "membership"),
        "untoc_parties": stated("parties", "treaty_parties"),
        "n_counts": len(counts),
        "n_panel_rows": len(panel),
        "n_panel_states": int(panel["iso3"].nunique()),
        "panel_first_year": int(panel["year"].min()) if len(panel) else None,
        "panel_last_year": int(panel["year"].max()) if len(panel) else None,
        "bp_member_states": bp_states,
        "bp_member_orgs": bp_orgs,
        "bp_members_sum": bp_states + bp_orgs if bp_states is not None and bp_orgs is not None else None,
        "bp_observer_states": total("mem-bp-about", "observer states"),
        "bp_observer_orgs": total("mem-bp-about", "observer organisations"),
        "iom2016_member_states": total("mem-iom-weblog-2016", "member states"),
        "iom2016_member_orgs": total("mem-iom-weblog-2016", "member organisations"),
        "vn2019_members": total("mem-vietnamnet-2019", "members"),
        "goc_member_states": total("mem-goc-turkey", "member states"),
        "dfat2016_countries": total("mem-dfat-transcript-2016", "countries"),
        "dfat2018_countries": total("mem-dfat-transcript-2018", "countries"),
        "jp2011_countries": total("mem-jakartapost-2011", "countries"),
    }


# --- exported tables ------------------------------------------------------------------------------------


def build_tables(corpus: Corpus) -> dict[str, pd.DataFrame]:
    """The exported tables of this module, by name (see :data:`TABLES`); the panel reuses the participation."""
    participation = participation_table(corpus)
    return {"participation": participation, "membership_counts": counts_table(corpus),
            "membership_panel": membership_panel(participation, load_membership())}


TABLES = [
    Table(
        name="participation",
        title="Participants, observers, co-chairs and members named in the corpus",
        description="One row per name in a list of participants, observers, co-chairs or members that a corpus "
                    "paragraph gives; states standardised to ISO3 and UN region, organisations to a short name.",
        fields=(
            Field("doc_id", "string", "Document id."),
            Field("paragraph_id", "string", "Paragraph that lists the name."),
            Field("name_raw", "string", "The name as written (list punctuation and a leading 'the' removed)."),
            Field("name", "string", "Canonical name: country_converter short name, curated name, or "
                                    "organisation short name."),
            Field("iso3", "string", "ISO 3166 alpha-3 code for states; empty for organisations."),
            Field("kind", "string", "state or organisation."),
            Field("role", "string", "participant, co_chair, observer or member, from the list's wording."),
            Field("region", "string", "UN region (country_converter UNregion) for states; empty otherwise."),
        ),
        primary_key=("paragraph_id", "role", "kind", "iso3", "name"),
    ),
    Table(
        name="membership_counts",
        title="Counts of attendance and membership stated in the corpus",
        description="Every count of countries, delegates, organisations, members or treaty parties stated in a "
                    "corpus paragraph, numbers in digits or words.",
        fields=(
            Field("doc_id", "string", "Document id."),
            Field("paragraph_id", "string", "Paragraph stating the count."),
            Field("as_of", "date", "The date the paragraph gives, else the document date."),
            Field("as_of_basis", "string", "paragraph (a date in the sentence) or document."),
            Field("count", "integer", "The number."),
            Field("unit", "string", "What is counted: countries, delegates, organisations, members, parties..."),
            Field("noun", "string", "The counted noun with its modifiers as written."),
            Field("subject", "string", "attendance, membership or treaty_parties, from the sentence's wording."),
            Field("qualifier", "string", "A hedge written before the number (more than, over...), else empty."),
            Field("prospective", "boolean", "True when the sentence speaks of the future (will be, to be held)."),
            Field("text", "string", "The words as written."),
        ),
        primary_key=("paragraph_id", "text"),
    ),
    Table(
        name="membership_panel",
        title="State-year status in the Bali Process",
        description="One row per state and year with evidence: a corpus listing or a sourced row of "
                    "data/membership.csv. Years without evidence are absent, not non-membership.",
        fields=(
            Field("iso3", "string", "ISO 3166 alpha-3 code."),
            Field("year", "year", "Year."),
            Field("status", "string", "co_chair, member, participant or observer (the strongest that year)."),
            Field("basis", "string", "Paragraph ids or bibliography keys behind the status, ';'-separated."),
        ),
        primary_key=("iso3", "year"),
    ),
]
