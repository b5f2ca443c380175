"""What an officer can ask for, in plain words, and the right each request rests on.

The codes are the wire identifiers carried in a signed submission
(`recourse.protocol.submission.GROUND_CODES` and `ART15_ITEM_CODES` hold the same
codes; a test keeps the two in step, because the layers may not import each other).
The titles are what the officer sees; `right` and `law` are what the force must
answer to.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

__all__ = [
    "ART15_ITEMS",
    "ART15_LETTERS",
    "GROUNDS",
    "SAR_FORMATS",
    "Art15Item",
    "Ground",
    "art15_item",
    "ground",
    "missing_art15_items",
]


@dataclass(frozen=True)
class Ground:
    """A reason an officer gives for contesting a flag."""

    code: str
    #: What the officer ticks, in their own words.
    title: str
    #: The right it exercises, in plain words.
    right: str
    #: Where the right is found.
    law: str
    #: What the officer is asking the force to do.
    asks_for: str


@dataclass(frozen=True)
class Art15Item:
    """One thing a subject-access request can ask for under UK GDPR Art. 15."""

    code: str
    label: str
    law: str


_GROUNDS = (
    Ground(
        code="rectification",
        title="The data is wrong",
        right="Right to rectification, including adding a supplementary statement",
        law="UK GDPR Art. 16",
        asks_for="Correct the inaccurate data, or complete it with my statement.",
    ),
    Ground(
        code="objection",
        title="The processing is disproportionate or the data was collected off duty",
        right="Right to object",
        law="UK GDPR Art. 21",
        asks_for="Stop processing this data unless you show compelling legitimate grounds "
        "that override my interests, rights and freedoms.",
    ),
    Ground(
        code="restriction",
        title="Stop using it while this is reviewed",
        right="Right to restriction of processing while accuracy is contested",
        law="UK GDPR Art. 18(1)(a)",
        asks_for="Store the data but do not use it while you check its accuracy.",
    ),
    Ground(
        code="automated_decision",
        title="A decision was taken by the machine alone",
        right="Safeguards for significant decisions based solely on automated processing: "
        "to be told, to make representations, to obtain human intervention and to "
        "contest the decision",
        law="UK GDPR Arts. 22A-22D, as inserted by the Data (Use and Access) Act 2025",
        asks_for="Tell me about the decision, have a person review it, consider my "
        "representations and let me contest it.",
    ),
    Ground(
        code="context",
        title="Context the rule could not know",
        right="Representations to be considered alongside the data",
        law="UK GDPR Art. 16 (supplementary statement) and Art. 22C (representations)",
        asks_for="Take into account the circumstances I describe.",
    ),
)

#: Ground code -> Ground, in the order the officer sees them.
GROUNDS: MappingProxyType[str, Ground] = MappingProxyType({g.code: g for g in _GROUNDS})

_ART15 = (
    Art15Item("copy", "A copy of the data you hold about me", "UK GDPR Art. 15(1) and 15(3)"),
    Art15Item("purposes", "Why you use it (the purposes)", "UK GDPR Art. 15(1)(a)"),
    Art15Item("categories", "What kinds of data you hold", "UK GDPR Art. 15(1)(b)"),
    Art15Item(
        "recipients",
        "Who it has been or will be shared with",
        "UK GDPR Art. 15(1)(c)",
    ),
    Art15Item(
        "retention",
        "How long you will keep it, or how that is decided",
        "UK GDPR Art. 15(1)(d)",
    ),
    Art15Item(
        "rights",
        "My rights to correct, erase, restrict or object to it",
        "UK GDPR Art. 15(1)(e)",
    ),
    Art15Item(
        "complaint",
        "My right to complain to the Information Commissioner",
        "UK GDPR Art. 15(1)(f)",
    ),
    Art15Item(
        "source",
        "Where you got it from, if not from me",
        "UK GDPR Art. 15(1)(g)",
    ),
    Art15Item(
        "automated_logic",
        "Whether a machine decides about me, the logic it uses and what it means for me",
        "UK GDPR Art. 15(1)(h)",
    ),
)

#: Art. 15 item code -> item, in the order of the Article.
ART15_ITEMS: MappingProxyType[str, Art15Item] = MappingProxyType({i.code: i for i in _ART15})

#: How the officer wants the SAR answered -> plain words.
SAR_FORMATS: MappingProxyType[str, str] = MappingProxyType(
    {
        "electronic": "Electronically, in a commonly used format",
        "paper": "On paper",
    }
)


def ground(code: str) -> Ground:
    """The ground for `code`, or ValueError naming the codes that exist."""
    try:
        return GROUNDS[code]
    except KeyError:
        raise ValueError(
            f"Unknown ground {code!r}; expected one of {', '.join(GROUNDS)}."
        ) from None


def art15_item(code: str) -> Art15Item:
    """The Art. 15 item for `code`, or ValueError naming the codes that exist."""
    try:
        return ART15_ITEMS[code]
    except KeyError:
        raise ValueError(
            f"Unknown Art. 15 item {code!r}; expected one of {', '.join(ART15_ITEMS)}."
        ) from None


#: The letters of Art. 15(1), by item code: what a chaser letter cites.
ART15_LETTERS: Mapping[str, str] = MappingProxyType({
    "purposes": "a",
    "categories": "b",
    "recipients": "c",
    "retention": "d",
    "rights": "e",
    "complaint": "f",
    "source": "g",
    "automated_logic": "h",
})


def missing_art15_items(
    answered: Collection[str], asked: Sequence[str] | None = None
) -> list[Art15Item]:
    """The Art. 15(1)(a)-(h) items asked for (all eight by default) that are not among
    the `answered` codes, in the Article's order: what a chaser letter asks for."""
    wanted = ART15_LETTERS if asked is None else asked
    return [ART15_ITEMS[code] for code in ART15_LETTERS
            if code in wanted and code not in answered]
