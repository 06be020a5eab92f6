"""The one message catalogue: every label the reports print, in English and Vietnamese, and the
number and date formats of each language (`88.09` / `88,09`, `2024-09-30` / `30/09/2024`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Collection, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scorer.models.prediction import EvidenceUse
    from scorer.models.rules import Rule
    from scorer.scoring.kinds import Words

LANGS = ("en", "vi")

CATALOGUE: dict[str, dict[str, str]] = {
    "unit": {"en": "Unit", "vi": "Đơn vị"},
    "year": {"en": "Year", "vi": "Năm"},
    "as_of": {"en": "As of", "vi": "Tính đến ngày"},
    "criteria_set": {"en": "Criteria set", "vi": "Bộ tiêu chí"},
    "final": {"en": "final (past the data cut-off)", "vi": "đã chốt số liệu"},
    "what_if": {"en": "WHAT-IF: includes hypothetical evidence", "vi": "GIẢ ĐỊNH: có tài liệu giả định"},
    "area": {"en": "Area", "vi": "Lĩnh vực"},
    "criterion": {"en": "Criterion", "vi": "Tiêu chí"},
    "title": {"en": "Title", "vi": "Nội dung"},
    "max": {"en": "Max", "vi": "Tối đa"},
    "low": {"en": "Low", "vi": "Thấp"},
    "expected": {"en": "Expected", "vi": "Dự kiến"},
    "high": {"en": "High", "vi": "Cao"},
    "last_year": {"en": "Last year", "vi": "Năm trước"},
    "total": {"en": "Total", "vi": "Tổng cộng"},
    "components": {"en": "Components", "vi": "Thành phần điểm"},
    "class": {"en": "Class", "vi": "Xếp loại"},
    "class_line": {
        "en": "Class: {low} (low) / {expected} (expected) / {high} (high)",
        "vi": "Xếp loại: {low} (thấp) / {expected} (dự kiến) / {high} (cao)",
    },
    "likely": {"en": "Likely range", "vi": "Khoảng nhiều khả năng"},
    "gap.obligations": {"en": "{on_time} of {total} on time", "vi": "{on_time}/{total} đúng hạn"},
    "gap.pending": {"en": "{n} not yet due", "vi": "{n} chưa đến hạn"},
    "gap.none": {"en": "nothing recorded yet", "vi": "chưa có số liệu"},
    "gap.now": {"en": "{value} now", "vi": "hiện đạt {value}"},
    "gap.needed": {"en": "needed:", "vi": "cần"},
    "gap.band": {"en": "{value} for {points} points", "vi": "{value} để đạt {points} điểm"},
    "gap.full": {"en": "{value} for full points", "vi": "{value} để đạt điểm tối đa"},
    "secured": {"en": "Secured by evidence", "vi": "Điểm đã có minh chứng"},
    "no_evidence_count": {"en": "{n} criteria with no evidence yet", "vi": "{n} tiêu chí chưa có minh chứng"},
    "likely_line": {"en": "Likely {low}–{high} points", "vi": "Nhiều khả năng đạt {low}–{high} điểm"},
    "known_line": {
        "en": "evidence secures {secured} of {max} points; {forecast} points are forecast; {none} criteria have no evidence yet",
        "vi": "minh chứng đã có cho {secured}/{max} điểm; {forecast} điểm là dự báo; {none} tiêu chí chưa có minh chứng",
    },
    "risks": {"en": "At-risk criteria", "vi": "Tiêu chí có nguy cơ mất điểm"},
    "no_risks": {"en": "No criterion at risk.", "vi": "Không có tiêu chí nào có nguy cơ mất điểm."},
    "at_stake": {"en": "At stake", "vi": "Có thể mất"},
    "worst_case": {"en": "Worst case", "vi": "Mất tối đa"},
    "reason": {"en": "Reason", "vi": "Lý do"},
    "owner": {"en": "Owner", "vi": "Đơn vị chủ trì"},
    "cooperating": {"en": "Cooperating", "vi": "Đơn vị phối hợp"},
    "deadline": {"en": "Deadline", "vi": "Thời hạn"},
    "remedy": {"en": "Remedy", "vi": "Nhiệm vụ, giải pháp"},
    "rank": {"en": "Rank", "vi": "Xếp hạng"},
    "ranking": {"en": "Ranking", "vi": "Xếp hạng các đơn vị"},
    "rule": {"en": "Rule", "vi": "Cách tính điểm"},
    "metrics": {"en": "Metrics", "vi": "Số liệu"},
    "metric": {"en": "Metric", "vi": "Số liệu"},
    "how": {"en": "How", "vi": "Cách tính"},
    "evidence": {"en": "Evidence used", "vi": "Tài liệu kiểm chứng"},
    "no_evidence": {"en": "No evidence record.", "vi": "Chưa có tài liệu kiểm chứng."},
    "points": {"en": "Points", "vi": "Điểm"},
    "why_not_full": {"en": "Why not full points", "vi": "Lý do chưa đạt điểm tối đa"},
    "full_points": {"en": "Full points in every scenario.", "vi": "Đạt điểm tối đa ở mọi kịch bản."},
    "status": {"en": "Status", "vi": "Tình trạng"},
    "survey_basis": {"en": "Survey estimate from", "vi": "Ước tính khảo sát từ"},
    "survey_basis.official": {"en": "the official survey result", "vi": "kết quả khảo sát chính thức"},
    "survey_basis.internal": {"en": "the unit's own survey", "vi": "khảo sát do đơn vị tự thực hiện"},
    "survey_basis.last_year": {"en": "last year's official result", "vi": "kết quả chính thức năm trước"},
    "survey_basis.prior": {
        "en": "the criteria set's starting assumption (no survey yet)",
        "vi": "giả định ban đầu của bộ tiêu chí (chưa có kết quả khảo sát)",
    },
    "survey_metric": {"en": "Satisfaction share (survey)", "vi": "Tỷ lệ hài lòng (khảo sát)"},
    "file": {"en": "File", "vi": "Tệp"},
    "record_id": {"en": "id", "vi": "Mã"},
    "date": {"en": "Date", "vi": "Ngày"},
    "document_no": {"en": "Document no.", "vi": "Số văn bản"},
    "unsupported_mark": {"en": "unsupported", "vi": "chưa đủ căn cứ"},
    "unsupported.no_number": {
        "en": "unsupported: no document number",
        "vi": "chưa đủ căn cứ: chưa có số, ký hiệu văn bản",
    },
    "unsupported.attachment_missing": {
        "en": "unsupported: the attached file is not there",
        "vi": "chưa đủ căn cứ: không tìm thấy tệp đính kèm",
    },
    "unsupported.to_review": {
        "en": "unsupported: drafted from the register, not reviewed yet",
        "vi": "chưa đủ căn cứ: lập từ sổ văn bản đi, chưa rà soát",
    },
    "use_note": {"en": "Note", "vi": "Ghi chú"},
    "hypothetical_mark": {"en": "hypothetical", "vi": "giả định"},
    "change": {"en": "Change with the what-if evidence", "vi": "Thay đổi khi có tài liệu giả định"},
    "without": {"en": "Without", "vi": "Không có"},
    "with": {"en": "With", "vi": "Có"},
    "backtest": {"en": "Backtest against the published results", "vi": "Đối chiếu với kết quả công bố"},
    "scored": {"en": "Scored", "vi": "Chấm lại"},
    "official": {"en": "Published", "vi": "Công bố"},
    "difference": {"en": "Difference", "vi": "Chênh lệch"},
    "lost": {"en": "Lost", "vi": "Bị trừ"},
    "itemised": {"en": "Itemised", "vi": "Nêu rõ"},
    "unitemised": {"en": "Not itemised", "vi": "Không nêu rõ"},
    "gaps": {"en": "Gaps the itemised deductions do not explain", "vi": "Phần điểm trừ không được nêu rõ"},
    "no_gaps": {"en": "Every lost point is itemised.", "vi": "Mọi điểm trừ đều được nêu rõ."},
    "deductions_check": {"en": "Itemised deductions", "vi": "Các nội dung bị trừ điểm"},
    "matches": {"en": "matches", "vi": "khớp"},
    "mismatch": {"en": "MISMATCH", "vi": "KHÔNG KHỚP"},
    "maxima_moved": {"en": "Maximum points moved", "vi": "Điểm tối đa thay đổi"},
    "reproduced": {"en": "reproduced", "vi": "khớp kết quả công bố"},
    "not_reproduced": {"en": "NOT reproduced", "vi": "KHÔNG khớp kết quả công bố"},
    "versus": {"en": "vs", "vi": "so với"},
    "change_kind": {"en": "Change", "vi": "Thay đổi"},
    "old": {"en": "Old", "vi": "Cũ"},
    "new": {"en": "New", "vi": "Mới"},
    "no_changes": {"en": "no changes", "vi": "không có thay đổi"},
    "criteria_check": {
        "en": "Sub-criteria: self-score, appraised, scored",
        "vi": "Tiêu chí: tự đánh giá, thẩm định, chấm lại",
    },
    "self_score": {"en": "Self-score", "vi": "Tự đánh giá"},
    "appraised": {"en": "Appraised", "vi": "Thẩm định"},
    "differences": {"en": "Differences", "vi": "Chênh lệch"},
    "no_appraised": {
        "en": "No appraised points per sub-criterion in official.yaml.",
        "vi": "official.yaml chưa có điểm thẩm định từng tiêu chí.",
    },
    "diff.appraisal_cut": {"en": "appraisal below the self-score by {n}", "vi": "thẩm định thấp hơn tự đánh giá {n}"},
    "diff.appraisal_raised": {"en": "appraisal above the self-score by {n}", "vi": "thẩm định cao hơn tự đánh giá {n}"},
    "diff.rules_below": {"en": "rules below the appraisal by {n}", "vi": "chấm lại thấp hơn thẩm định {n}"},
    "diff.rules_above": {"en": "rules above the appraisal by {n}", "vi": "chấm lại cao hơn thẩm định {n}"},
    "diff.unsupported": {
        "en": "unsupported evidence: the rules count {n} the self-score cannot",
        "vi": "tài liệu chưa đủ căn cứ: chấm lại tính {n} mà tự đánh giá không tính",
    },
    "diff.agree": {"en": "all agree", "vi": "thống nhất"},
    "sipas": {
        "en": "Satisfaction index (SIPAS, criterion {criteria})",
        "vi": "Chỉ số hài lòng (SIPAS, tiêu chí {criteria})",
    },
    "sipas.last": {"en": "{year}: {index}rank {rank}", "vi": "năm {year}: {index}xếp thứ {rank}"},
    "sipas.estimate": {
        "en": "{year} estimate {expected}% ({low}–{high}%) → {points} of {max} points",
        "vi": "ước năm {year}: {expected}% ({low}–{high}%) → {points}/{max} điểm",
    },
    "diff.max": {"en": "max {max}", "vi": "tối đa {max}"},
    "change.added": {"en": "added", "vi": "thêm mới"},
    "change.removed": {"en": "removed", "vi": "bỏ"},
    "change.changed": {"en": "changed", "vi": "thay đổi"},
    "change.max": {"en": "max", "vi": "điểm tối đa"},
    "change.source": {"en": "source", "vi": "nguồn điểm"},
    "change.owner": {"en": "owner", "vi": "đơn vị chủ trì"},
    "change.rule": {"en": "rule", "vi": "cách chấm"},
    "change.deadline": {"en": "deadline", "vi": "thời hạn"},
    "change.method_text": {"en": "scoring text", "vi": "cách tính điểm theo quyết định"},
    "change.proofs": {"en": "proofs", "vi": "tài liệu kiểm chứng"},
    "change.groups": {"en": "unit groups", "vi": "nhóm đơn vị"},
    "change.title": {"en": "title", "vi": "tên tiêu chí"},
    # track record (backtest --track)
    "track": {"en": "Track record", "vi": "Độ tin cậy của dự báo qua năm"},
    "par_index": {"en": "PAR Index", "vi": "Chỉ số CCHC"},
    "measure.total": {"en": "Total", "vi": "Tổng điểm"},
    "measure.index": {"en": "Index (%)", "vi": "Chỉ số (%)"},
    "final_score": {"en": "Final", "vi": "Điểm chốt"},
    "error": {"en": "Error", "vi": "Sai số"},
    "within": {"en": "Final within", "vi": "Điểm chốt trong khoảng"},
    "yes": {"en": "yes", "vi": "có"},
    "no": {"en": "no", "vi": "không"},
    "calendar": {"en": "Deadline", "vi": "Mốc thời hạn"},
    "mae": {"en": "Mean absolute error of expected", "vi": "Sai số tuyệt đối trung bình của điểm dự kiến"},
    "quarter": {"en": "Q{n}", "vi": "Quý {n}"},
    "all_year": {"en": "year", "vi": "cả năm"},
    "coverage": {
        "en": "Coverage: the final lay within [low, high] on {hit} of {of} days ({share}%)",
        "vi": "Độ phủ: điểm chốt nằm trong khoảng [thấp, cao] ở {hit}/{of} mốc ({share}%)",
    },
    "known_by": {
        "en": "We would have known by {day}: expected stayed within 1 point of the final from then on",
        "vi": "Có thể biết trước từ ngày {day}: điểm dự kiến không lệch quá 1 điểm so với điểm chốt từ đó",
    },
    "projection_rules": {"en": "Projection rules", "vi": "Quy tắc dự báo"},
    "projection.honest": {
        "en": "no point without evidence (current)",
        "vi": "không có minh chứng không tính điểm (hiện hành)",
    },
    "projection.presumed": {"en": "pending work presumed done", "vi": "coi như hoàn thành việc chưa đến hạn"},
    "published_line": {
        "en": "Final at the cut-off {final} ({klass}) · published {published}",
        "vi": "Điểm chốt {final} ({klass}) · kết quả công bố {published}",
    },
    # target (scorer target)
    "target_head": {"en": "Target {target}", "vi": "Mục tiêu {target}"},
    "gain": {"en": "Gain", "vi": "Điểm tăng thêm"},
    "cumulative": {"en": "Cumulative", "vi": "Lũy kế"},
    "target_reached": {
        "en": "Expected {expected} already reaches the target {target}: no action is needed.",
        "vi": "Điểm dự kiến {expected} đã đạt mục tiêu {target}: không cần thêm nhiệm vụ.",
    },
    "target_reached_if": {
        "en": "Expected {expected} reaches the target {target} only if the work still to come is done as forecast.",
        "vi": "Điểm dự kiến {expected} chỉ đạt mục tiêu {target} nếu các việc còn lại được hoàn thành như dự báo.",
    },
    "target_low": {
        "en": "With nothing more done, the figure would be {low} ({klass}): the expected counts on the work still to come (the criteria at risk).",
        "vi": "Nếu không làm thêm gì, điểm chỉ còn {low} ({klass}): điểm dự kiến đã tính cả các việc còn lại (các tiêu chí có nguy cơ mất điểm).",
    },
    "target_reachable": {
        "en": "Expected {expected}; the target {target} is reached with {count} action(s), the fewest that do it.",
        "vi": "Điểm dự kiến {expected}; đạt mục tiêu {target} với {count} nhiệm vụ, số ít nhất có thể.",
    },
    "target_unreachable": {
        "en": "Expected {expected}; the target {target} cannot be reached: the best reachable is {best} ({klass}), with every action below.",
        "vi": "Điểm dự kiến {expected}; không thể đạt mục tiêu {target}: cao nhất có thể đạt {best} ({klass}), nếu thực hiện mọi nhiệm vụ dưới đây.",
    },
    "target_unreachable_none": {
        "en": "Expected {expected}; the target {target} cannot be reached: no open action is left, so the expected is the best reachable ({klass}).",
        "vi": "Điểm dự kiến {expected}; không thể đạt mục tiêu {target}: không còn nhiệm vụ nào còn hạn, điểm dự kiến là mức cao nhất có thể đạt ({klass}).",
    },
    "target_surveys": {
        "en": "Survey criteria count at their expected share; at their best they would add up to {upside} more ({with_surveys}).",
        "vi": "Các tiêu chí khảo sát được tính ở mức dự kiến; nếu kết quả khảo sát đạt mức cao nhất, được thêm tối đa {upside} điểm ({with_surveys}).",
    },
    "target_surveys_high": {
        "en": "Survey criteria count at their expected share; at their best they would add up to {upside} more ({with_surveys}, the forecast's high).",
        "vi": "Các tiêu chí khảo sát được tính ở mức dự kiến; nếu kết quả khảo sát đạt mức cao nhất, được thêm tối đa {upside} điểm ({with_surveys}, bằng mức Cao của dự báo).",
    },
    "target_best": {
        "en": "Best reachable if every open action is done: {best} ({klass}).",
        "vi": "Cao nhất có thể đạt nếu thực hiện mọi nhiệm vụ còn hạn: {best} ({klass}).",
    },
    "lost_for_good": {"en": "Points lost for good", "vi": "Điểm đã mất, không thể khắc phục"},
    "no_lost": {"en": "No point is lost for good yet.", "vi": "Chưa có điểm nào bị mất hẳn."},
    # reason codes (docs/contract.md 4)
    "reason.missing_evidence": {"en": "missing evidence", "vi": "thiếu tài liệu kiểm chứng"},
    "reason.no_evidence": {"en": "no evidence yet", "vi": "chưa có minh chứng"},
    "reason.not_arising": {"en": "nothing arose", "vi": "không phát sinh"},
    "reason.not_arisen_yet": {
        "en": "nothing has arisen so far: full points if nothing arises all year",
        "vi": "đến nay chưa phát sinh: đạt điểm tối đa nếu cả năm không phát sinh",
    },
    "reason.pending": {"en": "pending", "vi": "chưa đến hạn"},
    "reason_n.pending": {"en": "{n} not yet due", "vi": "{n} nghĩa vụ chưa đến hạn"},
    "reason_n.overdue": {"en": "{n} overdue", "vi": "{n} nghĩa vụ quá hạn"},
    "reason.overdue": {"en": "overdue", "vi": "quá hạn"},
    "reason.below_band": {"en": "below band", "vi": "chưa đạt mức cao nhất"},
    "reason.below_target": {"en": "below target", "vi": "chưa đạt chỉ tiêu"},
    "reason.unsupported": {"en": "unsupported evidence", "vi": "tài liệu chưa đủ căn cứ"},
    "reason.survey_estimate": {"en": "survey estimate", "vi": "ước tính khảo sát"},
    # criterion status
    "status.full": {"en": "full", "vi": "đạt tối đa"},
    "status.not_arising": {"en": "nothing arose (full points)", "vi": "không phát sinh (đạt tối đa)"},
    "status.not_applicable": {"en": "not applicable", "vi": "không áp dụng"},
    "not_applicable": {"en": "Not applicable", "vi": "Không áp dụng"},
    "index": {"en": "Index (% of the applicable max)", "vi": "Chỉ số (% điểm tối đa được đánh giá)"},
    "bonus": {"en": "Bonus", "vi": "Điểm cộng"},
    "index_short": {"en": "Index", "vi": "Chỉ số"},
    "penalty": {"en": "Penalty", "vi": "Điểm trừ"},
    "capped_at": {"en": "capped at {max}", "vi": "tối đa {max}"},
    "method_text": {"en": "The decision's scoring text", "vi": "Cách tính điểm theo quyết định"},
    "proofs": {"en": "Proof documents", "vi": "Tài liệu kiểm chứng"},
    "proof_missing": {"en": "missing", "vi": "còn thiếu"},
    "missing_proofs": {"en": "missing proof", "vi": "thiếu tài liệu kiểm chứng"},
    "reason.missing_proof": {"en": "missing proof", "vi": "thiếu tài liệu kiểm chứng"},
    "provenance.model": {
        "en": "Scored against a model criteria set, not a province's decision: {title}",
        "vi": "Chấm theo bộ tiêu chí mô phỏng, không phải quyết định của tỉnh: {title}",
    },
    "provenance.decision": {
        "en": "Scored against the province's decision {number}{date}{issuer}: {title}",
        "vi": "Chấm theo Quyết định số {number}{date}{issuer}: {title}",
    },
    "provenance.date": {"en": " of {date}", "vi": " ngày {date}"},
    "provenance.issuer": {"en": " ({issuer})", "vi": " của {issuer}"},
    "status.pending": {"en": "pending", "vi": "chưa đến hạn"},
    "status.pending_overdue": {
        "en": "pending, but {n} of its obligations already late, missing or not conforming",
        "vi": "chưa đến hạn, nhưng {n} nghĩa vụ đã trễ hạn, thiếu hoặc không đúng mẫu",
    },
    "status.short": {"en": "short", "vi": "bị trừ điểm"},
    "status.official": {"en": "official survey", "vi": "khảo sát chính thức"},
    "status.estimate": {"en": "survey estimate", "vi": "ước tính khảo sát"},
    # track record (backtest --track): likely, the at-risk list, the record over units
    "track.na": {"en": "n/a", "vi": "chưa có"},
    "track.likely": {"en": "Likely", "vi": "Khoảng nhiều khả năng"},
    "track.at_risk": {"en": "At risk", "vi": "Có nguy cơ"},
    "track.held": {"en": "Held", "vi": "Đã báo trước"},
    "track.below_max": {
        "en": "At risk: criteria on the day's list; held: of the {n} criteria that end below max, those the list already held",
        "vi": "Có nguy cơ: số tiêu chí trong danh sách ngày đó; đã báo trước: trong {n} tiêu chí cuối năm dưới điểm tối đa, số tiêu chí danh sách đã nêu",
    },
    "track.record": {
        "en": "Track record over {n} unit(s), as of each quarter's end (the fourth: the last month end before the cut-off)",
        "vi": "Độ tin cậy của dự báo trên {n} đơn vị, tại cuối mỗi quý (quý IV: cuối tháng trước ngày chốt số liệu)",
    },
    "track.units": {"en": "Units", "vi": "Số đơn vị"},
    "track.mae": {"en": "MAE", "vi": "Sai số TB"},
    "track.bias": {"en": "Bias", "vi": "Độ lệch"},
    "track.likely_covers": {"en": "Likely covers", "vi": "Nhiều khả năng: chứa"},
    "track.likely_width": {"en": "Likely width", "vi": "Nhiều khả năng: rộng"},
    "track.band_covers": {"en": "[low, high] covers", "vi": "[thấp, cao]: chứa"},
    "track.band_width": {"en": "[low, high] width", "vi": "[thấp, cao]: rộng"},
    "track.recall": {"en": "At-risk recall", "vi": "Tỷ lệ báo trước"},
    "track.precision": {"en": "At-risk precision", "vi": "Tỷ lệ báo đúng"},
    # CSV columns and levels
    "csv.unit": {"en": "unit", "vi": "Mã đơn vị"},
    "csv.level": {"en": "level", "vi": "Cấp"},
    "csv.year": {"en": "year", "vi": "Năm"},
    "csv.as_of": {"en": "as_of", "vi": "Tính đến ngày"},
    "csv.what_if": {"en": "what_if", "vi": "Giả định"},
    "csv.type": {"en": "type", "vi": "Loại"},
    "csv.line": {"en": "line", "vi": "Dòng"},
    "csv.supported": {"en": "supported", "vi": "Đủ căn cứ"},
    "csv.hypothetical": {"en": "hypothetical", "vi": "Giả định"},
    "csv.level.total": {"en": "total", "vi": "tổng cộng"},
    "csv.level.index": {"en": "index", "vi": "chỉ số"},
    "csv.level.likely": {"en": "likely", "vi": "khoảng nhiều khả năng"},
    "csv.level.secured": {"en": "secured", "vi": "đã có minh chứng"},
    "csv.level.bonus": {"en": "bonus", "vi": "điểm cộng"},
    "csv.level.penalty": {"en": "penalty", "vi": "điểm trừ"},
    "csv.level.criteria_set": {"en": "criteria_set", "vi": "bộ tiêu chí"},
    "csv.level.component": {"en": "component", "vi": "thành phần"},
    "csv.level.area": {"en": "area", "vi": "lĩnh vực"},
    "csv.level.criterion": {"en": "criterion", "vi": "tiêu chí"},
    # the command line's own words
    "cases.fail": {"en": "FAIL", "vi": "SAI"},
    "cases.mismatch": {
        "en": "{criterion} {scenario}: expected {expected}, got {got}",
        "vi": "{criterion} {scenario}: cần {expected}, nhận được {got}",
    },
    "cases.coverage": {
        "en": "{set}: {tested} of {of} criteria tested",
        "vi": "{set}: đã kiểm tra {tested}/{of} tiêu chí",
    },
    "cases.untested": {"en": "; untested: {ids}", "vi": "; chưa kiểm tra: {ids}"},
    "cases.summary": {"en": "{passed} passed, {failed} failed", "vi": "{passed} đạt, {failed} sai"},
    "cli.error": {"en": "Error", "vi": "Lỗi"},
    "cli.warning": {"en": "Warning", "vi": "Cảnh báo"},
    "cli.imported": {
        "en": "Wrote {output}: run `scorer validate --criteria {output}` for the rows still to finish.",
        "vi": "Đã ghi {output}: chạy `scorer validate --criteria {output}` để xem các dòng còn phải hoàn thiện.",
    },
    "cli.progress": {"en": "scoring units", "vi": "đang chấm các đơn vị"},
    "cli.every_unit": {"en": "every unit", "vi": "mọi đơn vị"},
    "cli.user_added": {"en": "added {name}: {holds}", "vi": "Đã thêm người dùng {name}: {holds}"},
    "cli.password_set": {"en": "password of {name} set", "vi": "Đã đặt mật khẩu mới cho {name}"},
    "cli.user_every_unit": {"en": "every unit (admin)", "vi": "mọi đơn vị (quản trị viên)"},
    "cli.serve_beyond_loopback": {
        "en": "Warning: listening on {host}, beyond this machine, without --secure-cookies: passwords and sessions "
        "cross the network in clear unless a TLS proxy is in front (docs/web.md, 'On a server, behind TLS').",
        "vi": "Cảnh báo: máy chủ nghe trên {host}, ngoài máy này, mà không có --secure-cookies: mật khẩu và phiên "
        "đăng nhập đi qua mạng không mã hoá trừ khi có proxy TLS phía trước (xem docs/web.md, 'On a server, "
        "behind TLS').",
    },
    "cli.password_again": {"en": "Repeat for confirmation", "vi": "Nhập lại để xác nhận"},
    "cli.started": {
        "en": "Wrote {unit} and {workbook}.\nNext: name the unit's divisions in unit.yaml, fill in the workbook, "
        "then run `scorer validate --unit {id}` and `scorer predict --unit {id}`.",
        "vi": "Đã tạo {unit} và {workbook}.\nTiếp theo: ghi tên phòng, ban của đơn vị trong unit.yaml, nhập tài liệu "
        "kiểm chứng vào bảng tính, rồi chạy `scorer validate --unit {id}` và `scorer predict --unit {id}`.",
    },
    "cli.project_started": {
        "en": "No project here or above: started one here, with the model's criteria sets in {rules}/ "
        "(the newest is {year}'s: put your province's decision there with `scorer criteria import`) and {file}.",
        "vi": "Chưa có dự án ở đây hay thư mục trên: đã tạo dự án ở đây, với các bộ tiêu chí mẫu trong {rules}/ "
        "(mới nhất là năm {year}: đưa quyết định của tỉnh vào bằng `scorer criteria import`) và tệp {file}.",
    },
    "cli.project_file": {
        "en": "# The project: its folders (beside this file) and its language (vi or en).\n"
        'evidence = "evidence"\nrules = "rules"\nlang = "en"\n',
        "vi": "# Dự án: các thư mục (cạnh tệp này) và ngôn ngữ (vi hoặc en).\n"
        'evidence = "evidence"\nrules = "rules"\nlang = "vi"\n',
    },
    "cli.bad_path": {"en": "cannot use this path", "vi": "không dùng được đường dẫn này"},
    "cli.validated": {
        "en": "OK: {label} ({criteria} criteria), {units} unit(s), {records} evidence records",
        "vi": "Hợp lệ: {label} ({criteria} tiêu chí), {units} đơn vị, {records} tài liệu kiểm chứng",
    },
}


# Sentences with figures: how a metric's scenarios were reached (`MetricValue.basis`), and rules.
CATALOGUE.update(
    {
        "how.to_date": {"en": "{value} on the evidence to date", "vi": "{value} theo tài liệu đến nay"},
        "how.reached": {"en": "{value} to date: reached", "vi": "{value} đến nay: đã đạt"},
        "how.pace": {
            "en": "{value} to date, {projected} at this year's pace",
            "vi": "{value} đến nay, {projected} nếu giữ nhịp độ năm nay",
        },
        "how.pending": {
            "en": "{value} to date, not yet reached",
            "vi": "{value} đến nay, chưa đạt",
        },
        "how.proof_missing": {
            "en": "the row scores only once it is filed",
            "vi": "tiêu chí chỉ được tính điểm khi có tài liệu này",
        },
        "how.not_filed": {"en": "no figure filed", "vi": "chưa có số liệu"},
        "how.no_record": {
            "en": "no evidence yet",
            "vi": "chưa có minh chứng",
        },
        "how.arising": {
            "en": "no evidence yet; it arose last year, so it is work to come, not 'nothing arose', until the cut-off",
            "vi": "chưa có minh chứng; năm trước có phát sinh nên đến thời điểm chốt số liệu chưa coi là không phát sinh",
        },
        "how.arising_new": {
            "en": "no evidence yet; with no last year to tell, it is work to come, not 'nothing arose', until the cut-off",
            "vi": "chưa có minh chứng; chưa có số liệu năm trước nên đến thời điểm chốt số liệu chưa coi là không phát sinh",
        },
        "how.progress": {
            "en": "progress: {value} to date, {projected} by the deadline at the unit's pace since the year began ({days} days)",
            "vi": "tiến độ: {value} đến nay, {projected} đến hạn nếu giữ nhịp độ từ đầu năm ({days} ngày)",
        },
        "how.progress_last_pace": {
            "en": "progress: {value} to date, {projected} by the deadline at last year's pace (last year {last_then} on this day and {last_final} at the year's end) and this year's ({days} days)",
            "vi": "tiến độ: {value} đến nay, {projected} đến hạn theo nhịp năm trước (năm trước {last_then} vào ngày này, cuối năm đạt {last_final}) và nhịp độ năm nay ({days} ngày)",
        },
        "how.level": {
            "en": "level: {value} to date; it can still fall before the cut-off",
            "vi": "mức hiện tại: {value} đến nay; vẫn có thể giảm trước thời điểm chốt số liệu",
        },
        "how.violations": {
            "en": "{value} found to date; one found later is still possible",
            "vi": "{value} vi phạm đến nay; vẫn có thể phát hiện thêm",
        },
        "how.obligations": {"en": "{total} obligations: {counts}", "vi": "{total} nghĩa vụ: {counts}"},
        "how.obligations_pending": {"en": "{total} obligations: {counts}", "vi": "{total} nghĩa vụ: {counts}"},
        "how.chance.activity": {
            "en": "chance of it being done in time {chance}: at the unit's recent pace ({recent} criteria with work done in the last {window} days; {evidenced} of {criteria} have evidence)",
            "vi": "khả năng hoàn thành kịp thời {chance}: theo nhịp độ gần đây của đơn vị ({recent} tiêu chí có việc hoàn thành trong {window} ngày qua; {evidenced}/{criteria} tiêu chí đã có minh chứng)",
        },
        "how.chance.last_pace": {
            "en": "chance of it being done in time {chance}: at last year's pace ({then_late} of the {then_missing} criteria with no evidence on this day last year got some by the year's end) and the unit's recent pace ({recent} criteria with work done in the last {window} days; {evidenced} of {criteria} have evidence)",
            "vi": "khả năng hoàn thành kịp thời {chance}: theo nhịp năm trước ({then_late}/{then_missing} tiêu chí chưa có minh chứng vào ngày này năm trước đã có minh chứng trước khi hết năm) và nhịp độ gần đây của đơn vị ({recent} tiêu chí có việc hoàn thành trong {window} ngày qua; {evidenced}/{criteria} tiêu chí đã có minh chứng)",
        },
        "how.chance.last_pace_due": {
            "en": "chance of meeting it in time {chance}: from the unit's record this year, at last year's pace (last year {after_met} of {after_decided} obligations due after this day met on time, against {before_met} of {before_decided} due by it)",
            "vi": "khả năng hoàn thành đúng hạn {chance}: theo kết quả năm nay của đơn vị và nhịp năm trước (năm trước {after_met}/{after_decided} nghĩa vụ đến hạn sau ngày này hoàn thành đúng hạn, so với {before_met}/{before_decided} nghĩa vụ đến hạn trước đó)",
        },
        "how.chance.late_ceiling": {
            "en": "; above the ceiling, up to {late_ceiling}: last year too it had no evidence on this day and got some by the year's end",
            "vi": "; vượt mức trần, đến {late_ceiling}: năm trước vào ngày này cũng chưa có minh chứng và đã có trước khi hết năm",
        },
        "how.chance.prior": {
            "en": "chance of meeting it in time {chance}: no record yet, the criteria set's prior",
            "vi": "khả năng hoàn thành đúng hạn {chance}: chưa có số liệu, theo giả định của bộ tiêu chí",
        },
        "how.chance.last_year": {
            "en": "chance of meeting it in time {chance}: from last year's record ({last_met} of {last_decided} met) and the set's prior",
            "vi": "khả năng hoàn thành đúng hạn {chance}: theo kết quả năm trước ({last_met}/{last_decided} đạt) và giả định của bộ tiêu chí",
        },
        "how.chance.this_year": {
            "en": "chance of meeting it in time {chance}: from the unit's record this year ({unit_met} of {unit_decided} obligations due so far met on time)",
            "vi": "khả năng hoàn thành đúng hạn {chance}: theo kết quả năm nay của đơn vị ({unit_met}/{unit_decided} nghĩa vụ đã đến hạn hoàn thành đúng hạn)",
        },
        "how.chance.this_year_own": {
            "en": "chance of meeting it in time {chance}: from this year's record of these obligations ({own_met} of {own_decided} on time) and the unit's ({unit_met} of {unit_decided})",
            "vi": "khả năng hoàn thành đúng hạn {chance}: theo kết quả năm nay của chính nghĩa vụ này ({own_met}/{own_decided} đúng hạn) và của đơn vị ({unit_met}/{unit_decided})",
        },
        "how.survey_official": {"en": "official share {share}", "vi": "kết quả khảo sát chính thức {share}"},
        "how.survey_answers": {
            "en": "pilot survey, {respondents} answers weighted by the scale: {share} (interval of the mean)",
            "vi": "khảo sát thử {respondents} câu trả lời, tính theo trọng số thang đo: {share} (khoảng tin cậy của trung bình)",
        },
        "how.survey_internal": {
            "en": "internal survey of {respondents} respondents: {share} (Wilson interval)",
            "vi": "khảo sát nội bộ {respondents} người: {share} (khoảng Wilson)",
        },
        "how.survey_internal_margin": {
            "en": "internal survey, respondents unknown: {share} ±{margin}",
            "vi": "khảo sát nội bộ, không rõ số người trả lời: {share} ±{margin}",
        },
        "how.survey_last_year": {
            "en": "last year's official share {share} ±{margin}",
            "vi": "kết quả chính thức năm trước {share} ±{margin}",
        },
        "how.survey_prior": {"en": "prior share {share} ±{margin}", "vi": "giả định ban đầu {share} ±{margin}"},
        "obligation": {"en": "Obligation", "vi": "Nghĩa vụ"},
        "obligation.on_time": {"en": "on time", "vi": "đúng hạn"},
        "obligation.late": {"en": "late", "vi": "trễ hạn"},
        "obligation.nonconforming": {"en": "not conforming", "vi": "không đúng mẫu"},
        "obligation.missing": {"en": "missing", "vi": "chưa thực hiện"},
        "obligation.pending": {"en": "pending", "vi": "chưa đến hạn"},
        "rule.bands": {
            "en": "bands, first met: {bands}; otherwise 0",
            "vi": "theo mức, lấy mức cao nhất đạt được: {bands}; không đạt mức nào: 0 điểm",
        },
        "rule.band": {"en": "{metric} {op} {min} -> {points}", "vi": "{metric} {op} {min}: {points} điểm"},
        "op.ge": {"en": ">=", "vi": "từ"},
        "op.gt": {"en": ">", "vi": "trên"},
        # A binary rule's condition, with what the row gets otherwise (Vietnamese says it to match).
        "cond.at_least": {"en": "{metric} >= {limit}", "vi": "{metric} đạt {limit} trở lên; nếu không: 0 điểm"},
        "cond.at_least_one": {"en": "{metric} >= {limit}", "vi": "có {metric}#noun; nếu không có: 0 điểm"},
        "cond.at_most": {"en": "{metric} <= {limit}", "vi": "{metric} không quá {limit}; nếu vượt: 0 điểm"},
        "cond.none": {"en": "{metric} <= {limit}", "vi": "không có {metric}#noun; nếu có: 0 điểm"},
        "rule.linear": {
            "en": "linear: {max} x min(1, {metric} / {target})",
            "vi": "{max} điểm khi {metric} đạt {target} trở lên; thấp hơn: tính theo tỷ lệ",
        },
        "rule.binary": {
            "en": "binary: {max} if {cond}, else 0",
            "vi": "{max} điểm nếu {cond}",
        },
        "rule.deductions": {
            "en": "deductions: {max} - {step} x {metric}, not below 0",
            "vi": "mỗi {metric} trừ {step} điểm, trừ tối đa {max} điểm",
        },
        "rule.timeliness": {
            "en": "on time / late / missing: {on_time} / {late} / {missing} per obligation of {metric}, averaged",
            "vi": "đúng hạn / chậm / không thực hiện: {on_time} / {late} / {missing} điểm cho mỗi việc ({metric}), lấy bình quân",
        },
        "rule.all_or_nothing": {
            "en": "all or nothing: {max} if every obligation of {metric} is met on time, else 0",
            "vi": "{max} điểm nếu mọi việc ({metric}) đều đúng hạn; nếu không: 0 điểm",
        },
        "rule.not_arising": {
            "en": "; nothing arising: {max}",
            "vi": "; không phát sinh: {max} điểm",
        },
        "rule.survey": {
            "en": "survey: {max} x the {instrument} survey's share",
            "vi": "khảo sát: {max} x tỷ lệ hài lòng ({instrument})",
        },
        "instrument.leaders": {"en": "leaders'", "vi": "lãnh đạo, quản lý"},
        # the index's components, where a report names one without its criteria set's title
        "component.appraisal": {"en": "Appraisal", "vi": "Điểm thẩm định"},
        "component.leaders_survey": {"en": "Leaders' survey", "vi": "Khảo sát công chức lãnh đạo, quản lý"},
        "component.citizens_survey": {"en": "Citizens' survey", "vi": "Khảo sát người dân, tổ chức"},
        # expected records, by the calendar date they are due on
        "due.plan_due": {"en": "year's PAR plan due", "vi": "hạn ban hành kế hoạch CCHC năm"},
        "due.report_q1_due": {"en": "Q1 report due", "vi": "hạn báo cáo quý I"},
        "due.report_h1_due": {"en": "six-month report due", "vi": "hạn báo cáo 6 tháng"},
        "due.report_q3_due": {"en": "Q3 report due", "vi": "hạn báo cáo quý III"},
        "due.report_year_due": {"en": "year report due", "vi": "hạn báo cáo năm"},
        "due.year_end": {"en": "year end", "vi": "cuối năm"},
        "due.cutoff": {"en": "data cut-off", "vi": "hạn chốt số liệu"},
        "instrument.citizens": {"en": "citizens'", "vi": "người dân, tổ chức"},
    }
)


# `scorer serve`: the pages' own words (the reports inside them use the keys above).
CATALOGUE.update(
    {
        "web.title": {"en": "PAR Index forecast", "vi": "Dự báo Chỉ số cải cách hành chính"},
        "web.login": {"en": "Log in", "vi": "Đăng nhập"},
        "web.logout": {"en": "Log out", "vi": "Đăng xuất"},
        "web.username": {"en": "User name", "vi": "Tên đăng nhập"},
        "web.password": {"en": "Password", "vi": "Mật khẩu"},
        "web.signed_in_as": {"en": "Signed in as {user}", "vi": "Tài khoản: {user}"},
        "web.bad_login": {"en": "Wrong user name or password.", "vi": "Sai tên đăng nhập hoặc mật khẩu."},
        "web.rate_limited": {
            "en": "Too many failed attempts: try again in a few minutes.",
            "vi": "Đăng nhập sai quá nhiều lần: vui lòng thử lại sau ít phút.",
        },
        "web.login_needed": {"en": "Please log in.", "vi": "Vui lòng đăng nhập."},
        "web.forbidden": {"en": "You have no access to this.", "vi": "Bạn không có quyền truy cập nội dung này."},
        "web.not_found": {"en": "Not found.", "vi": "Không tìm thấy."},
        "web.csrf": {
            "en": "This form has expired: reload the page and try again.",
            "vi": "Biểu mẫu đã hết hạn: vui lòng tải lại trang và thử lại.",
        },
        "web.bad_request": {
            "en": "This request is not one the service understands.",
            "vi": "Yêu cầu không hợp lệ.",
        },
        "web.length_required": {
            "en": "An upload needs its length (Content-Length).",
            "vi": "Tệp tải lên cần có độ dài (Content-Length).",
        },
        "web.too_large": {"en": "The file is larger than the service accepts.", "vi": "Tệp lớn hơn mức cho phép."},
        "web.bad_date": {
            "en": "Not a date: write 2024-09-30 or 30/09/2024.",
            "vi": "Ngày không hợp lệ: ghi 30/09/2024 hoặc 2024-09-30.",
        },
        "web.other_language": {"en": "Tiếng Việt", "vi": "English"},
        "web.province": {"en": "Province", "vi": "Toàn tỉnh"},
        "web.audit": {"en": "Audit log", "vi": "Nhật ký truy cập"},
        "web.action": {"en": "Action", "vi": "Hành động"},
        "web.detail": {"en": "Detail", "vi": "Chi tiết"},
        "web.report": {"en": "Report", "vi": "Báo cáo"},
        "web.evidence": {"en": "Evidence", "vi": "Tài liệu kiểm chứng"},
        "web.show": {"en": "Show", "vi": "Xem"},
        "web.division": {"en": "Division", "vi": "Đơn vị chủ trì"},
        "web.all_divisions": {"en": "All divisions", "vi": "Tất cả"},
        "web.explain": {"en": "Explanation", "vi": "Giải trình"},
        "web.files": {"en": "Files of {year}", "vi": "Các tệp năm {year}"},
        "web.no_files": {"en": "No evidence file yet.", "vi": "Chưa có tệp tài liệu kiểm chứng."},
        "web.records": {"en": "Records", "vi": "Số bản ghi"},
        "web.size": {"en": "Size (bytes)", "vi": "Dung lượng (byte)"},
        "web.uploaded": {"en": "Uploaded", "vi": "Tải lên"},
        "web.on_disk": {"en": "on the server", "vi": "có sẵn trên máy chủ"},
        "web.versions": {"en": "Earlier versions", "vi": "Phiên bản trước"},
        "web.version_line": {
            "en": "uploaded by {by} {at}, replaced by {replaced_by} {replaced_at}",
            "vi": "{by} tải lên {at}, {replaced_by} thay thế {replaced_at}",
        },
        "web.problems": {"en": "{count} problem(s)", "vi": "{count} lỗi"},
        "web.template": {
            "en": "Download the empty evidence workbook",
            "vi": "Tải mẫu biểu tài liệu kiểm chứng (trống)",
        },
        "web.upload": {"en": "Upload", "vi": "Tải lên"},
        "web.upload_help": {
            "en": "A workbook (.xlsx), CSV or YAML file, at most {mb} MiB. It is checked with the unit's whole "
            "evidence before it is accepted; a file of the same name is replaced and kept as an earlier version.",
            "vi": "Tệp Excel (.xlsx), CSV hoặc YAML, tối đa {mb} MiB. Tệp được kiểm tra cùng toàn bộ tài liệu "
            "kiểm chứng của đơn vị trước khi được chấp nhận; tệp trùng tên được thay thế và lưu lại thành phiên bản trước.",
        },
        "web.upload_ok": {"en": "{name} accepted: {records} records.", "vi": "Đã nhận {name}: {records} bản ghi."},
        "web.upload_refused": {
            "en": "The file was not accepted and nothing changed. Fix these problems and upload it again:",
            "vi": "Tệp chưa được chấp nhận, dữ liệu không thay đổi. Vui lòng sửa các lỗi sau rồi tải lên lại:",
        },
        "web.sheet": {"en": "Sheet", "vi": "Trang tính"},
        "web.row": {"en": "Row / line", "vi": "Dòng"},
        "web.field": {"en": "Field", "vi": "Trường"},
        "web.problem": {"en": "Problem", "vi": "Lỗi"},
        "web.unit_problems": {
            "en": "The unit's evidence has problems; fix them to see its forecast:",
            "vi": "Tài liệu kiểm chứng của đơn vị có lỗi; cần sửa để xem dự báo:",
        },
        "web.downloads": {"en": "Downloads", "vi": "Tải về"},
        "web.download_report": {"en": "Report (HTML)", "vi": "Báo cáo (HTML)"},
        "web.download_json": {"en": "Prediction (JSON)", "vi": "Dự báo (JSON)"},
        "web.download_plan": {"en": "Remediation plan (.docx)", "vi": "Kế hoạch khắc phục (.docx)"},
        "web.download_form": {"en": "Self-assessment sheet (.xlsx)", "vi": "Biểu tự đánh giá (.xlsx)"},
    }
)

# The remediation plan's fixed text, in the seed plan's words (vi) and their English rendering.
PLAN_TEXT: dict[str, dict[str, Any]] = {
    "vi": {
        "kind": "KẾ HOẠCH",
        "subject": "Khắc phục tồn tại, hạn chế Chỉ số cải cách hành chính; Chỉ số hài lòng về sự phục vụ hành chính năm {year}",
        "basis_published": "Căn cứ kết quả công bố Chỉ số cải cách hành chính năm {year} ({decision}), {unit} xây dựng kế hoạch "
        "khắc phục tồn tại, hạn chế năm {year} và nâng cao Chỉ số cải cách hành chính năm {next}, cụ thể như sau:",
        "basis_forecast": "Căn cứ kết quả dự báo Chỉ số cải cách hành chính năm {year} (chưa phải kết quả chính thức), {unit} xây dựng "
        "kế hoạch khắc phục tồn tại, hạn chế, cụ thể như sau:",
        "bases_lead": "Thực hiện ",
        "basis_item": "{kind} số {number} ngày {date}{issuer} về việc {subject}",
        "basis_issuer": " của {issuer}",
        "bases_tail": ". {unit} xây dựng kế hoạch khắc phục tồn tại, hạn chế năm {year} và nâng cao Chỉ số cải cách hành chính "
        "năm {next}, cụ thể như sau:",
        "national": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "motto": "Độc lập - Tự do - Hạnh phúc",
        "number": "Số: .../KH-{symbol}",
        "place_date": "{place}, ngày ... tháng ... năm {year}",
        "recipients": "Nơi nhận:",
        "archive": "Lưu: VT",
        "rank_up": " (tăng {n} bậc so với năm {last})",
        "rank_down": " (giảm {n} bậc so với năm {last})",
        "rank_same": " (giữ nguyên thứ hạng so với năm {last})",
        "lead_advising": "Đơn vị tham mưu chủ trì thực hiện",
        "implementing": "Đơn vị thực hiện",
        "apply": "Văn bản thực hiện",
        "reference": "{kind} số {number} ngày {date}",
        "before": "Trước {date}",
        "criteria_of": "tiêu chí {ids}",
        "sipas_index": "; chỉ số đạt {index}%",
        "sipas_drives": ", tương ứng {points}/{max} điểm tiêu chí {criteria} của Chỉ số cải cách hành chính",
        "sipas_estimate": "Năm {year}, Chỉ số hài lòng ước đạt {index}% (từ {low}% đến {high}%), tương ứng {points}/{max} điểm "
        "tiêu chí {criteria} của Chỉ số cải cách hành chính.",
        "purpose_h": "I. MỤC ĐÍCH, YÊU CẦU",
        "purpose": "1. Mục đích",
        "purpose_items": [
            "Khắc phục tồn tại, hạn chế trong việc thực hiện Chỉ số Cải cách hành chính; Chỉ số hài lòng của người dân, tổ chức "
            "đối với sự phục vụ của các cơ quan hành chính nhà nước năm {next}.",
            "Xác định nhiệm vụ, giải pháp để nâng cao các chỉ số thành phần, góp phần nâng cao chất lượng công tác chỉ đạo điều hành "
            "và tổ chức thực hiện nhiệm vụ cải cách hành chính, nâng cao hiệu lực, hiệu quả quản lý nhà nước của {unit}.",
            "Nâng cao trách nhiệm của người đứng đầu các phòng, ban, đơn vị trực thuộc trong quá trình triển khai thực hiện nhiệm vụ.",
        ],
        "requirements": "2. Yêu cầu",
        "requirement_items": [
            "Việc thực hiện các nhiệm vụ phải đồng bộ, nghiêm túc và có hiệu quả.",
            "Trưởng các phòng, ban, đơn vị xác định rõ mục tiêu, nhiệm vụ, triển khai thực hiện đảm bảo đúng tiến độ, thời gian.",
        ],
        "content_h": "II. NỘI DUNG",
        "par_h": "1. Chỉ số Cải cách hành chính",
        "result_h": "1.1. Kết quả đánh giá",
        "result_rank": "Năm {year}, {unit} xếp thứ {rank}/{of} sở, ban, ngành. ",
        "result": "Điểm trung bình chung đạt được {total} điểm, trong đó điểm thẩm định: {appraisal} điểm; điểm điều tra xã hội học: "
        "{survey} điểm (trong đó: khảo sát công chức lãnh đạo quản lý: {leaders} điểm; khảo sát người dân: {citizens} điểm). "
        "Điểm cụ thể ở từng nội dung như sau:",
        "table": ["TT", "Nội dung", "Điểm tối đa", "Điểm thẩm định", "Ghi chú"],
        "total": "Tổng cộng",
        "remedies_h": "1.2. Nhiệm vụ, giải pháp khắc phục tồn tại, hạn chế",
        "shortcomings": "Tồn tại",
        "deduct": "Trừ {points} điểm",
        "remedy": "Nhiệm vụ, giải pháp khắc phục",
        "lead": "Đơn vị chủ trì thực hiện",
        "cooperating": "Đơn vị phối hợp thực hiện",
        "all_units": "Các phòng, ban, đơn vị",
        "time": "Thời gian thực hiện",
        "ongoing": "Thường xuyên",
        "sipas_h": "2. Chỉ số hài lòng về sự phục vụ hành chính",
        "sipas_result_h": "2.1. Kết quả đánh giá",
        "sipas_result": "Năm {year}, Chỉ số hài lòng về sự phục vụ hành chính của {unit} xếp thứ {rank}/{of} các sở, ban, ngành.",
        "sipas_points": "Năm {year}, điểm khảo sát sự hài lòng của người dân, tổ chức đạt {points} điểm.",
        "sipas_remedies_h": "2.2. Nhiệm vụ, giải pháp nâng cao",
        "target_h": "3. Lộ trình đạt mục tiêu {target} điểm (tính đến ngày {as_of})",
        "target_table": ["TT", "Tiêu chí", "Nội dung", "Điểm tăng thêm", "Điểm lũy kế", "Thời hạn", "Đơn vị chủ trì"],
        "target_reached": "Điểm dự kiến {expected} đã đạt mục tiêu {target} điểm.",
        "target_reached_if": "Điểm dự kiến {expected} chỉ đạt mục tiêu {target} điểm nếu các nhiệm vụ còn lại được hoàn "
        "thành như dự báo.",
        "target_low": "Nếu không thực hiện thêm nhiệm vụ nào, điểm chỉ còn {low} (xếp loại {klass}): điểm dự kiến đã tính "
        "cả các nhiệm vụ còn lại tại mục 1.2.",
        "target_reachable": "Điểm dự kiến {expected}; để đạt {target} điểm cần hoàn thành tối thiểu {count} nhiệm vụ sau, đúng thời hạn:",
        "target_unreachable": "Điểm dự kiến {expected}; không thể đạt {target} điểm: nếu hoàn thành mọi nhiệm vụ còn hạn, "
        "điểm cao nhất có thể đạt là {best} (xếp loại {klass}):",
        "target_unreachable_none": "Điểm dự kiến {expected}; không thể đạt {target} điểm: không còn nhiệm vụ nào còn hạn, "
        "điểm dự kiến là mức cao nhất có thể đạt (xếp loại {klass}).",
        "target_surveys": "Các tiêu chí khảo sát được tính ở mức dự kiến; nếu kết quả khảo sát đạt mức cao nhất, "
        "được thêm tối đa {upside} điểm (tổng {with_surveys} điểm).",
        "target_lost": "Điểm đã mất, không thể khắc phục: {items}.",
        "implementation_h": "III. TỔ CHỨC THỰC HIỆN",
        "implementation": [
            "Giao {monitor}: theo dõi, đôn đốc, triển khai thực hiện kế hoạch khắc phục Chỉ số cải cách hành chính, Chỉ số hài lòng "
            "của người dân, tổ chức của {unit} năm {year}.",
            "Các phòng, ban, đơn vị triển khai thực hiện nghiêm túc, hiệu quả các nội dung theo kế hoạch./.",
        ],
        "forecast_note": "Kế hoạch được xây dựng trên cơ sở điểm dự kiến tính đến ngày {as_of}, chưa phải kết quả chính thức; "
        "kết quả chính thức do cơ quan có thẩm quyền công bố.",
        "result_h_forecast": "1.1. Kết quả dự kiến",
        "result_forecast": "Tính đến ngày {as_of}, tổng điểm dự kiến đạt {total} điểm, trong đó điểm thẩm định dự kiến "
        "đạt {appraisal} điểm; điểm điều tra xã hội học ước đạt {survey} điểm (trong đó: khảo sát công chức lãnh đạo quản lý: "
        "{leaders} điểm; khảo sát người dân: {citizens} điểm). Điểm dự kiến ở từng nội dung như sau:",
        "table_forecast": ["TT", "Nội dung", "Điểm tối đa", "Điểm dự kiến", "Dự kiến chưa đạt"],
        "shortcomings_forecast": "Nội dung dự kiến chưa đạt",
        "minor": "các nội dung khác thuộc tiêu chí {criteria}",
        "deduct_forecast": "dự kiến chưa đạt {points} điểm",
    },
    "en": {
        "kind": "PLAN",
        "subject": "Remedying the shortcomings of the PAR Index and the satisfaction index (SIPAS), {year}",
        "basis_published": "On the published {year} PAR Index results ({decision}), {unit} sets out this plan to remedy the "
        "shortcomings of {year} and raise its PAR Index in {next}:",
        "basis_forecast": "On the forecast of the {year} PAR Index (not an official result), {unit} sets out this plan to remedy "
        "its shortcomings:",
        "bases_lead": "Under ",
        "basis_item": "{kind} {number} of {date}{issuer} {subject}",
        "basis_issuer": " of {issuer}",
        "bases_tail": ", {unit} sets out this plan to remedy the shortcomings of {year} and raise its PAR Index in {next}:",
        "national": "SOCIALIST REPUBLIC OF VIETNAM",
        "motto": "Independence - Freedom - Happiness",
        "number": "No.: .../KH-{symbol}",
        "place_date": "{place}, ... {year}",
        "recipients": "Recipients:",
        "archive": "Archive (VT)",
        "rank_up": " (up {n} from {last})",
        "rank_down": " (down {n} from {last})",
        "rank_same": " (the same rank as in {last})",
        "lead_advising": "Lead (advising)",
        "implementing": "Carried out by",
        "apply": "Decisions applied",
        "reference": "{kind} {number} of {date}",
        "before": "Before {date}",
        "criteria_of": "criteria {ids}",
        "sipas_index": "; its index was {index}%",
        "sipas_drives": ", which gives {points} of {max} points of criterion {criteria} of the PAR Index",
        "sipas_estimate": "In {year}, the satisfaction index is estimated at {index}% ({low}% to {high}%), which gives {points} "
        "of {max} points of criterion {criteria} of the PAR Index.",
        "purpose_h": "I. PURPOSE AND REQUIREMENTS",
        "purpose": "1. Purpose",
        "purpose_items": [
            "Remedy the shortcomings in the PAR Index and in citizens' and organisations' satisfaction with the administration in {next}.",
            "Set the tasks and measures that raise the component indices and the quality of PAR direction and implementation at {unit}.",
            "Hold the heads of the divisions and units answerable for carrying them out.",
        ],
        "requirements": "2. Requirements",
        "requirement_items": [
            "Tasks are carried out consistently, seriously and effectively.",
            "The heads of divisions and units set clear goals and tasks and keep to the time frame.",
        ],
        "content_h": "II. CONTENT",
        "par_h": "1. PAR Index",
        "result_h": "1.1. Results",
        "result_rank": "In {year}, {unit} ranked {rank} of {of} departments. ",
        "result": "It scored {total} points in all: appraisal {appraisal}; sociological survey {survey} (leaders' survey {leaders}; "
        "citizens' survey {citizens}). By area:",
        "table": ["No.", "Area", "Max", "Points", "Note"],
        "total": "Total",
        "remedies_h": "1.2. Tasks and measures to remedy the shortcomings",
        "shortcomings": "Shortcomings",
        "deduct": "minus {points}",
        "remedy": "Tasks and measures",
        "lead": "Lead",
        "cooperating": "Cooperating",
        "all_units": "All divisions and units",
        "time": "Time frame",
        "ongoing": "Ongoing",
        "sipas_h": "2. Satisfaction index (SIPAS)",
        "sipas_result_h": "2.1. Results",
        "sipas_result": "In {year}, {unit}'s satisfaction index ranked {rank} of {of} departments.",
        "sipas_points": "In {year}, the citizens' satisfaction survey scored {points} points.",
        "sipas_remedies_h": "2.2. Tasks and measures",
        "target_h": "3. Path to the target of {target} points (as of {as_of})",
        "target_table": ["No.", "Criterion", "Content", "Gain", "Cumulative", "Deadline", "Lead"],
        "target_reached": "Expected {expected}: the target of {target} points is already reached.",
        "target_reached_if": "Expected {expected} reaches the target of {target} points only if the remaining tasks are "
        "done as forecast.",
        "target_low": "With no further task done, the figure would be {low} (class {klass}): the expected counts on the "
        "remaining tasks of section 1.2.",
        "target_reachable": "Expected {expected}; reaching {target} points takes at least these {count} tasks, done by their deadlines:",
        "target_unreachable": "Expected {expected}; {target} points cannot be reached: with every open task done, the best is "
        "{best} (class {klass}):",
        "target_unreachable_none": "Expected {expected}; {target} points cannot be reached: no open task is left, so the "
        "expected is the best (class {klass}).",
        "target_surveys": "Survey criteria count at their expected share; at their best they would add up to {upside} "
        "points ({with_surveys} in all).",
        "target_lost": "Points lost for good: {items}.",
        "implementation_h": "III. IMPLEMENTATION",
        "implementation": [
            "{monitor} monitors and presses the implementation of this plan for {unit}'s {year} PAR Index and satisfaction index.",
            "All divisions and units carry out the plan seriously and effectively.",
        ],
        "forecast_note": "This plan rests on the points expected as of {as_of}, not on official results, which the competent "
        "authority publishes.",
        "result_h_forecast": "1.1. Expected results",
        "result_forecast": "As of {as_of}, the expected total is {total} points: {appraisal} from the criteria the unit assesses "
        "itself; {survey} estimated from the sociological survey (leaders' survey {leaders}; citizens' survey {citizens}). "
        "Expected points by area:",
        "table_forecast": ["No.", "Area", "Max", "Expected", "Expected short"],
        "shortcomings_forecast": "Expected to fall short",
        "minor": "other contents under criteria {criteria}",
        "deduct_forecast": "expected short by {points}",
    },
}

# Document types by the code in their number (17/QĐ-VPUB is a decision), as the plan cites them.
DOCUMENT_TYPES: dict[str, dict[str, str]] = {
    "QĐ": {"vi": "Quyết định", "en": "Decision"},
    "KH": {"vi": "Kế hoạch", "en": "Plan"},
    "BC": {"vi": "Báo cáo", "en": "Report"},
    "TB": {"vi": "Thông báo", "en": "Notice"},
    "CT": {"vi": "Chỉ thị", "en": "Directive"},
    "CV": {"vi": "Công văn", "en": "Letter"},
    "": {"vi": "Văn bản", "en": "Document"},
}


def document_type(number: str, lang: str) -> str:
    """`Quyết định` for 17/QĐ-VPUB; `Văn bản` when the code is not known."""
    code = number.split("/", 1)[1].split("-", 1)[0].strip().upper() if "/" in number else ""
    return DOCUMENT_TYPES.get(code, DOCUMENT_TYPES[""])[lang]


# The workbooks' sheet names, headings and guide.
SHEET_TEXT: dict[str, dict[str, Any]] = {
    "vi": {
        "sheet": "Điểm dự kiến",
        "risks": "Nguy cơ mất điểm",
        "heads": [
            "TT",
            "Nội dung / tiêu chí",
            "Điểm tối đa",
            "Điểm dự kiến",
            "Tài liệu kiểm chứng",
            "Ghi chú",
            "Cách tính điểm",
        ],
        "guide": "_hướng dẫn",
        "proofs": "_tài liệu kiểm chứng",
        "guide_heads": ["Trang tính", "Cột", "Ý nghĩa", "Bắt buộc", "Giá trị", "Ví dụ"],
        "yes": "Có",
        "no": "Không",
        "guide_note": "Mỗi trang tính là một loại tài liệu kiểm chứng, mỗi dòng là một văn bản. Ngày ghi bằng ô "
        "ngày của Excel hoặc ngày/tháng/năm (12/03/2024). Cột có danh sách chọn thì chọn một giá trị trong danh "
        "sách; nhiều giá trị ghi cách nhau bằng dấu chấm phẩy (1.2; 1.3.1). Ô để trống là không có thông tin. "
        "Văn bản không ghi số, ký hiệu (hoặc có ghi tệp đính kèm mà không tìm thấy tệp) là tài liệu chưa đủ căn cứ: "
        "không được tính vào điểm dự kiến. "
        "Trang tính có tên bắt đầu bằng dấu _ (như trang này) không được đọc.",
        "no_proofs": "Không có: không tiêu chí nào yêu cầu tài liệu kiểm chứng ghi ở trang này",
        "value_kinds": {
            "date": "Ngày",
            "number": "Số",
            "list": "Danh sách, cách nhau bằng dấu chấm phẩy",
            "text": "Văn bản",
        },
    },
    "en": {
        "sheet": "Expected points",
        "risks": "At risk",
        "heads": [
            "No.",
            "Content / criterion",
            "Max",
            "Expected points",
            "Evidence documents",
            "Note",
            "How it is scored",
        ],
        "guide": "_guide",
        "proofs": "_proofs",
        "guide_heads": ["Sheet", "Column", "Meaning", "Required", "Values", "Example"],
        "yes": "yes",
        "no": "no",
        "guide_note": "One sheet per type of evidence, one document per row. Dates as Excel dates, 2024-03-12 or "
        "12/03/2024. A column with a drop-down list takes one of its values; several values are separated by ';' "
        "(1.2; 1.3.1). An empty cell says nothing. A document without its number (or whose attached file is not there) "
        "is unsupported: the expected points do not count it. Sheets whose names start with _ (as this one) are not read.",
        "no_proofs": "none: no criterion asks for a proof recorded on this sheet",
        "value_kinds": {"date": "a date", "number": "a number", "list": "a list, separated by ';'", "text": "text"},
    },
}


# The self-assessment form ("Biểu tự đánh giá"), REAL_DECISIONS.md 3.4's columns.
FORM_TEXT: dict[str, dict[str, Any]] = {
    "vi": {
        "sheet": "Biểu tự đánh giá",
        "cuts_sheet": "Giải trình",
        "title": "BIỂU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}",
        "line": "Đơn vị: {unit} · Tính đến ngày: {as_of}{final} · {criteria}",
        "open": " (số liệu chưa chốt: điểm tự đánh giá là điểm có căn cứ đến ngày này)",
        "closed": " (đã chốt số liệu)",
        "heads": [
            "STT",
            "Nội dung",
            "Điểm tối đa",
            "Cách tính điểm",
            "Điểm tự đánh giá",
            "Tài liệu kiểm chứng (số, ký hiệu; ngày; trích yếu)",
            "Giải trình",
            "Điểm thẩm định",
            "Ghi chú",
        ],
        "total": "TỔNG CỘNG",
        "survey": "Đánh giá qua điều tra xã hội học, đơn vị không tự chấm",
        "not_applicable": "Không áp dụng",
        "missing": "Thiếu: {title}",
        "more": "… và {n} văn bản khác",
        "nothing_arose": "Không phát sinh",
        "nothing_arose_reason": "Không phát sinh trong năm: không có nội dung phải thực hiện, tự đánh giá đạt điểm tối đa",
        "survey_part": "Trong đó {points} điểm đánh giá qua điều tra xã hội học",
        "pending": "chưa đến hạn ({date})",
        "appraisal_note": "Thẩm định: {note}",
        "group": "Tiêu chí {id}",
        "cuts_title": "DANH SÁCH NỘI DUNG GIẢI TRÌNH KẾT QUẢ THẨM ĐỊNH NĂM {year}",
        "cuts_heads": [
            "STT",
            "Nội dung",
            "Điểm tự đánh giá",
            "Điểm thẩm định",
            "Chênh lệch",
            "Ý kiến thẩm định",
            "Giải trình của đơn vị",
        ],
        "no_cuts": "Thẩm định không trừ nội dung nào so với điểm tự đánh giá.",
        "no_appraisal": "Chưa có kết quả thẩm định.",
        "preparer": "NGƯỜI LẬP BIỂU",
        "sign_note": "(Ký, ghi rõ họ tên)",
        "place_date": "{place}, ngày ... tháng ... năm {year}",
    },
    "en": {
        "sheet": "Self-assessment",
        "cuts_sheet": "Explanations",
        "title": "PAR INDEX SELF-ASSESSMENT, {year}",
        "line": "Unit: {unit} · As of: {as_of}{final} · {criteria}",
        "open": " (data not final: the self-score is what the evidence supports on this day)",
        "closed": " (final)",
        "heads": [
            "No.",
            "Content",
            "Max",
            "How it is scored",
            "Self-score",
            "Proof documents (number; date; summary)",
            "Explanation",
            "Appraised",
            "Notes",
        ],
        "total": "TOTAL",
        "survey": "Assessed by the sociological survey, not self-scored",
        "not_applicable": "Not applicable",
        "missing": "Missing: {title}",
        "more": "… and {n} more documents",
        "nothing_arose": "Nothing arose",
        "nothing_arose_reason": "Nothing arose this year: nothing to carry out, so full points",
        "survey_part": "Of which {points} points by the survey",
        "pending": "pending ({date})",
        "appraisal_note": "Appraisal: {note}",
        "group": "Criterion {id}",
        "cuts_title": "ROWS THE APPRAISAL CUT, {year}: EXPLANATIONS",
        "cuts_heads": [
            "No.",
            "Content",
            "Self-score",
            "Appraised",
            "Difference",
            "Appraisal note",
            "Unit's explanation",
        ],
        "no_cuts": "The appraisal cut no row below its self-score.",
        "no_appraisal": "No appraisal result yet.",
        "preparer": "PREPARED BY",
        "sign_note": "(signature and full name)",
        "place_date": "{place}, ... {year}",
    },
}


def t(key: str, lang: str) -> str:
    entry = CATALOGUE[key]
    return entry.get(lang) or entry["en"]


def num(value: float | None, lang: str, places: int = 2) -> str:
    if value is None:
        return "–"
    text = f"{value:.{places}f}"
    return text.replace(".", ",") if lang == "vi" else text


def date(value: dt.date | None, lang: str) -> str:
    if value is None:
        return "–"
    return value.strftime("%d/%m/%Y") if lang == "vi" else value.isoformat()


def pick(obj: Any, name: str, lang: str) -> str:
    """The Vietnamese field (`title`) for vi, the English one (`title_en`) for en."""
    if lang == "vi":
        return str(getattr(obj, name))
    return str(getattr(obj, f"{name}_en", None) or getattr(obj, name))


def figure(value: float | int, lang: str) -> str:
    """A metric's figure, to four significant digits, in the language's decimal form."""
    text = str(int(value)) if float(value).is_integer() else f"{value:.4g}"
    return text.replace(".", ",") if lang == "vi" else text


def metric_figure(value: float | int, lang: str, share: bool = False) -> str:
    """A metric's value as a reader takes it, wherever one is printed (explain, risks' gaps): a share
    in percent to one decimal (99,6%, 80%); a count or any other figure whole where it is whole (1),
    else to at most two decimals (an expected count 1,23; 0,5)."""
    if share:
        return f"{figure(round(100 * value, 1), lang)}%"
    rounded = round(float(value), 2)
    text = str(int(rounded)) if rounded.is_integer() else f"{rounded:.2f}".rstrip("0")
    return text.replace(".", ",") if lang == "vi" else text


def class_line(total: Any, lang: str) -> str:
    """The class of each of the three figures, each named."""
    k = total.class_
    return t("class_line", lang).format(low=k.low or "–", expected=k.expected or "–", high=k.high or "–")


def known_line(total: Any, lang: str) -> str | None:
    """How much of the total the evidence secures, what is forecast, the likely range, and the
    criteria with no evidence yet."""
    known, likely = total.known, total.likely
    if known is None:
        return None
    text = t("known_line", lang).format(
        secured=num(known.secured, lang),
        max=num(total.max, lang),
        forecast=num(known.forecast, lang),
        none=known.no_evidence,
    )
    if likely is not None:
        text = t("likely_line", lang).format(low=num(likely.low, lang), high=num(likely.high, lang)) + " · " + text
    return text


def gap_text(gap: Any, lang: str) -> str:
    """An at-risk row's gap as figures: "68% now; 80% needed for 0.5 points, 100% for full points"."""
    if gap.obligations:
        o = gap.obligations
        text = t("gap.obligations", lang).format(on_time=o["on_time"], total=o["total"])
        if o.get("pending"):
            text += "; " + t("gap.pending", lang).format(n=o["pending"])
        return text

    def shown(value: float) -> str:
        return metric_figure(value, lang, gap.share)

    parts = [t("gap.none", lang) if gap.value is None else t("gap.now", lang).format(value=shown(gap.value))]
    steps = [s for s in gap.steps if gap.value is None or s.value > gap.value]
    needs = [
        t("gap.full" if i == len(steps) - 1 else "gap.band", lang).format(
            value=shown(s.value), points=num(s.points, lang)
        )
        for i, s in enumerate(steps)
    ]
    if needs:
        parts.append(t("gap.needed", lang) + " " + ", ".join(needs))
    return "; ".join(parts)


