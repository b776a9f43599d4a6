"""Private helpers for obcore.baking: PNG chunks and hardened SVG reading/writing."""
