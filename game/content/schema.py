"""The scenario format as frozen pydantic models; field descriptions are the editor help."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any, Literal, Optional, Union

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    model_validator,
)

from .yamlread import typed_scalar

SCHEMA_VERSION = 1
"""The newest scenario format version this game reads. Older versions stay readable."""

ME = "me"
"""Speaker id for the player's own messages."""
SYSTEM = "system"
"""Speaker id for app notices (\"Jordan sent a photo\", \"New login\")."""

Id = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9][a-z0-9_.\-]*$",
        max_length=64,
        description="An id: lowercase letters, digits, '_', '-' or '.', starting with a letter or digit.",
    ),
]
Text = Annotated[str, Field(min_length=1)]
"""A text that cannot be empty; each field gives its own length limit (docs/authoring.md lists them)."""
Line = Annotated[str, Field(min_length=1, max_length=200)]
"""One line in a list: a learning goal, a card detail, a debrief question (200 characters at most)."""
Scalar = Annotated[Union[bool, int, str], BeforeValidator(typed_scalar)]


class Model(BaseModel):
    """Base for every content model: immutable, unknown keys refused."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class ScreenKind(str, Enum):
    """How a node looks: dm (direct messages), sms (texts), feed (posts), profile (a profile page), job_ad,
    marketplace (a listing), game_lobby, email, settings (switches) or narration (plain story text)."""

    DM = "dm"
    SMS = "sms"
    FEED = "feed"
    PROFILE = "profile"
    JOB_AD = "job_ad"
    MARKETPLACE = "marketplace"
    GAME_LOBBY = "game_lobby"
    EMAIL = "email"
    SETTINGS = "settings"
    NARRATION = "narration"


CHAT_KINDS = frozenset({ScreenKind.DM, ScreenKind.SMS, ScreenKind.GAME_LOBBY})
"""Screens that are one conversation: earlier messages stay above the new ones, and each line of a spot task's text
is a bubble of its own."""


class Tone(str, Enum):
    """How an ending feels. A risky ending is never 'game over': it points to help."""

    SAFE = "safe"
    RISKY = "risky"
    HELP_SOUGHT = "help_sought"


class AgeTier(str, Enum):
    """Who a scenario is for: core = ages 12-14, extended = ages 15-18."""

    CORE = "core"
    EXTENDED = "extended"


class Role(str, Enum):
    """A character's part in the story."""

    FRIEND = "friend"
    STRANGER = "stranger"
    PARTNER = "partner"
    RECRUITER = "recruiter"
    PEER = "peer"
    FAMILY = "family"
    ADULT = "adult"
    BUSINESS = "business"
    PLAYER = "player"
    OTHER = "other"


class Visibility(str, Enum):
    """Who can see a post: shown as a globe (public), people (friends) or lock (private)."""

    PUBLIC = "public"
    FRIENDS = "friends"
    PRIVATE = "private"


# ---------------------------------------------------------------- conditions


class VarEquals(Model):
    """True when a variable has exactly this value."""

    var: Id = Field(description="The variable to test (declared under `variables`).")
    equals: Scalar = Field(description="The value it must have: true/false, a whole number or text.")


class VarAtLeast(Model):
    """True when a number variable is this value or more."""

    var: Id = Field(description="The number variable to test.")
    at_least: int = Field(description="The smallest value that passes.")


class VarAtMost(Model):
    """True when a number variable is this value or less."""

    var: Id = Field(description="The number variable to test.")
    at_most: int = Field(description="The largest value that passes.")


class Visited(Model):
    """True when the player has already been to this node."""

    visited: Id = Field(description="A node id.")


class AllOf(Model):
    """True when every condition in the list is true."""

    all: list[Condition] = Field(min_length=1, description="Conditions that must all hold.")


class AnyOf(Model):
    """True when at least one condition in the list is true."""

    any: list[Condition] = Field(min_length=1, description="Conditions of which one must hold.")