def satisfaction_line(unit: Any, lang: str) -> str | None:
    """The satisfaction index's own line in a prediction: last year's result and rank, this year's
    estimate and the points of the criteria it drives."""
    s = getattr(unit, "satisfaction", None)
    if s is None:
        return None
    parts = []
    if s.last_year is not None or s.last_rank is not None:
        # Only what was published: an index the decision does not give is left out, not shown as "–".
        index = f"{figure(s.last_year, lang)}%, " if s.last_year is not None else ""
        rank = f"{s.last_rank}/{s.last_of}" if s.last_rank is not None else "–"
        parts.append(t("sipas.last", lang).format(year=unit.year - 1, index=index, rank=rank))
    parts.append(
        t("sipas.estimate", lang).format(
            year=unit.year,
            expected=figure(s.expected, lang),
            low=figure(s.low, lang),
            high=figure(s.high, lang),
            points=num(s.points.expected, lang),
            max=num(s.points.max, lang),
        )
    )
    return f"{t('sipas', lang).format(criteria=', '.join(s.criteria))}: {'; '.join(parts)}"


def metric_figures(m: Any, lang: str) -> list[str]:
    """A metric value's low, expected and high as explain prints them; none for a figure never filed
    (scored as nothing, but no figure of 0 the unit reported: `how` says "chưa có số liệu")."""
    if m.basis == "not_filed":
        return ["–", "–", "–"]
    return [metric_figure(v, lang, m.share) for v in (m.low, m.expected, m.high)]


