"""The only module that talks to durable_rules: rule conditions in, the conditions each fact meets out.

durable-rules 2.0.28 is unmaintained and has hard limits (docs/durable_rules.md). This
adapter keeps every one of them out of reach of any input, by construction:

| limit of durable_rules 2.0.28                          | what the adapter does                                    |
|--------------------------------------------------------|----------------------------------------------------------|
| 1,024 live state ids, then MemoryError and a damaged ruleset | one state id, always `"u"`, deleted after every evaluation |
| state ids matched by a 32-bit hash only (units merged) | the unit never reaches the engine; one sid, one unit at a time |
| fact ids matched by a 32-bit FNV-1 hash only (false duplicates, identical facts merged) | the adapter numbers facts itself and re-salts any id whose hash is taken |
| `create_ruleset` hangs when a node has > 512 children | at most 400 conditions per ruleset; more are split over several rulesets |
| error 303 when one fact meets > 63 conditions at once (`MAX_STACK_SIZE` 64 in events.c) | at most 48 conditions per fact name in one ruleset |
| raises when a fact matches no rule                     | a catch-all rule in every ruleset                        |
| exceptions in actions swallowed                        | no Python actions: fired rules are read back from the C queue |
| two timer threads per `Host`, never stopped            | no `Host`: the C module is driven directly, no thread is started |
| user strings in rule JSON                              | names and ids are the adapter's own tokens (`n12`, `c7`)  |
| numbers in exponent form fail to parse (error 204); integers past 64 bits overflow | numbers are written as plain decimals with a point; thresholds within ±10^12, values clamped to ±2·10^15 |
| 255 properties per fact                                | every fact has four                                      |
| `$nex`-style rules matching the state document         | every pattern starts with `kind == "metric"`             |
| rulesets never freed                                   | `close()` deletes them; engines are context managers     |
| no build or import on Python 3.13+ (`PyEval_CallObject` removed) | the README's install sets `CPPFLAGS=-DPyEval_CallObject=PyObject_CallObject`; CI builds it on Debian 13's 3.13 |

Evaluations are serialised by a lock: the C extension has no locks of its own.

`verdicts` memoises durable_rules' answers: a fact's name fixes the conditions it is tested
against for the engine's life, so the conditions a (name, value) meets never change, and units
repeat values (over 2,000 synthetic units only about 5% of facts are new). Only the pairs not seen
yet are asserted; every verdict still comes from durable_rules. The memo holds at most
`MAX_MEMO` pairs and is emptied when full.
"""

from __future__ import annotations

import itertools
import json
import math
import re
import threading
from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import NamedTuple

import durable_rules_engine as _dre

from scorer.models.conditions import Condition

MAX_CONDITIONS_PER_RULESET = 400
# handleAlpha (events.c) walks the alpha network with a fixed stack of 64 nodes: a fact that meets more
# conditions under one node fails with error 303 (found while testing; not in docs/durable_rules.md).
MAX_CONDITIONS_PER_FACT = 48
MAX_FACTS_PER_EVALUATION = 100_000
MAX_THRESHOLD = 1e12
MAX_MEMO = 500_000
# Values beyond the thresholds' range compare the same once clamped, and stay clear of 64-bit limits.
VALUE_CLAMP = 2e15
_SID = "u"
# Tokens and ids are the adapter's own ([a-z0-9~]), so they need no escaping.
_FACT = '{"sid":"u","id":"%s","kind":"metric","name":"%s","value":%s}'
# A fired rule comes back as `{"c12":{"m":{"sid":"u","id":"7",...}}}`; the catch-all as `{"any":...}`.
_FIRED = re.compile(r'\{"c(\d+)":\{"m":\{"sid":"u","id":"([0-9~]+)"')
_CATCH_ALL = '{"any":'
_OPS = {">=": "$gte", ">": "$gt", "<=": "$lte", "<": "$lt"}
_names = itertools.count(1)


class EngineError(RuntimeError):
    """durable_rules failed in a way the adapter did not prevent: a bug of ours, never bad input."""


class Fact(NamedTuple):
    """A named number (a tuple: a unit makes a few hundred of these)."""

    name: str
    value: float


