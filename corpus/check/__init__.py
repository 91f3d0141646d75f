"""record -> problems: raw-file, schema, content and duplicate checks, and their reports."""
