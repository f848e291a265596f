"""The reference for operators: the error atlas, the configuration keys and the options of `prlctl set`.

Search finds an error by its code or its message: each entry is a section of its own, with the
code, the value and the message in its heading, which search weighs most.
Meanings of errors are searched too and kept short; the longer notes, the configuration
meanings and the details under them are shown but not searched, since people look keys and
options up by name.
"""

from __future__ import annotations

import html
from typing import Any

from study import routes
from study.records import AtlasEntry, ConfigKey, PrlctlOption
from study.render import md
from study.render.cite import Refs
from study.render.components import link as component_link

Model = Any


def atlas_section(comp_id: str) -> str:
    """The anchor of a component's section on the atlas page (the page writes it in its heading)."""
    return routes.slug(comp_id)


def _unsearched(markdown: str) -> str:
    return f'<span data-search-exclude markdown>{markdown}</span>'


def _names_table(markdown: str) -> str:
    """A table whose first columns hold names that must not break (the stylesheet keeps them whole)."""
    return f'<div class="study-names" markdown>\n\n{markdown}\n\n</div>'


def atlas_components(model: Model) -> list[str]:
    """The components of the atlas, in the order of their first entry."""
    return list(dict.fromkeys(e["component"] for e in model.errors))


def error_index(model: Model, page: str = routes.ERRORS) -> str:
    """One row per component: its section, and how many of its entries name a flow step."""
    rows = []
    for comp_id in atlas_components(model):
        entries = [e for e in model.errors if e["component"] == comp_id]
        name = model.get("components", comp_id)["name"].split(" (")[0]
        target = routes.relative(page, routes.error_page(comp_id), atlas_section(comp_id))
        rows.append([md.link(md.text(name), target), str(len(entries)),
                     str(sum(1 for e in entries if "flow" in e))])
    return md.unsearched(md.table(["Component", "Entries", "Linked to a flow step"], rows))


def _heading(entry: AtlasEntry) -> str:
    """Code, value and message in one heading: search weighs a heading most, and shows it as the result's title.

    Raw HTML, so that each entry is a search section of its own but stays out of the page's table of contents.
    """
    value = f" {html.escape(entry['value'])}" if entry.get("value") else ""
    message = entry.get("text")
    shown = f' <span class="study-message">{html.escape(" ".join(message.split()))}</span>' if message else ""
    return (f'<h3 id="{routes.error_anchor(entry["id"])}" class="study-entry">'
            f'<code>{html.escape(entry["code"])}</code>{value}{shown}</h3>')


def _raised_in(refs: Refs, entry: AtlasEntry) -> str:
    flow = refs.model.get("flows", entry["flow"])
    if "step" not in entry:
        return f"Raised in {md.link(md.text(flow['title']), routes.relative(refs.page, routes.flow(flow['id'])))}."
    target = routes.relative(refs.page, routes.flow(flow["id"]), routes.step_anchor(entry["step"]))
    return f"Raised in {md.link(md.text(flow['title'] + ', step ' + str(entry['step'])), target)}."


def _entry(refs: Refs, entry: AtlasEntry) -> list[str]:
    out = [_heading(entry), ""]
    more = [md.rich(entry["note"])] if entry.get("note") else []
    if entry.get("flow"):
        more.append(_raised_in(refs, entry))
    body = md.rich(entry["meaning"]) + refs.evidence(entry["evidence"])
    return [*out, body + (f" {_unsearched(' '.join(more))}" if more else ""), ""]


def error_entries(refs: Refs, comp_id: str) -> str:
    """The atlas entries of one component, in data order."""
    refs.model.get("components", comp_id)  # KeyError names an unknown component
    entries = [e for e in refs.model.errors if e["component"] == comp_id]
    if not entries:
        raise ValueError(f"the atlas has no entries for component '{comp_id}'")
    out: list[str] = []
    for entry in entries:
        out += _entry(refs, entry)
    return "\n".join(out).rstrip("\n") + "\n"


# -- configuration keys ---------------------------------------------------------------------------

def _key_link(refs: Refs, name: str) -> str:
    """A link to a key's row, on whichever page lists it."""
    page = routes.key_page(name, refs.model.get("config_keys", name)["file"])
    anchor = routes.key_anchor(name)
    return md.link(md.code(name), f"#{anchor}" if page == refs.page else routes.relative(refs.page, page, anchor))


