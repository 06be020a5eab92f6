"""Click wiring only: options in, one library call, text out. Errors become `Error: path:line: ...`
and exit 1 here, in one place; usage errors exit 2 (click).

Each command imports the library and the writers it runs when it runs: `scorer --help` loads click
and this module, `scorer predict` neither the Office writers nor the other commands' stages
(tests/test_layers.py checks `sys.modules`)."""

from __future__ import annotations

import codecs
import datetime as dt
import functools
import gc
import io
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from scorer.errors import OutputError, ScorerError, UsageError
from scorer.models.message import Msg, msg
from scorer.render import formats

if TYPE_CHECKING:
    from scorer import api

# Each command's formats, from the one list of formats (scorer.render.formats, which imports no
# writer); the schema kinds (scorer.schema.KINDS) named here so that building the command line does
# not import the models; tests/test_layers.py holds them equal.
FORMATS = formats.choices("prediction")
SCHEMA_KINDS = ("evidence", "criteria", "unit", "official", "cases")
TRACK_FORMATS = formats.choices("track")
TARGET_FORMATS = formats.choices("target")
BASIC_FORMATS = formats.choices("backtest")
PREDICT_FORMATS = FORMATS + formats.choices("workbook")
PLAN_FORMATS = formats.choices("plan")


def output_format(fmt: str | None, output: Path | None, allowed: tuple[str, ...], default: str) -> str:
    """The format asked, or the one the output file's extension names, or the command's default."""
    # What an --output file's extension says it holds: without --format it chooses the format, and
    # a --format that says otherwise is a usage error (Word and Excel will not open Markdown).
    suffix = output.suffix.lower() if output is not None else ""
    inferred = formats.by_extension(suffix)
    if fmt is None:
        if inferred is None:
            return default
        if inferred not in allowed:
            raise UsageError(msg("format_cannot_write", suffix=suffix, formats="|".join(allowed)))
        return inferred
    if inferred is not None and inferred != fmt:
        raise UsageError(msg("format_mismatch", fmt=fmt, output=str(output), suffix=suffix, inferred=inferred))
    return fmt


