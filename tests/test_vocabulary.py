"""Evidence that survives a change of set (issue 17, part 4): the names a unit records under are the
product's vocabulary (scorer/vocabulary.yaml), inherited by every set; a criterion id of the model
is read through the set's `same_as`, and one no row of the set is gets a warning, once, naming its
records and the rows like it; unit.yaml's roles the set does not use are ignored with a note. The
shipped unit, moved as it is to a province set finished by hand (the worked example's), validates
and is scored."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from scorer.cli import main
from scorer.loading import load_criteria
from scorer.loading.vocabulary import product_vocabulary
from tests.conftest import EVIDENCE, OFFICE, ROOT, RULES

EXAMPLE = ROOT / "examples" / "tinh-mau" / "criteria_2025.yaml"
MODELS = [RULES / "criteria_2023.yaml", RULES / "criteria_2024.yaml"]


def test_the_model_sets_use_only_the_products_names():
    """The vocabulary holds the model sets' names: they declare none of their own, and each proof,
    owner role and row of theirs is in it (their metrics' indicator names and document kinds are
    checked when they load)."""
    vocabulary = product_vocabulary()
    for path in MODELS:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert not {"indicators", "document_kinds", "roles"} & set(raw), path.name
        cs = load_criteria(path)
        for row in cs.criteria():
            assert row.id in vocabulary.criteria, (path.name, row.id)
            assert {p.id for p in row.proofs} <= set(vocabulary.proofs), (path.name, row.id)
            assert {*row.owners, *row.cooperating, *row.implementing} <= set(vocabulary.roles), (path.name, row.id)
    latest = load_criteria(MODELS[-1])
    assert all(vocabulary.criteria[row.id].title == row.title for row in latest.criteria())
    assert latest.indicators == vocabulary.indicators and latest.document_kinds == vocabulary.document_kinds
    assert latest.roles == vocabulary.roles


def _moved(tmp_path: Path, same_as: bool = True) -> tuple[Path, Path]:
    """The shipped unit copied as it is under a new evidence root, and the worked example's set
    made the province's 2024 set (its calendar a year earlier)."""
    evidence = tmp_path / "evidence"
    shutil.copytree(EVIDENCE / OFFICE, evidence / OFFICE)
    text = EXAMPLE.read_text(encoding="utf-8").replace("2025", "2024")
    if not same_as:
        text = "\n".join(line for line in text.splitlines() if "same_as:" not in line) + "\n"
    criteria = tmp_path / "criteria_2024.yaml"
    criteria.write_text(text, encoding="utf-8")
    return evidence, criteria


def _validate(runner, evidence: Path, criteria: Path, lang: str = "en"):
    args = ["validate", "--evidence", str(evidence), "--criteria", str(criteria)]
    return runner.invoke(main, args, env={"SCORER_LANG": lang})


def _warnings(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith(("Warning:", "Cảnh báo:"))]


def test_the_shipped_unit_moved_to_a_province_set_validates_with_warnings_not_errors(runner, tmp_path):
    evidence, criteria = _moved(tmp_path)
    before = sorted(p.stat().st_mtime_ns for p in (EVIDENCE / OFFICE).rglob("*"))
    result = _validate(runner, evidence, criteria)
    assert result.exit_code == 0, result.output
    assert "Error" not in result.stderr
    warnings = _warnings(result)
    unit = evidence / OFFICE / "unit.yaml"
    set_title = "PAR Index of the departments of Tỉnh Mẫu, 2024 (worked example)"
    # The roles the province's set does not use, each ignored with a note (information is the
    # product's role, not a misspelling of organisation).
    for role in ("information", "all_divisions", "public_service_units"):
        assert f"Warning: {unit}: divisions.{role}: '{role}' is not an owner role of {set_title}: ignored" in warnings
    # 1.6 has no row in the province's set: one warning naming the record and what to write.
    activities = evidence / OFFICE / "2024" / "activities.yaml"
    assert (
        f"Warning: {activities}:56: criteria: '1.6' is the model's row \"The head holds a dialogue with staff, "
        f'citizens and businesses", which no row of {set_title} is (by its id or its same_as): the records naming '
        "it (1) count for no row under this set (if a row of this set is that row, add same_as: ['1.6'] to it)"
    ) in warnings
    # 8.1 (the citizens' survey) is the set's 2.2 (same_as): read, not warned about.
    assert not any("'8.1'" in w for w in warnings)
    # Last year's results were published under the model's eight areas: not compared.
    assert any("2023/official.yaml: areas: the published 2023 results are not on the frame of" in w for w in warnings)
    # The province's set asks for the reports five days earlier than the days typed: its days count.
    reports = evidence / OFFICE / "2024" / "reports.csv"
    assert (
        f"Warning: {reports}:2: due: 'bc-cchc-q1-2024' is due 10/03/2024 by the criteria set, not 15/03/2024: "
        "the set's day counts (if the province set another day, it goes in the criteria set's calendar)"
    ) in warnings
    assert len(warnings) == 3 + 1 + 9 + 1 + 3  # roles, 1.6, last year's leaders' survey rows, official, due days
    assert sorted(p.stat().st_mtime_ns for p in (EVIDENCE / OFFICE).rglob("*")) == before


