"""Name resolution: a raw state or organisation name to a canonical name, ISO3 code, kind and UN region.

Curated tables come first (``data/name_notes.csv``, ``data/organisations.csv``), then ``country_converter``
once for all remaining names; ``data/region_overrides.csv`` corrects regions, each with a source.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .sources import _read_csv, _resolved, load_organisations, load_region_overrides

__all__ = ["resolve_names"]


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
    aliases = sorted(
        {
            (_norm(a), r.short_name)
            for r in orgs.itertuples()
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
        for name, code in zip(todo, codes, strict=True):
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
        rows[raw] = (
            {"name": "", "iso3": code, "kind": "state", "how": "country_converter"}
            if code
            else {"name": "", "iso3": "", "kind": "", "how": "unresolved"}
        )
    info = _country_info()
    out = pd.DataFrame(
        [{"name_raw": raw, **rows[raw]} for raw in names], columns=["name_raw", "name", "iso3", "kind", "how"]
    )
    is_state = out["iso3"] != ""
    regions = info["UNregion"].copy()
    overrides = load_region_overrides(data_dir)
    regions.update(overrides.set_index("iso3")["region"])  # curated corrections, each with a source
    out["region"] = out["iso3"].map(regions).where(is_state, "").fillna("")
    fill = is_state & (out["name"] == "")
    out.loc[fill, "name"] = out.loc[fill, "iso3"].map(info["name_short"])
    return out[["name_raw", "name", "iso3", "kind", "region", "how"]]