def _as_of(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    from scorer.models.evidence import parse_date

    if value is None:
        return None
    try:
        return parse_date(value)  # type: ignore[no-any-return]
    except ValueError as error:
        from scorer.errors import Invalid, wording

        raise click.BadParameter(
            wording(error.msg, _help_lang()) if isinstance(error, Invalid) else str(error)
        ) from None


FORMAT_HELP = "Output format [default: from --output's extension, else table]."


def _lang(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    """The run's language: --lang, else SCORER_LANG, else the project file's, else Vietnamese."""
    from scorer import project

    try:
        return project.language(value)
    except UsageError as error:
        # SCORER_LANG names no language: refused in the project file's, else in Vietnamese.
        said = error.args[0] if error.args else ""
        raise click.UsageError(said.text(_fallback_lang()) if isinstance(said, Msg) else str(error)) from None
    except ScorerError as error:
        # The project file cannot be read: its problems in the default language, as a usage error.
        lang = project.DEFAULT_LANG
        raise click.UsageError("; ".join(problem.text(lang) for problem in error.problems)) from None


LANG_HELP = "Language of the output, vi or en [default: SCORER_LANG, else the project file's, else vi]."


def lang_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--lang", type=click.Choice(["vi", "en"]), callback=_lang, help=LANG_HELP)(func)


def reporting_options(func: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option(
            "--evidence",
            type=click.Path(path_type=Path),
            help="Folder of unit folders [default: the project's evidence/].",
        ),
        click.option(
            "--rules",
            type=click.Path(path_type=Path),
            help="Folder of criteria_<year>.yaml files [default: the project's rules/].",
        ),
        click.option(
            "--criteria", type=click.Path(path_type=Path), help="Criteria file [default: rules/criteria_<year>.yaml]."
        ),
        click.option("--year", type=int, help="Year to score [default: the newest criteria set]."),
        click.option(
            "--unit",
            help="One unit's folder name [default: every unit; form and plan, one unit's documents, "
            "need it where there are several].",
        ),
        click.option(
            "--as-of",
            "as_of",
            callback=_as_of,
            help="Day of the prediction, 2024-09-30 or 30/09/2024 [default: today, at most the cut-off].",
        ),
        click.option("--lang", type=click.Choice(["vi", "en"]), callback=_lang, help=LANG_HELP),
        click.option("--output", "-o", type=click.Path(path_type=Path), help="Write to FILE (whole or not at all)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _request(**kwargs: Any) -> api.Request:
    from scorer import api
    from scorer.loading import nfc

    fields = {k: v for k, v in kwargs.items() if k in api.Request.__dataclass_fields__ and v is not None}
    if fields.get("output") is not None:
        from scorer.render import fit

        fit.set_width(None)
    fields.update(_folders(kwargs.get("evidence"), kwargs.get("rules")))
    for name in ("unit", "owner"):
        if name in fields:
            fields[name] = nfc(fields[name])
    return api.Request(**fields)


def _folders(evidence: Path | None, rules: Path | None) -> dict[str, Any]:
    """--evidence and --rules as typed, else the project's (found from the current folder up),
    else `evidence` and `rules` here, with the folders looked in (for the error that follows)."""
    from scorer import project

    found = project.find() if evidence is None or rules is None else project.Project()
    fields: dict[str, Any] = {"looked": found.looked}
    fields["evidence"] = evidence or (project.relative(found.evidence) if found.evidence else Path("evidence"))
    fields["rules"] = rules or (project.relative(found.rules) if found.rules else Path("rules"))
    return fields


def fitted(text: str | Iterable[str | bytes], fmt: str) -> str | Iterable[str | bytes]:
    """A table-format output with its prose lines wrapped to the terminal (its tables already fit)."""
    if fmt != "table":
        return text
    from scorer.render import fit

    if isinstance(text, str):
        return fit.wrap(text)
    return (fit.wrap(piece) if isinstance(piece, str) else piece for piece in text)


def emit(text: str | bytes | Iterable[str | bytes], output: Path | None) -> None:
    """Print, or replace FILE atomically: pieces (text, or UTF-8 bytes as the JSON writer gives them)
    go to a temporary file beside it, renamed at the end. Printed output is gathered first, so a run
    that fails half way prints nothing but its errors. A workbook (bytes) is only ever written to a file."""
    if isinstance(text, bytes):
        if output is None:
            raise UsageError(msg("format_needs_output", fmt="xlsx"))
        _replace(output, lambda stream: stream.write(text))
        return
    pieces = [text] if isinstance(text, str) else text
    if output is None:
        # As text: click writes it to a terminal (a Windows console too) in the terminal's own way.
        click.echo("".join(_text(piece) for piece in pieces), nl=False)
        return
    _replace(output, lambda stream: [stream.write(_utf8(piece)) for piece in pieces])


def _text(piece: str | bytes) -> str:
    return piece.decode("utf-8") if isinstance(piece, bytes) else piece


def _utf8(piece: str | bytes) -> bytes:
    return piece.encode("utf-8") if isinstance(piece, str) else piece


def _replace(output: Path, write: Callable[[Any], object]) -> None:
    """The temporary file is removed whatever ends the run: an error, Ctrl-C, or SIGTERM / SIGHUP
    (turned into an exit while the file is open)."""
    import tempfile  # only a run that writes a file needs it

    from scorer.problem_messages import os_reason

    from scorer.loading import is_dir, is_file

    folder = output.parent if str(output.parent) else Path(".")
    if is_dir(output):
        raise OutputError.single(output, msg("output_is_folder"))
    if os.path.lexists(output) and not is_file(output):
        # Replacing a device (/dev/null), a pipe or a link to one would destroy it, not write to it.
        raise OutputError.single(output, msg("output_not_file"))
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{output.name}.", dir=folder)
    except (OSError, ValueError) as error:
        raise OutputError.single(output, msg("cannot_write", reason=os_reason(error))) from None
    restore = _exit_on_signals()
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, output)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError.single(output, msg("cannot_write", reason=os_reason(error))) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    finally:
        restore()


def _exit_on_signals() -> Callable[[], None]:
    """SIGTERM and SIGHUP raise SystemExit (so `finally` and `except` clean up), until restored."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def leave(signum: int, frame: Any) -> None:
        raise SystemExit(128 + signum)

    previous = {number: signal.signal(number, leave) for number in (signal.SIGTERM, signal.SIGHUP)}

    def restore() -> None:
        for number, handler in previous.items():
            signal.signal(number, handler)

    return restore


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def handles_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ScorerError as error:
            from scorer.messages import t

            lang = _run_lang(kwargs)
            for problem in error.problems:
                click.echo(f"{t('cli.error', lang)}: {problem.text(lang)}", err=True)
                for line in problem.excerpt():
                    click.echo(line, err=True)
            sys.exit(1)
        except UsageError as error:
            from scorer.problem_messages import render

            said = error.args[0] if error.args else ""
            raise click.UsageError(render(said, _run_lang(kwargs)) if isinstance(said, Msg) else str(error)) from None
        except OSError as error:
            # The last guard: a path the system refuses (too long, no permission, a device) is an
            # input problem, reported with its name, never a traceback.
            from scorer.messages import t
            from scorer.problem_messages import os_reason

            lang = _run_lang(kwargs)
            reason = os_reason(error)
            said = reason.text(lang) if isinstance(reason, Msg) else reason
            click.echo(f"{t('cli.error', lang)}: {error.filename or ''}: {t('cli.bad_path', lang)}: {said}", err=True)
            sys.exit(1)

    return wrapper


def say(lang: str, key: str, **values: Any) -> None:
    """One line to stderr, from the catalogue, in the run's language: what a command did."""
    from scorer.errors import msg

    click.echo(msg(key, **values).text(lang), err=True)


def wrote(output: Path | None, lang: str, what: str) -> None:
    """`Wrote the remediation plan to kh.docx`: said once a file is written, never for stdout."""
    if output is not None:
        from scorer.errors import msg

        say(lang, "notice.wrote", what=msg(f"notice.{what}"), path=str(output))


def _run_lang(kwargs: dict[str, Any]) -> str:
    """The language of a command's messages: its --lang once resolved, else the default's
    (SCORER_LANG, the project file, Vietnamese)."""
    if kwargs.get("lang") in ("vi", "en"):
        return str(kwargs["lang"])
    from scorer import project

    try:
        return project.language(None)
    except (UsageError, ScorerError):
        return _fallback_lang()


def _fallback_lang() -> str:
    """The language when SCORER_LANG names none: the project file's, else Vietnamese."""
    from scorer import project

    try:
        return project.find().lang or project.DEFAULT_LANG
    except ScorerError:
        return project.DEFAULT_LANG


_error_lang = _run_lang


# The words of this run's command line, for the language of a help page (read before --lang is).
_ARGS: list[str] = []


def _help_lang() -> str:
    for index, arg in enumerate(_ARGS):
        value = _ARGS[index + 1] if arg == "--lang" and index + 1 < len(_ARGS) else None
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value in ("vi", "en"):
            return value
    return _run_lang({})


class _Help(click.Command):
    """A help page in the run's language: Vietnamese by default (scorer.helptext), English on request."""

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if _help_lang() != "vi":
            super().format_help(ctx, formatter)
            return
        from scorer import helptext

        path = " ".join(ctx.command_path.split()[1:])
        saved: list[tuple[Any, str, Any]] = []

        def swap(obj: Any, name: str, value: Any) -> None:
            saved.append((obj, name, getattr(obj, name)))
            setattr(obj, name, value)

        swap(self, "help", helptext.COMMANDS.get(path, self.help))
        own = helptext.COMMAND_OPTIONS.get(path, {})
        for param in self.get_params(ctx):
            if isinstance(param, click.Option):
                name = max(param.opts, key=len)
                swap(param, "help", own.get(name) or helptext.OPTIONS.get(name) or param.help)
        if isinstance(self, click.Group):
            for name, command in self.commands.items():
                words = helptext.COMMANDS.get(f"{path} {name}".strip())
                if words:
                    swap(command, "short_help", words.split("\n")[0].split(". ")[0].rstrip("."))
        try:
            super().format_help(ctx, formatter)
        finally:
            for obj, name, value in reversed(saved):
                setattr(obj, name, value)

    def get_help(self, ctx: click.Context) -> str:
        text = super().get_help(ctx)
        if _help_lang() != "vi":
            return text
        from scorer import helptext

        for english, vietnamese in helptext.WORDS:
            text = text.replace(english, vietnamese)
        return text


class _Group(_Help, click.Group):
    command_class = _Help
    group_class = type  # subgroups are of this class too


class _Scorer(_Group):
    def main(self, *args: Any, **kwargs: Any) -> Any:
        _utf8_streams()  # before anything is printed, `--help` included
        given = kwargs.get("args") if "args" in kwargs else (args[0] if args else None)
        _ARGS[:] = list(given) if given is not None else sys.argv[1:]
        if not kwargs.get("standalone_mode", True) or len(args) > 3:
            return super().main(*args, **kwargs)
        # Click's own way of ending a run, with its usage errors in the run's language.
        try:
            code = super().main(*args, **{**kwargs, "standalone_mode": False})
        except click.ClickException as error:
            _show(error)
            sys.exit(error.exit_code)
        except click.Abort:
            from scorer.helptext import ABORTED

            click.echo(ABORTED if _help_lang() == "vi" else "Aborted!", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


def _show(error: click.ClickException) -> None:
    """A usage error as click shows it, in Vietnamese unless the run is English."""
    if _help_lang() != "vi":
        error.show()
        return
    from scorer.helptext import usage_error

    ctx = getattr(error, "ctx", None)
    if isinstance(error, click.UsageError) and ctx is not None:
        usage = ctx.get_usage()
        for english, vietnamese in (
            ("Usage:", "Cách dùng:"),
            ("[OPTIONS]", "[TÙY_CHỌN]"),
            ("COMMAND [ARGS]...", "LỆNH [THAM_SỐ]..."),
        ):
            usage = usage.replace(english, vietnamese)
        click.echo(usage, err=True)
        if ctx.command.get_help_option(ctx) is not None:
            help_option = max(ctx.help_option_names, key=len)
            click.echo(f"Thử '{ctx.command_path} {help_option}' để xem hướng dẫn.", err=True)
        click.echo(err=True)
    click.echo(f"Lỗi: {usage_error(error.format_message())}", err=True)


@click.group(cls=_Scorer, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="scorer")
def main() -> None:
    """Predict a unit's PAR Index score from its evidence, and what to do about the points at risk."""
    # A province allocates millions of small objects that live to the end of the run; collecting
    # the youngest generation less often saves about a tenth of the time (bench/bench.py).
    gc.set_threshold(50_000, 20, 100)
    from scorer.render import fit

    # Tables fit the terminal (or COLUMNS); `--output FILE` and a pipe keep their full width.
    fit.set_width(fit.terminal_width())


def _utf8_streams() -> None:
    """Output redirected to a file or a pipe under a code page that cannot hold Vietnamese (cp1252
    in a Windows shell) is written as UTF-8, rather than stopped at the first 'ă' with a traceback.
    A terminal (a Windows console too) already takes UTF-8 and is left as it is."""
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        if encoding and codecs.lookup(encoding).name != "utf-8" and isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8")


@main.command("init")
@click.argument("unit_id", metavar="UNIT")
@click.option("--name", required=True, help='The unit\'s name as its documents write it, e.g. "Sở Tư pháp".')
@click.option("--kind", help='What the unit calls itself in its documents, e.g. "Sở" [default: from --name].')
@click.option(
    "--evidence", type=click.Path(path_type=Path), help="Folder of unit folders [default: the project's evidence/]."
)
@click.option(
    "--rules", type=click.Path(path_type=Path), help="Folder of criteria sets [default: the project's rules/]."
)
@click.option("--year", type=int, help="Year of the workbook [default: the newest criteria set].")
@lang_option
@handles_errors
def init_command(unit_id: str, name: str, kind: str | None, lang: str, **kwargs: Any) -> None:
    """Start a unit: its unit.yaml (the roles the criteria set needs, each explained) and the year's
    evidence workbook.

    Example: scorer init so-tu-phap --name "Sở Tư pháp"
    """
    from scorer import api
    from scorer.messages import t
    from scorer.render import xlsx

    start = api.init_unit(_request(**kwargs), unit_id, name, kind)
    if start.rules_from is not None and start.rules is not None:
        import shutil

        from scorer.project import PROJECT_FILE

        shutil.copytree(start.rules_from, start.rules, ignore=shutil.ignore_patterns("__pycache__", ".*"))
        if not Path(PROJECT_FILE).exists():
            emit(t("cli.project_file", lang), Path(PROJECT_FILE))
        click.echo(
            t("cli.project_started", lang).format(rules=start.rules, file=PROJECT_FILE, year=start.criteria.year)
        )
    start.workbook.parent.mkdir(parents=True, exist_ok=True)
    emit(start.unit_yaml, start.unit_file)
    emit(xlsx.template(start.criteria, lang), start.workbook)
    click.echo(t("cli.started", lang).format(unit=start.unit_file, workbook=start.workbook, id=unit_id))


@main.command()
@reporting_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(PREDICT_FORMATS),
    help="Output format [default: from --output's extension, else table].",
)
@click.option(
    "--horizon", type=click.IntRange(0, 3660), default=30, show_default=True, help="Days ahead for deadlines at risk."
)
@click.option(
    "--detail/--ranking-only",
    default=None,
    help="Over several units: each unit's tables after the ranking [default: the ranking alone].",
)
@click.option(
    "--with",
    "what_if",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    multiple=True,
    help="Hypothetical evidence file (YAML, CSV or xlsx) to add, marked as such.",
)
@handles_errors
def predict(
    fmt: str | None, lang: str, output: Path | None, what_if: tuple[Path, ...], detail: bool | None, **kwargs: Any
) -> None:
    """Score table per area (low / expected / high), components, class, then the at-risk list.

    Example: scorer predict --unit van-phong-ubnd-tinh --as-of 2024-09-30
    """
    from scorer import api, render

    fmt = output_format(fmt, output, PREDICT_FORMATS, "table")
    if fmt == "xlsx":
        from scorer.render import xlsx

        if output is None:
            raise UsageError(msg("format_needs_output", fmt="xlsx"))
        if what_if:
            raise UsageError(msg("workbook_no_what_if"))
        request = _request(output=output, **kwargs)
        emit(xlsx.prediction(api.predict(request, detail=True), lang), output)
        _year_notice(request, lang)
        wrote(output, lang, "prediction")
        return
    request = _request(what_if=what_if, output=output, **kwargs)
    units = api.predict_units(request, progress=_progress())
    emit(fitted(render.prediction(units, fmt, lang, detail=bool(detail)), fmt), output)
    if sys.stderr.isatty():
        click.echo("\r\033[K", err=True, nl=False)
    _year_notice(request, lang)
    wrote(output, lang, "prediction")


def _year_notice(request: api.Request, lang: str) -> None:
    from scorer import api

    notice = api.year_notice(request)
    if notice is not None:
        click.echo(notice.text(lang), err=True)


def _progress() -> Callable[[int, int], None] | None:
    """A unit counter on stderr, for long runs in a terminal only (never in a pipe or a file)."""
    if not sys.stderr.isatty():
        return None
    from scorer.messages import t

    lang = _run_lang({})

    def show(done: int, total: int) -> None:
        if total >= 20 and (done % 10 == 0 or done == total):
            click.echo(f"\r{t('cli.progress', lang)}: {done}/{total}", err=True, nl=False)

    return show


@main.command()
@reporting_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), help=FORMAT_HELP)
@click.option("--horizon", type=click.IntRange(0, 3660), default=30, show_default=True)
@click.option(
    "--owner",
    help='Only the criteria this division leads, by its name as unit.yaml writes it (e.g. "Trung tâm Thông tin").',
)
@handles_errors
def risks(fmt: str | None, lang: str, output: Path | None, **kwargs: Any) -> None:
    """The at-risk list alone, sorted by points at stake.

    Example: scorer risks --owner "Trung tâm Thông tin" --as-of 2024-09-30
    """
    from scorer import api
    from scorer import render

    fmt = output_format(fmt, output, FORMATS, "table")
    emit(fitted(render.risk_lists(api.predict(_request(output=output, **kwargs)).units, fmt, lang), fmt), output)
    wrote(output, lang, "risks")


@main.command()
@click.argument("criterion_id")
@reporting_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), help=FORMAT_HELP)
@handles_errors
def explain(criterion_id: str, fmt: str | None, lang: str, output: Path | None, **kwargs: Any) -> None:
    """One criterion: its rule, metric values, evidence used (file and line), points, why not full.

    Example: scorer explain 1.2 --as-of 2024-09-30
    """
    from scorer import api
    from scorer import render
    from scorer.loading import nfc

    fmt = output_format(fmt, output, FORMATS, "table")
    found = api.explain(_request(output=output, **kwargs), nfc(criterion_id.strip()))
    emit(fitted(render.explanations(found, fmt, lang), fmt), output)
    wrote(output, lang, "explanation")


