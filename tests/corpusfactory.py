"""Build small corpora on disk for tests."""

from __future__ import annotations

from pathlib import Path

GOOD_BODY = "First paragraph about information sharing.\n\nSecond paragraph, signed in Bali on 7 August 2018.\n"


def front(title: str = "A title", date: str = "2018-08-07", **extra: str) -> str:
    """YAML front matter with the given keys."""
    lines = ["---", f'title: "{title}"', f"date: {date}"] + [f"{k}: {v}" for k, v in extra.items()] + ["---"]
    return "\n".join(lines) + "\n"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    """Write ``content`` to ``folder/name`` (bytes as they are, text as UTF-8)."""
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def good_corpus(folder: Path, n: int = 2) -> Path:
    """A valid corpus of ``n`` distinct documents."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        write(folder, f"doc{i}.md", front(title=f"Document {i}") + f"Unique line {i}.\n\n" + GOOD_BODY)
    return folder
