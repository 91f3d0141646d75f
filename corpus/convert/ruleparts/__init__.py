"""The parts of the compiled rules (corpus.convert.rules.Rules), one module per theme: each builder takes the
loaded tables and returns its fields, which rules._compile assembles."""