def number(value: float) -> str:
    """A float as durable_rules' JSON parser reads it right: plain digits with a point, no exponent."""
    text = format(Decimal(repr(float(value))), "f")
    return text if "." in text else text + ".0"


def _clamped(value: float) -> float:
    """What durable_rules is told of a value: a float within ±VALUE_CLAMP (finite values only)."""
    value = float(value)
    if not math.isfinite(value):
        raise ValueError("a fact has a value that is not finite")
    return min(max(value, -VALUE_CLAMP), VALUE_CLAMP)


def _json(value: object) -> str:
    """JSON for durable_rules, with every float written by `number`."""
    if isinstance(value, float):
        return number(value)
    if isinstance(value, dict):
        return "{" + ",".join(f"{json.dumps(k)}:{_json(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(_json(v) for v in value) + "]"
    return json.dumps(value)


def fnv1_32(text: str) -> int:
    """durable_rules' own fact-id hash (`fnv1Hash32` in state.c: xor, then multiply; 32 bits).

    The C code xors a signed `char`, so bytes above 127 are sign-extended; our ids are ASCII."""
    h = 0x811C9DC5
    for byte in text.encode("ascii"):
        h ^= byte
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def fact_ids(count: int) -> list[str]:
    """`count` fact ids whose FNV-1 hashes are all distinct (and distinct from the state's own)."""
    taken = {fnv1_32("sid-" + _SID)}
    ids = []
    for seq in range(count):
        candidate, salt = str(seq), 0
        while fnv1_32(candidate) in taken:
            salt += 1
            candidate = f"{seq}~{salt}"
        taken.add(fnv1_32(candidate))
        ids.append(candidate)
    return ids


class _Ruleset:
    def __init__(self, conditions: Sequence[Condition], tokens: dict[str, str]) -> None:
        self.conditions = list(conditions)
        self.facts = {c.fact for c in conditions}
        definition: dict[str, object] = {}
        for index, condition in enumerate(self.conditions):
            test = {_OPS[condition.op]: {"value": float(condition.threshold)}}
            pattern = {"$and": [{"kind": "metric"}, {"name": tokens[condition.fact]}, test]}
            definition[f"c{index}"] = {"all": [{"m": pattern}]}
        definition["any"] = {"all": [{"m": {"$ex": {"kind": 1}}}]}
        self.name = f"scorer{next(_names)}"
        self.handle = _dre.create_ruleset(self.name, _json(definition))

    def close(self) -> None:
        if self.handle is not None:
            _dre.delete_ruleset(self.handle)
            self.handle = None


