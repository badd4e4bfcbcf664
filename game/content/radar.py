"""The radar check's item format: one short screen per item, a red flag or a genuine look-alike (frozen models)."""

from __future__ import annotations

from enum import Enum
from typing import Optional

from pydantic import Field, model_validator

from .schema import SCHEMA_VERSION, Card, Character, Id, Message, Model, ScreenKind, Text

RADAR_DIR = "radar"
"""The folder of radar item files inside a pack (`scenarios/radar/`)."""

ITEMS_PER_FORM = 16
"""Forms A and B each hold this many items (the refresh set may be smaller)."""

RADAR_CODES: dict[str, str] = {
    "R501": "a red-flag item without a tactic tag, or a genuine item with one",
    "R502": "duplicate item id in the radar set",
    "R503": "a form is not half red flags",
    "R504": "unknown tag, or a tag of the wrong group",
    "R505": "forms A and B are missing or not the same size",
    "R506": "the content does not fit the screen kind",
    "R507": "reading level above grade 8, or forms more than a grade apart",
    "R508": "a phone number that may be real",
    "R509": "blaming or 'game over' wording",
}
"""Codes of the radar item checks (documented in docs/authoring.md, "The radar check")."""


class Form(str, Enum):
    """Which set an item belongs to: A and B are the parallel before/after forms; refresh is the booster set."""

    A = "A"
    B = "B"
    REFRESH = "refresh"


class RadarContent(Model):
    """What the item's screen shows: drawn by the same renderer as a story node of that kind."""

    app: Optional[str] = Field(default=None, max_length=40, description="Fictional app name in the header.")
    with_: Optional[Id] = Field(default=None, alias="with", description="Character the chat is with (header).")
    title: Optional[str] = Field(default=None, max_length=80, description="Header title (narration).")
    characters: list[Character] = Field(default_factory=list, description="Everyone who speaks on this screen.")
    card: Optional[Card] = Field(default=None, description="The listing, email, profile or settings card.")
    messages: list[Message] = Field(default_factory=list, description="Messages or posts, oldest first.")


class RadarItem(Model):
    """One item: a short message, post, listing, email or DM; `flag` says whether it carries a red flag."""

    id: Id = Field(description="Unique across the whole radar set (all forms), e.g. 'a03'.")
    form: Form = Field(description="A, B or refresh.")
    kind: ScreenKind = Field(description="The screen kind that draws it (dm, sms, feed, email, job_ad...).")
    theme: str = Field(description="Theme tag from tags.yaml, e.g. 'theme.fake_job'.")
    flag: bool = Field(description="true = carries a red flag; false = a genuine look-alike of the same surface.")
    tags: list[str] = Field(default_factory=list, description="Tactic tags (stage.*, pcw.*) of a red flag; "
                                                              "none on a genuine item.")
    content: RadarContent = Field(description="What the screen shows.")
    explain: Text = Field(max_length=300, description="One line shown after the check: why it is, or is not, a "
                                                      "red flag.")


class RadarFile(Model):
    """One radar item file: `schema_version: 1` and a list of items."""

    schema_version: int = Field(ge=1, description="Format version; this game reads 1.")
    items: list[RadarItem] = Field(min_length=1, description="The items, in the order they are shown.")

    @model_validator(mode="after")
    def _version(self) -> RadarFile:
        if self.schema_version > SCHEMA_VERSION:
            raise ValueError(f"schema_version {self.schema_version} is newer than this game reads ({SCHEMA_VERSION})")
        return self
