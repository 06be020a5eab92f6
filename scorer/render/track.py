"""The track record (`scorer backtest --track`) as a table, JSON (`scorer.track/1`) or one HTML
page whose chart shows the band low-high over the year, expected as a line and the final dashed."""

from __future__ import annotations

from dataclasses import dataclass

from scorer.render.fit import tabulate

from scorer.messages import date, num, obligation_words, t
from scorer.models.track import Track, TrackPoint, TrackRow, TrackSummary, UnitTrack
from scorer.render import html as html_writer
from scorer.render.json_ import dumps


def render(track: Track, fmt: str, lang: str) -> str:
    if fmt == "json":
        return dumps(track)
    if fmt == "html":
        return render_html(track, lang)
    parts = [render_unit(u, lang) for u in track.units]
    if track.record:
        parts.append(render_record(track, lang))
    return "\n\n".join(parts) + "\n"


def _likely(p: TrackPoint, lang: str) -> str:
    if p.likely_low is None or p.likely_high is None:
        return t("track.na", lang)
    return f"{num(p.likely_low, lang)}–{num(p.likely_high, lang)}"


def _held(p: TrackPoint, u: UnitTrack) -> str:
    """Of the criteria that end below max, how many the day's at-risk list held."""
    return f"{len(set(p.at_risk) & set(u.below_max))}/{len(u.below_max)}"


def _share(value: float | None, lang: str) -> str:
    return t("track.na", lang) if value is None else num(100 * value, lang, 0) + "%"


def _ratio(value: float | None, lang: str) -> str:
    return t("track.na", lang) if value is None else num(value, lang)


def _record_heads(lang: str) -> list[str]:
    keys = ["as_of", "track.units", "track.mae", "track.bias", "track.likely_covers", "track.likely_width"]
    keys += ["track.band_covers", "track.band_width", "track.recall", "track.precision"]
    return [t(k, lang) for k in keys]


def _record_rows(rows: list[TrackRow], lang: str) -> list[list[str]]:
    return [
        [
            date(r.as_of, lang),
            str(r.units),
            num(r.mae, lang),
            _signed(r.bias, lang),
            _share(r.likely_coverage, lang),
            _ratio(r.likely_width, lang),
            _share(r.band_coverage, lang),
            num(r.band_width, lang),
            _ratio(r.recall, lang),
            _ratio(r.precision, lang),
        ]
        for r in rows
    ]


def render_record(track: Track, lang: str) -> str:
    """Every unit together, as of each quarter's end."""
    head = t("track.record", lang).format(n=len(track.units))
    rows = _record_rows(track.record, lang)
    return (
        head
        + "\n\n"
        + tabulate(rows, headers=_record_heads(lang), disable_numparse=True, colalign=("left",) + ("right",) * 9)
    )


def _signed(value: float, lang: str) -> str:
    return ("+" if value > 0 else "") + num(value, lang)


def _headline(u: UnitTrack, lang: str) -> list[str]:
    return [
        f"{t('track', lang)}: {u.unit_name} ({u.unit}) · {t('year', lang)} {u.year} · "
        f"{t('measure.' + u.measure, lang)}",
        t("published_line", lang).format(
            final=num(u.final, lang), klass=u.final_class or "–", published=num(u.published, lang)
        ),
    ]


def _summary_lines(u: UnitTrack, lang: str) -> list[str]:
    s = u.summary
    hit = sum(1 for p in u.points if p.within)
    return [
        f"{t('mae', lang)}: {_quarters(s, lang)}",
        t("coverage", lang).format(hit=hit, of=len(u.points), share=num(100 * s.coverage, lang, 0)),
        t("known_by", lang).format(day=date(s.known_by, lang)),
        t("track.below_max", lang).format(n=len(u.below_max)),
    ]


def _quarters(s: TrackSummary, lang: str) -> str:
    parts = [f"{t('quarter', lang).format(n=q.quarter)} {num(q.mae, lang)}" for q in s.by_quarter]
    return " · ".join(parts + [f"{t('all_year', lang)} {num(s.mae, lang)}"])


def _comparison_rows(u: UnitTrack, lang: str) -> list[list[str]]:
    rows = []
    for s in (u.baseline, u.summary):
        if s is not None:
            rows.append(
                [t("projection." + s.projection, lang)]
                + [num(q.mae, lang) for q in s.by_quarter]
                + [num(s.mae, lang), num(100 * s.coverage, lang, 0) + "%"]
            )
    return rows


def _comparison_heads(lang: str) -> list[str]:
    quarters = [t("quarter", lang).format(n=n) for n in range(1, 5)]
    return [t("projection_rules", lang), *quarters, t("all_year", lang), t("coverage", lang).split(":")[0]]


def render_unit(u: UnitTrack, lang: str) -> str:
    keys = ("as_of", "calendar", "low", "expected", "high", "final_score", "error", "within", "track.likely")
    heads = [t(k, lang) for k in (*keys, "track.at_risk", "track.held")]
    rows = [
        [
            date(p.as_of, lang),
            ", ".join(obligation_words(d, lang) for d in p.deadlines),
            num(p.low, lang),
            num(p.expected, lang),
            num(p.high, lang),
            num(u.final, lang),
            _signed(p.error, lang),
            t("yes" if p.within else "no", lang),
            _likely(p, lang),
            str(len(p.at_risk)),
            _held(p, u),
        ]
        for p in u.points
    ]
    align = ("left", "left") + ("right",) * 5 + ("left",) + ("right",) * 3
    parts = [
        "\n".join(_headline(u, lang)),
        tabulate(rows, headers=heads, disable_numparse=True, colalign=align),
        "\n".join(_summary_lines(u, lang)),
    ]
    if u.baseline is not None:
        parts.append(tabulate(_comparison_rows(u, lang), headers=_comparison_heads(lang), disable_numparse=True))
    return "\n\n".join(parts)


