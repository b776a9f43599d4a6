"""The 1EdTech Open Badges 3.0 REST API with OAuth 2.0, and Open Badges 2.0 hosted assertions."""
