"""Content rules on hand-made records: each rule fires on its case and stays quiet on a clean record."""

from __future__ import annotations

from dataclasses import replace

import pytest

from corpus.check.content import check_record
from corpus.check.rules import apply_config, check_config, rules
from corpus.check.schema_check import check_schema
from corpus.config import Config, ConfigError
from corpus.record import Byline, Credit, Record, Source

BODY = "\n\n".join(
    f"The harbour authority discussed plan number {i} for the old pier with residents on Monday evening."
    for i in range(5)
)
CFG = Config(languages=["en", "de"])


def rec(**kw: object) -> Record:
    base = Record(
        id="a1",
        source=Source(file="a1.txt", sha256="0" * 64),
        headline="Harbour authority weighs five plans for the old pier",
        byline=Byline(authors=["Maria de la Cruz", "Tom O'Neill"]),
        credits=[Credit("photo", "Jane Roe", None)],
        body=BODY,
        language="en",
        word_count=len(BODY.split()),
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def codes(r: Record, cfg: Config = CFG) -> list[str]:
    return [p.code for p in check_record(r, cfg)]


def test_clean_record_passes_everything() -> None:
    assert codes(rec()) == []
    assert check_schema(rec().to_dict()) == []


def test_body_length_rules() -> None:
    assert codes(rec(body="", word_count=0)) == ["C100"]
    assert codes(rec(body="Too short to be news.", word_count=5)) == ["C101"]
    cjk = "港の再開発について市議会は月曜日に新しい計画を承認し、住民の意見を聞く集会を開いた。" * 2
    assert codes(rec(body=cjk, word_count=len(cjk.split()))) == []
    long_cfg = replace(CFG, body_max_words=20)
    assert codes(rec(), long_cfg) == ["C102"]
    assert codes(rec(word_count=3)) == ["C103"]


@pytest.mark.parametrize(
    "leftover",
    [
        "Share this article on WhatsApp:",
        "Previous articleA headline glued to the link",
        "Sign up for our daily newsletter to get the news first",
        "We use cookies to improve your experience on our site.",
        "Advertisement",
        "Read more: Another story about the pier",
        "12K shares",
        "© 2024 The Harbour Gazette. All rights reserved.",
        "Mehr zum Thema",
        "WE USE COOKIES TO IMPROVE YOUR EXPERIENCE.",
        "We use coo\u212aies (a Kelvin sign, lower-cased to k) to improve your experience.",
        "Ünsere Seite: we use cookies to improve your experience.",
    ],
)
def test_boilerplate_left_in_body(leftover: str) -> None:
    body = BODY + "\n\n" + leftover
    [p] = check_record(rec(body=body, word_count=len(body.split())), CFG, raw_text="Title\n\n" + body)
    assert p.code == "C110" and p.severity == "warning" and p.line is not None and p.line > 3


def test_headline_rules() -> None:
    assert codes(rec(headline=" ".join(["word"] * 40))) == ["C120"]
    assert codes(rec(headline="The authority said that it will decide on the pier next week.")) == ["C121"]
    assert codes(rec(headline="Is the pier safe?")) == []
    assert codes(rec(headline='Mayor: "We will rebuild the pier next year."')) == ["C121"]
    assert codes(rec(headline="Talks with the U.S.")) == []
    first = BODY.split("\n\n")[0]
    assert "C122" in codes(rec(headline=first))


@pytest.mark.parametrize(
    ("author", "code"),
    [
        ("jane.roe@gazette.test", "C131"),
        ("Jane Roe @janeroe", "C131"),
        ("Staff", "C132"),
        ("Web Desk", "C132"),
        ("This story was reported by our team in the field", "C130"),
        ("Jane Roe contributed reporting", "C130"),
        ("Updated 12 March", "C130"),
    ],
)
def test_author_names_that_are_not_names(author: str, code: str) -> None:
    [p] = check_record(rec(byline=Byline(authors=[author])), CFG)
    assert p.code == code and p.pointer == "/byline/authors/0"


def test_real_names_pass() -> None:
    names = ["Ludwig van Beethoven", "Ana María García y López", "Mohammed bin Salman", "J. R. Smith"]
    assert codes(rec(byline=Byline(authors=names))) == []


def test_empty_credit() -> None:
    [p] = check_record(rec(credits=[Credit("photo", None, "  ")]), CFG)
    assert p.code == "C140" and p.pointer == "/credits/0"


def test_language_rules() -> None:
    assert codes(rec(language="fr")) == ["C150"]
    assert codes(rec(language=None)) == ["C151"]
    assert codes(rec(language="fr"), replace(CFG, languages=[])) == []


def test_schema_errors_are_all_reported_with_pointers() -> None:
    d = rec().to_dict()
    d["id"] = "bad id!"
    d["byline"]["authors"] = ["", "Ok Name"]
    d["credits"][0]["kind"] = "painting"
    d["extra"] = 1
    pointers = {p.pointer for p in check_schema(d)}
    assert {"/id", "/byline/authors/0", "/credits/0/kind", ""} <= pointers
    assert all(p.code == "S001" for p in check_schema(d))


def test_config_switches_rules_off_and_changes_severity() -> None:
    problems = check_record(rec(body="Too short to be news.", word_count=5, language="fr"), CFG)
    assert {p.code for p in apply_config("a.txt", problems, replace(CFG, disable=["C150"]))} == {"C101"}
    [p] = apply_config("a.txt", problems, replace(CFG, severity={"body-too-short": "warning", "C150": "off"}))
    assert (p.code, p.severity) == ("C101", "warning")
    ignored = replace(CFG, per_file_ignores={"old/*.txt": ["C1"]})
    assert {p.code for p in apply_config("old/a.txt", problems, ignored)} == set()
    assert len(apply_config("new/a.txt", problems, ignored)) == 2


def test_config_naming_unknown_rules_is_an_error() -> None:
    with pytest.raises(ConfigError, match="unknown rule 'C999'"):
        check_config(replace(CFG, disable=["C999"]))
    check_config(replace(CFG, disable=["C1", "near-duplicate"], severity={"R009": "error"}))


def test_every_rule_has_a_code_name_severity_and_hint() -> None:
    table = rules()
    assert len({r.name for r in table.values()}) == len(table)
    for code, r in table.items():
        assert code[0] in "RSCD" and code[1:].isdigit() and r.severity in ("error", "warning") and r.hint
