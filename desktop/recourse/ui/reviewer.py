"""What a reviewer sees on signing in to this client: why it is not for them, and where
reviewing is done, rather than an error."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from recourse.ui.widgets.plain import heading_label, plain_label


class ReviewerScreen(QWidget):
    sign_out_requested = Signal()
    quit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Recourse is not for reviewing"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addStretch(1)
        self.heading = heading_label(self.tr("Recourse is for officers and their "
                                             "representatives"))
        layout.addWidget(self.heading)
        self.text = plain_label(accessible_name=self.tr("Why"))
        self.text.setWordWrap(True)
        self.text.setMaximumWidth(720)
        layout.addWidget(self.text)
        self.next_step = plain_label(self.tr(
            "Challenges, subject-access requests and complaints are reviewed with the "
            "force's own review tools, where every decision is signed and recorded. Ask "
            "your professional standards lead if you do not have access to them. Nothing "
            "about any officer has been saved on this PC."),
            accessible_name=self.tr("Where reviewing is done"))
        self.next_step.setWordWrap(True)
        self.next_step.setMaximumWidth(720)
        layout.addWidget(self.next_step)
        buttons = QHBoxLayout()
        self.sign_out_button = QPushButton(self.tr("&Sign out"))
        self.sign_out_button.setAccessibleName(self.tr("Sign out"))
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        self.quit_button = QPushButton(self.tr("&Close Recourse"))
        self.quit_button.setAccessibleName(self.tr("Close Recourse"))
        self.quit_button.clicked.connect(self.quit_requested)
        buttons.addWidget(self.sign_out_button)
        buttons.addWidget(self.quit_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(2)
        layout.setAlignment(Qt.AlignmentFlag.AlignLeft)

    def show_for(self, name: str) -> None:
        self.text.setText(self.tr(
            "You are signed in as {name}, who reviews officers' challenges. This desktop "
            "client shows an officer what the force holds about them, and lets their "
            "Federation representative act for them under a signed mandate; it has no "
            "screens for reviewing.").format(name=name or self.tr("a reviewer")))
        self.sign_out_button.setFocus()