# The parameters of `how` that are the metric's own figures (a share's in percent, as its values).
_FIGURES = frozenset({"value", "projected", "full", "last_then", "last_final", "share", "margin"})
# The parameters of `how` that are counts (written as whole numbers), not figures.
_COUNTED = frozenset(
    {
        "respondents",
        "total",
        "unit_met",
        "unit_decided",
        "own_met",
        "own_decided",
        "last_decided",
        "evidenced",
        "criteria",
        "recent",
        "window",
        "days",
        "then_late",
        "then_missing",
        "before_met",
        "before_decided",
        "after_met",
        "after_decided",
    }
)


def how(basis: str, params: dict[str, float | int], lang: str, share: bool = False) -> str:
    """How a metric's scenarios were reached, in words; and, for work still pending, the chance
    used and what it rests on (the most specific record the chance was worked out from). The
    metric's own figures read as its values do (`metric_figure`: a share in percent)."""
    values = {
        k: (str(int(v)) if k in _COUNTED else metric_figure(v, lang, share) if k in _FIGURES else figure(v, lang))
        for k, v in params.items()
    }
    counts = [
        f"{int(params[s])} {t('obligation.' + s, lang)}"
        for s in ("on_time", "late", "nonconforming", "missing", "pending")
        if params.get(s)
    ]
    values["counts"] = ", ".join(counts) or "–"
    text = t(f"how.{basis}", lang).format(**values)
    if "chance" in params:
        values["chance"] = f"{figure(100 * params['chance'], lang)}%"
        values["last_met"] = str(int(params.get("last_met", 0)))
        text += "; " + t(f"how.chance.{chance_source(params)}", lang).format(**values)
        if "late_ceiling" in params:
            values["late_ceiling"] = f"{figure(100 * params['late_ceiling'], lang)}%"
            text += t("how.chance.late_ceiling", lang).format(**values)
    return text


