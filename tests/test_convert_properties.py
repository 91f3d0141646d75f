"""Any input, garbage included, gives a schema-valid record or a clean ConvertError, never another exception."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus.convert import ConvertError, convert_bytes, explain_bytes
from corpus.schema import fast_validator

LINES = st.sampled_from(
    [
        "",
        "By Jane Roe",
        "Photo: A/B",
        "Previous article",
        "Next articleA Title",
        "© 2024",
        "Read more:",
        "3. Mai 2024",
        "Share this article",
        "The council voted on Tuesday to rebuild the old bridge over the river after a long debate.",
        "Jane Roe is a reporter who covers the city council and its many long meetings for us.",
        "Von",
        "Por",
        "市议会星期二投票决定重建河上的旧桥。",
    ]
)


def _check(data: bytes) -> None:
    try:
        rec = convert_bytes(data, id="x", file="x.txt")
    except ConvertError as e:
        assert str(e)
        return
    assert list(fast_validator().iter_errors(rec.to_dict())) == []
    decisions = explain_bytes(data)
    assert all(d.label for d in decisions)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_any_bytes(data: bytes) -> None:
    _check(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=800))
def test_any_text(text: str) -> None:
    _check(text.encode("utf-8", "replace"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(LINES, st.text(max_size=80)), max_size=40))
def test_article_like_line_mixes(lines: list[str]) -> None:
    _check("\n".join(lines).encode("utf-8", "replace"))