def test_the_moved_units_warnings_in_vietnamese(runner, tmp_path):
    evidence, criteria = _moved(tmp_path)
    result = _validate(runner, evidence, criteria, "vi")
    assert result.exit_code == 0, result.output
    set_title = "Bộ tiêu chí xác định Chỉ số cải cách hành chính các sở, ban, ngành năm 2024"
    text = result.stderr
    assert f"divisions.information: 'information' không phải vai trò chủ trì của {set_title}: bỏ qua" in text
    assert (
        "criteria: '1.6' là tiêu chí \"Người đứng đầu đối thoại với cán bộ, công chức, viên chức, người dân, "
        f'doanh nghiệp" của bộ mẫu, không ứng với tiêu chí nào của {set_title} (theo mã hoặc same_as): 1 tài liệu '
        "kiểm chứng nêu tiêu chí này không được tính cho tiêu chí nào của bộ này (nếu một tiêu chí của bộ này chính "
        "là tiêu chí đó, thêm same_as: ['1.6'] vào tiêu chí ấy)"
    ) in text
    assert (
        "kết quả công bố năm 2023 không theo khung của" in text
        and "(lĩnh vực 1, 2, 3, 4, 5, 6, 7, 8, tổng 88,09" in text
    )


def test_without_same_as_a_survey_row_is_warned_once_for_both_years_with_the_row_like_it(runner, tmp_path):
    evidence, criteria = _moved(tmp_path, same_as=False)
    result = _validate(runner, evidence, criteria)
    assert result.exit_code == 0, result.output
    found = [w for w in _warnings(result) if "'8.1'" in w]
    assert len(found) == 1
    assert f"{evidence / OFFICE / '2024' / 'surveys.yaml'}:3: criterion: '8.1' is the model's row" in found[0]
    assert "the records naming it (2) count for no row under this set; also at " in found[0]
    assert f"{evidence / OFFICE / '2023' / 'surveys.yaml'}:14" in found[0]
    assert found[0].endswith("(if a row of this set is that row, add same_as: ['8.1'] to it; rows like it: 2.2)")


def _explained(runner, evidence: Path, criteria: Path, cid: str) -> dict:
    args = ["explain", cid, "--evidence", str(evidence), "--criteria", str(criteria), "--as-of", "2024-12-14"]
    result = runner.invoke(main, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)[0]["criterion"]


def test_the_moved_units_survey_is_read_through_same_as(runner, tmp_path):
    """The Office's own 2024 survey of its one-stop desk (share 0.95, written for the model's 8.1)
    scores the province's 2.2 once 2.2 says it is the model's 8.1; without it, the prior."""
    evidence, criteria = _moved(tmp_path)
    mapped = _explained(runner, evidence, criteria, "2.2")
    assert mapped["survey_basis"] == "internal"
    evidence2, criteria2 = _moved(tmp_path / "plain", same_as=False)
    unmapped = _explained(runner, evidence2, criteria2, "2.2")
    assert unmapped["survey_basis"] == "prior"
    assert mapped["expected"] > unmapped["expected"]


