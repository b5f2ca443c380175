"""Why a flag was raised, in plain words, built from the flag's provenance data.

Nothing here is the force's prose: every sentence is assembled from the structured
provenance (observed values, threshold, comparison, window, computation steps,
corroboration, review, action), so the explanation always matches the numbers the
force recorded. Rule-specific phrasings are used where the observed values of a known
rule are present; any other rule gets the generic account of its numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from recourse.ui.models.formatting import format_value, humanise
from recourse.ui.qt import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from recourse.protocol.wire import FlagDetail

#: One observed value of a flag's provenance, as the wire format allows it.
Observed = float | int | str | bool | None


def _tr(text: str) -> str:
    return QCoreApplication.translate("Explain", text)


COMPARISON_WORDS = {
    "<": QT_TRANSLATE_NOOP("Explain", "below"),
    "<=": QT_TRANSLATE_NOOP("Explain", "at or below"),
    ">": QT_TRANSLATE_NOOP("Explain", "above"),
    ">=": QT_TRANSLATE_NOOP("Explain", "at or above"),
    "==": QT_TRANSLATE_NOOP("Explain", "equal to"),
}


def comparison_words(comparison: str | None) -> str:
    """'below' for '<' and so on; the symbol itself if unknown."""
    if comparison is None:
        return _tr("compared with")
    words = COMPARISON_WORDS.get(comparison.strip())
    if words is None:
        return comparison.replace("_", " ")
    return _tr(words)


def window_words(start: date, end: date) -> str:
    days = (end - start).days + 1
    if days % 7 == 0:
        span = _tr("{n} weeks").format(n=days // 7)
    else:
        span = _tr("{n} days").format(n=days)
    return _tr("over {span} from {start} to {end}").format(
        span=span, start=start.isoformat(), end=end.isoformat()
    )


def _number(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return f"{value:.1f}".rstrip("0").rstrip(".")
    return format_value(value)


def _get(observed: Mapping[str, Observed], *names: str) -> Observed:
    for name in names:
        if observed.get(name) is not None:
            return observed[name]
    return None


def _percent(value: float | int | str | bool) -> str:
    number = float(value)
    if number <= 1.0:  # a ratio rather than a percentage
        number *= 100
    return f"{number:.1f}".rstrip("0").rstrip(".") + "%"


def _attendance(flag: FlagDetail) -> str | None:
    p = flag.provenance
    o = p.observed
    attended = _get(o, "days_attended", "office_days", "attended_days")
    working = _get(o, "days_counted", "working_days")
    percent = _get(o, "attendance_percent", "attendance_pct", "percent", "attendance")
    if attended is None or working is None:
        return None
    if percent is None and working:
        percent = 100.0 * float(attended) / float(working)
    text = _tr(
        "The force's system counted {attended} of {working} working days as office "
        "attendance ({percent}), {comparison} its {threshold} threshold {window}."
    ).format(
        attended=_number(attended),
        working=_number(working),
        percent=_percent(percent) if percent is not None else "?",
        comparison=comparison_words(p.comparison),
        threshold=_percent(p.threshold) if p.threshold is not None else "?",
        window=window_words(p.window_start, p.window_end),
    )
    leave = _get(o, "annual_leave_days", "leave_days", "annual_leave_counted_absent")
    sick = _get(o, "sickness_days", "sick_days", "sickness_counted_absent")
    either = _get(o, "leave_or_sickness_days_counted_absent")
    if leave is None and sick is None and either:
        text += " " + _tr("It counted {n} days of annual leave or sickness as absence.").format(
            n=_number(either)
        )
    elif leave or sick:
        text += " " + _tr(
            "It counted {leave} days of annual leave and {sick} days of sickness as absence."
        ).format(leave=_number(leave or 0), sick=_number(sick or 0))
    return text


#: Rule id → a function giving the rule-specific first sentence, or None if the
#: observed values it needs are not present (the generic account is used then).
RULE_SENTENCES: dict[str, Callable[[FlagDetail], str | None]] = {
    "hybrid-attendance": _attendance,
}


def generic_sentence(flag: FlagDetail) -> str:
    p = flag.provenance
    parts = []
    for name, value in p.observed.items():
        parts.append(f"{humanise(name).lower()} {_number(value)}")
    observed = "; ".join(parts) if parts else _tr("no observed values were recorded")
    text = _tr("The force's system observed {observed} {window}.").format(
        observed=observed, window=window_words(p.window_start, p.window_end)
    )
    if p.threshold is not None:
        text += " " + _tr(
            "It raised the flag because the result was {comparison} {threshold}."
        ).format(comparison=comparison_words(p.comparison), threshold=_number(p.threshold))
    return text


def computation_lines(flag: FlagDetail) -> list[str]:
    lines = []
    for position, step in enumerate(flag.provenance.computation, start=1):
        line = f"{position}. {step.description}"
        if step.value is not None:
            value = _number(step.value)
            line += f": {value}" + (f" {step.unit}" if step.unit else "")
        lines.append(line)
    return lines


def corroboration_sentence(flag: FlagDetail) -> str:
    p = flag.provenance
    if p.corroboration == "uncorroborated":
        text = _tr("The match behind this flag was NOT corroborated: nothing else confirmed it.")
    elif p.corroboration == "corroborated":
        text = _tr("The force says the match behind this flag was corroborated.")
    else:
        text = _tr("Corroboration does not apply to this rule.")
    if p.corroboration_detail:
        text += " " + p.corroboration_detail
    if p.confidence is not None:
        text += " " + _tr("The system's stated confidence: {value}%.").format(
            value=f"{p.confidence * 100:.0f}"
        )
    return text


def review_sentence(flag: FlagDetail) -> str:
    review = flag.review
    if not review.human_reviewed:
        return _tr("NOT reviewed by a person: no one checked this flag before it was acted on.")
    text = _tr("Reviewed by a person")
    if review.reviewed_by:
        text += " " + _tr("({who})").format(who=review.reviewed_by)
    if review.reviewed_at is not None:
        text += " " + _tr("on {day}").format(day=review.reviewed_at.date().isoformat())
    text += "."
    if review.note:
        text += " " + review.note
    return text


def explain(flag: FlagDetail, who: str | None = None) -> str:
    """The plain-words account of why `flag` was raised (plain text, several paragraphs);
    `who` names the member when a representative reads it ("PC Hughes")."""
    sentence = None
    builder = RULE_SENTENCES.get(flag.rule.id)
    if builder is not None:
        sentence = builder(flag)
    paragraphs = [sentence or generic_sentence(flag)]
    steps = computation_lines(flag)
    if steps:
        paragraphs.append(_tr("How the force's system worked it out:") + "\n" + "\n".join(steps))
    n = len(flag.provenance.input_record_ids)
    paragraphs.append(
        _tr("It used {n} of your records as input.").format(n=n) if who is None
        else _tr("It used {n} of {who}'s records as input.").format(n=n, who=who)
    )
    return "\n\n".join(paragraphs)


# lupdate reads only calls that name their context, so the texts `_tr` translates
# above are listed for it here (tests/gui/test_shell_translations.py checks none is missing).
_CATALOGUE = (
    QT_TRANSLATE_NOOP("Explain", "compared with"),
    QT_TRANSLATE_NOOP("Explain", "{n} weeks"),
    QT_TRANSLATE_NOOP("Explain", "{n} days"),
    QT_TRANSLATE_NOOP("Explain", "over {span} from {start} to {end}"),
    QT_TRANSLATE_NOOP("Explain",
                      "The force's system counted {attended} of {working} working"
                      " days as office attendance ({percent}), {comparison} its"
                      " {threshold} threshold {window}."),
    QT_TRANSLATE_NOOP("Explain", "It counted {n} days of annual leave or sickness as absence."),
    QT_TRANSLATE_NOOP("Explain",
                      "It counted {leave} days of annual leave and {sick} days of"
                      " sickness as absence."),
    QT_TRANSLATE_NOOP("Explain", "no observed values were recorded"),
    QT_TRANSLATE_NOOP("Explain", "The force's system observed {observed} {window}."),
    QT_TRANSLATE_NOOP("Explain",
                      "It raised the flag because the result was {comparison}"
                      " {threshold}."),
    QT_TRANSLATE_NOOP("Explain",
                      "The match behind this flag was NOT corroborated: nothing"
                      " else confirmed it."),
    QT_TRANSLATE_NOOP("Explain", "The force says the match behind this flag was corroborated."),
    QT_TRANSLATE_NOOP("Explain", "Corroboration does not apply to this rule."),
    QT_TRANSLATE_NOOP("Explain", "The system's stated confidence: {value}%."),
    QT_TRANSLATE_NOOP("Explain",
                      "NOT reviewed by a person: no one checked this flag before it"
                      " was acted on."),
    QT_TRANSLATE_NOOP("Explain", "Reviewed by a person"),
    QT_TRANSLATE_NOOP("Explain", "({who})"),
    QT_TRANSLATE_NOOP("Explain", "on {day}"),
    QT_TRANSLATE_NOOP("Explain", "How the force's system worked it out:"),
    QT_TRANSLATE_NOOP("Explain", "It used {n} of your records as input."),
    QT_TRANSLATE_NOOP("Explain", "It used {n} of {who}'s records as input."),
)
