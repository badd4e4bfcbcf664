"""The Jinja2 environment for the printable HTML outputs: templates shipped in the package, autoescaping on."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..content.safetext import clean
from .doc_i18n import document_language, translations

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _finalize(value: Any) -> Any:
    """Every printed text without control characters or bidi controls (a NUL, or an RLO that shows a phone
    number backwards); the stylesheet isolates each element's text direction as well."""
    return clean(value) if isinstance(value, str) else value


@lru_cache(maxsize=1)
def environment() -> Environment:
    """One shared environment; every ``{{ value }}`` is cleaned and HTML-escaped (``autoescape=True``)."""
    return Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_finalize,
        extensions=["jinja2.ext.i18n"],
    )


def render(name: str, **context: Any) -> str:
    """Render one template from game/tools/templates, in the document language in use (`doc_i18n.documents_in`):
    the templates' {% trans %} blocks and _() read the documents catalog."""
    env = environment()
    env.install_gettext_translations(translations(document_language()), newstyle=True)  # type: ignore[attr-defined]
    return env.get_template(name).render(doc_lang=document_language(), **context)