@main.command()
@reporting_options
@click.option("--format", "fmt", type=click.Choice(TRACK_FORMATS), help=FORMAT_HELP)
@click.option("--track", is_flag=True, help="Replay the year as of every month end and deadline (track record).")
@click.option("--compare", is_flag=True, help="With --track: replay under the first release's projection too.")
@handles_errors
def backtest(fmt: str | None, lang: str, output: Path | None, track: bool, compare: bool, **kwargs: Any) -> None:
    """Score a closed year and compare it with official.yaml, naming every unitemised gap.

    Example: scorer backtest --year 2023 --track --format html -o track-2023.html
    """
    from scorer import api
    from scorer.render import json_
    from scorer.render import table

    if track:
        from scorer.render import track as track_writer

        fmt = output_format(fmt, output, TRACK_FORMATS, "table")
        record = api.track(_request(output=output, **kwargs), compare=compare)
        emit(fitted(track_writer.render(record, fmt, lang), fmt), output)
        wrote(output, lang, "track")
        return
    if fmt == "html" or compare:
        raise UsageError(msg("compare_needs_track"))
    fmt = output_format(fmt, output, BASIC_FORMATS, "table")
    checks = api.backtest(_request(output=output, **kwargs))
    emit(
        json_.dumps([c.model_dump(mode="json") for c in checks])
        if fmt == "json"
        else fitted(table.render_backtests(checks, lang), fmt),
        output,
    )
    wrote(output, lang, "backtest")


