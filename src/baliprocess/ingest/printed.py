"""A page printed from a web browser keeps the page's links to related pages under a label ("Related",
"Related content", "Related events", "Related articles: ..."): other pages' titles with their dates, which
a web page's main-text extractor leaves out. :func:`drop_related_links` drops the label and the paragraph of
links after it, logged as the PDF rule ``related-links``. Written from heldout4's printed page; every printed
page of the development sets has such a block (heldout, heldout2, heldout3), and their answers read none of
its dates as the document's.
"""

from __future__ import annotations

import re

__all__ = ["RELATED_LABEL", "drop_related_links"]

#: A label that opens a block of links to other pages (English and Indonesian: "berita terkait", "baca juga").
RELATED_LABEL = re.compile(
    r"^(?:Related(?: (?:content|events?|news|posts?|articles?|stories|pages?|links?))?|Other news|Read more|"
    r"See also|Berita terkait|Baca juga)\s*(?::\s*(?P<links>.*))?$",
    re.IGNORECASE,
)


def drop_related_links(paragraphs: list[str], log: list[dict[str, object]]) -> list[str]:
    """``paragraphs`` without the first block of related links: a label paragraph and the paragraph after it,
    or one paragraph that is the label with its links after a colon. Each dropped paragraph is logged."""
    for i, text in enumerate(paragraphs):
        label = RELATED_LABEL.match(text)
        if label is None:
            continue
        end = i + 1 if label.group("links") or i + 1 == len(paragraphs) else i + 2
        for dropped in paragraphs[i:end]:
            log.append({"page": "", "rule": "related-links", "before": dropped, "after": ""})
        return paragraphs[:i] + paragraphs[end:]
    return paragraphs
