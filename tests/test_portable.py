"""The same figures on every supported Python. Python 3.12 made the built-in `sum` of floats a
compensated sum, so a `sum` of three or more floats can differ in its last bit between 3.11 and
3.13, and a figure printed unrounded (a chance in the JSON) or rounded at a half then differs too:
CI pins the output bytes on both (tests/test_digest.py). Floats are summed with `math.fsum`, which
is exactly rounded on every version; the built-in `sum` is kept for integers and Decimals (with a
`Decimal(0)` start) only: counts by their form, any other integer sum named here."""

from __future__ import annotations

import ast

from tests.conftest import ROOT

PACKAGE = ROOT / "scorer"
# (module, argument as written): sums whose terms are integers.
INTEGER_SUMS = {
    ("scorer/api.py", "counts"),
    ("scorer/loading/sources.py", "(len(cell) + 1 for cell in cells[:index])"),
    ("scorer/loading/xlsx_.py", "(part.file_size for part in parts)"),
    ("scorer/loading/xlsx_.py", "(data.count(t) for t in tokens[kind])"),
    ("scorer/models/evidence.py", "self.answers.values()"),
    ("scorer/predict/surveys.py", "counts.values()"),
    ("scorer/render/xlsx.py", "(max(1, -(-len(part) // per_line)) for part in value.split('\\n'))"),
    ("scorer/serve/uploads.py", "(keys[path][1] for path in new)"),
}


def counts(arg: ast.expr) -> bool:
    """A count: `sum(1 for ...)` or `sum(len(...) for ...)`, integers by their form."""
    if not isinstance(arg, ast.GeneratorExp):
        return False
    element = arg.elt
    if isinstance(element, ast.Constant):
        return type(element.value) is int
    return isinstance(element, ast.Call) and isinstance(element.func, ast.Name) and element.func.id == "len"


def builtin_sums() -> list[tuple[str, int, str]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = path.relative_to(ROOT).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "sum":
                if len(node.args) == 1 and not node.keywords and not counts(node.args[0]):
                    found.append((module, node.lineno, ast.unparse(node.args[0])))
    return found


def test_floats_are_summed_exactly_rounded():
    unnamed = [f"{m}:{line}: sum({arg})" for m, line, arg in builtin_sums() if (m, arg) not in INTEGER_SUMS]
    assert not unnamed, "use math.fsum for floats, or name an integer sum in INTEGER_SUMS:\n" + "\n".join(unnamed)


def test_every_named_integer_sum_is_still_there():
    present = {(m, arg) for m, _, arg in builtin_sums()}
    assert INTEGER_SUMS <= present, sorted(INTEGER_SUMS - present)
