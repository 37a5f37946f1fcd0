"""The ``participation`` table: every name a corpus paragraph lists as participant, observer, co-chair,
member, expected or absent, from the list grammar (:mod:`.lists`) and the lists found from their names
(:mod:`.runs`: runs of names in a sentence, bullet lines, tables), resolved to a code, with where each came
from and the cue that gave its role."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..corpus import Corpus
from .gazetteer import dehyphenate
from .lists import _find_cued_lists, may_hold_lists, split_list
from .names import _country_info, _norm, canonical_names, entity_kind, resolve_names
from .runs import block_entries, sentence_entries
from .sources import files_held, load_region_overrides

__all__ = ["participation_table", "unresolved_items"]

_ROW_COLUMNS = ["doc_id", "paragraph_id", "position", "list_no", "item_no", "name_raw", "role", "source", "row", "cue"]
_BLOCK_CANDIDATE = 400  # a paragraph longer than this is never a bullet line, a bare list or a table row


def _entry_name(text: str) -> str:
    return re.sub(r"^the\s+", "", re.sub(r"\s+", " ", text), flags=re.IGNORECASE)


def _participation_rows(corpus: Corpus, data_dir: Path) -> pd.DataFrame:
    """Rows of the lists the grammar finds (:data:`LIST_PATTERNS`), then of the lists found from their names
    (:mod:`.runs`: runs of names in a sentence, bullet lines, tables) for the names the grammar did not list
    in the same paragraph. Columns as :data:`_ROW_COLUMNS` plus ``key``/``key_kind`` (the gazetteer's)."""
    paras = corpus.paragraphs
    texts = paras["text"].astype(str).tolist()
    doc_ids, pids, positions = (paras[c].tolist() for c in ("doc_id", "paragraph_id", "position"))
    rows: list[tuple[object, ...]] = []

    def add(i: int, list_no: int, item_no: int, name: str, role: str, source: str, row: int, cue: str, key=("", "")):
        rows.append((doc_ids[i], pids[i], positions[i], list_no, item_no, name, role, source, row, cue, *key))

    for i in may_hold_lists(texts):
        listed: set[str] = set()  # names the grammar listed in this paragraph
        for list_no, (role, lst, cue) in enumerate(_find_cued_lists(dehyphenate(texts[i]))):
            for item_no, item in enumerate(split_list(lst, data_dir)):
                add(i, list_no, item_no, item, role, "sentence", 0, cue)
                listed.add(_norm(item))
        if " | " in texts[i] or texts[i].startswith("|"):
            continue  # a table row: read as a table below
        for item_no, e in enumerate(_sentence_entries(texts[i], data_dir)):
            if _norm(e.mention.text) not in listed:
                m = e.mention
                add(i, 100, item_no, _entry_name(m.text), e.role, e.source, e.row, e.cue, (m.key, m.kind))
    short = [len(t) <= _BLOCK_CANDIDATE for t in texts]
    for idx in paras.groupby("doc_id", sort=False).indices.values():
        idx = [int(k) for k in idx if short[k] or (k + 1 < len(texts) and short[k + 1])]
        if not any(short[k] for k in idx):
            continue
        for n, (local, e) in enumerate(block_entries([texts[k] for k in idx], data_dir)):
            m = e.mention
            add(idx[local], 200, n, _entry_name(m.text), e.role, e.source, e.row, e.cue, (m.key, m.kind))
    return pd.DataFrame(rows, columns=[*_ROW_COLUMNS, "key", "key_kind"])


@lru_cache(maxsize=65536)
def _sentence_entries(text: str, data_dir: Path) -> tuple:
    return tuple(sentence_entries(text, data_dir))


def _resolve_rows(rows: pd.DataFrame, data_dir: Path) -> pd.DataFrame:
    """The rows with name, iso3, kind, region and how: names the gazetteer found take its code, the rest are
    resolved by :func:`resolve_names`."""
    resolved = resolve_names(rows["name_raw"].tolist(), data_dir).drop_duplicates("name_raw")
    out = rows.merge(resolved, on="name_raw", how="left")
    by_key = out["key"] != ""
    if by_key.any():
        states = by_key & (out["key_kind"] != "organisation")
        out.loc[by_key & ~states, ["name", "iso3", "kind", "how"]] = ["", "", "organisation", "gazetteer"]
        out.loc[by_key & ~states, "name"] = out.loc[by_key & ~states, "key"]
        out.loc[by_key & ~states, "region"] = ""
        if states.any():
            codes = out.loc[states, "key"]
            out.loc[states, "iso3"] = codes
            out.loc[states, "name"] = codes.map(canonical_names(data_dir))
            out.loc[states, "kind"] = codes.map(entity_kind)
            out.loc[states, "region"] = codes.map(_regions(data_dir)).fillna("")
            out.loc[states, "how"] = "gazetteer"
    return out.drop(columns=["key", "key_kind"])


def _regions(data_dir: Path) -> pd.Series:
    out = _country_info()["UNregion"].copy()
    out.update(load_region_overrides(data_dir).set_index("iso3")["region"])
    return out


def participation_table(corpus: Corpus, data_dir: Path | None = None, keep_unresolved: bool = False) -> pd.DataFrame:
    """One row per name listed as participant, observer, co-chair, member, expected or absent.

    Columns: doc_id, paragraph_id, name_raw, name, iso3, kind, role, source (sentence, bullets or table), row
    (bullet line or table row, 0 in a sentence), cue (the words that gave the role), region, year (the
    document's year). A name a document marks absent is not also a participant of that document. Names that
    resolve to nothing are dropped unless ``keep_unresolved``.
    """
    with files_held(data_dir) as data_dir:
        out = _resolve_rows(_participation_rows(corpus, data_dir), data_dir)
    if not keep_unresolved:
        out = out[out["kind"] != ""]
    dates = corpus.documents.set_index("doc_id")["date"]
    out["date"] = out["doc_id"].map(dates)
    out["year"] = out["date"].dt.year.astype("Int64")
    out = out.sort_values(["date", "doc_id", "position", "list_no", "item_no"], kind="stable")
    key = out["name"].where(out["kind"] != "", out["name_raw"])  # unresolved names stay apart
    out = out.assign(_key=key).drop_duplicates(["paragraph_id", "role", "kind", "iso3", "_key"])
    absent = set(zip(out.loc[out["role"] == "absent", "doc_id"], out.loc[out["role"] == "absent", "_key"], strict=True))
    if absent:
        marked = [(d, k) in absent for d, k in zip(out["doc_id"], out["_key"], strict=True)]
        out = out[~((out["role"] == "participant") & pd.Series(marked, index=out.index))]
    cols = [
        "doc_id",
        "paragraph_id",
        "name_raw",
        "name",
        "iso3",
        "kind",
        "role",
        "source",
        "row",
        "cue",
        "region",
        "year",
    ]
    return out[cols + (["how"] if keep_unresolved else [])].reset_index(drop=True)


def unresolved_items(corpus: Corpus, data_dir: Path | None = None) -> pd.DataFrame:
    """Listed names that neither curated table nor country_converter resolves: doc_id, paragraph_id, name_raw,
    role (the exported ``unresolved_names`` table; the chapter counts them)."""
    full = participation_table(corpus, data_dir, keep_unresolved=True)
    return full[full["how"] == "unresolved"][["doc_id", "paragraph_id", "name_raw", "role"]].reset_index(drop=True)
