"""Writes of the assessment app, one module per subject (certifications, sessions, rosters,
attempts, evidence); ``rules`` holds the object-level checks they share."""
