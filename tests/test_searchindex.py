import json
import re

from study import searchindex

SEPARATOR = r'[\s\-,:!=\[\]()"/#.@]+'


def _index(*docs):
    return json.dumps({"config": {"separator": SEPARATOR}, "docs": [
        {"location": loc, "title": title, "text": text} for loc, title, text in docs]})


def test_a_short_page_opening_is_kept_as_written_without_markup():
    out = json.loads(searchindex.compact(_index(("p/", "P", "<p>The <code>vzctl</code> tool.</p>"))))
    assert out["docs"][0]["text"] == "The vzctl tool."


def test_a_section_keeps_its_title_and_only_its_names():
    out = json.loads(searchindex.compact(_index(
        ("p/", "P", "A page."), ("p/#s", "The ploop driver", "The driver maps VE_LAYOUT and ploop images."),
    ), frozenset({"ploop"})))
    assert out["docs"][1] == {"location": "p/#s", "title": "The ploop driver", "text": "VE_LAYOUT ploop"}


def test_past_the_opening_a_page_carries_each_word_once():
    opening = "word " * 30  # 150 characters, past the preview
    out = json.loads(searchindex.compact(_index(
        ("p/", "P", opening + "vcmmd vcmmd containers container ploop the and"),
        ("p/#s", "S", "ploop and vcmmd are here, and memcg"),
    )))
    first, second = (d["text"] for d in out["docs"])
    assert first.endswith("… vcmmd containers ploop"), "repeats, plurals of a seen word and stop words go"
    assert second == "here memcg", "a section carries only words its page does not have yet"


def test_later_sections_drop_words_the_page_already_has():
    seen = set(searchindex.STOP_WORDS)
    searchindex.section_text("alpha beta", re.compile(SEPARATOR), seen)
    text = searchindex.section_text("word " * 30 + "alpha gamma", re.compile(SEPARATOR), seen)
    assert text.endswith("… gamma")


def test_a_section_with_nothing_searchable_leaves_the_index_but_a_page_stays():
    out = json.loads(searchindex.compact(_index(("p/", "P", ""), ("p/#sources", "Sources", ""))))
    assert [d["location"] for d in out["docs"]] == ["p/"]


def test_past_the_opening_only_identifiers_and_documented_names_stay():
    opening = "word " * 30
    out = json.loads(searchindex.compact(_index(
        ("p/", "P", opening + "the memory VE_PARALLEL ploop OpenVZ x86_64 guarantee Virtuozzo"),
    ), frozenset({"ploop"})))
    assert out["docs"][0]["text"].endswith("… VE_PARALLEL ploop OpenVZ x86_64")


def test_without_names_every_word_stays():
    opening = "word " * 30
    out = json.loads(searchindex.compact(_index(("p/", "P", opening + "memory guarantee"))))
    assert out["docs"][0]["text"].endswith("… memory guarantee")


def test_the_opening_keeps_plain_words():
    out = json.loads(searchindex.compact(_index(("p/", "P", "The memory guarantee of a container.")), frozenset()))
    assert out["docs"][0]["text"] == "The memory guarantee of a container."


def test_the_build_passes_the_documented_names(study_site):
    names = study_site.search_names
    # A component, a glossary term, a configuration key, a prlctl option, a path, an error's code and message.
    assert {"vcmmd", "balloon", "ve_parallel", "memsize", "vmprivate", "mig_err_phaul", "phaul"} <= names
