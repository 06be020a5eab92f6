"""The path to a target (`scorer target`) as a table or JSON (`scorer.target/1`)."""

from __future__ import annotations

from scorer.render.fit import tabulate

from scorer.messages import date, num, pick, t
from scorer.models.target import TargetPlan, UnitTarget
from scorer.render.json_ import dumps


def render(plan: TargetPlan, fmt: str, lang: str) -> str:
    if fmt == "json":
        return dumps(plan)
    return "\n\n".join(render_unit(u, lang) for u in plan.units) + "\n"


def summary(u: UnitTarget, lang: str) -> str:
    figures = {
        "target": num(u.target, lang),
        "expected": num(u.expected, lang),
        "best": num(u.best, lang),
        "klass": u.best_class or "–",
        "count": len(u.actions),
    }
    if u.reachable and not u.actions:
        return t("target_reached_if" if u.rests_on_work_to_come() else "target_reached", lang).format(**figures)
    if not u.actions:
        return t("target_unreachable_none", lang).format(**figures)
    return t("target_reachable" if u.reachable else "target_unreachable", lang).format(**figures)


def render_unit(u: UnitTarget, lang: str) -> str:
    head = (
        f"{t('target_head', lang).format(target=num(u.target, lang))}: {u.unit_name} ({u.unit}) · "
        f"{t('year', lang)} {u.year} · {t('as_of', lang)} {date(u.as_of, lang)} · {t('measure.' + u.measure, lang)}"
    )
    parts = [head, summary(u, lang)]
    if u.rests_on_work_to_come() and u.low is not None:
        parts.append(t("target_low", lang).format(low=num(u.low, lang), klass=u.low_class or "–"))
    if u.actions:
        heads = ["#"] + [t(k, lang) for k in ("criterion", "title", "gain", "cumulative", "deadline", "owner")]
        rows = [
            [
                str(i),
                a.criterion,
                pick(a, "title", lang),
                num(a.gain, lang),
                num(a.cumulative, lang),
                date(a.deadline, lang),
                a.owner_division,
            ]
            for i, a in enumerate(u.actions, start=1)
        ]
        parts.append(
            tabulate(
                rows,
                headers=heads,
                disable_numparse=True,
                maxcolwidths=[None, None, 44, None, None, None, 26],
                colalign=("right", "left", "left", "right", "right", "left", "left"),
            )
        )
    if u.reachable:
        parts.append(t("target_best", lang).format(best=num(u.best, lang), klass=u.best_class or "–"))
    if extra := u.surveys():
        upside, with_surveys, is_high = extra
        key = "target_surveys_high" if is_high else "target_surveys"
        parts.append(t(key, lang).format(upside=num(upside, lang), with_surveys=num(with_surveys, lang)))
    if u.lost:
        rows = [[x.criterion, pick(x, "title", lang), num(x.lost, lang)] for x in u.lost]
        heads = [t(k, lang) for k in ("criterion", "title", "lost")]
        table = tabulate(rows, headers=heads, disable_numparse=True, maxcolwidths=[None, 44, None])
        parts.append(f"{t('lost_for_good', lang)} ({len(u.lost)})\n{table}")
    else:
        parts.append(t("no_lost", lang))
    return "\n\n".join(parts)