class Not(Model):
    """True when the inner condition is false."""

    not_: Condition = Field(alias="not", description="The condition to negate.")


_CONDITION_KEYS = ("equals", "at_least", "at_most", "visited", "all", "any", "not")


def _condition_kind(value: Any) -> str | None:
    if isinstance(value, BaseModel):
        return {VarEquals: "equals", VarAtLeast: "at_least", VarAtMost: "at_most", Visited: "visited",
                AllOf: "all", AnyOf: "any", Not: "not"}.get(type(value))
    if isinstance(value, dict):
        for key in _CONDITION_KEYS:
            if key in value:
                return key
    return None


Condition = Annotated[
    Union[
        Annotated[VarEquals, Tag("equals")],
        Annotated[VarAtLeast, Tag("at_least")],
        Annotated[VarAtMost, Tag("at_most")],
        Annotated[Visited, Tag("visited")],
        Annotated[AllOf, Tag("all")],
        Annotated[AnyOf, Tag("any")],
        Annotated[Not, Tag("not")],
    ],
    Discriminator(
        _condition_kind,
        custom_error_type="condition",
        custom_error_message="a condition needs one of: equals, at_least, at_most, visited, all, any, not",
    ),
]

for _m in (AllOf, AnyOf, Not):
    _m.model_rebuild()


def condition_tests(cond: Optional[Condition]) -> list[Union[VarEquals, VarAtLeast, VarAtMost, Visited]]:
    """Every leaf test inside a condition (through all / any / not), without recursion."""
    out: list[Union[VarEquals, VarAtLeast, VarAtMost, Visited]] = []
    stack: list[Any] = [cond] if cond is not None else []
    while stack:
        c = stack.pop()
        if isinstance(c, AllOf):
            stack.extend(c.all)
        elif isinstance(c, AnyOf):
            stack.extend(c.any)
        elif isinstance(c, Not):
            stack.append(c.not_)
        else:
            out.append(c)
    return out


# ---------------------------------------------------------------- content pieces


class Character(Model):
    """Someone in the story. Never a real person's name or photo."""

    id: Id = Field(description="Used in `from:` of messages.")
    name: Text = Field(max_length=60, description="Display name or handle, e.g. 'Jordan' or 'kai_22'.")
    role: Role = Field(description="Their part in the story.")
    avatar: Optional[str] = Field(
        default=None, description="Image path inside the pack; leave out to show initials on a coloured disc."
    )
    note: Optional[str] = Field(default=None, max_length=80,
                                description="Small line under the name, e.g. 'joined 2 days ago'.")


class PostInfo(Model):
    """Extra details for a feed post or profile entry."""

    visibility: Visibility = Field(default=Visibility.FRIENDS, description="Who can see the post.")
    location: Optional[str] = Field(default=None, max_length=80, description="A location tag shown on the post.")
    likes: int = Field(default=0, ge=0, description="Number of likes shown.")
    comments: int = Field(default=0, ge=0, description="Number of comments shown.")


class Message(Model):
    """One chat message, post, or line of a listing, in the order it appears."""

    speaker: Id = Field(alias="from", description="Character id, 'me' for the player, or 'system' for app notices.")
    text: Text = Field(max_length=1000, description="What the message says. Keep it short: a bubble holds about "
                                                    "40 words (validate warns over 280 characters).",
                       examples=["Hey! I love your drawings. What school do you go to?"])
    time: Optional[str] = Field(default=None, max_length=20,
                                description="Small timestamp, e.g. '9:41 PM'. Quote it so YAML keeps it as text.",
                                examples=["9:41 PM", "Yesterday"])
    image: Optional[str] = Field(default=None, description="Optional picture: a path inside the pack.")
    post: Optional[PostInfo] = Field(default=None, description="Post details on feed and profile screens.")
    when: Optional[Condition] = Field(default=None, description="Show this message only when the condition holds, "
                                      "e.g. {var: asked_friend, equals: true}.")


