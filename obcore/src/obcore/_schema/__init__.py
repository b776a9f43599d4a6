"""Fast, generated validators for the bundled OB 3.0 schemas (see ``codegen``)."""