def chance_source(params: dict[str, float | int]) -> str:
    """The most specific record a chance was worked out from (predict's `chance`)."""
    keys = (
        ("then_missing", "last_pace"),
        ("criteria", "activity"),
        ("after_decided", "last_pace_due"),
        ("own_decided", "this_year_own"),
        ("unit_decided", "this_year"),
        ("last_decided", "last_year"),
    )
    for key, source in keys:
        if params.get(key):
            return source
    return "prior"


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def metric_words(metric: Any, lang: str) -> str:
    """A metric as a reader names it (`báo cáo thiếu, trễ hạn hoặc không đúng mẫu`), from the
    criteria set's titles; its identifier only when the set gives no words."""
    title = metric.title if lang == "vi" else metric.title_en
    if not title and metric.name == _survey():
        return t("survey_metric", lang)
    return str(title or metric.name)


def metric_titles(metrics: Any, lang: str) -> dict[str, str]:
    """Each metric's words by its name, for a rule's sentence (a survey's sentence names its
    share itself)."""
    return {m.name: metric_words(m, lang) for m in metrics if m.name != _survey()}


def _survey() -> str:
    """The name a survey's share goes by among a criterion's metrics."""
    from scorer.scoring import SURVEY

    return SURVEY


def component_words(component: str, lang: str) -> str:
    """A component of the index (`appraisal`) as a reader names it (`Điểm thẩm định`)."""
    entry = CATALOGUE.get(f"component.{component}")
    return entry.get(lang, entry["en"]) if entry else component