class Toggle(Model):
    """A switch on a `settings` screen."""

    id: Id = Field(description="Toggle id; a choice can flip it with `toggle:`.")
    label: Text = Field(max_length=80, description="What the switch controls.")
    enabled: Annotated[bool, BeforeValidator(typed_scalar), Field(strict=True)] = Field(
        default=False, description="Whether it starts switched on: true or false (it was `on:` before; YAML 1.1 "
                                   "readers turn the key `on` itself into true).")
    help: Optional[str] = Field(default=None, max_length=200, description="Small text under the label.")


class Card(Model):
    """The header card of a listing, email, profile or settings page."""

    title: Optional[str] = Field(default=None, max_length=80,
                                 description="Job title, item name, email subject or page name.")
    price: Optional[str] = Field(default=None, max_length=40, description="Pay or price, shown large: '$900/week'.")
    poster: Optional[str] = Field(default=None, max_length=60, description="Who posted it, or the email sender's name.")
    poster_note: Optional[str] = Field(default=None, max_length=80,
                                       description="Details about the poster: 'joined 2 days ago'.")
    address: Optional[str] = Field(default=None, max_length=100, description="Email address shown for the sender.")
    body: Optional[str] = Field(default=None, max_length=1500, description="Description or email body "
                                "(1,500 characters at most: about 250 words, more than any card shows well).")
    details: list[Line] = Field(default_factory=list, description="Bullet details (location, hours, requirements).")
    bio: dict[str, Annotated[str, Field(max_length=120)]] = Field(default_factory=dict,
                                                                 description="Profile fields such as School or Team.")
    button: Optional[str] = Field(default=None, max_length=40,
                                  description="The big action button's label, e.g. 'Apply'.")
    toggles: list[Toggle] = Field(default_factory=list, description="Switches on a settings screen.")
    image: Optional[str] = Field(default=None, description="Optional picture: a path inside the pack.")


class Pin(str, Enum):
    """Where an option stays when the options are shuffled."""

    FIRST = "first"
    LAST = "last"


class Order(str, Enum):
    """How a node's options are ordered on screen."""

    SHUFFLE = "shuffle"
    FIXED = "fixed"


class Choice(Model):
    """Something the player can do. Feedback explains why, in plain words."""

    text: Text = Field(max_length=160, description="What the player does or says, short and in their words.")
    goto: Id = Field(description="The node this choice leads to: a key under `nodes`.")
    points: int = Field(default=0, ge=-10, le=10,
                        description="Score for this choice (-10 to 10). Safer choices and telling someone score "
                                    "more; a risky choice scores 0, never less for being tricked.")
    headline: Optional[str] = Field(
        default=None, max_length=80, description="One-line feedback headline, e.g. 'Smart move: you checked first'."
    )
    feedback: Optional[str] = Field(default=None, max_length=600,
                                    description="Two or three plain sentences on why. On a risky choice, say what "
                                                "the other person did and what helps now; never 'wrong'.")
    tags: list[str] = Field(
        default_factory=list,
        description="Skill shown (skill.*) or tactic exposed (stage.*, pcw.*): ids from tags.yaml.",
    )
    set: dict[Id, Scalar] = Field(default_factory=dict, description="Variables to set when chosen: {name: value}.")
    add: dict[Id, int] = Field(default_factory=dict, description="Number variables to add to when chosen.")
    when: Optional[Condition] = Field(default=None, description="Offer this choice only when the condition holds, "
                                      "e.g. {var: care, at_least: 1} or {not: {visited: spot}}.")
    toggle: Optional[Id] = Field(default=None, description="On a settings screen: the toggle this choice flips.")
    says: Optional[str] = Field(default=None, min_length=1, max_length=280,
                                description="What the player sends in the chat when this is chosen, where that "
                                            "differs from the option's words (e.g. option 'Say no and stay in the "
                                            "game chat', says: 'no thanks, I keep chat in the game'). It stays in "
                                            "the conversation as the player's bubble.")
    pin: Optional[Pin] = Field(default=None, description="Keep this option first or last when the options are "
                               "shuffled (e.g. 'Ask someone else' last). Use sparingly: the safest option should "
                               "not always sit in the same place.")