def _key_cell(refs: Refs, key: ConfigKey) -> str:
    cell = f'<span id="{routes.key_anchor(key["key"])}"></span>{md.code(key["key"])}'
    if key.get("alias_of"):
        return cell + f"<br>alias of {_key_link(refs, key['alias_of'])}"
    return cell + (f"<br>{md.text(key['status'])}" if key.get("status") else "")


def _shipped(key: ConfigKey) -> str:
    return "; ".join(f"{md.code(s['value'])} in {md.code(s['file'])}"
                     + (" (commented out)" if s["state"] != "set" else "") for s in key.get("shipped", []))


def _key_details(refs: Refs, key: ConfigKey) -> str:
    bits = [f"{label}: {value}" for label, value in (
        ("Unit", md.rich(key.get("unit", ""))), ("Default", md.rich(key.get("default", ""))),
        ("Shipped", _shipped(key)),
        ("Read by", ", ".join(component_link(refs.page, refs.model.get("components", c))
                              for c in key.get("components", [])) or "no reader found"),
    ) if value]
    note = f"<br>{md.rich(key['note'])}" if key.get("note") else ""
    return f'<br><span class="study-details">{". ".join(bits)}.</span>{note}'


def config_keys(refs: Refs, file: str) -> str:
    """A table of the keys of one file that this page lists: the key (searched), what it does and its details."""
    keys = [k for k in refs.model.config_keys if k["file"] == file and routes.key_page(k["key"], file) == refs.page]
    if not keys:
        raise ValueError(f"no configuration keys of file '{file}' belong on this page")
    rows = [[_key_cell(refs, k),
             _unsearched(md.rich(k["meaning"]) + refs.evidence(k["evidence"]) + _key_details(refs, k))] for k in keys]
    return _names_table(md.table(["Key", "What it does"], rows))


# -- prlctl set ---------------------------------------------------------------------------------------

REACH = {
    "libvzctl": "no key: it reaches libvzctl, which saves none",
    "dispatcher": "no key found: followed to the dispatcher",
    "sdk": "no key found: followed to the SDK call",
    "prlctl": "no key found: followed through prlctl only",
}


def _option_cell(option: PrlctlOption) -> str:
    names = " ".join(md.code(n) for n in [option["option"], *option.get("aliases", [])])
    only = "<br>containers only" if option["applies_to"] == "ct" else ""
    return f'<span id="{routes.option_anchor(option["option"])}"></span>{names}{only}'


def _for_containers(option: PrlctlOption) -> bool:
    return option["applies_to"] in ("ct", "both")


def _writes(refs: Refs, option: PrlctlOption) -> str:
    if option.get("keys"):
        return ", ".join(_key_link(refs, k) for k in option["keys"])
    return md.text(REACH[option["reach"]])


def _option_row(refs: Refs, option: PrlctlOption) -> list[str]:
    note = f" {md.rich(option['key_note'])}" if option.get("key_note") else ""
    what = (md.rich(option["meaning"]) + refs.evidence(option["evidence"])
            + '<br><span class="study-details">' + f"SDK: {md.code(option['sdk'])}.{note}</span>")
    return [_option_cell(option), _writes(refs, option), _unsearched(what)]


def _other_options(refs: Refs, options: list[PrlctlOption]) -> str:
    """The options that do not reach a container, grouped by reason, each group a list in columns.

    They have a page of their own, so they are shown open, not in a box; they stay out of the
    search index, which keeps to the options that reach a container.
    """
    by_reason: dict[str, list[PrlctlOption]] = {}
    for option in options:
        by_reason.setdefault(option["meaning"], []).append(option)
    groups = [md.rich(reason) + "\n\n" + '<div class="study-columns" markdown>\n\n'
              + "\n".join(f"- {md.code(o['option'])}{refs.evidence(o['evidence'])}" for o in group)
              + "\n\n</div>"
              for reason, group in by_reason.items()]
    return md.unsearched("\n\n".join(groups))


def prlctl_options(refs: Refs) -> str:
    """The container options of `prlctl set` that this page lists, with the keys they write, then the rest."""
    here = [o for o in refs.model.prlctl_options if routes.option_page(o["option"], _for_containers(o)) == refs.page]
    if not here:
        raise ValueError("no prlctl set options belong on this page")
    ours = [o for o in here if _for_containers(o)]
    if not ours:
        return _other_options(refs, here) + "\n"
    return _names_table(md.table(["Option", "Writes", "What it sets"], [_option_row(refs, o) for o in ours])) + "\n"