@main.command()
@click.argument("goal", metavar="TARGET", type=click.FloatRange(0, 100, min_open=True))
@reporting_options
@click.option("--format", "fmt", type=click.Choice(TARGET_FORMATS), help=FORMAT_HELP)
@handles_errors
def target(goal: float, fmt: str | None, lang: str, output: Path | None, **kwargs: Any) -> None:
    """The fewest remedies that bring the expected total to TARGET, most points soonest.

    Example: scorer target 95 --as-of 2024-09-30
    """
    from scorer import api
    from scorer.render import target as target_writer

    fmt = output_format(fmt, output, TARGET_FORMATS, "table")
    emit(fitted(target_writer.render(api.target(_request(output=output, **kwargs), goal), fmt, lang), fmt), output)
    wrote(output, lang, "target")


@main.command()
@click.option(
    "--evidence", type=click.Path(path_type=Path), help="Folder of unit folders [default: the project's evidence/]."
)
@click.option(
    "--rules", type=click.Path(path_type=Path), help="Folder of criteria sets [default: the project's rules/]."
)
@click.option("--criteria", type=click.Path(path_type=Path))
@click.option("--year", type=int)
@click.option("--unit")
@lang_option
@handles_errors
def validate(lang: str, **kwargs: Any) -> None:
    """Check the criteria set and the evidence; report every problem at once.

    Example: scorer validate --year 2024
    """
    from scorer import api
    from scorer.messages import t

    summary = api.validate(_request(**kwargs))
    for warning in summary.warnings:
        click.echo(f"{t('cli.warning', lang)}: {warning.text(lang)}", err=True)
    click.echo(
        t("cli.validated", lang).format(
            label=summary.label, criteria=summary.criteria, units=summary.units, records=summary.records
        )
    )


