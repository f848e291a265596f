"""Small fixes to the theme's HTML, applied to every rendered page."""

from __future__ import annotations

# Material 9.8's search dialog has role="dialog" but no accessible name
# (axe: aria-dialog-name). Name it, and fail loudly if a theme update
# changes the markup, so the fix cannot silently stop working.
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_NAMED_DIALOG = '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'


class ThemeChanged(RuntimeError):
    pass


def label_search_dialog(html: str) -> str:
    if _SEARCH_DIALOG not in html:
        raise ThemeChanged("the search dialog markup changed; review study/htmlfix.py")
    return html.replace(_SEARCH_DIALOG, _NAMED_DIALOG)
