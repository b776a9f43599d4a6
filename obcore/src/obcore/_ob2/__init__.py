"""Open Badges 2.0 (1EdTech, 2018): vocabulary, structure and signed-badge helpers."""