@main.command("test")
@click.argument("folder", type=click.Path(path_type=Path), required=False)
@click.option(
    "--rules", type=click.Path(path_type=Path), help="Folder of criteria sets [default: the project's rules/]."
)
@click.option("--format", "fmt", type=click.Choice(BASIC_FORMATS), default="table", show_default=True)
@lang_option
@handles_errors
def test_cases(folder: Path | None, rules: Path | None, fmt: str, lang: str) -> None:
    """Run the criteria test cases (evidence in, points out) and list criteria no case checks.

    Example: scorer test rules/tests
    """
    from scorer import cases
    from scorer.render import json_
    from scorer.render import table

    rules = _folders(Path("."), rules)["rules"]
    report = cases.run_cases(rules, folder or rules / "tests")
    click.echo(json_.dumps(report) if fmt == "json" else fitted(table.render_test_report(report, lang), fmt), nl=False)
    if not report.passed:
        sys.exit(1)


@main.command("schema")
@click.argument("kind", type=click.Choice(SCHEMA_KINDS))
def schema(kind: str) -> None:
    """Print the JSON Schema of one kind of input file, for editors.

    Example: scorer schema evidence > schema/evidence.schema.json
    """
    from scorer import schema as schema_lib

    click.echo(schema_lib.dumps(kind), nl=False)