class RuleEngine:
    """Compiled conditions, evaluated over one set of facts at a time."""

    def __init__(self, conditions: Iterable[Condition]) -> None:
        self.conditions = list(conditions)
        for condition in self.conditions:
            if condition.op not in _OPS or not abs(condition.threshold) <= MAX_THRESHOLD:
                raise ValueError(f"bad condition {condition}: thresholds are finite, within ±{MAX_THRESHOLD:g}")
        self._tokens = {name: f"n{i}" for i, name in enumerate(sorted({c.fact for c in self.conditions}))}
        self._lock = threading.Lock()
        self._rulesets: list[_Ruleset] = []
        self._memo: dict[tuple[str, float], frozenset[Condition]] = {}
        self.asserted = 0  # facts sent to durable_rules by `verdicts`, for tests and the benchmark
        try:
            self._build()
        except BaseException:
            self.close()
            raise

    def _build(self) -> None:
        """Pack the conditions into rulesets of at most 400, with at most 48 on any one fact name."""
        by_fact: dict[str, list[Condition]] = defaultdict(list)
        for condition in self.conditions:
            by_fact[condition.fact].append(condition)
        groups = [
            conditions[i : i + MAX_CONDITIONS_PER_FACT]
            for name, conditions in sorted(by_fact.items())
            for i in range(0, len(conditions), MAX_CONDITIONS_PER_FACT)
        ]
        chunks: list[list[Condition]] = []
        names: list[set[str]] = []
        for group in groups:
            name = group[0].fact
            target = next(
                (
                    i
                    for i, chunk in enumerate(chunks)
                    if name not in names[i] and len(chunk) + len(group) <= MAX_CONDITIONS_PER_RULESET
                ),
                None,
            )
            if target is None:
                chunks.append([])
                names.append(set())
                target = len(chunks) - 1
            chunks[target].extend(group)
            names[target].add(name)
        self._rulesets = [_Ruleset(chunk, self._tokens) for chunk in chunks]

    @property
    def ruleset_count(self) -> int:
        return len(self._rulesets)

    def evaluate(self, facts: Sequence[Fact]) -> set[tuple[str, int]]:
        """Every (condition key, fact index) such that the fact meets the condition."""
        return {(condition.key, index) for condition, index in self._evaluate(facts)}

    def _evaluate(self, facts: Sequence[Fact]) -> set[tuple[Condition, int]]:
        if len(facts) > MAX_FACTS_PER_EVALUATION:
            raise ValueError(f"{len(facts)} facts in one evaluation, the limit is {MAX_FACTS_PER_EVALUATION}")
        for fact in facts:
            if not math.isfinite(fact.value):
                raise ValueError(f"fact {fact.name} has a value that is not finite")
        ids = fact_ids(len(facts))
        met: set[tuple[Condition, int]] = set()
        with self._lock:
            if not self._rulesets and self.conditions:
                raise EngineError("the engine is closed")
            for ruleset in self._rulesets:
                batch = [
                    _FACT % (ids[i], self._tokens[f.name], number(min(max(float(f.value), -VALUE_CLAMP), VALUE_CLAMP)))
                    for i, f in enumerate(facts)
                    if f.name in ruleset.facts
                ]
                if batch:
                    met |= self._run(ruleset, batch, {fid: i for i, fid in enumerate(ids)})
        return met

    def verdicts(self, facts: Sequence[tuple[str, float]]) -> list[frozenset[Condition]]:
        """For each fact, the conditions it meets. Answers are memoised per (fact name, value); the
        pairs not seen before go to durable_rules together, in one `evaluate`."""
        memo = self._memo
        keys = [(name, value if -VALUE_CLAMP <= value <= VALUE_CLAMP else _clamped(value)) for name, value in facts]
        new = list(dict.fromkeys(k for k in keys if k not in memo))
        if new:
            if len(memo) + len(new) > MAX_MEMO:
                memo.clear()
            found: dict[int, set[Condition]] = defaultdict(set)
            for condition, index in self._evaluate([Fact(name, value) for name, value in new]):
                found[index].add(condition)
            for index, pair in enumerate(new):
                memo[pair] = frozenset(found.get(index, ()))
            self.asserted += len(new)
        return [memo[k] for k in keys]

    def _run(self, ruleset: _Ruleset, batch: list[str], index: dict[str, int]) -> set[tuple[Condition, int]]:
        met: set[tuple[Condition, int]] = set()
        handle = ruleset.handle
        try:
            code, state = _dre.assert_facts(handle, "[" + ",".join(batch) + "]")
            if code != 0:
                raise EngineError(f"durable_rules answered {code} to a batch of {len(batch)} facts")
            result = _dre.start_action_for_state(handle, state)
            message = result[1] if result else None
            while message:
                if not message.startswith(_CATCH_ALL):
                    fired = _FIRED.match(message)
                    if fired is None:  # a shape we do not expect: read it the slow, certain way
                        for rule, frame in json.loads(message).items():
                            met.add((ruleset.conditions[int(rule[1:])], index[frame["m"]["id"]]))
                    else:
                        met.add((ruleset.conditions[int(fired[1])], index[fired[2]]))
                message = _dre.complete_and_start_action(handle, state)
        except EngineError:
            self._replace(ruleset)
            raise
        except Exception as error:  # durable_rules_engine.error, MemoryError: the ruleset may be damaged
            self._replace(ruleset)
            raise EngineError(f"durable_rules failed: {error!r}") from error
        else:
            _dre.delete_state(handle, _SID)
        return met

    def _replace(self, ruleset: _Ruleset) -> None:
        position = self._rulesets.index(ruleset)
        ruleset.close()
        self._rulesets[position] = _Ruleset(ruleset.conditions, self._tokens)

    def close(self) -> None:
        with self._lock:
            for ruleset in self._rulesets:
                ruleset.close()
            self._rulesets = []

    def __enter__(self) -> RuleEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
