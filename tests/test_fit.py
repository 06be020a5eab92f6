"""The tables' text wrapped as tabulate wraps it: `fit._tabulate` wraps the cells itself (a word
measured without tabulate's regular expression) and must give tabulate's own bytes, whatever the
cells hold: terminal codes, number-like text, None, runs of spaces, tabs, lines, long words."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from tabulate import tabulate

from scorer.render import fit

WORDS = st.sampled_from(
    [
        "Đẩy",
        "mạnh",
        "tuyên truyền",
        "chủ-trương,",
        "cải cách hành chính",
        "12",
        "0.50",
        "1,5",
        "True",
        "False",
        "nan",
        "  ",
        "\t",
        "\n",
        "\x1b[31mđỏ\x1b[0m",
        "\x1b]8;;https://example.vn\x1b\\liên kết\x1b]8;;\x1b\\",
        "Ủyban" * 9,
        "",
    ]
)
CELLS = st.one_of(st.none(), st.lists(WORDS, max_size=12).map(" ".join), st.text(max_size=30))


@settings(max_examples=300, deadline=None)
@given(
    rows=st.integers(1, 4).flatmap(lambda n: st.lists(st.lists(CELLS, min_size=n, max_size=n), min_size=1, max_size=5)),
    widths=st.lists(st.one_of(st.none(), st.integers(1, 30)), max_size=5),
    fmt=st.sampled_from(["simple", "grid", "plain"]),
)
def test_wrapped_as_tabulate_wraps(rows, widths, fmt):
    heads = [f"cột {i}" for i in range(len(rows[0]))]
    kwargs = {"tablefmt": fmt, "disable_numparse": True, "maxcolwidths": widths}
    assert _outcome(fit._tabulate, rows, heads, kwargs) == _outcome(tabulate, rows, heads, kwargs)


def _outcome(function, rows, heads, kwargs):
    """The table, or the error it stops with (tabulate's own: "\\n" reads to it as a number)."""
    try:
        return function(rows, heads, **kwargs)
    except ValueError as error:
        return repr(error)