class SpotPart(Model):
    """A phrase in a spot-the-flags message: a red flag or a benign look-alike."""

    text: Text = Field(max_length=300, description="The exact words, as they appear in the message.")
    flag: bool = Field(description="true = a red flag; false = benign (fine on its own).")
    explain: Text = Field(max_length=400, description="Why it is, or is not, a red flag.")
    tags: list[str] = Field(default_factory=list, description="Tactic tags for red flags (stage.*, pcw.*).")


class SpotScoring(Model):
    """Points for a spot-the-flags task."""

    hit: int = Field(default=2, ge=0, le=10, description="Points per red flag found.")
    miss: int = Field(default=0, ge=-10, le=0, description="Points per red flag missed (zero or less).")
    false_alarm: int = Field(default=-1, ge=-10, le=0, description="Points per benign part marked (zero or less).")
    clear: int = Field(default=0, ge=0, le=10, description="Points per benign part left alone (a correct "
                       "rejection). Give a spot task with no red flag at all `clear: 1` or more, so 'Nothing looks "
                       "wrong' is rewarded.")


class Spot(Model):
    """A spot-the-flags task: the player marks the parts of a message that worry them."""

    prompt: Text = Field(max_length=200, description="The instruction, e.g. 'Tap what worries you.'")
    speaker: Id = Field(alias="from", description="Who sent the message.")
    text: Text = Field(max_length=1000, description="The whole message. Every part's text must appear in it.")
    parts: list[SpotPart] = Field(min_length=1, description="Selectable phrases, red flags and benign ones. Any "
                                  "number may be red flags, none included: then 'Nothing looks wrong' is the answer.")
    goto: Id = Field(description="The node that follows the task.")
    scoring: SpotScoring = Field(default_factory=SpotScoring, description="Points for hits, misses, false alarms.")


class Ending(Model):
    """How the story ends. Every ending leads to the debrief."""

    tone: Tone = Field(description="safe, risky or help_sought. The best-scoring path must end safe or "
                                   "help_sought.")
    title: Text = Field(max_length=80, description="Short ending title.")
    text: Text = Field(max_length=1000, description="What happened, calmly told.")
    still_helps: Optional[str] = Field(default=None, max_length=400,
                                       description="For risky endings: what can still help now, e.g. 'Stop "
                                                   "replying, keep the messages and tell an adult you trust.'")


class Node(Model):
    """One screen of the story: messages, then choices, a spot task, next, or an ending."""

    screen: ScreenKind = Field(description="The kind of app screen this node imitates.")
    app: Optional[str] = Field(default=None, max_length=40, description="Fictional app name in the header.")
    with_: Optional[Id] = Field(default=None, alias="with", description="Character the chat is with (header).")
    title: Optional[str] = Field(default=None, max_length=80, description="Header title for narration screens.")
    card: Optional[Card] = Field(default=None, description="Listing, email, profile or settings card.")
    messages: list[Message] = Field(default_factory=list, description="Messages or posts, oldest first.")
    prompt: Optional[str] = Field(default=None, max_length=160, description="Question above the choices.")
    choices: Optional[list[Choice]] = Field(default=None, min_length=1, description="What the player can do. "
                                            "They are shown in a new order each play (see `order` and `pin`).")
    order: Order = Field(default=Order.SHUFFLE, description="`shuffle` (the default): the options are shown in a "
                         "new order each play-through, so their place never gives the answer away; `fixed`: in "
                         "the order written, for options that must read in sequence.")
    spot: Optional[Spot] = Field(default=None, description="A spot-the-flags task.")
    next: Optional[Id] = Field(default=None, description="Node to continue to when there is no choice "
                                                         "(the player taps Next).")
    ending: Optional[Ending] = Field(default=None, description="Makes this node an ending.")
    discussion: Optional[str] = Field(default=None, max_length=300,
                                      description="A question for a class pause at this node.")
    teacher_note: Optional[str] = Field(default=None, max_length=1000,
                                        description="Note for the facilitator; hidden from students.")

    @model_validator(mode="after")
    def _one_way_on(self) -> Node:
        ways = [k for k in ("choices", "spot", "next", "ending") if getattr(self, k) is not None]
        if len(ways) != 1:
            found = ", ".join(ways) if ways else "none"
            raise ValueError(f"a node needs exactly one of choices, spot, next or ending (found: {found})")
        return self

    def targets(self) -> list[str]:
        """Every node id this node can lead to."""
        if self.choices is not None:
            return [c.goto for c in self.choices]
        if self.spot is not None:
            return [self.spot.goto]
        if self.next is not None:
            return [self.next]
        return []


