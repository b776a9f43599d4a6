"""People, organizations, memberships with roles, invitations and two-factor sign-in."""