def use_marks(use: EvidenceUse, lang: str) -> list[str]:
    """A record's marks where a criterion lists the evidence it used: why the appraisal would not
    accept it (no number, its file missing, not reviewed), and whether it is hypothetical."""
    marks = (
        [] if use.supported else [t(f"unsupported.{use.unsupported}" if use.unsupported else "unsupported_mark", lang)]
    )
    return marks + ([t("hypothetical_mark", lang)] if use.hypothetical else [])


def obligation_words(label: str, lang: str, title: str | None = None) -> str:
    """An expected record named by its calendar date (`report_q1_due`: `hạn báo cáo quý I`);
    a record that is its own obligation (an assigned task) by its title, else its id as it is."""
    entry = CATALOGUE.get(f"due.{label}")
    return entry.get(lang, entry["en"]) if entry else title or label


def rule_text(
    rule: Rule, maximum: float, lang: str, not_arising: str | None = None, shares: Collection[str] = ()
) -> str:
    """A criterion's scoring rule in words: the sentence `rule.<kind>` with the parameters its kind
    gives (scoring/kinds.py), and what a row where nothing arises gets. A threshold of a metric in
    `shares` (0 to 1) is written in percent, as a decision writes it."""
    from scorer.scoring.kinds import Words, kind_of

    text = words(Words(f"rule.{rule.kind}", {"max": maximum, **kind_of(rule).sentence()}), lang, shares)
    if not_arising == "full":
        text += t("rule.not_arising", lang).format(max=figure(maximum, lang))
    return text