class RedFlag(Model):
    """A red flag shown in the debrief replay, lit up where it appeared."""

    at: Id = Field(description="The node where it appeared.")
    quote: Text = Field(max_length=300, description="The exact words in that node's messages, card or spot text.")
    label: Text = Field(max_length=80, description="Short name, e.g. 'Asks to move to a private app'.")
    explain: Text = Field(max_length=400, description="Why it matters, in one or two sentences.")
    tags: list[str] = Field(default_factory=list, description="Tactic tags (stage.*, pcw.*).")


class Debrief(Model):
    """The end-of-scenario debrief for class discussion."""

    red_flags: list[RedFlag] = Field(default_factory=list, description="Red flags, located in the story.")
    tactics: list[str] = Field(default_factory=list, description="Tactic tags this scenario shows.")
    questions: list[Line] = Field(default_factory=list,
                                  description="Discussion questions (3 or more), about the characters: 'What could "
                                              "Mateo do?', never 'Has this happened to you?'")
    help_a_friend: Text = Field(max_length=400, description="What to do if this happens to a friend.")
    teacher_notes: Optional[str] = Field(default=None, max_length=3000,
                                         description="What to watch for; handling a disclosure.")
    resources: list[str] = Field(default_factory=list, description="Help resource ids from resources.yaml.")


class Scenario(Model):
    """A whole scenario: one file, one story, one debrief."""

    schema_version: int = Field(ge=1, description="Format version; this game reads 1.")
    id: Id = Field(description="Unique scenario id, usually the file name.", examples=["fake-job-offer"])
    lang: str = Field(default="en", pattern=r"^[a-z]{2}(-[A-Z]{2})?$",
                      description="Language code, e.g. 'en' or 'es'. A translation lives in scenarios/<lang>/ under "
                                  "the same file name, with the same node ids, choices and targets.")
    title: Text = Field(max_length=60, description="Title on the picker card.")
    summary: Text = Field(max_length=400, description="One or two sentences for the picker and the guide.")
    theme: str = Field(description="Theme tag from scenarios/tags.yaml, e.g. 'theme.fake_job'.",
                       examples=["theme.grooming", "theme.fake_job", "theme.sextortion", "theme.gaming"])
    age_tier: AgeTier = Field(description="core (12-14) or extended (15-18). Sets the reading-level target: "
                                          "grade 7.0 for core, 8.5 for extended.")
    minutes: int = Field(ge=1, le=60, description="Estimated minutes of one play (1-60).")
    order: int = Field(default=100, description="Sort position in the picker (lower first).")
    content_note: Text = Field(max_length=300, description="Short note shown before play, with a real skip option.")
    learning_goals: list[Line] = Field(min_length=1, description="What students should be able to do afterwards.")
    variables: dict[Id, Scalar] = Field(
        default_factory=dict, description="Story variables and their starting values (true/false, numbers, text)."
    )
    characters: list[Character] = Field(default_factory=list, description="Everyone who speaks.")
    start: Id = Field(description="The first node: a key under `nodes`.")
    nodes: dict[Id, Node] = Field(min_length=1, description="The story's nodes, keyed by id. Each node is one "
                                                             "screen; every path must reach an ending.")
    debrief: Optional[Debrief] = Field(default=None, description="The debrief every ending leads to.")

    @model_validator(mode="after")
    def _version(self) -> Scenario:
        if self.schema_version > SCHEMA_VERSION:
            raise ValueError(f"schema_version {self.schema_version} is newer than this game reads ({SCHEMA_VERSION})")
        return self

    def character(self, char_id: str) -> Optional[Character]:
        """The character with this id, if any."""
        for c in self.characters:
            if c.id == char_id:
                return c
        return None


