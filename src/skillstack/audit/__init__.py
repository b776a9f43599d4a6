"""The audit log: who did what to which object, with a dotted action name."""