# The parameters of a rule's sentence that are values of its metric (not points).
THRESHOLDS = frozenset({"min", "limit", "target"})


def words(sentence: Words, lang: str, shares: Collection[str] = ()) -> str:
    """A catalogue sentence with its parameters, in the reader's language (scoring.kinds.Words);
    a threshold of a metric in `shares` in percent."""
    percent = sentence.params.get("metric") in shares
    if sentence.key == "cond.at_least" and sentence.params.get("limit") == 1 and not percent:
        # at least one of what a count counts: "có kế hoạch …", as a decision says it
        sentence = dataclasses.replace(sentence, key="cond.at_least_one")
    values: dict[str, str] = {}
    for name, value in sentence.params.items():
        if isinstance(value, str):
            values[name] = value
        elif isinstance(value, tuple):
            values[name] = "; ".join(words(part, lang, shares) for part in value)
        elif isinstance(value, (int, float)):
            values[name] = (
                f"{figure(round(value * 100, 4), lang)}%" if percent and name in THRESHOLDS else figure(value, lang)
            )
        else:
            values[name] = words(value, lang, shares)
    return t(sentence.key, lang).format(**values)


def problem_text(message: Any, lang: str) -> str:
    """A problem's message in the reader's language: a keyed message (`errors.Msg`) or a worded
    problem (`text(lang)`) from the catalogue of problems (scorer.problem_messages); plain text as it is."""
    return message.text(lang) if hasattr(message, "text") and not isinstance(message, str) else str(message)


