"""record -> problems: raw-file, schema, content and duplicate checks, and their reports.

rules.toml / rules.py   the rule table (code, name, severity, hint) and the config that tunes it
raw.py                  bytes and sidecar checks (R…)
schema_check.py         JSON Schema errors with pointers (S001)
content.py (+ .toml)    does the record look like a clean article (C…)
sketch.py               body -> exact hash and MinHash LSH band keys
run.py                  check_file(ref, cfg) -> FileResult: the per-file function engines map
dedup.py                global duplicates over compact keys (D…), clusters for the build
index.py                the persisted key index of the corpus (submission mode)
validate.py             whole-corpus and submission runs; changed.py: --changed-since
report.py               text, json and github renderers
"""
