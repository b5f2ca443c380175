"""The subject-access request wizard and the view of the force's verified response."""

from recourse.ui.dialogs.sar.wizard import SarWizard

__all__ = ["SarWizard"]