# ---------------------------------------------------------------- shared files


class TagKind(str, Enum):
    """Groups of the tag vocabulary."""

    THEME = "theme"
    STAGE = "stage"
    PCW = "pcw"
    SKILL = "skill"


class TagDef(Model):
    """One tag of the shared vocabulary."""

    id: str = Field(pattern=r"^(theme|stage|pcw|skill)\.[a-z0-9_]+$", description="e.g. 'skill.verify'.")
    label: Text = Field(max_length=60, description="Student-friendly label.")
    explain: Text = Field(max_length=300, description="One line the debrief shows.")
    on_screen: bool = Field(default=True, description="false = teacher materials only.")


class BadgeDef(Model):
    """A badge earned by showing skills."""

    id: Id
    label: Text = Field(max_length=40)
    why: Text = Field(max_length=160, description="One line: what the player did to earn it.")
    needs: list[str] = Field(min_length=1, description="Skill tags; any one of them earns the badge.")
    shape: Literal["shield", "star", "circle", "hexagon", "diamond"] = "circle"


class TagVocabulary(Model):
    """scenarios/tags.yaml: themes, stages, power-and-control categories, skills, badges."""

    schema_version: int = Field(ge=1)
    tags: list[TagDef] = Field(min_length=1)
    badges: list[BadgeDef] = Field(default_factory=list)

    def ids(self) -> set[str]:
        """All tag ids."""
        return {t.id for t in self.tags}

    def get(self, tag_id: str) -> Optional[TagDef]:
        """The tag with this id, if any."""
        for t in self.tags:
            if t.id == tag_id:
                return t
        return None


class Contact(Model):
    """One way to reach a help resource."""

    kind: Literal["call", "text", "chat", "web", "email", "tty", "app"]
    value: Text = Field(max_length=120, description="Number, keyword + number, or address.")
    label: Optional[str] = Field(default=None, max_length=80, description="Extra words, e.g. 'text START to'.")


class Resource(Model):
    """A help line or service."""

    id: Id
    name: Text = Field(max_length=100)
    for_: Text = Field(alias="for", max_length=300, description="What it is for, in plain words.")
    contacts: list[Contact] = Field(min_length=1)
    hours: Text = Field(max_length=120)
    what_happens: Text = Field(max_length=400, description="What happens when you reach out.")
    themes: list[str] = Field(default_factory=list, description="Theme tags it fits.")
    verified: bool = Field(description="true = confirmed on the operator's own page; false = teacher guide only.")
    last_verified: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$", description="Date it was last checked.")
    note: Optional[str] = Field(default=None, max_length=600,
                                description="For the teacher guide: what still needs checking.")


class ResourceList(Model):
    """scenarios/resources.yaml."""

    schema_version: int = Field(ge=1)
    resources: list[Resource] = Field(min_length=1)

    def get(self, rid: str) -> Optional[Resource]:
        """The resource with this id, if any."""
        for r in self.resources:
            if r.id == rid:
                return r
        return None