def moment(value: str | None, lang: str) -> str:
    """A stored UTC time stamp (ISO) as the language writes it."""
    if not value:
        return "–"
    when = dt.datetime.fromisoformat(value)
    return when.strftime("%d/%m/%Y %H:%M UTC") if lang == "vi" else when.strftime("%Y-%m-%d %H:%M UTC")


def provenance_text(provenance: Any, lang: str) -> str:
    """Where the criteria set comes from, in words a department head reads."""
    if provenance is None or provenance.kind == "model" or not provenance.number:
        return t("provenance.model", lang).format(title=provenance.title if provenance else "")
    return t("provenance.decision", lang).format(
        number=provenance.number,
        date=t("provenance.date", lang).format(date=date(provenance.date, lang)) if provenance.date else "",
        issuer=t("provenance.issuer", lang).format(issuer=provenance.issuer) if provenance.issuer else "",
        title=provenance.title,
    )


def proof_words(p: Any, lang: str, mark: Callable[[str], str] = str.upper, esc: Callable[[str], str] = str) -> str:
    """A declared proof in words: its title and the records that are it, or that it is missing
    (`mark`ed: upper case in text, bold in Markdown), with the chance it is filed in time. `esc`
    makes the words (not the mark) safe for the writer (Markdown's escaping)."""
    if p.evidence:
        return esc(f"{pick(p, 'title', lang)}: {', '.join(p.evidence)}")
    text = f"{esc(pick(p, 'title', lang))}: {mark(t('proof_missing', lang))}"
    return text + (f" ({esc(how('proof_missing', p.params, lang))})" if p.params else "")