@main.command("plan")
@reporting_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(PLAN_FORMATS),
    help="md or docx [default: from --output's extension, else md].",
)
@click.option(
    "--target",
    "goal",
    type=click.FloatRange(0, 100, min_open=True),
    help="Add the fewest remedies that reach this total (as of --as-of).",
)
@handles_errors
def plan_command(fmt: str | None, lang: str, output: Path | None, goal: float | None, **kwargs: Any) -> None:
    """Draft the remediation plan in the seed plan's structure, from published results or the forecast.

    Example: scorer plan --year 2023 --lang vi --format docx --output ke-hoach-khac-phuc.docx
    """
    from scorer import api

    fmt = output_format(fmt, output, PLAN_FORMATS, "md")
    if formats.FORMATS[fmt].binary and output is None:
        raise UsageError(msg("format_needs_output", fmt=fmt))
    plans = api.plan(_request(output=output, **kwargs), target=goal)
    emit(formats.writer(fmt).plan(plans, lang), output)
    wrote(output, lang, "plan")


@main.command("form")
@reporting_options
@click.option(
    "--format", "fmt", type=click.Choice(formats.choices("form")), default=None, help="Output format [default: xlsx]."
)
@click.option("--with", "what_if", multiple=True, hidden=True)
@handles_errors
def form_command(fmt: str | None, lang: str, output: Path | None, what_if: tuple[str, ...], **kwargs: Any) -> None:
    """Write the self-assessment form ("Biểu tự đánh giá") as an A4 landscape workbook, Vietnamese by default.

    Example: scorer form --year 2024 --as-of 2024-09-30 -o bieu-tu-danh-gia.xlsx
    """
    from scorer import api
    from scorer.render import xlsx

    if what_if:
        raise UsageError(msg("form_with_refused"))
    if output is None:
        raise UsageError(msg("form_needs_output"))
    output_format(fmt, output, formats.choices("form"), "xlsx")
    emit(xlsx.form(api.form(_request(output=output, **kwargs)), lang), output)
    wrote(output, lang, "form")


@main.group()
def criteria() -> None:
    """Work with criteria sets."""


@criteria.command("diff")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(BASIC_FORMATS), default="table", show_default=True)
@lang_option
@handles_errors
def criteria_diff(old: Path, new: Path, fmt: str, lang: str) -> None:
    """Sub-criteria added, removed and changed between two criteria sets, with the points that move.

    Example: scorer criteria diff rules/criteria_2023.yaml rules/criteria_2024.yaml
    """
    from scorer import api
    from scorer.render import json_
    from scorer.render import table

    result = api.criteria_diff(old, new)
    click.echo(json_.dumps(result) if fmt == "json" else fitted(table.render_diff(result, lang), fmt), nl=False)