# -- HTML (templates/track/track.html) --------------------------------------------------------


TEMPLATE = "track/track.html"


@dataclass(frozen=True)
class TrackChart:
    """A unit's chart in figures the template places: days of the year across, points up."""

    width: int
    height: int
    left: int
    right: int
    bottom: int
    ticks: list[tuple[str, str, int]]  # (y of the line, y of its label, points)
    months: list[tuple[str, str]]  # (x, "01")
    band: str  # the polygon low-high
    likely: str | None  # the polygon of the likely range, where the prediction gives it
    expected: str  # the polyline of the expected points
    marks: list[tuple[str, str, TrackPoint]]  # (cx, cy, the point) per as-of date
    final: str  # y of the final score's line
    published: str | None  # y of the published result's line, where known


def chart(u: UnitTrack) -> TrackChart:
    """The band low-high over the year, expected as a line with a mark per as-of date, the final as
    a dashed line (the published result dotted, where known)."""
    width, height, left, right, top, bottom = 760, 320, 48, 740, 16, 280
    start = u.points[0].as_of.replace(month=1, day=1)
    span = max((u.points[-1].as_of - start).days, 1)
    values = [v for p in u.points for v in (p.low, p.high)] + [u.final] + ([u.published] if u.published else [])
    floor = max(0.0, 10 * int(min(values) // 10))
    ceiling = min(100.0, 10 * (int(max(values) // 10) + 1)) if max(values) <= 100 else max(values)
    ceiling = max(ceiling, floor + 10)

    def x(day: object) -> float:
        return left + (right - left) * ((day - start).days / span)  # type: ignore[operator]

    def y(v: float) -> float:
        return bottom - (bottom - top) * (v - floor) / (ceiling - floor)

    def points(pairs: list[tuple[object, float]]) -> str:
        return " ".join(f"{x(day):.1f},{y(v):.1f}" for day, v in pairs)

    months = [
        (f"{x(start.replace(month=m)):.1f}", f"{m:02d}")
        for m in range(1, 13)
        if (start.replace(month=m) - start).days <= span
    ]
    band = points([(p.as_of, p.high) for p in u.points]) + " " + points([(p.as_of, p.low) for p in reversed(u.points)])
    likely = [p for p in u.points if p.likely_low is not None and p.likely_high is not None]
    rim = points([(p.as_of, p.likely_high or 0) for p in likely])
    floor_ = points([(p.as_of, p.likely_low or 0) for p in reversed(likely)])
    return TrackChart(
        width=width,
        height=height,
        left=left,
        right=right,
        bottom=bottom,
        ticks=[(f"{y(tick):.1f}", f"{y(tick) + 4:.1f}", tick) for tick in range(int(floor), int(ceiling) + 1, 10)],
        months=months,
        band=band,
        likely=f"{rim} {floor_}" if likely else None,
        expected=points([(p.as_of, p.expected) for p in u.points]),
        marks=[(f"{x(p.as_of):.1f}", f"{y(p.expected):.1f}", p) for p in u.points],
        final=f"{y(u.final):.1f}",
        published=f"{y(u.published):.1f}" if u.published is not None else None,
    )


class TrackWords:
    """The track's rows and figures in the reader's language (`tr.` in the template)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def headline(self, u: UnitTrack) -> list[str]:
        return _headline(u, self.lang)

    def summary(self, u: UnitTrack) -> list[str]:
        return _summary_lines(u, self.lang)

    def chart(self, u: UnitTrack) -> TrackChart:
        return chart(u)

    def comparison_heads(self) -> list[str]:
        return _comparison_heads(self.lang)

    def comparison(self, u: UnitTrack) -> list[list[str]]:
        return _comparison_rows(u, self.lang)

    def point_heads(self) -> list[str]:
        keys = ("as_of", "calendar", "low", "expected", "high", "error", "within", "track.likely", "track.at_risk")
        return [t(k, self.lang) for k in (*keys, "track.held")]

    def deadlines(self, p: TrackPoint) -> str:
        return ", ".join(obligation_words(d, self.lang) for d in p.deadlines)

    def signed(self, value: float) -> str:
        return _signed(value, self.lang)

    def likely(self, p: TrackPoint) -> str:
        return _likely(p, self.lang)

    def held(self, p: TrackPoint, u: UnitTrack) -> str:
        return _held(p, u)

    def record_heads(self) -> list[str]:
        return _record_heads(self.lang)

    def record(self, rows: list[TrackRow]) -> list[list[str]]:
        return _record_rows(rows, self.lang)


def render_html(track: Track, lang: str) -> str:
    """One page: a section per unit, then the record over every unit."""
    title = f"{t('track', lang)} · {t('par_index', lang)}"
    return html_writer.render(TEMPLATE, lang, track=track, tr=TrackWords(lang), title=title)