def reason_words(
    reasons: Collection[str], lang: str, leave_out: Collection[str] = (), counts: Mapping[str, int] | None = None
) -> list[str]:
    """Reason codes in words, each wording once: two reasons may read alike ("thiếu tài liệu kiểm
    chứng" for a missing record and a missing proof). With `counts`, an obligation reason says how
    many ("1 nghĩa vụ quá hạn, 1 nghĩa vụ chưa đến hạn")."""
    counts = counts or {}
    return list(
        dict.fromkeys(
            t(f"reason_n.{r}", lang).format(n=counts[r]) if counts.get(r) else t(f"reason.{r}", lang)
            for r in reasons
            if r not in leave_out
        )
    )


def result_reasons(c: Any, lang: str) -> list[str]:
    """A criterion result's reasons in words, its obligations overdue (late or missing) and not yet
    due counted (docs/commands.md, "Why not full points")."""
    counts = {"overdue": 0, "pending": 0}
    for m in c.metrics:
        if "total" in m.params:  # an obligation metric: its counts by status
            counts["overdue"] += int(m.params.get("late", 0)) + int(m.params.get("missing", 0))
            counts["pending"] += int(m.params.get("pending", 0))
    return reason_words(c.reasons, lang, counts=counts)


def status_words(c: Any, lang: str) -> str:
    """A criterion result's status in words: one whose deadline is ahead but which has already lost
    obligations says so, not merely that it is not yet due."""
    if c.status == "pending" and c.overdue:
        return t("status.pending_overdue", lang).format(n=c.overdue)
    return t(f"status.{c.status}", lang)


def rule_words(c: Any, lang: str) -> str:
    """A criterion result's scoring rule in words, its metrics named and shares in percent (or
    "does not apply")."""
    if c.status == "not_applicable":
        return t("status.not_applicable", lang)
    shares = {m.name for m in c.metrics if m.share}
    return titled(rule_text(c.rule, c.max, lang, c.not_arising, shares), c.metrics, lang)


def titled(text: str, metrics: Any, lang: str) -> str:
    """A rule's sentence with its metrics named in words rather than by their identifiers."""
    return named(text, metric_titles(metrics, lang))


def named(text: str, titles: dict[str, str]) -> str:
    """A rule's sentence with each metric identifier replaced by its words (longest first); where
    the sentence names the thing a count counts (`<metric>#noun`: "có quy chế …", "không có vi
    phạm …"), the count's words without their "số"."""
    for name in sorted(titles, key=len, reverse=True):
        title = titles[name]
        text = text.replace(f"{name}{NOUN}", title.removeprefix("số ")).replace(name, title)
    return text.replace(NOUN, "")


# The mark after a metric's identifier in a sentence that names what the count counts.
NOUN = "#noun"
