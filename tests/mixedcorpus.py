"""A mixed corpus for tests (issue 17): the shipped documents plus a web page listing member states by name
(India, Sri Lanka and Hong Kong SAR among them), a meeting report stating how many countries attended, and a
press release whose date was proposed from file metadata and which names "the two countries"."""

from __future__ import annotations

import shutil
from pathlib import Path

from baliprocess.corpus import DEFAULT_CORPUS

MEMBERS = (
    "Afghanistan, Australia, Bangladesh, Bhutan, Cambodia, China, Fiji, Hong Kong SAR, India, Indonesia, Iran, "
    "Iraq, Japan, Jordan, Kiribati, Lao PDR, Malaysia, Maldives, Mongolia, Myanmar, Nauru, Nepal, New Zealand, "
    "Pakistan, Palau, Papua New Guinea, the Philippines, Samoa, Singapore, Solomon Islands, Sri Lanka, Syria, "
    "Thailand, Timor-Leste, Tonga, Türkiye, the United Arab Emirates, the United States, Vanuatu and Viet Nam"
)
EXTRA = {
    "zz-members-page.md": f"""---
id: zz-members-page
title: "Members of the forum"
date: 2021-05-01
doc_type: web_page
publisher: Test publisher
---
The members of the Bali Process are {MEMBERS}.
""",
    "zz-meeting-report.md": """---
id: zz-meeting-report
title: "Report of the Senior Officials' Meeting"
date: 2019-11-20
doc_type: meeting_report
publisher: Test publisher
---
The Senior Officials' Meeting was held in Bangkok on 19 November 2019.

The meeting was attended by 31 countries and seven international organisations.
""",
    "zz-press-release.md": """---
id: zz-press-release
title: "Ministers meet"
date: 2016-03-24
date_note: "Proposed by add from the PDF's creation date; check it against the document."
doc_type: press_release
publisher: Test publisher
---
The two countries that co-chair the Bali Process welcomed ministers to Bali on 23 March 2016.

Delegates from 44 countries took part in the conference.
""",
}


def mixed_corpus(folder: Path) -> Path:
    """The shipped corpus's files and the three documents above, in ``folder``."""
    shutil.copytree(DEFAULT_CORPUS, folder)
    for name, text in EXTRA.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
