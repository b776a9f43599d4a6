"""Signals other apps listen to, so they can keep derived data (verified skills, pathway
progress) in step with credentials without the issuing app knowing about them.

Both are sent inside the transaction that made the change: a receiver's writes commit or
roll back with it. Receivers must be quick and must not send e-mail directly (queue a task).
"""

from django.dispatch import Signal

credential_issued = Signal()
"""Sent with ``credentials``: the list of IssuedCredential rows just stored."""

credential_state_changed = Signal()
"""Sent with ``credential``: an IssuedCredential just revoked, suspended or reinstated."""
