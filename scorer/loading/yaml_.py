"""YAML with line marks: parsed by libyaml (the C parser when present) and built into plain data
straight from its events, so that no tag can build a Python object, aliases cannot multiply a
document, dates stay ours to parse, duplicate keys are errors, and every value keeps its line. A
list of records is read one record at a time, so a large file is never held as a tree of nodes."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml

from scorer.problem_messages import parse_reason
from scorer.errors import Grouped, Msg, Problem, ScorerError, msg
from scorer.loading.files import MAX_CELL_CHARS, read_text
from scorer.models.criteria import Loc

MAX_YAML_NODES = 2_000_000
MAX_YAML_DEPTH = 64

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# PyYAML's implicit types (YAML 1.1) by first character, less timestamps: `12/03/2024` and
# `2024-03-12` both reach our own date parser.
_IMPLICIT = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}
_Loader = _BaseLoader


def _plain_tag(value: str) -> str:
    for tag, regexp in _IMPLICIT.get(value[:1], ()):
        if regexp.match(value):
            return tag  # type: ignore[no-any-return]
    return "tag:yaml.org,2002:str"


_SCALARS = yaml.constructor.SafeConstructor()
_SCALAR_TAGS = {
    "tag:yaml.org,2002:str": lambda node: node.value,
    "tag:yaml.org,2002:int": _SCALARS.construct_yaml_int,
    "tag:yaml.org,2002:float": _SCALARS.construct_yaml_float,
    "tag:yaml.org,2002:bool": _SCALARS.construct_yaml_bool,
    "tag:yaml.org,2002:null": lambda node: None,
}


def shorten(text: str, limit: int = 40) -> str:
    """A value quoted in a message, cut to `limit` characters (a 400-digit number is not repeated)."""
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


class LineMap:
    """Where each value of a parsed file starts: a location path (keys and indexes) to a line.
    A map made `within` another shares its table and reads it under a prefix (one record)."""

    def __init__(self, lines: dict[Loc, int] | None = None, prefix: Loc = ()) -> None:
        self.lines: dict[Loc, int] = {} if lines is None else lines
        self.prefix = prefix

    def within(self, prefix: Loc) -> LineMap:
        return LineMap(self.lines, self.prefix + prefix)

    def line(self, loc: Loc) -> int | None:
        full = self.prefix + tuple(loc)
        while full not in self.lines and len(full) > len(self.prefix):
            full = full[:-1]
        return self.lines.get(full)


def read_yaml(path: Path, marks: bool = True) -> tuple[Any, LineMap]:
    """Parse one YAML file into plain data (all text NFC) and its line map, or raise a located error.
    Without `marks` the data is built by the quick loop and the line map reads the file again, with
    marks, the first time a problem asks for a line (a valid file never pays for them)."""
    events = _Events(str(path), read_text(path))
    lines: dict[Loc, int] = {}
    with events.located():
        root = events.document()
        if root is None:
            data = None
        else:
            data = events.build(root, (), 0, lines)[0] if marks else events.quick(root, 0)[0]
        events.end()
    return data, LineMap(lines) if marks else _LaterLines(lambda: read_yaml(path)[1])


class _LaterLines(LineMap):
    """A line map read again from its file, with marks, when a line is first asked for: `read`
    gives the whole map. The maps made `within` it share that one reading; `known` holds lines
    already at hand (a record's own line), answered without reading."""

    def __init__(
        self,
        read: Callable[[], LineMap],
        known: dict[Loc, int] | None = None,
        prefix: Loc = (),
        cache: list[LineMap] | None = None,
    ) -> None:
        super().__init__(known or {}, prefix)
        self.read = read
        self.cache = [] if cache is None else cache

    def within(self, prefix: Loc) -> LineMap:
        return _LaterLines(self.read, self.lines, self.prefix + prefix, self.cache)

    def line(self, loc: Loc) -> int | None:
        full = self.prefix + tuple(loc)
        if full in self.lines:
            return self.lines[full]
        if not self.cache:
            self.cache.append(self.read())
        return self.cache[0].within(self.prefix).line(loc)


def yaml_records(path: Path, marks: bool = False) -> Iterator[tuple[Any, int, LineMap]]:
    """The items of a YAML list of records (or of a mapping whose only key is `records`), one at a
    time with their line and line map: a large file is never held as one tree of nodes. Without
    `marks` only each record's own line is kept; its fields' lines are read again from the file
    the first time a problem asks for one (a valid file never pays for them)."""
    events = _Events(str(path), read_text(path))
    with events.located():
        root = events.document()
        if root is None:
            return
        if isinstance(root, yaml.MappingStartEvent) and events.records_key():
            root = events.next()
        elif not isinstance(root, yaml.SequenceStartEvent):
            data = events.build(root, (), 0, {})[0]
            if data is not None:
                raise ScorerError([Problem(events.path, NOT_A_LIST, line=1)])
            return
        if not isinstance(root, yaml.SequenceStartEvent):
            raise ScorerError([Problem(events.path, NOT_A_LIST, line=1)])
        events.check_tag(root, "tag:yaml.org,2002:seq")
        if marks:
            while not events.peek(yaml.SequenceEndEvent):
                lines: dict[Loc, int] = {}
                item = events.build(events.next(), (), 1, lines)[0]
                yield item, lines[()], LineMap(lines)
            events.next()
        else:
            yield from _records_without_marks(events, path)
        if events.inside_records and not events.peek(yaml.MappingEndEvent):
            raise ScorerError([Problem(events.path, NOT_A_LIST, line=1)])
        if events.inside_records:
            events.next()
        events.end()


def _records_without_marks(events: _Events, path: Path) -> Iterator[tuple[Any, int, LineMap]]:
    """The records of a list, up to and including its end event, each built by `_Events.quick`:
    the path every valid file takes, so it asks the parser for each event once."""
    next_event = events.parser.get_event
    index = 0
    while True:
        first = next_event()
        if type(first) is _SeqEnd:
            return
        line = first.start_mark.line + 1
        item = events.quick(first, 1)[0]
        yield item, line, _LaterLines(functools.partial(_record_lines, path, index, line), {(): line})
        index += 1


def _record_lines(path: Path, index: int, line: int) -> LineMap:
    """The line map of the file's `index`-th record (at `line`), read again with marks."""
    maps = [lines for _item, _line, lines in yaml_records(path, marks=True)]
    return maps[index] if index < len(maps) else LineMap({(): line})


NOT_A_LIST = msg("not_a_list")


class _Events:
    """Plain data built straight from the parser's events (no tree of nodes): each value typed by
    our own rules, every value's line kept, aliases counted as the values they expand to."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.parser = _Loader(text)
        self.visits = 0
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.inside_records = False

    @contextlib.contextmanager
    def located(self) -> Iterator[None]:
        try:
            yield
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line = mark.line + 1 if mark else None
            column = mark.column if mark else None
            problem = error.problem or error.context
            raise ScorerError(
                [Problem(self.path, msg("invalid_yaml", detail=parse_reason(str(problem))), line=line, column=column)]
            ) from None
        except yaml.YAMLError as error:
            raise ScorerError.single(self.path, msg("invalid_yaml", detail=parse_reason(str(error)))) from None
        except RecursionError:
            raise ScorerError.single(self.path, msg("yaml_too_deep", depth=MAX_YAML_DEPTH)) from None

    def next(self) -> Any:
        return self.parser.get_event()

    def peek(self, kind: type) -> bool:
        return bool(self.parser.check_event(kind))

    def fail(self, event: Any, message: Msg) -> ScorerError:
        mark = event.start_mark
        return ScorerError([Problem(self.path, message, line=mark.line + 1, column=mark.column)])

    def document(self) -> Any:
        """The first event of the document's root, or None for an empty file."""
        self.next()  # stream start
        if self.peek(yaml.StreamEndEvent):
            return None
        self.next()  # document start
        return self.next()

    def end(self) -> None:
        self.next()  # document end
        if not self.peek(yaml.StreamEndEvent):
            raise self.fail(
                self.next(), msg("invalid_yaml", detail=parse_reason("expected a single document in the stream"))
            )

    def records_key(self) -> bool:
        """At a root mapping: whether its first key is `records` (consumed), with a list after it."""
        if not self.peek(yaml.ScalarEvent):
            return False
        key = self.parser.peek_event()
        if key.value != "records" or not key.implicit[0]:
            return False
        self.next()
        self.inside_records = True
        return True

    def check_tag(self, event: Any, default: str) -> None:
        if event.tag not in (None, "!", default):
            raise self.fail(event, msg("yaml_tag", tag=event.tag))

    def count(self, size: int, event: Any) -> None:
        self.visits += size
        if self.visits > MAX_YAML_NODES:
            raise self.fail(event, msg("yaml_too_large", limit=Grouped(MAX_YAML_NODES)))

    def build(self, event: Any, loc: Loc, depth: int, lines: dict[Loc, int] | None) -> tuple[Any, int]:
        """The value that starts with `event`, and how many values it holds (aliases expanded);
        every value's line goes into `lines`, unless it is None."""
        if depth > MAX_YAML_DEPTH:
            raise self.fail(event, msg("yaml_too_deep", depth=MAX_YAML_DEPTH))
        if lines is not None:
            lines[loc] = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent):
            return self.alias(event)
        self.count(1, event)
        size = 1
        value: Any
        if isinstance(event, yaml.ScalarEvent):
            value = self.scalar(event)
        elif isinstance(event, yaml.SequenceStartEvent):
            self.check_tag(event, "tag:yaml.org,2002:seq")
            value = []
            while not self.peek(yaml.SequenceEndEvent):
                item, held = self.build(self.next(), loc + (len(value),) if lines is not None else (), depth + 1, lines)
                value.append(item)
                size += held
            self.next()
        elif isinstance(event, yaml.MappingStartEvent):
            self.check_tag(event, "tag:yaml.org,2002:map")
            value = {}
            while not self.peek(yaml.MappingEndEvent):
                key_event = self.next()
                if not isinstance(key_event, yaml.ScalarEvent):
                    raise self.fail(key_event, msg("yaml_plain_keys"))
                if key_event.value == "<<" and key_event.tag is None and key_event.implicit[0]:  # YAML 1.1 merge
                    raise self.fail(key_event, msg("yaml_plain_keys"))
                self.count(1, key_event)
                key = self.scalar(key_event)
                key = self.key_name(key, key_event)
                if key in value:
                    raise self.fail(key_event, msg("duplicate_key", key=shorten(key)))
                if lines is None:
                    value[key], held = self.build(self.next(), (), depth + 1, None)
                else:
                    value[key], held = self.build(self.next(), loc + (key,), depth + 1, lines)
                    lines[loc + (key,)] = key_event.start_mark.line + 1
                size += held
            self.next()
        else:
            raise self.fail(event, msg("invalid_yaml", detail=parse_reason(f"unexpected {type(event).__name__}")))
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, size)
        return value, size

    # -- the same values without lines, cheaper ------------------------------------------------
    # `quick` builds what `build(event, (), depth, None)` builds and raises the same errors at the
    # same events, in the same order; tests/test_yaml_quick.py holds the two to that. It is the
    # path of every record read without marks (a province's evidence), where the per-event Python
    # cost was most of the loading: it asks the parser for each event once (`get_event`, where
    # `build` peeks first), tells events apart by their exact class (libyaml makes no subclasses),
    # and counts and types a collection's scalars in its own loop.

    def quick(self, event: Any, depth: int) -> tuple[Any, int]:
        """The value that starts with `event`, and how many values it holds (aliases expanded)."""
        if depth > MAX_YAML_DEPTH:
            raise self.fail(event, msg("yaml_too_deep", depth=MAX_YAML_DEPTH))
        kind = type(event)
        if kind is _Alias:
            return self.alias(event)
        self.count(1, event)
        value: Any
        if kind is _Scalar:
            value, size = self.scalar(event), 1
        elif kind is _MapStart:
            value, size = self.quick_mapping(event, depth)
        elif kind is _SeqStart:
            value, size = self.quick_sequence(event, depth)
        else:
            raise self.fail(event, msg("invalid_yaml", detail=parse_reason(f"unexpected {kind.__name__}")))
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, size)
        return value, size

    def quick_mapping(self, event: Any, depth: int) -> tuple[dict[str, Any], int]:
        """A mapping's items, its end event consumed; its scalar values are built in the loop."""
        self.check_tag(event, "tag:yaml.org,2002:map")
        next_event = self.parser.get_event
        value: dict[str, Any] = {}
        size = 1
        while True:
            key_event = next_event()
            kind = type(key_event)
            if kind is _MapEnd:
                return value, size
            if kind is not _Scalar:
                raise self.fail(key_event, msg("yaml_plain_keys"))
            # What leaf() does, written out for a plain key and a plain value: a record is
            # mostly these, and the call per key and per value was a tenth of the build.
            if key_event.tag is None and key_event.implicit[0] and key_event.value != "<<":
                self.visits += 1
                if self.visits > MAX_YAML_NODES:
                    self.count(0, key_event)
                key = _PLAIN_VALUES.get(key_event.value, _UNKNOWN)
                if key is _UNKNOWN:
                    key = self.scalar(key_event)
            else:
                key = self.leaf(key_event, is_key=True)
            if type(key) is not str:
                key = self.key_name(key, key_event)
            if key in value:
                raise self.fail(key_event, msg("duplicate_key", key=shorten(key)))
            value_event = next_event()
            if type(value_event) is _Scalar and depth < MAX_YAML_DEPTH:
                self.visits += 1
                if self.visits > MAX_YAML_NODES:
                    self.count(0, value_event)
                item = _UNKNOWN
                if value_event.tag is None and value_event.implicit[0]:
                    item = _PLAIN_VALUES.get(value_event.value, _UNKNOWN)
                if item is _UNKNOWN:
                    item = self.scalar(value_event)
                if value_event.anchor is not None:
                    self.anchors[value_event.anchor] = (item, 1)
                value[key] = item
                size += 1
            else:
                value[key], held = self.quick(value_event, depth + 1)
                size += held

    def quick_sequence(self, event: Any, depth: int) -> tuple[list[Any], int]:
        """A list's items, its end event consumed; its scalar items are built in the loop."""
        self.check_tag(event, "tag:yaml.org,2002:seq")
        next_event = self.parser.get_event
        value: list[Any] = []
        size = 1
        while True:
            item_event = next_event()
            kind = type(item_event)
            if kind is _SeqEnd:
                return value, size
            if kind is _Scalar and depth < MAX_YAML_DEPTH:
                value.append(self.leaf(item_event))
                size += 1
            else:
                item, held = self.quick(item_event, depth + 1)
                value.append(item)
                size += held

    def leaf(self, event: Any, is_key: bool = False) -> Any:
        """A scalar within a collection, counted and typed as `build` does. A key is refused first
        when it is a YAML 1.1 merge (`<<`) and, as in `build`, its anchor is not kept; a value's is."""
        plain = event.tag is None and event.implicit[0]
        if is_key and plain and event.value == "<<":
            raise self.fail(event, msg("yaml_plain_keys"))
        self.visits += 1  # count(1, event) without the call; past the limit, count(0) raises its error
        if self.visits > MAX_YAML_NODES:
            self.count(0, event)
        # A plain text already typed is in the table; it passed the length check when it went in.
        value = _PLAIN_VALUES.get(event.value, _UNKNOWN) if plain else _UNKNOWN
        if value is _UNKNOWN:
            value = self.scalar(event)
        if event.anchor is not None and not is_key:
            self.anchors[event.anchor] = (value, 1)
        return value

    def alias(self, event: Any) -> tuple[Any, int]:
        """The value an alias repeats, counted again as the values it holds."""
        if event.anchor not in self.anchors:
            raise self.fail(
                event, msg("invalid_yaml", detail=parse_reason(f"found undefined alias {shorten(event.anchor)}"))
            )
        anchored = self.anchors[event.anchor]
        self.count(anchored[1], event)
        return anchored

    def key_name(self, key: Any, key_event: Any) -> str:
        """A key typed as a number or a boolean is named by its text; anything else is refused."""
        if not isinstance(key, (str, int, float, bool)):
            raise self.fail(key_event, msg("yaml_key_name", key=shorten(repr(key_event.value))))
        return key if isinstance(key, str) else str(key)

    def scalar(self, event: Any) -> Any:
        if len(event.value) > MAX_CELL_CHARS:
            raise self.fail(event, msg("yaml_value_too_long", limit=Grouped(MAX_CELL_CHARS)))
        tag = event.tag
        if tag is None or tag == "!":
            if tag is None and event.implicit[0]:
                # Plain scalars repeat (types, enum values, numbers, dates): each text is typed once.
                value = _PLAIN_VALUES.get(event.value, _UNKNOWN)
                if value is not _UNKNOWN:
                    return value
                tag = _plain_tag(event.value)
                if tag == _STR:
                    value = event.value
                else:
                    value = self.convert(event, tag)
                if len(_PLAIN_VALUES) >= 50_000:
                    _PLAIN_VALUES.clear()
                _PLAIN_VALUES[event.value] = value
                return value
            return event.value
        return self.convert(event, tag)

    def convert(self, event: Any, tag: str) -> Any:
        convert = _SCALAR_TAGS.get(tag)
        if convert is None:
            raise self.fail(event, msg("yaml_tag", tag=tag))
        try:
            return convert(yaml.ScalarNode(tag, event.value))
        # KeyError: `!!bool` of a word it does not know; IndexError: `!!int` of nothing
        except (ValueError, KeyError, IndexError, yaml.YAMLError):
            kind = msg(f"yaml_kind.{tag.rsplit(':', 1)[-1]}")  # int, float or bool: the others never fail
            raise self.fail(event, msg("yaml_not_valid", value=shorten(repr(event.value)), kind=kind)) from None


_STR = "tag:yaml.org,2002:str"
_Scalar, _Alias = yaml.ScalarEvent, yaml.AliasEvent
_MapStart, _MapEnd = yaml.MappingStartEvent, yaml.MappingEndEvent
_SeqStart, _SeqEnd = yaml.SequenceStartEvent, yaml.SequenceEndEvent
# Plain scalars typed (str, int, float, bool or None; all immutable), by their text.
_PLAIN_VALUES: dict[str, Any] = {}
_UNKNOWN = object()