def test_the_moved_unit_is_predicted_with_no_last_year_column_from_another_set(runner, tmp_path):
    evidence, criteria = _moved(tmp_path)
    args = ["predict", "--evidence", str(evidence), "--criteria", str(criteria), "--as-of", "2024-12-14"]
    result = runner.invoke(main, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    unit = json.loads(result.output)["units"][0]
    assert unit["total"]["max"] == 16
    assert unit["total"]["last_year"] is None
    assert all(area["last_year"] is None for area in unit["areas"])


def _set_with(tmp_path: Path, extra: str) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "criteria_2025.yaml"
    path.write_text(text.replace("\nindicators:\n", "\nindicators:\n" + extra), encoding="utf-8")
    return path


def test_a_set_may_not_make_a_product_indicator_another_kind(runner, tmp_path):
    path = _set_with(
        tmp_path, '  staff_over_quota: {kind: rate, title: "Tỷ lệ vượt biên chế", title_en: "Over quota"}\n'
    )
    line = path.read_text(encoding="utf-8").splitlines().index("indicators:") + 2
    result = runner.invoke(
        main, ["validate", "--criteria", str(path), "--evidence", str(tmp_path)], env={"SCORER_LANG": "en"}
    )
    assert result.exit_code == 1
    assert (
        f"{path}:{line}: indicators.staff_over_quota.kind: indicator 'staff_over_quota' is a count in the product's "
        "vocabulary: a set may add indicators, not change what one is (give the set's indicator a name of its own "
        "and read that name in the set's metrics)"
    ) in result.stderr
    vi = runner.invoke(
        main, ["validate", "--criteria", str(path), "--evidence", str(tmp_path)], env={"SCORER_LANG": "vi"}
    )
    assert (
        "chỉ số 'staff_over_quota' là số đếm trong danh mục dùng chung của phần mềm: bộ tiêu chí được thêm chỉ số "
        "mới, không được đổi loại của chỉ số đã có (đặt cho chỉ số của bộ tiêu chí một tên riêng và dùng tên đó "
        "trong các số liệu (metrics) của bộ)"
    ) in vi.stderr


def test_a_sets_metric_reads_a_product_indicator_it_does_not_declare(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "  dossiers_on_time: {kind: latest, type: indicator, where: {name: dossiers_on_time_rate}, field: value}",
        "  dossiers_on_time: {kind: latest, type: indicator, where: {name: online_payment_rate}, field: value}",
    )
    path = tmp_path / "criteria_2025.yaml"
    path.write_text(text, encoding="utf-8")
    cs = load_criteria(path)
    assert cs.indicators["online_payment_rate"].kind.value == "rate"
    # The set's own declaration of a product name keeps its own words.
    assert cs.indicators["dossiers_on_time_rate"].title == "Tỷ lệ hồ sơ giải quyết đúng hạn"


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    target = tmp_path / "evidence"
    shutil.copytree(EXAMPLE.parent / "evidence", target)
    return target


def test_a_misspelt_name_is_one_error_naming_every_record(runner, example_copy):
    path = example_copy / "so-mau" / "2025" / "extra.yaml"
    records = [
        {
            "id": f"x{i}",
            "type": "indicator",
            "name": "dossier_on_time_rate",
            "value": 0.9,
            "date": "2025-0{}-01".format(i),
        }
        for i in range(1, 6)
    ]
    path.write_text(yaml.safe_dump(records), encoding="utf-8")
    result = _validate(runner, example_copy, EXAMPLE)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert errors == [
        f"Error: {path}:1: name: indicator 'dossier_on_time_rate' is not declared by PAR Index of the departments of "
        f"Tỉnh Mẫu, 2025 (worked example); also at {path}:6, {path}:11, {path}:16 and 1 more "
        "(did you mean 'dossiers_on_time_rate'?)"
    ]
    vi = _validate(runner, example_copy, EXAMPLE, "vi")
    assert (
        f"; cũng gặp tại {path}:6, {path}:11, {path}:16 và 1 chỗ khác (có phải là 'dossiers_on_time_rate'?)"
        in vi.stderr
    )


def test_an_id_of_no_set_is_still_an_error(runner, example_copy):
    path = example_copy / "so-mau" / "2025" / "extra.yaml"
    path.write_text(
        "- {id: x1, type: document, kind: par_budget, date: 2025-02-01, criteria: ['1.1.22']}\n", encoding="utf-8"
    )
    result = _validate(runner, example_copy, EXAMPLE)
    assert result.exit_code == 1
    assert (
        f"Error: {path}:1: criteria: '1.1.22' is not a criterion of PAR Index of the departments of Tỉnh Mẫu, 2025 "
        "(worked example) (did you mean '1.1.2'?)"
    ) in result.stderr


def test_a_misspelt_product_role_is_refused(runner, example_copy):
    unit = example_copy / "so-mau" / "unit.yaml"
    unit.write_text(
        unit.read_text(encoding="utf-8").replace("divisions:\n", "divisions:\n  informaton: Tổ CNTT\n"), "utf-8"
    )
    result = _validate(runner, example_copy, EXAMPLE)
    assert result.exit_code == 1
    assert "divisions.informaton: 'informaton' is not an owner role of" in result.stderr
    assert "(did you mean 'information'?)" in result.stderr
