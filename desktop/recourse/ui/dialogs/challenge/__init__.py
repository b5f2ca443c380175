"""The challenge wizard: contest a flag with a signed challenge."""

from recourse.ui.dialogs.challenge.wizard import ChallengeWizard, DisputedModel

__all__ = ["ChallengeWizard", "DisputedModel"]
