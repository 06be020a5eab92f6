from __future__ import annotations

import yaml

from scorer.cli import main
from tests.conftest import RULES


def test_diff_of_the_shipped_sets_names_the_raised_targets(runner):
    result = runner.invoke(
        main,
        ["criteria", "diff", str(RULES / "criteria_2023.yaml"), str(RULES / "criteria_2024.yaml"), "--format", "json"],
    )
    assert result.exit_code == 0, result.output
    import json

    changes = {(c["criterion"], c["change"]) for c in json.loads(result.output)["changes"]}
    assert changes == {("1.3.1", "rule"), ("3.4", "rule"), ("7.3.3", "rule"), ("1.6", "proofs")}


def test_diff_reports_added_removed_and_moved_maxima(runner, tmp_path):
    data = yaml.safe_load((RULES / "criteria_2024.yaml").read_text(encoding="utf-8"))
    area = data["areas"][0]
    removed = area["criteria"].pop()  # 1.8, 2 points, leaders' survey
    node = area["criteria"][0]  # 1.1, a node since 2024
    node["criteria"][0]["max"] = 1.5  # 1.1.1: 0.5 -> 1.5
    node["max"] = 3.5
    added = dict(node["criteria"][0], id="1.9", max=1, owner="information")
    area["criteria"].append(added)
    area["max"] = 11.5
    data["components"]["appraisal"]["max"] = 72.5
    data["components"]["leaders_survey"]["max"] = 17.5
    path = tmp_path / "criteria_2024.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = runner.invoke(main, ["criteria", "diff", str(RULES / "criteria_2024.yaml"), str(path)])
    assert result.exit_code == 0, result.output
    assert removed["id"] == "1.8"
    lines = [line.split() for line in result.output.splitlines()]
    assert any(line[:1] == ["1.1.1"] and "max" in line and "1.00" in line for line in lines), result.output
    assert any(line[:1] == ["1.8"] and "removed" in line for line in lines)
    assert any(line[:1] == ["1.9"] and "added" in line for line in lines)
    assert result.output.rstrip().endswith("Maximum points moved: 0.00")


def test_diff_in_vietnamese_says_the_rules_and_changes_in_vietnamese(runner):
    args = ["criteria", "diff", str(RULES / "criteria_2023.yaml"), str(RULES / "criteria_2024.yaml")]
    vi = runner.invoke(main, args + ["--lang", "vi"])
    en = runner.invoke(main, args)
    assert vi.exit_code == 0 and en.exit_code == 0, vi.output + en.output
    words = " ".join(vi.output.split())
    assert "1,5 điểm khi tỷ lệ số hóa hồ sơ, kết quả" in words and "digitisation" not in words
    assert "cách chấm" in vi.output
    assert "linear" not in vi.output and "rule" not in vi.output.split()
    assert "linear: 1.5 x min(1, Dossiers digitised" in en.output and "digitisation" not in en.output


def test_diff_json_carries_rules_as_data_not_sentences(runner):
    args = ["criteria", "diff", str(RULES / "criteria_2023.yaml"), str(RULES / "criteria_2024.yaml")]
    import json

    result = runner.invoke(main, args + ["--format", "json"])
    change = next(c for c in json.loads(result.output)["changes"] if c["criterion"] == "3.4")
    assert change["old"]["kind"] == "linear" and change["new"]["target"] == 0.7
    assert change["old_max"] == change["new_max"] == 1.5
