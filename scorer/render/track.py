"""The track record (`scorer backtest --track`) as a table, JSON (`scorer.track/1`) or one HTML
page whose chart shows the band low-high over the year, expected as a line and the final dashed."""

from __future__ import annotations

from html import escape

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


# -- HTML ----------------------------------------------------------------------------------


def chart(u: UnitTrack, lang: str) -> str:
    """Days of the year across, points up: the band low-high, expected as a line with a mark per
    as-of date, the final as a dashed line (the published result dotted, where known)."""
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

    shapes = []
    for tick in range(int(floor), int(ceiling) + 1, 10):
        shapes.append(f'<line x1="{left}" x2="{right}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" stroke="#e3e9f0"/>')
        shapes.append(f'<text x="{left - 6}" y="{y(tick) + 4:.1f}" text-anchor="end">{tick}</text>')
    for month in range(1, 13):
        day = start.replace(month=month)
        if (day - start).days <= span:
            shapes.append(f'<text x="{x(day):.1f}" y="{bottom + 18}" text-anchor="start">{month:02d}</text>')
    upper = " ".join(f"{x(p.as_of):.1f},{y(p.high):.1f}" for p in u.points)
    lower = " ".join(f"{x(p.as_of):.1f},{y(p.low):.1f}" for p in reversed(u.points))
    shapes.append(f'<polygon id="band" points="{upper} {lower}" fill="#8fb3d9" opacity="0.45"/>')
    likely = [p for p in u.points if p.likely_low is not None and p.likely_high is not None]
    if likely:
        rim = " ".join(f"{x(p.as_of):.1f},{y(p.likely_high or 0):.1f}" for p in likely)
        floor_ = " ".join(f"{x(p.as_of):.1f},{y(p.likely_low or 0):.1f}" for p in reversed(likely))
        shapes.append(f'<polygon id="likely" points="{rim} {floor_}" fill="#4a7fb5" opacity="0.45"/>')
    line = " ".join(f"{x(p.as_of):.1f},{y(p.expected):.1f}" for p in u.points)
    shapes.append(f'<polyline id="expected" points="{line}" fill="none" stroke="#0b2f57" stroke-width="2"/>')
    for p in u.points:
        label = f"{date(p.as_of, lang)}: {num(p.low, lang)} – {num(p.expected, lang)} – {num(p.high, lang)}"
        shapes.append(
            f'<circle cx="{x(p.as_of):.1f}" cy="{y(p.expected):.1f}" r="3" fill="#0b2f57"><title>{escape(label)}</title></circle>'
        )
    shapes.append(
        f'<line id="final" x1="{left}" x2="{right}" y1="{y(u.final):.1f}" y2="{y(u.final):.1f}" '
        f'stroke="#c0392b" stroke-width="2" stroke-dasharray="6,4"/>'
    )
    if u.published is not None:
        shapes.append(
            f'<line x1="{left}" x2="{right}" y1="{y(u.published):.1f}" y2="{y(u.published):.1f}" '
            f'stroke="#222" stroke-dasharray="1,3"/>'
        )
    legend = (
        f'<p class="legend"><span style="color:#8fb3d9">■</span> {escape(t("low", lang))}–{escape(t("high", lang))} · '
        + (f'<span style="color:#4a7fb5">■</span> {escape(t("track.likely", lang))} · ' if likely else "")
        + f'<span style="color:#0b2f57">—</span> {escape(t("expected", lang))} · '
        f'<span style="color:#c0392b">- -</span> {escape(t("final_score", lang))} {escape(num(u.final, lang))}'
        + (f" · ··· {escape(t('official', lang))} {escape(num(u.published, lang))}" if u.published is not None else "")
        + "</p>"
    )
    aria = f"{t('track', lang)}: {u.unit_name} {u.year}"
    return (
        f'<svg role="img" aria-label="{escape(aria)}" width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
        + "".join(shapes)
        + "</svg>\n"
        + legend
    )


def _table(heads: list[str], rows: list[str], table_id: str) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in heads)
    return f'<table id="{table_id}"><thead><tr>{head}</tr></thead><tbody>\n' + "\n".join(rows) + "\n</tbody></table>"


def render_html(track: Track, lang: str) -> str:
    sections = []
    for u in track.units:
        keys = ("as_of", "calendar", "low", "expected", "high", "error", "within", "track.likely", "track.at_risk")
        heads = [t(k, lang) for k in (*keys, "track.held")]
        rows = [
            f'<tr><td class="d">{escape(date(p.as_of, lang))}</td><td>{escape(", ".join(obligation_words(d, lang) for d in p.deadlines))}</td>'
            f'<td class="n">{num(p.low, lang)}</td><td class="n">{num(p.expected, lang)}</td>'
            f'<td class="n">{num(p.high, lang)}</td><td class="n">{escape(_signed(p.error, lang))}</td>'
            f'<td>{escape(t("yes" if p.within else "no", lang))}</td><td class="n">{escape(_likely(p, lang))}</td>'
            f'<td class="n">{len(p.at_risk)}</td><td class="n">{escape(_held(p, u))}</td></tr>'
            for p in u.points
        ]
        head, line = _headline(u, lang)
        summary = "".join(f"<li>{escape(s)}</li>" for s in _summary_lines(u, lang))
        comparison = ""
        if u.baseline is not None:
            body = [
                "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in _comparison_rows(u, lang)
            ]
            comparison = _table(_comparison_heads(lang), body, table_id="comparison")
        sections.append(
            f'<section class="unit" id="track-{escape(u.unit)}"><h1>{escape(head)}</h1>'
            f'<p class="meta" id="final-score" data-value="{u.final:.2f}">{escape(line)}</p>'
            f"{chart(u, lang)}<ul>{summary}</ul>{comparison}"
            f"{_table(heads, rows, table_id='points')}</section>"
        )
    if track.record:
        body = [
            "<tr>" + "".join(f'<td class="n">{escape(c)}</td>' for c in row) + "</tr>"
            for row in _record_rows(track.record, lang)
        ]
        head = escape(t("track.record", lang).format(n=len(track.units)))
        sections.append(
            f'<section id="record"><h2>{head}</h2>{_table(_record_heads(lang), body, table_id="record-table")}</section>'
        )
    title = f"{t('track', lang)} · PAR Index"
    return html_writer.page(title, "\n".join(sections), lang)