@criteria.command("import")
@click.argument("decision", type=click.Path(path_type=Path))
@click.option("--output", "-o", type=click.Path(path_type=Path), required=True, help="The draft YAML to write.")
@click.option(
    "--rules",
    type=click.Path(path_type=Path),
    default=Path("rules"),
    show_default=True,
    help="Folder of known criteria sets whose rows' wiring to copy (skipped when absent).",
)
@click.option(
    "--report", is_flag=True, help="Print what became of each row: wired, copied (from, score) or todo (why)."
)
@lang_option
@handles_errors
def criteria_import(decision: Path, output: Path, rules: Path, report: bool, lang: str) -> None:
    """Draft a criteria set from a decision's appendix table (.docx or .xlsx); rows it cannot read are listed.

    Example: scorer criteria import quyet-dinh-1325.docx -o draft.yaml --report
    """
    from scorer import api, importer

    result = api.criteria_import(decision, rules)
    schema = api.schema_reference(output)
    emit(importer.render_draft(result.data, decision.name, result.rows, len(result.problems), schema, lang), output)
    from scorer.messages import t

    if report:
        for row in result.wiring:
            click.echo(row.line(lang))
    if result.wiring:
        from scorer.wiring import summary

        click.echo(summary(result.wiring).text(lang), err=True)
    for problem in result.problems:
        click.echo(f"{t('cli.warning', lang)}: {problem.text(lang)}", err=True)
    click.echo(t("cli.imported", lang).format(output=output), err=True)


@main.group()
def register() -> None:
    """Evidence drafted from the register of outgoing documents (sổ đăng ký văn bản đi)."""


@register.command("import")
@click.argument("register_file", metavar="REGISTER", type=click.Path(path_type=Path))
@click.option("--unit", required=True, help="The unit's folder name under --evidence.")
@click.option("--year", type=int, help="Year of the evidence [default: the newest criteria set].")
@click.option(
    "--evidence", type=click.Path(path_type=Path), help="Folder of unit folders [default: the project's evidence/]."
)
@click.option(
    "--rules", type=click.Path(path_type=Path), help="Folder of criteria sets [default: the project's rules/]."
)
@click.option(
    "--register-rules",
    "register_rules",
    multiple=True,
    type=click.Path(path_type=Path),
    help="A province's own table of phrasings, read before rules/register.yaml (repeatable).",
)
@click.option(
    "--output", "-o", type=click.Path(path_type=Path), help="The draft [default: evidence/UNIT/YEAR/so-van-ban.yaml]."
)
@click.option("--report", is_flag=True, help="Print per row what was drafted, skipped (why) or left unclear.")
@click.option("--dry-run", "dry_run", is_flag=True, help="Read and draft, write nothing.")
@lang_option
@handles_errors
def register_import(
    register_file: Path,
    unit: str,
    year: int | None,
    evidence: Path,
    rules: Path,
    register_rules: tuple[Path, ...],
    output: Path | None,
    report: bool,
    dry_run: bool,
    lang: str,
) -> None:
    """Draft evidence records, marked `review: needed`, from the register (.xlsx or .csv).

    Example: scorer register import so-van-ban.xlsx --unit van-phong-ubnd-tinh
    """
    from scorer import api
    from scorer import register as drafting

    result = api.register_import(
        _request(evidence=evidence, rules=rules, year=year, unit=unit), register_file, output, register_rules, lang
    )
    if result.draft.records and not dry_run:
        result.output.parent.mkdir(parents=True, exist_ok=True)
        emit(result.text, result.output)
    if report:
        click.echo(drafting.render_report(result.draft, lang), nl=False)
    for warning in result.draft.warnings:
        click.echo(("Warning: " if lang == "en" else "Cảnh báo: ") + warning, err=True)
    click.echo(drafting.summary_line(result.draft, lang), err=True)
    figures = drafting.figures_line(result.draft, lang, report)
    if figures is not None:
        click.echo(figures, err=True)
    click.echo(drafting.written_line(result, lang, dry_run), err=True)


@main.command()
@click.option(
    "--rules", type=click.Path(path_type=Path), help="Folder of criteria sets [default: the project's rules/]."
)
@click.option(
    "--criteria",
    type=click.Path(path_type=Path),
    help="Criteria file whose indicator names and document kinds to offer.",
)
@click.option("--year", type=int)
@click.option(
    "--format", "fmt", type=click.Choice(formats.choices("template")), help="xlsx, the only one [default: xlsx]."
)
@lang_option
@click.option("--output", "-o", type=click.Path(path_type=Path), required=True)
@handles_errors
def template(
    rules: Path | None, criteria: Path | None, year: int | None, fmt: str | None, lang: str, output: Path
) -> None:
    """Write an empty evidence workbook: one sheet per evidence type, with its columns and drop-down lists.

    Example: scorer template --output evidence/my-unit/2025/evidence.xlsx
    """
    from scorer import api
    from scorer.render import xlsx

    fmt = output_format(fmt, output, formats.choices("template"), "xlsx")
    cs = api.load_inputs_criteria(_request(rules=rules, criteria=criteria, year=year, output=output))
    emit(xlsx.template(cs, lang), output)
    wrote(output, lang, "template")


