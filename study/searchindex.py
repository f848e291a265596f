"""The search index as the theme's worker needs it, at a fraction of its size.

The theme fetches the whole index on a page's first view, so its size is part
of every page's weight. lunr, the theme's search engine, matches single terms
(never phrases), drops English stop words, and ignores field length (b = 0).
So the index keeps every section's title, and each page's opening, as written,
for the result list to show; past the opening, and in the sections below it,
it keeps only the names a reader searches for, each once per page (in the
first section that uses it): identifiers
(a digit, an underscore or a capital past the first letter: VE_PARALLEL,
PRL_ERR_FAILURE, OpenVZ, x86_64) and the names the study documents, which the
build passes in (components, glossary terms, configuration keys, prlctl
options, file paths). Plain English words past the opening are left out: a
section's own opening would cost every first page view about 46 KB, and its
title already carries the words a reader looks for.
"""

from __future__ import annotations

import json
import re

# The result list shows the start of a page's text.
PREVIEW_CHARS = 80

_INDEX_TAG = re.compile(r"</?(?:p|code|pre|li|ol|ul|sub|sup)>")
_PLAIN_WORD = re.compile(r"[a-z]{3,}")

# The English stop words of lunr 2.3 (lunr.stopWordFilter), which the theme's pipeline drops:
# the search never matches them, so the index need not carry them past the preview.
STOP_WORDS = frozenset({
    "a", "able", "about", "across", "after", "all", "almost", "also", "am", "among", "an", "and", "any", "are",
    "as", "at", "be", "because", "been", "but", "by", "can", "cannot", "could", "dear", "did", "do", "does",
    "either", "else", "ever", "every", "for", "from", "get", "got", "had", "has", "have", "he", "her", "hers",
    "him", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "just", "least", "let", "like",
    "likely", "may", "me", "might", "most", "must", "my", "neither", "no", "nor", "not", "of", "off", "often",
    "on", "only", "or", "other", "our", "own", "rather", "said", "say", "says", "she", "should", "since", "so",
    "some", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "tis", "to",
    "too", "twas", "us", "wants", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
    "why", "will", "with", "would", "yet", "you", "your",
})


def _same_stem_seen(word: str, seen: set[str]) -> bool:
    """A plural whose singular is already there, or the reverse: lunr's stemmer makes them one term."""
    if not _PLAIN_WORD.fullmatch(word) or word.endswith("ss"):
        return False
    return (word.endswith("s") and word[:-1] in seen) or (word + "s" in seen)


def _opening(text: str, preview: int) -> tuple[str, str]:
    if len(text) <= preview:
        return text, ""
    cut = text.rfind(" ", 0, preview)
    cut = cut if cut > 0 else preview
    return text[:cut], text[cut:]


_IDENTIFIER = re.compile(r".*[0-9_].*|.+[A-Z].*")


def searched_name(word: str, names: frozenset[str] | None) -> bool:
    """A word worth keeping past the opening: an identifier, or one of the names (all if names is None)."""
    return names is None or bool(_IDENTIFIER.fullmatch(word)) or word.lower() in names


def section_text(text: str, separator: re.Pattern[str], seen: set[str],
                 names: frozenset[str] | None = None, preview: int = PREVIEW_CHARS) -> str:
    """The first `preview` characters, then each further name not in `seen`; `seen` takes in every word used."""
    head, tail = _opening(text, preview)
    seen.update(w.lower() for w in separator.split(head))
    rest = []
    for word in separator.split(tail):
        folded = word.lower()
        if not searched_name(word, names):
            continue
        if len(folded) > 1 and folded not in seen and not _same_stem_seen(folded, seen):
            seen.add(folded)
            rest.append(word)
    if not head:
        return " ".join(rest)
    return " ".join([head, "…", *rest]) if rest else head


def compact(text: str, names: frozenset[str] | None = None) -> str:
    """The theme's search_index.json, compacted as the module docstring says.

    `names` are the documented names, lower-cased; None keeps every word past the opening.
    """
    index = json.loads(text)
    separator = re.compile(index["config"]["separator"])
    seen_on_page: dict[str, set[str]] = {}
    docs = []
    for doc in index["docs"]:
        plain = " ".join(_INDEX_TAG.sub(" ", doc["text"]).split())
        if not plain and "#" in doc["location"]:
            continue  # a section whose content is all kept out of search ("Sources", "At a glance")
        seen = seen_on_page.setdefault(doc["location"].split("#")[0], set(STOP_WORDS))
        preview = 0 if "#" in doc["location"] else PREVIEW_CHARS  # only a page shows its opening
        docs.append({**doc, "text": section_text(plain, separator, seen, names, preview)})
    index["docs"] = docs
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))
