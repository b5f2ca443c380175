"""The rule that raised a flag: id, version, title, description, parameters with units."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFormLayout, QGroupBox, QVBoxLayout, QWidget

from recourse.ui.models.formatting import format_value, humanise
from recourse.ui.widgets.plain import plain_label

if TYPE_CHECKING:
    from recourse.protocol.wire import Rule, RuleParameter, RuleRef


class RuleCard(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("The rule"), parent)
        self.setAccessibleName(self.tr("The rule that raised this flag"))
        layout = QVBoxLayout(self)
        self._identity = plain_label(accessible_name=self.tr("Rule id and version"))
        self._description = plain_label(accessible_name=self.tr("Rule description"))
        layout.addWidget(self._identity)
        layout.addWidget(self._description)
        self._parameters = QFormLayout()
        layout.addLayout(self._parameters)

    def set_rule(
        self, rule_ref: RuleRef | None, rule: Rule | None, parameters: list[RuleParameter]
    ) -> None:
        """Show `rule` (the catalogue entry, may be None) and the flag's own parameters."""
        while self._parameters.rowCount():
            self._parameters.removeRow(0)
        if rule_ref is None:
            self._identity.setText("")
            self._description.setText("")
            return
        self._identity.setText(
            self.tr("{title} — rule {id}, version {version}").format(
                title=rule_ref.title, id=rule_ref.id, version=rule_ref.version
            )
        )
        if rule is None:
            self._description.setText(
                self.tr("The force's description of this rule version is not in your copy yet.")
            )
        else:
            self._description.setText(rule.description)
            if rule.version != rule_ref.version:
                self._description.setText(
                    rule.description
                    + "\n"
                    + self.tr(
                        "(This description is of version {current}; the flag was raised "
                        "under version {flagged}.)"
                    ).format(current=rule.version, flagged=rule_ref.version)
                )
        for parameter in parameters:
            value = format_value(parameter.value)
            if parameter.unit:
                value = f"{value} {parameter.unit}"
            text = f"{value} — {parameter.description}" if parameter.description else value
            name = humanise(parameter.name)
            field = plain_label(text, accessible_name=name)
            self._parameters.addRow(plain_label(name + ":", selectable=False, wrap=False), field)
