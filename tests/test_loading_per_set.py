"""What loading works out once per criteria set (its owner roles, the names evidence may use) is
the set's own, whichever set came before: a run, a test or a service checking against two sets."""

from __future__ import annotations

from scorer.loading import owner_roles
from scorer.loading.criteria import once_per_set
from scorer.models.criteria import CriteriaSet


def roles_of(cs: CriteriaSet) -> list[str]:
    """The roles worked out afresh, as owner_roles did for every unit."""
    roles: dict[str, None] = {}
    for criterion in cs.criteria():
        roles.update(dict.fromkeys([*criterion.owners, *criterion.cooperating, *criterion.implementing]))
    return list(roles)


def test_each_set_gets_its_own_roles(cs2023: CriteriaSet, cs2024: CriteriaSet) -> None:
    for cs in (cs2024, cs2023, cs2023, cs2024, cs2023):
        assert owner_roles(cs) == roles_of(cs)


def test_a_result_is_worked_out_once_per_set_and_again_for_another(cs2023: CriteriaSet, cs2024: CriteriaSet) -> None:
    calls: list[int] = []

    @once_per_set
    def year(cs: CriteriaSet) -> int:
        calls.append(cs.year)
        return cs.year

    assert [year(cs2024), year(cs2024), year(cs2023), year(cs2023), year(cs2024)] == [2024, 2024, 2023, 2023, 2024]
    assert calls == [2024, 2023, 2024]