def _web() -> Any:
    """The `serve` extra's entry points, imported only by the commands that need them, so that
    `scorer --help` and every other command never load the web stack."""
    from scorer import serve

    missing = serve.missing()
    if missing:
        raise click.ClickException(
            msg("needs_serve_extra", missing=tuple(missing), hint=serve.INSTALL_HINT).text(_run_lang({}))
        )
    from scorer.serve import server

    return server


@main.group()
def user() -> None:
    """Accounts of the web service (`scorer serve`)."""


def _password() -> str:
    from scorer.messages import t

    lang = _run_lang({})
    return str(
        click.prompt(
            t("web.password", lang),
            hide_input=True,
            confirmation_prompt=t("cli.password_again", lang),
        )
    )


@user.command("add")
@click.argument("name")
@click.option("--unit", "units", multiple=True, help="A unit (folder name) the user works for; repeat for several.")
@click.option("--admin", is_flag=True, help="Sees and uploads for every unit (the Department of Home Affairs).")
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of standard input.")
@click.option("--data", type=click.Path(path_type=Path), required=True, help="The service's data folder.")
@click.option("--evidence", type=click.Path(path_type=Path), help="Check each --unit against this evidence folder.")
@handles_errors
def user_add(
    name: str, units: tuple[str, ...], admin: bool, password_stdin: bool, data: Path, evidence: Path | None
) -> None:
    """Add a user of the web service, tied to one or more units (or every unit with --admin).

    Example: printf '%s\\n' "$PASSWORD" | scorer user add lan --unit van-phong-ubnd-tinh --password-stdin --data /srv/scorer
    """
    server = _web()
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = _password()
    server.add_user(data, name, password, list(units), admin, evidence)
    from scorer.messages import t

    lang = _run_lang({})
    holds = t("cli.every_unit", lang) if admin else ", ".join(units)
    click.echo(t("cli.user_added", lang).format(name=name, holds=holds))


@user.command("passwd")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of standard input.")
@click.option("--data", type=click.Path(path_type=Path), required=True, help="The service's data folder.")
@handles_errors
def user_passwd(name: str, password_stdin: bool, data: Path) -> None:
    """Set a user's password; their open sessions end.

    Example: scorer user passwd lan --data /srv/scorer/data
    """
    server = _web()
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = _password()
    server.set_password(data, name, password)
    from scorer.messages import t

    click.echo(t("cli.password_set", _run_lang({})).format(name=name))


@user.command("list")
@click.option("--data", type=click.Path(path_type=Path), required=True, help="The service's data folder.")
@handles_errors
def user_list(data: Path) -> None:
    """List the users of the web service and the units each holds.

    Example: scorer user list --data /srv/scorer/data
    """
    for name, holds in _web().users(data, _run_lang({})):
        click.echo(f"{name}: {holds}")


@main.command("serve")
@click.option(
    "--evidence", type=click.Path(path_type=Path), help="Folder of unit folders [default: the project's evidence/]."
)
@click.option(
    "--rules", type=click.Path(path_type=Path), help="Folder of criteria sets [default: the project's rules/]."
)
@click.option("--data", type=click.Path(path_type=Path), required=True, help="Users, sessions, audit log, versions.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--trusted-proxy",
    "trusted_proxies",
    multiple=True,
    help="Address of a TLS proxy whose X-Forwarded-Proto and X-Forwarded-For are believed.",
)
@click.option("--secure-cookies", is_flag=True, help="Mark cookies Secure even when no proxy says https.")
@click.option("--max-upload-mb", type=click.IntRange(1, 200), default=20, show_default=True)
@click.option(
    "--workers",
    type=click.IntRange(0, 64),
    default=None,
    help="Processes for predictions and uploads' validation (default: one per core, at least 2; 0: in the server's own).",
)
@click.option(
    "--upload-rate",
    type=click.IntRange(1, 100_000),
    default=120,
    show_default=True,
    help="Uploads one user may make in 10 minutes.",
)
@click.option(
    "--keep-versions",
    type=click.IntRange(0, 1_000_000),
    default=200,
    show_default=True,
    help="Earlier versions kept per unit; the oldest lose their bytes past it.",
)
@handles_errors
def serve_command(**kwargs: Any) -> None:
    """Serve the forecast, the evidence uploads and the downloads to browsers.

    Example: scorer serve --evidence evidence --rules rules --data /srv/scorer --port 8000
    """
    kwargs.update(_folders(kwargs["evidence"], kwargs["rules"]))
    del kwargs["looked"]
    _web().serve(**kwargs, lang=_run_lang(kwargs))
