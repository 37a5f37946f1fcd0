"""Name resolution: a raw state or organisation name to a canonical name, ISO3 code, kind and UN region.

Curated tables come first (``data/name_notes.csv``, ``data/organisations.csv``), then ``country_converter``
once for all remaining names; ``data/region_overrides.csv`` corrects regions, each with a source. A name
still unresolved that ends in an acronym in brackets ("International Centre for Migration Policy
Development (ICMPD)") is an organisation known by that acronym.

Every ISO3 code has one canonical name in every table: the curated name when ``name_notes.csv`` gives one
for the code, else country_converter's short name. Its kind is ``state`` for a UN member state
(country_converter's ``UNmember`` column) and ``territory`` otherwise (Hong Kong SAR, Macao SAR), so that
territories are never counted as states.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from ..rows import each_row
from .sources import _read_csv, _resolved, load_organisations, load_region_overrides

__all__ = ["canonical_names", "entity_kind", "resolve_names"]


_ACRONYM = re.compile(r"^(?P<full>.+?)\s*\((?P<acronym>[A-Z][A-Za-z]{1,9})\)$")


@lru_cache(maxsize=65536)
def _norm(name: str) -> str:
    """Case-folded name without a leading "the", quotes, or extra whitespace (the matching key); remembered,
    since the same names recur in paragraph after paragraph and every resolver calls it."""
    name = re.sub(r"\s+", " ", name.replace("’", "'")).strip(" .;:“”\"'")
    name = re.sub(r"^(?:and|the)\s+", "", name, flags=re.IGNORECASE)
    return name.casefold()


@lru_cache(maxsize=4)
def _curated(data_dir: Path) -> tuple[dict[str, tuple[str, str]], list[tuple[str, str]], dict[str, str]]:
    """(state name -> (iso3, name), [(alias key, short name)] longest first, short name -> kind)."""
    notes = _read_csv("name_notes.csv", data_dir)
    states = {_norm(r.name_in_text): (r.iso3, r.name) for r in each_row(notes)}
    orgs = load_organisations(data_dir)
    aliases = sorted(
        {
            (_norm(a), r.short_name)
            for r in each_row(orgs)
            for a in [r.full_name, r.short_name, *r.aliases.split("|")]
            if a
        },
        key=lambda t: (-len(t[0]), t[0]),
    )
    return states, aliases, dict(zip(orgs["short_name"], orgs["kind"], strict=True))


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


@lru_cache(maxsize=1)
def converter() -> Any:  # country_converter ships no types
    """One country_converter instance per process (building one reads its table: about 0.1 s)."""
    import country_converter as coco

    return coco.CountryConverter()


def _country_codes(names: Iterable[str]) -> dict[str, str | None]:
    """ISO3 for each name via country_converter's regexes, one call for all names not yet cached.

    A name that matches no country, or more than one, gives ``None``.
    """
    todo = sorted({n for n in names if n not in _CC_CACHE})
    if todo:
        logger = logging.getLogger("country_converter")
        level = logger.level
        logger.setLevel(logging.CRITICAL)
        try:
            codes = converter().convert(todo, src="regex", to="ISO3", not_found=None)
        finally:
            logger.setLevel(level)
        codes = codes if isinstance(codes, list) and len(todo) > 1 else [codes]
        known = set(_country_info().index)  # an unmatched name comes back as itself, e.g. "IGC"
        for name, code in zip(todo, codes, strict=True):
            _CC_CACHE[name] = code if isinstance(code, str) and code in known else None
    return {n: _CC_CACHE[n] for n in names}


@lru_cache(maxsize=1)
def _country_info() -> pd.DataFrame:
    """ISO3 -> short name, UN region and year of UN membership (missing for territories), from
    country_converter's own table."""
    data = converter().data
    return data.drop_duplicates("ISO3").set_index("ISO3")[["name_short", "UNregion", "UNmember"]]


def canonical_names(data_dir: Path | None = None) -> pd.Series:
    """ISO3 -> the one name every table uses: the curated name of ``name_notes.csv`` where it gives one,
    else country_converter's short name."""
    return _canonical_names(_resolved(data_dir)).copy()


@lru_cache(maxsize=4)
def _canonical_names(data_dir: Path) -> pd.Series:
    names = _country_info()["name_short"].copy()
    notes = _read_csv("name_notes.csv", data_dir)
    curated = notes.drop_duplicates("iso3", keep="last").set_index("iso3")["name"]
    names.update(curated)
    return names


def entity_kind(iso3: str) -> str:
    """``state`` for a UN member state, ``territory`` for any other code (``""`` when unknown)."""
    info = _country_info()
    if iso3 not in info.index:
        return ""
    return "state" if pd.notna(info.at[iso3, "UNmember"]) else "territory"


def resolve_names(names: Iterable[str], data_dir: Path | None = None) -> pd.DataFrame:
    """Resolve raw names: columns name_raw, name, iso3, kind (state|territory|organisation|''), region, how.

    Order: curated state names, curated organisations, then country_converter (once for all the rest), then
    an acronym in brackets as an organisation's short name.
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
        acronym = _ACRONYM.match(cleaned[raw])
        if code:
            rows[raw] = {"name": "", "iso3": code, "kind": "state", "how": "country_converter"}
        elif acronym:
            rows[raw] = {"name": acronym["acronym"], "iso3": "", "kind": "organisation", "how": "acronym in brackets"}
        else:
            rows[raw] = {"name": "", "iso3": "", "kind": "", "how": "unresolved"}
    info = _country_info()
    out = pd.DataFrame(
        [{"name_raw": raw, **rows[raw]} for raw in names], columns=["name_raw", "name", "iso3", "kind", "how"]
    )
    has_code = out["iso3"] != ""
    regions = info["UNregion"].copy()
    overrides = load_region_overrides(data_dir)
    regions.update(overrides.set_index("iso3")["region"])  # curated corrections, each with a source
    out["region"] = out["iso3"].map(regions).where(has_code, "").fillna("")
    out.loc[has_code, "name"] = out.loc[has_code, "iso3"].map(_canonical_names(_resolved(data_dir)))
    out.loc[has_code, "kind"] = out.loc[has_code, "iso3"].map(entity_kind)
    return out[["name_raw", "name", "iso3", "kind", "region", "how"]]
