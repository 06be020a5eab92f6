"""An engine condition: what a rule kind (scoring/kinds.py) asks and the engine (engine.py) answers."""

from dataclasses import dataclass


@dataclass(frozen=True, eq=False)
class Condition:
    """`value <op> threshold` on the fact named `fact`; `key` comes back from `evaluate` when it is
    met, the condition itself from `verdicts`. Compared and hashed by identity: a compiled rule
    holds its own conditions and asks whether they were met, with no key to parse."""

    key: str
    fact: str
    op: str
    threshold: float
