"""The catalogue of problems: each message and hint a loader raises, by key, in English and in
Vietnamese. A `Msg` names a key and its parameters; it is worded here, where it is shown (the CLI's
`Error:` lines, `validate`, the web pages and the API), in the reader's language.

A parameter is shown as it is, except: a `Msg` is worded in the same language, a `Place` through the
reader's namer (the web shows a file by its name in the unit), a `Grouped` number with the
language's thousands mark, and a tuple as a list separated by commas.

tests/test_problem_messages.py checks that every key has both languages with the same parameters.
"""

from __future__ import annotations

import string
from typing import Any

from scorer.models.message import Figure, Grouped, Msg, Namer, Place


MESSAGES: dict[str, dict[str, str]] = {
    # -- pieces and hints shared by many messages
    "did_you_mean": {"en": "did you mean '{name}'?", "vi": "có phải là '{name}'?"},
    "got": {"en": "{message}, got {value}", "vi": "{message}, nhận được {value}"},
    "choices": {"en": "{first} or {last}", "vi": "{first} hoặc {last}"},
    "quote_text_hint": {
        "en": "write it in quotes as typed, '1.10' not 1.10, so that YAML reads it as text",
        "vi": "ghi trong dấu nháy đúng như đã gõ, '1.10' chứ không phải 1.10, để YAML đọc là văn bản",
    },
    "keys_and": {"en": "{first} and {last}", "vi": "{first} và {last}"},
    "missing": {"en": "missing (required)", "vi": "thiếu (bắt buộc)"},
    "unknown_field": {"en": "unknown field", "vi": "trường không có trong mẫu"},
    "set_title": {"en": "{en}", "vi": "{vi}"},
    "kind.rate": {"en": "rate", "vi": "tỉ lệ"},
    "kind.percent": {"en": "percent", "vi": "tỉ lệ phần trăm"},
    "kind.count": {"en": "count", "vi": "số đếm"},
    "kind.score": {"en": "score", "vi": "điểm số"},
    "folder_evidence": {"en": "evidence", "vi": "tài liệu kiểm chứng"},
    "folder_rules": {"en": "rules", "vi": "bộ tiêu chí"},
    # -- pydantic's errors: English in pydantic's own words, Vietnamese with the same values
    "pydantic.int_parsing": {"en": "{en}", "vi": "Giá trị phải là số nguyên"},
    "pydantic.int_type": {"en": "{en}", "vi": "Giá trị phải là số nguyên"},
    "pydantic.int_from_float": {"en": "{en}", "vi": "Giá trị phải là số nguyên, không có phần thập phân"},
    "pydantic.float_parsing": {"en": "{en}", "vi": "Giá trị phải là một số"},
    "pydantic.float_type": {"en": "{en}", "vi": "Giá trị phải là một số"},
    "pydantic.decimal_parsing": {"en": "{en}", "vi": "Giá trị phải là một số"},
    "pydantic.bool_parsing": {"en": "{en}", "vi": "Giá trị phải là true hoặc false"},
    "pydantic.bool_type": {"en": "{en}", "vi": "Giá trị phải là true hoặc false"},
    "pydantic.string_type": {"en": "{en}", "vi": "Giá trị phải là văn bản"},
    "pydantic.list_type": {"en": "{en}", "vi": "Giá trị phải là danh sách"},
    "pydantic.dict_type": {"en": "{en}", "vi": "Giá trị phải là một bảng tên: giá trị"},
    "pydantic.model_type": {"en": "{en}", "vi": "Giá trị phải là một bảng tên: giá trị"},
    "pydantic.date_type": {"en": "{en}", "vi": "Giá trị phải là một ngày"},
    "pydantic.date_parsing": {"en": "{en}", "vi": "Giá trị phải là một ngày"},
    "pydantic.finite_number": {"en": "{en}", "vi": "Giá trị phải là một số hữu hạn"},
    "pydantic.less_than_equal": {"en": "{en}", "vi": "Giá trị phải nhỏ hơn hoặc bằng {le}"},
    "pydantic.less_than": {"en": "{en}", "vi": "Giá trị phải nhỏ hơn {lt}"},
    "pydantic.greater_than_equal": {"en": "{en}", "vi": "Giá trị phải lớn hơn hoặc bằng {ge}"},
    "pydantic.greater_than": {"en": "{en}", "vi": "Giá trị phải lớn hơn {gt}"},
    "pydantic.literal_error": {"en": "{en}", "vi": "Giá trị phải là {expected}"},
    "pydantic.enum": {"en": "{en}", "vi": "Giá trị phải là {expected}"},
    "pydantic.string_too_short": {"en": "{en}", "vi": "Văn bản phải có ít nhất {min_length} ký tự"},
    "pydantic.string_too_long": {"en": "{en}", "vi": "Văn bản chỉ được có tối đa {max_length} ký tự"},
    "pydantic.string_pattern_mismatch": {"en": "{en}", "vi": "Văn bản phải khớp mẫu '{pattern}'"},
    "pydantic.too_short": {"en": "{en}", "vi": "Danh sách phải có ít nhất {min_length} mục, đang có {actual_length}"},
    "pydantic.union_tag_invalid": {
        "en": "{en}",
        "vi": "{discriminator} là '{tag}', không phải loại nào đã biết: các loại là {expected_tags}",
    },
    "pydantic.union_tag_not_found": {"en": "{en}", "vi": "thiếu khóa {discriminator}"},
    "pydantic.too_long": {"en": "{en}", "vi": "Danh sách chỉ được có tối đa {max_length} mục, đang có {actual_length}"},
    # -- numbers a spreadsheet may have changed
    "percentage_hint": {
        "en": "is it {fraction} ({value}%)? write {fraction} or {value}%",
        "vi": "có phải là {fraction} ({value}%)? ghi {fraction} hoặc {value}%",
    },
    "thousands_hint": {
        "en": "{typed} read as {value}? a spreadsheet set to Vietnamese takes '.' for thousands: "
        "write {comma} or set the column to text",
        "vi": "{typed} bị đọc thành {value}? bảng tính đặt ngôn ngữ tiếng Việt coi '.' là dấu phân cách hàng "
        "nghìn: ghi {comma} hoặc định dạng cột là văn bản (Text)",
    },
    "percentage_or_thousands": {
        "en": "is it {fraction} ({value}%)? write {fraction} or {value}%; or: {thousands}",
        "vi": "có phải là {fraction} ({value}%)? ghi {fraction} hoặc {value}%; hoặc: {thousands}",
    },
    "count_thousands_hint": {
        "en": "a count has no fraction, so '.' in {typed} can only mark thousands: write {value}",
        "vi": "số đếm không có phần thập phân, nên dấu '.' trong {typed} chỉ có thể là dấu hàng nghìn: ghi {value}",
    },
    "decimal_comma_hint": {
        "en": "write {value} with a decimal point, or save the CSV with ';' between fields",
        "vi": "ghi {value} với dấu chấm thập phân, hoặc lưu CSV với dấu ';' giữa các trường",
    },
    "thousands_comma_hint": {
        "en": "a whole number has no decimals, so ',' in {typed} marks thousands: write {value}",
        "vi": "số nguyên không có phần thập phân, nên dấu ',' trong {typed} là dấu hàng nghìn: ghi {value}",
    },
    "comma_either_hint": {
        "en": "if ',' in {typed} marks thousands, write {thousands}; if it is the decimal mark, write {decimal}",
        "vi": "nếu dấu ',' trong {typed} là dấu hàng nghìn, ghi {thousands}; nếu là dấu thập phân, ghi {decimal}",
    },
    "grouped_number": {
        "en": "'{value}' in a semicolon-separated file: is '.' a thousands mark or a decimal point?",
        "vi": "'{value}' trong tệp phân cách bằng dấu chấm phẩy: dấu '.' là dấu hàng nghìn hay dấu thập phân?",
    },
    "grouped_number_hint": {
        "en": "write the number without a thousands mark, with ',' as the decimal mark (e.g. 0,63)",
        "vi": "ghi số không có dấu hàng nghìn, dùng ',' làm dấu thập phân (ví dụ 0,63)",
    },
    "count_not_whole": {
        "en": "{value} is not a whole number, and '{title}' is a count",
        "vi": "{value} không phải số nguyên, mà '{title}' là số đếm",
    },
    "score_fraction": {
        "en": "{value} on the {low}..{high} scale of the score '{title}' is next to nothing: a score is written on its own scale",
        "vi": "{value} trên thang điểm {low}..{high} của '{title}' gần như bằng 0: điểm ghi theo thang điểm của chỉ số",
    },
    "score_fraction_hint": {"en": "is it {scaled}?", "vi": "có phải là {scaled}?"},
    "indicator_range": {
        "en": "{value} is outside {low}..{high}, the range of the {kind} '{title}'",
        "vi": "{value} nằm ngoài khoảng {low}..{high} của {kind} '{title}'",
    },
    "percentage_for_kind": {
        "en": "'{value}' is a percentage, but '{title}' is a {kind}",
        "vi": "'{value}' là tỉ lệ phần trăm, nhưng '{title}' là {kind}",
    },
    "plain_number_hint": {"en": "write the {kind} as a plain number", "vi": "ghi {kind} dưới dạng số thường"},
    "percentage_outside": {"en": "'{value}' is outside 0%..100%", "vi": "'{value}' nằm ngoài khoảng 0%..100%"},
    "expected_number": {"en": "expected a number, got {value}", "vi": "cần một số, nhận được {value}"},
    "expected_finite": {"en": "expected a finite number", "vi": "cần một số hữu hạn"},
    # -- dates
    "expected_date": {
        "en": "expected a date such as 2024-03-12 or 12/03/2024, got {value}",
        "vi": "cần ghi ngày như 12/03/2024 hoặc 2024-03-12, nhận được {value}",
    },
    "date_and_time_day": {
        "en": "expected a date such as 2024-03-12 or 12/03/2024, not a date and time (write the day alone: {day})",
        "vi": "cần ghi ngày như 12/03/2024 hoặc 2024-03-12, không ghi cả ngày và giờ (chỉ ghi ngày: {day})",
    },
    "not_a_day": {
        "en": "{value} is not a day of the calendar{order}",
        "vi": "{value} không phải là ngày có thật{order}",
    },
    "day_first": {
        "en": ": dates are day/month/year (did you mean '{date}'?)",
        "vi": ": ngày ghi theo thứ tự ngày/tháng/năm (có phải là '{date}'?)",
    },
    "date_far": {
        "en": "{date} is more than a year away from {year}: is the year mistyped?",
        "vi": "{date} cách năm {year} hơn một năm: có gõ nhầm năm không?",
    },
    # -- files and folders
    "file_too_large": {"en": "file larger than {mib} MiB", "vi": "tệp lớn hơn {mib} MiB"},
    "split_file": {"en": "split it into several files", "vi": "tách thành nhiều tệp"},
    "split_workbook": {"en": "split the workbook", "vi": "tách sổ tính thành nhiều tệp"},
    "split_workbook_csv": {
        "en": "split the workbook, or save it as CSV",
        "vi": "tách sổ tính thành nhiều tệp, hoặc lưu dưới dạng CSV",
    },
    "file_not_found": {"en": "file not found", "vi": "không tìm thấy tệp"},
    "is_a_folder": {"en": "is a folder, expected a file", "vi": "là thư mục, cần một tệp"},
    "cannot_read": {"en": "cannot read: {reason}", "vi": "không đọc được: {reason}"},
    "cannot_read_folder": {"en": "cannot read the folder: {reason}", "vi": "không đọc được thư mục: {reason}"},
    "outside_link": {
        "en": "is a symbolic link that points outside the evidence folder",
        "vi": "là liên kết tượng trưng trỏ ra ngoài thư mục tài liệu kiểm chứng",
    },
    "outside_link_hint": {
        "en": "copy the file into the evidence folder instead",
        "vi": "hãy sao chép tệp vào thư mục tài liệu kiểm chứng",
    },
    "encoding_cp1258": {
        "en": "not UTF-8 text: the file is in Windows-1258 (Vietnamese)",
        "vi": "không phải văn bản UTF-8: tệp được lưu theo bảng mã Windows-1258 (tiếng Việt)",
    },
    "encoding_latin1": {
        "en": "not UTF-8 text: the file is in Windows-1252 / Latin-1 (Western European)",
        "vi": "không phải văn bản UTF-8: tệp được lưu theo bảng mã Windows-1252 / Latin-1 (Tây Âu)",
    },
    "save_utf8": {"en": "save the file as UTF-8", "vi": "lưu tệp dưới dạng UTF-8"},
    "save_csv_utf8": {
        "en": "save the file as UTF-8: in Excel, Save As 'CSV UTF-8 (Comma delimited) (*.csv)'; "
        "in Notepad, Save As with Encoding UTF-8",
        "vi": "lưu tệp dưới dạng UTF-8: trong Excel chọn Lưu thành (Save As) 'CSV UTF-8 (Comma delimited) "
        "(*.csv)'; trong Notepad chọn Lưu thành với Mã hóa (Encoding) UTF-8",
    },
    "letters_lost": {
        "en": "Vietnamese letters Latin-1 cannot hold (ư, ơ, đ, ...) may have been lost: "
        "from the original workbook, {how}",
        "vi": "các chữ tiếng Việt bảng mã Latin-1 không chứa được (ư, ơ, đ, ...) có thể đã bị mất: "
        "từ sổ tính gốc, {how}",
    },
    "output_folder": {"en": "--output is a folder: give a file name", "vi": "--output là thư mục: hãy ghi tên tệp"},
    "output_not_regular": {
        "en": "--output is not a regular file: give a file name",
        "vi": "--output không phải tệp thường: hãy ghi tên tệp",
    },
    "output_read_only": {"en": "cannot write: the file is read-only", "vi": "không ghi được: tệp chỉ cho phép đọc"},
    "output_unusable": {"en": "--output is not a usable path", "vi": "--output không phải đường dẫn dùng được"},
    "output_elsewhere": {"en": "write the output somewhere else", "vi": "hãy ghi kết quả ra chỗ khác"},
    "output_inside": {
        "en": "--output lies inside the {what} folder {folder}, which the run reads",
        "vi": "--output nằm trong thư mục {what} ({folder}) mà lệnh này đọc",
    },
    "output_overwrites": {
        "en": "--output would overwrite {path}, which the run reads",
        "vi": "--output sẽ ghi đè {path}, tệp mà lệnh này đọc",
    },
    "output_other_name": {
        "en": "--output is another name of {path}, which the run reads",
        "vi": "--output là một tên khác của {path}, tệp mà lệnh này đọc",
    },
    "expected_mapping": {"en": "expected a mapping with {expected}", "vi": "cần một bảng tên: giá trị có {expected}"},
    # -- YAML
    "not_a_list": {
        "en": "expected a list of records (or a mapping with the key 'records')",
        "vi": "cần một danh sách bản ghi (hoặc một bảng có khóa 'records')",
    },
    "invalid_yaml": {"en": "invalid YAML: {detail}", "vi": "YAML không hợp lệ: {detail}"},
    "yaml_too_deep": {
        "en": "YAML nested too deeply (more than {depth} levels)",
        "vi": "YAML lồng quá sâu (hơn {depth} cấp)",
    },
    "yaml_tag": {"en": "YAML tag {tag} is not allowed", "vi": "không được dùng thẻ YAML {tag}"},
    "yaml_too_large": {
        "en": "YAML too large: more than {limit} values once aliases are expanded",
        "vi": "YAML quá lớn: hơn {limit} giá trị khi mở rộng các bí danh",
    },
    "yaml_plain_keys": {"en": "mapping keys must be plain names", "vi": "khóa phải là tên thường"},
    "yaml_key_name": {"en": "mapping key {key} must be a name", "vi": "khóa {key} phải là một tên"},
    "duplicate_key": {"en": "duplicate key '{key}'", "vi": "trùng khóa '{key}'"},
    "yaml_value_too_long": {
        "en": "a value longer than {limit} characters",
        "vi": "giá trị dài hơn {limit} ký tự",
    },
    "yaml_not_valid": {"en": "{value} is not a valid {kind}", "vi": "{value} không phải {kind} hợp lệ"},
    "yaml_kind.int": {"en": "int", "vi": "số nguyên"},
    "yaml_kind.float": {"en": "float", "vi": "số"},
    "yaml_kind.bool": {"en": "bool", "vi": "giá trị true/false"},
    # -- CSV and workbooks
    "invalid_csv": {"en": "invalid CSV: {detail}", "vi": "CSV không hợp lệ: {detail}"},
    "too_many_columns": {"en": "more than {limit} columns", "vi": "hơn {limit} cột"},
    "no_type_column": {"en": "the header has no 'type' column", "vi": "dòng tiêu đề không có cột 'type'"},
    "no_type_column_hint": {
        "en": "add a 'type' column, or name the file after the type of its rows, e.g. reports.csv",
        "vi": "thêm cột 'type', hoặc đặt tên tệp theo loại của các dòng, ví dụ reports.csv hoặc bao-cao.csv",
    },
    "unknown_column": {
        "en": "column {column}, '{name}', is no column of this sheet",
        "vi": "cột {column}, '{name}', không phải là cột của trang tính này",
    },
    "unknown_column_csv": {
        "en": "column {column}, '{name}', is no column of an evidence file",
        "vi": "cột {column}, '{name}', không phải là cột của tệp tài liệu kiểm chứng",
    },
    "columns_are": {"en": "the columns are: {names}", "vi": "các cột là: {names}"},
    "columns_of_types": {
        "en": "each type's columns are listed on the guide sheet of the template (scorer template)",
        "vi": "các cột của từng loại có trong trang hướng dẫn của mẫu nhập (scorer template)",
    },
    "unknown_label": {
        "en": "'{value}' is not one of this column's values",
        "vi": "'{value}' không phải là giá trị của cột này",
    },
    "values_are": {"en": "write one of: {values}", "vi": "ghi một trong các giá trị: {values}"},
    "column_twice": {
        "en": "column '{name}' appears twice in the header",
        "vi": "cột '{name}' xuất hiện hai lần ở dòng tiêu đề",
    },
    "too_many_records": {"en": "more than {limit} records in one file", "vi": "hơn {limit} bản ghi trong một tệp"},
    "row_cells": {
        "en": "row has {cells} cells, the header has {header}",
        "vi": "dòng có {cells} ô, dòng tiêu đề có {header}",
    },
    "value_too_long": {"en": "value longer than {limit} characters", "vi": "giá trị dài hơn {limit} ký tự"},
    "unreadable_xlsx": {"en": "not a readable .xlsx workbook", "vi": "không đọc được tệp Excel .xlsx"},
    "resave_xlsx": {"en": "save it again from Excel as .xlsx", "vi": "lưu lại từ Excel dưới dạng .xlsx"},
    "xlsx_unpacks": {
        "en": "the workbook unpacks to {mib} MiB in {parts} parts, more than the {limit} MiB allowed",
        "vi": "sổ tính giải nén ra {mib} MiB trong {parts} phần, quá mức {limit} MiB cho phép",
    },
    "sheet_not_type": {
        "en": "sheet '{sheet}' is not an evidence type",
        "vi": "trang tính '{sheet}' không phải là loại tài liệu kiểm chứng",
    },
    "sheet_not_type_hint": {
        "en": "name each sheet after a type, e.g. 'plan', or give it a 'type' column",
        "vi": "đặt tên mỗi trang tính theo một loại, ví dụ 'plan' hoặc 'Kế hoạch', hoặc thêm cột 'type'",
    },
    "too_many_sheet_rows": {
        "en": "more than {limit} records in one sheet ({rows} rows)",
        "vi": "hơn {limit} bản ghi trong một trang tính ({rows} dòng)",
    },
    "too_many_sheet_records": {
        "en": "more than {limit} records in one sheet",
        "vi": "hơn {limit} bản ghi trong một trang tính",
    },
    "row_beyond_excel": {
        "en": "a row beyond Excel's last row ({limit})",
        "vi": "dòng nằm sau dòng cuối của Excel ({limit})",
    },
    "value_beyond_columns": {
        "en": "a value beyond the first {limit} columns",
        "vi": "có giá trị nằm ngoài {limit} cột đầu tiên",
    },
    "formula_unsaved": {
        "en": "the formula {formula} has no saved value",
        "vi": "công thức {formula} chưa có giá trị được lưu",
    },
    "formula_unsaved_hint": {
        "en": "open the workbook in Excel and save it, or type the value",
        "vi": "mở sổ tính bằng Excel rồi lưu lại, hoặc gõ giá trị",
    },
    "value_no_column": {"en": "a value under a column with no name", "vi": "có giá trị dưới một cột không có tên"},
    "cell_error": {"en": "the cell holds the error {value}", "vi": "ô chứa lỗi {value}"},
    "cell_holds": {"en": "the cell holds {what}", "vi": "ô chứa {what}"},
    "nan": {"en": "NaN (not a number)", "vi": "NaN (không phải số)"},
    "infinity": {"en": "infinity", "vi": "giá trị vô cực"},
    "number_for_text": {"en": "{value} is a number, and {field} is text", "vi": "{value} là số, mà {field} là văn bản"},
    "number_for_text_hint": {
        "en": "format the column as Text in Excel and type the value again",
        "vi": "định dạng cột là văn bản (Text) trong Excel rồi gõ lại giá trị",
    },
    "month_first": {
        "en": "{count} date(s) in this column (the first shown as {date}) may have been read month first, as a "
        "spreadsheet set to English (US) reads 12/03/2024 as 3 December: the sheet also holds '{text}', day "
        "first, as text",
        "vi": "{count} ngày trong cột này (ngày đầu hiện là {date}) có thể đã bị đọc tháng trước ngày sau, như bảng "
        "tính đặt tiếng Anh (Mỹ) đọc 12/03/2024 thành ngày 3 tháng 12: trang tính còn có '{text}' ghi dạng văn "
        "bản, ngày trước",
    },
    "month_first_text": {
        "en": "{count} date(s) in this column (the first '{date}') read both ways, and the file writes dates month "
        "first, as a spreadsheet set to English (US) does: '{text}' is no day read day first",
        "vi": "{count} ngày trong cột này (ngày đầu '{date}') đọc được theo cả hai cách, mà tệp ghi ngày theo thứ tự "
        "tháng trước ngày sau như bảng tính đặt tiếng Anh (Mỹ): '{text}' đọc ngày trước thì không phải ngày có thật",
    },
    "month_first_text_hint": {
        "en": "write the file's dates day first (14/06/2024) or as 2024-06-14",
        "vi": "ghi các ngày trong tệp theo thứ tự ngày trước (14/06/2024) hoặc dạng 2024-06-14",
    },
    "month_first_hint": {
        "en": "set the column to Text and type its dates again as 12/03/2024 (or 2024-03-12)",
        "vi": "định dạng cột là văn bản (Text) rồi gõ lại các ngày dạng 12/03/2024 (hoặc 2024-03-12)",
    },
    "type_on_sheet": {"en": "type '{type}' on the '{kind}' sheet", "vi": "loại '{type}' trên trang tính '{kind}'"},
    # -- the evidence tree and its records
    "evidence_folder_not_found": {
        "en": "evidence folder not found",
        "vi": "không tìm thấy thư mục tài liệu kiểm chứng",
    },
    "stray": {
        "en": "an evidence file outside a unit's year folder is not read",
        "vi": "tệp tài liệu kiểm chứng nằm ngoài thư mục năm của đơn vị sẽ không được đọc",
    },
    "stray_hint": {
        "en": "move it into the year folder it belongs to, e.g. evidence/<unit>/2024/",
        "vi": "chuyển tệp vào thư mục năm của nó, ví dụ evidence/<đơn vị>/2024/",
    },
    "no_unit_yaml": {"en": "unit folder without unit.yaml", "vi": "thư mục đơn vị không có unit.yaml"},
    "no_unit_yaml_hint": {
        "en": "add a unit.yaml with the unit's id and name, or move the folder out of the evidence folder",
        "vi": "thêm unit.yaml ghi mã và tên đơn vị, hoặc chuyển thư mục ra khỏi thư mục tài liệu kiểm chứng",
    },
    "not_read_suffix": {
        "en": "a {suffix} file is not read: its records would be left out",
        "vi": "tệp {suffix} không được đọc: các bản ghi trong đó sẽ bị bỏ sót",
    },
    "not_read_suffix_hint": {
        "en": "save it as .xlsx or .csv (UTF-8), or move it out of the year folder",
        "vi": "lưu dưới dạng .xlsx hoặc .csv (UTF-8), hoặc chuyển tệp ra khỏi thư mục năm",
    },
    "duplicate_id": {"en": "duplicate id '{id}' (first at {first})", "vi": "trùng mã '{id}' (đã có tại {first})"},
    "duplicate_id_case": {"en": "duplicate id '{id}'", "vi": "trùng mã '{id}'"},
    "expected_record": {
        "en": "expected a record (a mapping with id, type, date, ...)",
        "vi": "cần một bản ghi (một bảng có id, type, date, ...)",
    },
    "unknown_type": {"en": "unknown type '{type}'", "vi": "không có loại '{type}'"},
    "path_nul": {"en": "the path contains a NUL character", "vi": "đường dẫn chứa ký tự NUL"},
    "path_nul_hint": {
        "en": "give the scan's file name as it is on disk",
        "vi": "ghi tên tệp bản quét đúng như trên đĩa",
    },
    "path_too_long": {
        "en": "the path is longer than the file system allows ({limit} characters, 255 bytes a name)",
        "vi": "đường dẫn dài hơn mức hệ thống tệp cho phép ({limit} ký tự, 255 byte mỗi tên)",
    },
    "path_too_long_hint": {
        "en": "give a shorter path relative to the unit folder",
        "vi": "ghi đường dẫn ngắn hơn, tính từ thư mục đơn vị",
    },
    "path_outside": {"en": "'{path}' points outside the unit folder", "vi": "'{path}' trỏ ra ngoài thư mục đơn vị"},
    "path_outside_hint": {
        "en": "give a path relative to the unit folder, inside it",
        "vi": "ghi đường dẫn tính từ thư mục đơn vị, nằm trong thư mục đó",
    },
    "unknown_proof": {
        "en": "proof '{proof}' is not a proof of any sub-criterion of {set}",
        "vi": "'{proof}' không phải tài liệu kiểm chứng của tiêu chí thành phần nào trong {set}",
    },
    "unknown_criterion": {"en": "'{id}' is not a criterion of {set}", "vi": "'{id}' không phải tiêu chí của {set}"},
    "no_criterion": {"en": "no criterion '{id}' in {set}", "vi": "không có tiêu chí '{id}' trong {set}"},
    "unknown_area": {"en": "'{id}' is not an area of {set}", "vi": "'{id}' không phải lĩnh vực của {set}"},
    "unknown_document_kind": {
        "en": "document kind '{kind}' is not declared by {set}",
        "vi": "loại văn bản '{kind}' không được khai báo trong {set}",
    },
    "unknown_indicator": {
        "en": "indicator '{name}' is not declared by {set}",
        "vi": "chỉ số '{name}' không được khai báo trong {set}",
    },
    "not_survey_criterion": {
        "en": "'{id}' is not a survey criterion of {set}",
        "vi": "'{id}' không phải tiêu chí điều tra xã hội học của {set}",
    },
    "survey_instrument": {
        "en": "criterion {id} is scored by the '{instrument}' survey",
        "vi": "tiêu chí {id} được chấm theo khảo sát '{instrument}'",
    },
    "no_instrument": {
        "en": "{set} declares no {instrument} instrument (surveys.instruments)",
        "vi": "{set} không khai báo bộ câu hỏi {instrument} (surveys.instruments)",
    },
    "unknown_question": {
        "en": "'{question}' is not a question of the {instrument} instrument",
        "vi": "'{question}' không phải câu hỏi của bộ câu hỏi {instrument}",
    },
    "unknown_answer": {
        "en": "'{answer}' is not an answer of the scale ({scale})",
        "vi": "'{answer}' không phải phương án trả lời của thang đo ({scale})",
    },
    "unknown_respondents": {
        "en": "'{group}' is not a respondent group of the {instrument} instrument",
        "vi": "'{group}' không phải nhóm người trả lời của bộ câu hỏi {instrument}",
    },
    "more_than": {"en": "{part} ({a}) is more than {whole} ({b})", "vi": "{part} ({a}) lớn hơn {whole} ({b})"},
    "recognized_by": {
        "en": "a recognized initiative needs recognized_by (the recognition decision's number)",
        "vi": "sáng kiến đã được công nhận cần có recognized_by (số quyết định công nhận)",
    },
    "answer_pairs": {
        "en": "expected answer=count pairs like A=12;B=5, got '{part}'",
        "vi": "cần các cặp phương án=số lượng như A=12;B=5, nhận được '{part}'",
    },
    "answers_question": {
        "en": "answer counts need the 'question' they answer",
        "vi": "số lượng trả lời cần có 'question' (câu hỏi được trả lời)",
    },
    "share_or_answers": {
        "en": "give either 'share' or 'answers', not both",
        "vi": "chỉ ghi 'share' hoặc 'answers', không ghi cả hai",
    },
    "answers_zero": {"en": "answer counts add up to 0", "vi": "tổng số lượng trả lời bằng 0"},
    "survey_needs": {
        "en": "a survey record needs 'criterion' and 'share', or 'question' and 'answers'",
        "vi": "bản ghi khảo sát cần 'criterion' và 'share', hoặc 'question' và 'answers'",
    },
    "rank_past": {
        "en": "{name} {value} is past the number ranked ({of})",
        "vi": "{name} {value} vượt quá số đơn vị được xếp hạng ({of})",
    },
    "number_conflict": {
        "en": "{number} of {year} also names '{first}' ({at}) with another {differs}: "
        "'{title}' {date} vs '{first_title}' {first_date}",
        "vi": "số {number} năm {year} cũng là số của '{first}' ({at}) nhưng khác {differs}: "
        "'{title}' {date} và '{first_title}' {first_date}",
    },
    "differs_title": {"en": "title", "vi": "trích yếu"},
    "differs_date": {"en": "date", "vi": "ngày"},
    "differs_title_date": {"en": "title and date", "vi": "trích yếu và ngày"},
    "number_conflict_hint": {
        "en": "one number and symbol names one document a year",
        "vi": "mỗi số và ký hiệu chỉ dùng cho một văn bản trong một năm",
    },
    "after_cutoff": {
        "en": "{date} is after the {year} data cut-off ({cutoff})",
        "vi": "ngày {date} muộn hơn ngày chốt số liệu năm {year} ({cutoff})",
    },
    "report_before_year": {
        "en": "a report dated {date} is not a report of {year}: this year's reports are sent in {year}",
        "vi": "báo cáo ngày {date} không phải báo cáo của năm {year}: báo cáo của năm {year} được gửi trong năm {year}",
    },
    "report_before_year_hint": {
        "en": "a report of {last} goes in the {last} folder",
        "vi": "báo cáo năm {last} để trong thư mục {last}",
    },
    "after_cutoff_hint": {
        "en": "a record of the next year goes in that year's folder",
        "vi": "bản ghi của năm sau để trong thư mục của năm đó",
    },
    "to_review": {
        "en": "'{id}' was drafted from the register and is not reviewed yet: "
        "the forecast counts it only in the high scenario",
        "vi": "'{id}' được lập từ sổ đăng ký văn bản đi và chưa được rà soát: "
        "bản dự báo chỉ tính nó trong kịch bản cao",
    },
    "to_review_hint": {
        "en": "check it against the document, fill in what its note names, then delete `review: needed`",
        "vi": "đối chiếu với văn bản, bổ sung những gì ghi chú nêu, rồi xóa dòng `review: needed`",
    },
    "report_not_sent": {
        "en": "the report '{id}' has no date sent: it counts as not sent",
        "vi": "báo cáo '{id}' chưa ghi ngày gửi: được tính là chưa gửi",
    },
    "report_not_sent_hint": {
        "en": "if it was sent, write the day it was sent",
        "vi": "nếu đã gửi, ghi ngày gửi báo cáo",
    },
    "due_differs": {
        "en": "'{id}' is due {due} by the criteria set, not {typed}: the set's day counts",
        "vi": "hạn của '{id}' theo bộ tiêu chí là {due}, không phải {typed}: tính theo hạn của bộ tiêu chí",
    },
    "due_differs_hint": {
        "en": "if the province set another day, it goes in the criteria set's calendar",
        "vi": "nếu tỉnh quy định hạn khác, sửa lịch (calendar) trong bộ tiêu chí",
    },
    "done_after_cutoff": {
        "en": "{date} is after the {year} data cut-off ({cutoff}): it counts as not done in the year",
        "vi": "ngày {date} muộn hơn ngày chốt số liệu năm {year} ({cutoff}): được tính là chưa thực hiện trong năm",
    },
    "done_after_cutoff_hint": {"en": "check the year of this date", "vi": "kiểm tra lại năm của ngày này"},
    "no_draft": {"en": "no record '{id}' waiting for review", "vi": "không có bản ghi '{id}' đang chờ rà soát"},
    "draft_changed": {
        "en": "'{id}' is no longer written as drafted",
        "vi": "'{id}' không còn giữ nguyên như khi được lập",
    },
    "draft_changed_hint": {
        "en": "edit the file: delete its `review: needed` line to accept it, or the record to reject it",
        "vi": "sửa trực tiếp tệp: xóa dòng `review: needed` để chấp nhận, hoặc xóa bản ghi để loại bỏ",
    },
    # -- unit.yaml, official.yaml, explanations, test cases, decisions
    "row_id_not_title": {
        "en": "write the row's id, not its title: '{id}'",
        "vi": "ghi mã của dòng, không ghi tên: '{id}'",
    },
    "unknown_group": {
        "en": "group '{group}' is not one of the unit groups of {set}: {groups}",
        "vi": "nhóm '{group}' không phải nhóm đơn vị của {set}: {groups}",
    },
    "needs_group": {
        "en": "{set} scores by unit group: give one of {groups}",
        "vi": "{set} chấm điểm theo nhóm đơn vị: ghi một trong các nhóm {groups}",
    },
    "unit_id_folder": {
        "en": "id '{id}' does not match its folder '{folder}'",
        "vi": "mã '{id}' không khớp với thư mục '{folder}'",
    },
    "unknown_role": {
        "en": "'{role}' is not an owner role of {set} ({roles})",
        "vi": "'{role}' không phải vai trò chủ trì của {set} ({roles})",
    },
    "unused_role": {
        "en": "'{role}' is not an owner role of {set}: ignored",
        "vi": "'{role}' không phải vai trò chủ trì của {set}: bỏ qua",
    },
    "also_at": {"en": "{message}; also at {places}", "vi": "{message}; cũng gặp tại {places}"},
    "also_at_more": {
        "en": "{message}; also at {places} and {more} more",
        "vi": "{message}; cũng gặp tại {places} và {more} chỗ khác",
    },
    "unresolved_criterion": {
        "en": "'{id}' is the model's row \"{title}\", which no row of {set} is (by its id or its same_as): "
        "the records naming it ({count}) count for no row under this set",
        "vi": "'{id}' là tiêu chí \"{title}\" của bộ mẫu, không ứng với tiêu chí nào của {set} (theo mã hoặc "
        "same_as): {count} tài liệu kiểm chứng nêu tiêu chí này không được tính cho tiêu chí nào của bộ này",
    },
    "unresolved_hint": {
        "en": "if a row of this set is that row, add same_as: ['{id}'] to it",
        "vi": "nếu một tiêu chí của bộ này chính là tiêu chí đó, thêm same_as: ['{id}'] vào tiêu chí ấy",
    },
    "unresolved_hint_like": {
        "en": "if a row of this set is that row, add same_as: ['{id}'] to it; rows like it: {rows}",
        "vi": "nếu một tiêu chí của bộ này chính là tiêu chí đó, thêm same_as: ['{id}'] vào tiêu chí ấy; "
        "các tiêu chí gần giống: {rows}",
    },
    "official_other_set": {
        "en": "the published {year} results are not on the frame of {set} (areas {theirs}, total {total}; the set "
        "has areas {ours} over {scale} points): predict compares this year with them nowhere",
        "vi": "kết quả công bố năm {year} không theo khung của {set} (lĩnh vực {theirs}, tổng {total}; bộ tiêu chí "
        "có lĩnh vực {ours} trên {scale} điểm): dự báo không so sánh năm nay với kết quả này",
    },
    # -- `criteria import --report`: what became of each row of a decision's table
    "wiring.copied": {
        "en": "{id} copied from {source} ({score}): {title}",
        "vi": "{id} sao chép từ {source} ({score}): {title}",
    },
    "wiring.row": {
        "en": "{id} {status} ({why}; best known rows: {named}): {title}",
        "vi": "{id} {status} ({why}; các dòng đã biết gần nhất: {named}): {title}",
    },
    "wiring.none": {"en": "none", "vi": "không có"},
    "wiring.wired": {"en": "wired", "vi": "đã đọc cách tính"},
    "wiring.todo": {"en": "todo", "vi": "còn phải viết"},
    "wiring.why_wired": {
        "en": "{kind} from the text; metric to write",
        "vi": "cách tính '{kind}' đọc từ văn bản; còn phải viết số liệu (metric)",
    },
    "wiring.why_todo": {"en": "no rule read from the text", "vi": "không đọc được cách tính từ văn bản"},
    "wiring.summary": {
        "en": "{rows} rows: {copied} copied, {wired} wired, {todo} todo",
        "vi": "{rows} dòng: {copied} sao chép, {wired} đã đọc cách tính, {todo} còn phải viết",
    },
    "wiring.known_like": {"en": "known rows like it: {rows}", "vi": "các dòng đã biết giống dòng này: {rows}"},
    "wiring.todo_write_metric": {"en": "{why}: write the metric", "vi": "{why}: hãy viết số liệu (metric)"},
    "wiring.why_not_fit": {
        "en": "the rule read from the text does not fit {label} {id}'s",
        "vi": "cách tính đọc từ văn bản không khớp với cách tính của {label} {id}",
    },
    "wiring.why_cannot_take": {
        "en": "the decision's {kind} rule cannot take {label} {id}'s wiring ({words})",
        "vi": "cách tính {kind} của quyết định không dùng được số liệu của {label} {id} ({words})",
    },
    # -- `criteria import`: the draft's notes (`todo`) for the officer who finishes it, and the rows
    # it could not read
    "draft.header": {
        "en": "Draft criteria set imported from {source} by `scorer criteria import`.\n"
        "{rows} table rows read, {unread} not placed (listed under `todo` at the end);\n"
        "{todo} sub-criteria still to finish (each lists what under `todo`). Finish them, delete\n"
        "each `todo` when done, then `scorer validate --criteria THIS_FILE` until it reports nothing.",
        "vi": "Bản nháp bộ tiêu chí nhập từ {source} bằng lệnh `scorer criteria import`.\n"
        "Đã đọc {rows} dòng của bảng, {unread} dòng chưa xếp được (liệt kê trong `todo` ở cuối tệp);\n"
        "{todo} tiêu chí thành phần còn phải hoàn thiện (việc còn lại ghi trong `todo` của từng tiêu chí).\n"
        "Làm xong việc nào thì xoá dòng `todo` đó, rồi chạy `scorer validate --criteria TỆP_NÀY` đến khi\n"
        "không còn báo lỗi.",
    },
    "draft.no_table": {
        "en": "no table with a criteria column (Tiêu chí / Nội dung) and a maximum column (Điểm tối đa)",
        "vi": "không có bảng nào có cột tiêu chí (Tiêu chí / Nội dung) và cột điểm tối đa (Điểm tối đa)",
    },
    "draft.at_table": {"en": "table {n}, row {line}", "vi": "bảng {n}, dòng {line}"},
    "draft.at_sheet": {"en": "{sheet}, row {line}", "vi": "{sheet}, dòng {line}"},
    "draft.bad_row": {
        "en": "{at}: cannot read this row ({why}): {row}",
        "vi": "{at}: không đọc được dòng này ({why}): {row}",
    },
    "draft.todo_not_read": {"en": "{at} not read ({why}): {row}", "vi": "{at} chưa đọc được ({why}): {row}"},
    "draft.before_area": {
        "en": "{at}: a row before the first area (I, II, ...): {row}",
        "vi": "{at}: dòng nằm trước lĩnh vực đầu tiên (I, II, ...): {row}",
    },
    "draft.todo_before_area": {
        "en": "{at} not placed (before the first area): {row}",
        "vi": "{at} chưa xếp được (nằm trước lĩnh vực đầu tiên): {row}",
    },
    "draft.sub_orphan": {
        "en": "{at}: sub-criterion {label} has no criterion above it",
        "vi": "{at}: tiêu chí thành phần {label} không có tiêu chí nào ở trên",
    },
    "draft.option_orphan": {
        "en": "{at}: an option with no criterion above it: {row}",
        "vi": "{at}: một mức chấm điểm không có tiêu chí nào ở trên: {row}",
    },
    "draft.todo_orphan": {
        "en": "{at} not placed (no criterion above): {row}",
        "vi": "{at} chưa xếp được (không có tiêu chí ở trên): {row}",
    },
    "draft.why_no_stt": {"en": "no STT and no title", "vi": "không có STT và không có tên"},
    "draft.why_bad_stt": {
        "en": "STT '{label}' is not a roman numeral, a number or a dotted number",
        "vi": "STT '{label}' không phải số La Mã, số, hay số có dấu chấm (như 1.1)",
    },
    "draft.why_deep": {
        "en": "STT '{label}' is deeper than area / criterion / sub-criterion",
        "vi": "STT '{label}' sâu hơn ba cấp lĩnh vực / tiêu chí / tiêu chí thành phần",
    },
    "draft.todo_node_options": {
        "en": "criterion {id} has scoring options of its own and sub-criteria: place them",
        "vi": "tiêu chí {id} vừa có các mức chấm điểm riêng vừa có tiêu chí thành phần: hãy xếp các mức vào đúng chỗ",
    },
    "draft.area_empty": {
        "en": "row {line}: area {label} has no criteria",
        "vi": "dòng {line}: lĩnh vực {label} không có tiêu chí nào",
    },
    "draft.todo_area_empty": {
        "en": "area {id} {title}: no criteria were read under it",
        "vi": "lĩnh vực {id} {title}: không đọc được tiêu chí nào bên dưới",
    },
    "draft.todo_classes": {
        "en": "classes: check the class names and thresholds against the decision",
        "vi": "classes: đối chiếu tên các mức xếp loại và ngưỡng điểm với quyết định",
    },
    "draft.todo_sum": {
        "en": "{id} has no maximum in the table: the draft gives it {total}, the sum of {what}",
        "vi": "{id} không có điểm tối đa trong bảng: bản nháp ghi {total}, là tổng điểm của {what}",
    },
    "draft.sum_subs": {"en": "its sub-criteria", "vi": "các tiêu chí thành phần"},
    "draft.sum_criteria": {"en": "its criteria", "vi": "các tiêu chí"},
    "draft.empty": {"en": "empty", "vi": "để trống"},
    "draft.todo_max": {
        "en": "max: the table gives none ({raw}); the draft takes {max}",
        "vi": "max: bảng không ghi điểm tối đa ({raw}); bản nháp lấy {max}",
    },
    "draft.no_max": {
        "en": "row {line}: {id} {title}: no maximum in '{raw}'",
        "vi": "dòng {line}: {id} {title}: không đọc được điểm tối đa từ '{raw}'",
    },
    "draft.todo_owner": {
        "en": "owner and remedy",
        "vi": "owner và remedy (đơn vị chủ trì và biện pháp khắc phục)",
    },
    "draft.todo_decision": {
        "en": "decision: give the decision's number (e.g. 1325/QĐ-UBND) in `decision` and `provenance`",
        "vi": "decision: ghi số quyết định (ví dụ 1325/QĐ-UBND) vào `decision` và `provenance`",
    },
    "draft.todo_issuer": {
        "en": "provenance: name the issuer (e.g. UBND tỉnh ...)",
        "vi": "provenance: ghi cơ quan ban hành (ví dụ UBND tỉnh ...)",
    },
    "draft.todo_year": {
        "en": "year: the text names no year; the draft says {year}",
        "vi": "year: văn bản không ghi năm; bản nháp ghi năm {year}",
    },
    "draft.check_survey": {
        "en": "check the survey instrument ({instrument}) and the respondents",
        "vi": "kiểm tra loại phiếu khảo sát ({instrument}) và đối tượng được khảo sát",
    },
    "draft.metric_deductions": {
        "en": "metric: the number of cases that each take the deduction",
        "vi": "metric: số trường hợp bị trừ điểm (mỗi trường hợp trừ một lần)",
    },
    "draft.metric_ratio": {
        "en": "metric: the ratio A / B as a share 0..1",
        "vi": "metric: tỉ số A / B, là tỉ lệ từ 0 đến 1",
    },
    "draft.band_gap": {
        "en": "the decision's bands leave a gap at {at} (no band holds it): check the edges",
        "vi": "các mức của quyết định bỏ trống tại {at} (không mức nào chứa giá trị này): kiểm tra lại các ngưỡng",
    },
    "draft.band_overlap": {
        "en": "the decision's bands overlap at {at} (two bands hold it): the draft gives the higher",
        "vi": "các mức của quyết định chồng lên nhau tại {at} (hai mức cùng chứa giá trị này): bản nháp lấy mức cao hơn",
    },
    "draft.metric_share": {"en": "metric: the share as 0..1", "vi": "metric: tỉ lệ từ 0 đến 1"},
    "draft.metric_on_time": {
        "en": "metric: an on_time_share metric over the set's obligations",
        "vi": "metric: một số liệu on_time_share trên các nghĩa vụ của bộ tiêu chí",
    },
    "draft.metric_obligation": {
        "en": "metric: an obligation metric (on_time_share) with its due date",
        "vi": "metric: một số liệu về nghĩa vụ (on_time_share) kèm hạn của nó",
    },
    "draft.metric_binary": {
        "en": "metric: one that is 1 when the row is met (e.g. exists)",
        "vi": "metric: một số liệu bằng 1 khi đạt tiêu chí (ví dụ exists)",
    },
    "draft.metric_binary_not_arising": {
        "en": "metric: one that is 1 when the row is met; nothing arising gives full points",
        "vi": "metric: một số liệu bằng 1 khi đạt tiêu chí; không phát sinh thì được điểm tối đa",
    },
    "draft.rule_no_text": {
        "en": "rule: no scoring text in the table: write the rule",
        "vi": "rule: bảng không ghi cách tính điểm: hãy viết cách tính",
    },
    "draft.rule_unknown": {
        "en": "rule: the scoring text is not a phrasing the importer knows; write the rule",
        "vi": "rule: cách tính điểm trong bảng không thuộc các cách diễn đạt đã biết: hãy viết cách tính",
    },
    "wiring.classes_copied": {
        "en": "classes copied from {set}: check them against the decision",
        "vi": "xếp loại sao chép từ {set}: đối chiếu lại với quyết định",
    },
    "vocabulary_kind": {
        "en": "indicator '{name}' is a {kind} in the product's vocabulary: a set may add indicators, not change "
        "what one is",
        "vi": "chỉ số '{name}' là {kind} trong danh mục dùng chung của phần mềm: bộ tiêu chí được thêm chỉ số mới, "
        "không được đổi loại của chỉ số đã có",
    },
    "vocabulary_kind_hint": {
        "en": "give the set's indicator a name of its own and read that name in the set's metrics",
        "vi": "đặt cho chỉ số của bộ tiêu chí một tên riêng và dùng tên đó trong các số liệu (metrics) của bộ",
    },
    "official_year": {"en": "{year} in the {folder} folder", "vi": "năm {year} trong thư mục {folder}"},
    "official_unit": {
        "en": "'{unit}' in the folder of unit '{folder}'",
        "vi": "'{unit}' trong thư mục của đơn vị '{folder}'",
    },
    "official_sum": {
        "en": "add up to {added}, not the total {total}",
        "vi": "cộng lại được {added}, không bằng tổng {total}",
    },
    "over_max": {
        "en": "{points} points are more than criterion {id}'s maximum {max}",
        "vi": "{points} điểm lớn hơn điểm tối đa {max} của tiêu chí {id}",
    },
    "test_folder_not_found": {"en": "test folder not found", "vi": "không tìm thấy thư mục ca kiểm thử"},
    "decision_too_large": {
        "en": "larger than {mib} MiB: not a decision's table",
        "vi": "lớn hơn {mib} MiB: không phải bảng của một quyết định",
    },
    "cannot_read_word": {
        "en": "cannot read this file as a Word document",
        "vi": "không đọc được tệp này như một văn bản Word",
    },
    "cannot_read_excel": {
        "en": "cannot read this file as an Excel workbook",
        "vi": "không đọc được tệp này như một sổ tính Excel",
    },
    "expected_office": {
        "en": "expected a Word (.docx) or Excel (.xlsx) file",
        "vi": "cần một tệp Word (.docx) hoặc Excel (.xlsx)",
    },
    "save_docx": {"en": "save the decision as .docx", "vi": "lưu quyết định dưới dạng .docx"},
    # -- uploads through the web
    "duplicate_id_there": {
        "en": "duplicate id '{id}': {there} on the server already has it",
        "vi": "trùng mã '{id}': {there} trên máy chủ đã có mã này",
    },
    "upload_no_name": {"en": "no file name", "vi": "tệp không có tên"},
    "upload_no_file": {"en": "no file", "vi": "chưa chọn tệp"},
    "upload_control_character": {
        "en": "the file name contains a control character",
        "vi": "tên tệp chứa ký tự điều khiển",
    },
    "upload_suffix": {
        "en": "not an evidence file: the name must end in {suffixes}",
        "vi": "không phải tệp tài liệu kiểm chứng: tên tệp phải có đuôi {suffixes}",
    },
    "upload_official": {
        "en": "official.yaml holds the published results; it is not uploaded as evidence",
        "vi": "official.yaml chứa kết quả công bố, không tải lên như tài liệu kiểm chứng",
    },
    "upload_not_evidence": {
        "en": "{name} is not an evidence file; it is kept on the server by the administrator",
        "vi": "{name} không phải tệp tài liệu kiểm chứng; tệp này do quản trị viên lưu trên máy chủ",
    },
    "upload_too_heavy_time": {
        "en": "the check of the unit with this file took longer than the service gives one task",
        "vi": "việc kiểm tra đơn vị với tệp này kéo dài quá thời gian máy chủ dành cho một tác vụ",
    },
    "upload_too_heavy_cpu": {
        "en": "the check of the unit with this file took more CPU time than the service gives one task",
        "vi": "việc kiểm tra đơn vị với tệp này cần nhiều thời gian CPU hơn mức máy chủ dành cho một tác vụ",
    },
    "upload_too_heavy_memory": {
        "en": "the check of the unit with this file needed more memory than the service gives one task",
        "vi": "việc kiểm tra đơn vị với tệp này cần nhiều bộ nhớ hơn mức máy chủ dành cho một tác vụ",
    },
    # -- the register's rules (rules/register.yaml and a province's own)
    "register_no_rules": {"en": "no register rules", "vi": "không có quy tắc đọc sổ đăng ký văn bản"},
    "register_rule_type": {
        "en": "record needs its 'type' (plan, report, inspection, ...)",
        "vi": "record cần có 'type' (plan, report, inspection, ...)",
    },
    "register_rule_kinds": {
        "en": "a rule needs 'kinds' or 'all' (it would match every document)",
        "vi": "mỗi quy tắc cần 'kinds' hoặc 'all' (nếu không sẽ khớp với mọi văn bản)",
    },
    # -- a criteria set's checks (models/criteria.py, loading/criteria.py, scoring/kinds.py): what a
    # person editing a set reads; the set's own names (metrics, fields, dates) as the file writes them
    "cs.to_finish": {"en": "to finish: {item}", "vi": "còn phải hoàn thiện: {item}"},
    "cs.to_finish_row": {"en": "to finish: {id} {title}: {needs}", "vi": "còn phải hoàn thiện: {id} {title}: {needs}"},
    "cs.to_finish_adjustment": {
        "en": "to finish: {block} {id} {title}: metric",
        "vi": "còn phải hoàn thiện: {block} {id} {title}: số liệu (metric)",
    },
    "cs.block.bonus": {"en": "bonus", "vi": "điểm thưởng"},
    "cs.block.penalty": {"en": "penalty", "vi": "điểm trừ"},
    "cs.area_sum": {
        "en": "area {id} has max {max} but its criteria add up to {sum}",
        "vi": "lĩnh vực {id} có điểm tối đa {max} nhưng các tiêu chí cộng lại được {sum}",
    },
    "cs.node_sum": {
        "en": "criterion {id} has max {max} but its sub-criteria add up to {sum}",
        "vi": "tiêu chí {id} có điểm tối đa {max} nhưng các tiêu chí thành phần cộng lại được {sum}",
    },
    "cs.heading_node": {
        "en": "criterion {id} is a node: its own title heads it",
        "vi": "tiêu chí {id} có các tiêu chí thành phần: tên của chính nó đã là tiêu đề của nhóm",
    },
    "cs.heading_empty": {
        "en": "no sub-criterion of area {area} under '{heading}'",
        "vi": "lĩnh vực {area} không có tiêu chí thành phần nào thuộc nhóm '{heading}'",
    },
    "cs.unknown_metric": {"en": "unknown metric '{name}'", "vi": "không có số liệu (metric) '{name}'"},
    "cs.areas_scale": {
        "en": "area maxima add up to {total}, not the scale {scale}",
        "vi": "điểm tối đa của các lĩnh vực cộng lại được {total}, không bằng thang điểm {scale}",
    },
    "cs.late_ceiling": {
        "en": "{late} is below the ceiling {ceiling}",
        "vi": "{late} thấp hơn mức trần (ceiling) {ceiling}",
    },
    "cs.late_ceiling_hint": {
        "en": "late_ceiling lifts the ceiling for work the unit did late last year: write a chance from {ceiling} (no lift) to below 1",
        "vi": "late_ceiling nâng mức trần cho việc năm trước đơn vị đã làm muộn: ghi một xác suất từ {ceiling} (không nâng) đến dưới 1",
    },
    "cs.component_missing": {"en": "component '{name}' is missing", "vi": "thiếu thành phần điểm '{name}'"},
    "cs.component_sum": {
        "en": "component max {max} but its criteria add up to {sum}",
        "vi": "thành phần điểm có điểm tối đa {max} nhưng các tiêu chí của nó cộng lại được {sum}",
    },
    "cs.components_scale": {
        "en": "component maxima add up to {total}, not the scale {scale}",
        "vi": "điểm tối đa của các thành phần điểm cộng lại được {total}, không bằng thang điểm {scale}",
    },
    "cs.id_twice": {"en": "criterion id {id} is used twice", "vi": "mã tiêu chí {id} được dùng hai lần"},
    "cs.id_area": {
        "en": "criterion {id} is not numbered under area {area}",
        "vi": "tiêu chí {id} không được đánh số theo lĩnh vực {area}",
    },
    "cs.id_parent": {
        "en": "sub-criterion {id} is not numbered under criterion {parent}",
        "vi": "tiêu chí thành phần {id} không được đánh số theo tiêu chí {parent}",
    },
    "cs.unknown_group": {
        "en": "unknown unit group '{name}' (declare it under unit_groups)",
        "vi": "không có nhóm đơn vị '{name}' (khai báo nhóm trong unit_groups)",
    },
    "cs.no_rule": {"en": "criterion {id} has no rule", "vi": "tiêu chí {id} chưa có cách tính điểm (rule)"},
    "cs.no_rule_hint": {
        "en": "write one, or list it under todo",
        "vi": "viết cách tính điểm, hoặc ghi việc còn phải làm vào todo",
    },
    "cs.unknown_date": {
        "en": "unknown calendar date '{name}'",
        "vi": "không có mốc '{name}' trong lịch (calendar) của bộ tiêu chí",
    },
    "cs.unknown_type": {
        "en": "unknown evidence type '{type}'",
        "vi": "không có loại tài liệu kiểm chứng '{type}'",
    },
    "cs.proof_twice": {"en": "proof id '{id}' is used twice", "vi": "mã minh chứng '{id}' được dùng hai lần"},
    "cs.kind_undeclared": {
        "en": "'{kind}' is not declared in the criteria set's document kinds",
        "vi": "'{kind}' chưa được khai báo trong các loại văn bản (document_kinds) của bộ tiêu chí",
    },
    "cs.not_a_field": {
        "en": "'{field}' is not a field of {type} records",
        "vi": "'{field}' không phải là trường của bản ghi loại {type}",
    },
    "cs.needs_due": {
        "en": "a {kind} metric needs 'due_field' or 'expect'",
        "vi": "số liệu loại {kind} cần 'due_field' hoặc 'expect'",
    },
    "cs.name_undeclared": {
        "en": "'{value}' is not declared in the criteria set's {names}",
        "vi": "'{value}' chưa được khai báo trong {names} của bộ tiêu chí",
    },
    "cs.names.indicator": {"en": "indicator names", "vi": "danh mục chỉ số (indicators)"},
    "cs.names.document": {"en": "document names", "vi": "danh mục loại văn bản (document_kinds)"},
    "cs.needs_cutoff": {
        "en": "the calendar needs 'cutoff', the year's data cut-off date",
        "vi": "lịch (calendar) cần có 'cutoff', ngày chốt số liệu của năm",
    },
    "cs.field_kind": {
        "en": "the {key} of {metric} must hold {needs}, and '{field}' of {type} records holds {holds}",
        "vi": "{key} của {metric} phải là {needs}, mà '{field}' của bản ghi loại {type} là {holds}",
    },
    "cs.holds.number": {"en": "a number", "vi": "một số"},
    "cs.holds.date": {"en": "a date", "vi": "một ngày"},
    "cs.holds.bool": {"en": "true or false", "vi": "true hoặc false"},
    "cs.holds.enum": {"en": "a name", "vi": "một tên trong danh mục"},
    "cs.holds.list": {"en": "a list", "vi": "một danh sách"},
    "cs.holds.text": {"en": "text", "vi": "văn bản"},
    "cs.calendar_far": {
        "en": "{day} is too far from {year}: is the year mistyped?",
        "vi": "{day} cách năm {year} quá xa: có gõ nhầm năm không?",
    },
    "cs.not_a_value": {
        "en": "'{value}' is not a value of {type} records' {field} ({allowed})",
        "vi": "'{value}' không phải là giá trị của trường {field} của bản ghi loại {type} ({allowed})",
    },
    "cs.bool_field": {
        "en": "{type} records' {field} is true or false, not {value}",
        "vi": "trường {field} của bản ghi loại {type} là true hoặc false, không phải {value}",
    },
    "cs.number_field": {
        "en": "{type} records' {field} is a number, not {value}",
        "vi": "trường {field} của bản ghi loại {type} là một số, không phải {value}",
    },
    "cs.date_filter": {
        "en": "a filter on the date field '{field}' never matches: filter on another field",
        "vi": "bộ lọc trên trường ngày '{field}' không bao giờ khớp: hãy lọc theo trường khác",
    },
    "cs.range.exists": {"en": "a exists from 0 to 1", "vi": "có (1) hoặc không (0)"},
    "cs.range.on_time_share": {"en": "a on time share from 0 to 1", "vi": "tỉ lệ đúng hạn từ 0 đến 1"},
    "cs.range.share": {"en": "a share from 0 to 1", "vi": "tỉ lệ từ 0 đến 1"},
    "cs.range.indicator": {"en": "the {kind} '{name}' ({low}..{high})", "vi": "{kind} '{name}' ({low}..{high})"},
    "cs.not_sub": {
        "en": "'{id}' is not a sub-criterion of this set",
        "vi": "'{id}' không phải là tiêu chí thành phần của bộ tiêu chí này",
    },
    "cs.not_survey": {
        "en": "sub-criterion {id} is not scored by the {instrument} survey",
        "vi": "tiêu chí thành phần {id} không được chấm bằng khảo sát {instrument}",
    },
    "cs.unreachable": {
        "en": "{shown} can never be reached: metric '{name}' is {span}",
        "vi": "{shown} không bao giờ đạt được: số liệu '{name}' là {span}",
    },
    "cs.unreachable_hint": {
        "en": "{shown} looks like a percentage: write {value}",
        "vi": "{shown} có vẻ là tỉ lệ phần trăm: ghi {value}",
    },
    "cs.points_over": {
        "en": "{points} points exceed the criterion's max {max}",
        "vi": "{points} điểm vượt quá điểm tối đa {max} của tiêu chí",
    },
    "cs.needs_obligation": {
        "en": "a {kind} rule reads an obligation metric ({kinds})",
        "vi": "cách tính {kind} phải đọc một số liệu về nghĩa vụ đúng hạn ({kinds})",
    },
    "cs.band_edge": {
        "en": "a band needs exactly one of 'min' (met at that value or more) or 'above' (met above it)",
        "vi": "mỗi mức (band) cần đúng một trong hai: 'min' (đạt khi từ giá trị đó trở lên) hoặc 'above' "
        "(đạt khi trên giá trị đó)",
    },
    "cs.binary_edge": {
        "en": "a binary rule needs exactly one of 'min' (met when value >= min) or 'max' (met when value <= max)",
        "vi": "cách tính binary cần đúng một trong hai: 'min' (đạt khi giá trị >= min) hoặc 'max' (đạt khi giá trị "
        "<= max)",
    },
    "cs.bands_order": {
        "en": "bands must be listed from the highest minimum down",
        "vi": "các mức (bands) phải ghi từ mức có ngưỡng cao nhất xuống",
    },
    "cs.survey_not_arising": {
        "en": "a survey row cannot be 'not arising'",
        "vi": "tiêu chí chấm bằng khảo sát không thể 'không phát sinh' (not_arising)",
    },
    "cs.survey_source": {
        "en": "a {instrument} survey rule belongs to source {source}",
        "vi": "cách tính theo khảo sát {instrument} thuộc nguồn điểm {source}",
    },
    "cs.levels_order": {
        "en": "levels must not rise from on_time to late to missing",
        "vi": "điểm các mức không được tăng dần theo thứ tự on_time, late, missing",
    },
    "cs.hundredths": {
        "en": "{value} is not a whole number of hundredths",
        "vi": "{value} không phải là bội số của 0,01",
    },
    "cs.hundredths_hint": {
        "en": "points are rounded to 2 decimals: write e.g. 0.51",
        "vi": "điểm được làm tròn đến 2 chữ số thập phân: ghi ví dụ 0.51 (tệp YAML dùng dấu chấm thập phân)",
    },
    # -- the web service's accounts, database and folders
    "user_name_bad": {
        "en": "'{name}' is not a user name: letters, digits, . _ @ - (at most 64)",
        "vi": "'{name}' không phải tên người dùng: chữ cái, chữ số, . _ @ - (tối đa 64 ký tự)",
    },
    "unit_id_bad": {
        "en": "'{unit}' is not a unit id (the unit folder's name)",
        "vi": "'{unit}' không phải mã đơn vị (tên thư mục của đơn vị)",
    },
    "user_needs_unit": {
        "en": "a user needs at least one --unit, or --admin",
        "vi": "người dùng cần ít nhất một --unit, hoặc --admin",
    },
    "user_exists": {"en": "user '{name}' exists already", "vi": "người dùng '{name}' đã có"},
    "no_user_named": {"en": "no user '{name}'", "vi": "không có người dùng '{name}'"},
    "no_unit_named": {"en": "no unit '{unit}'", "vi": "không có đơn vị '{unit}'"},
    "password_short": {
        "en": "at least {count} characters (spaces at either end not counted)",
        "vi": "cần ít nhất {count} ký tự (không tính khoảng trắng ở hai đầu)",
    },
    "password_long": {"en": "at most {count} characters", "vi": "tối đa {count} ký tự"},
    "password_has_name": {
        "en": "the password may not contain the user name",
        "vi": "mật khẩu không được chứa tên người dùng",
    },
    "password_repeats": {
        "en": "the password repeats one or two characters: choose a phrase",
        "vi": "mật khẩu chỉ lặp lại một hoặc hai ký tự: hãy chọn một cụm từ",
    },
    "password_common": {
        "en": "a password that breach lists hold: anyone guessing tries it first",
        "vi": "mật khẩu này có trong các danh sách mật khẩu bị lộ: người dò mật khẩu sẽ thử nó đầu tiên",
    },
    "database_damaged": {
        "en": "the service's database is damaged ({found})",
        "vi": "cơ sở dữ liệu của dịch vụ bị hỏng ({found})",
    },
    "database_not_one": {
        "en": "the service's database is damaged or not one ({error})",
        "vi": "cơ sở dữ liệu của dịch vụ bị hỏng hoặc không phải một cơ sở dữ liệu ({error})",
    },
    "database_damaged_hint": {
        "en": "restore it from a backup, or move it away to start with no users",
        "vi": "khôi phục tệp từ bản sao lưu, hoặc chuyển tệp đi nơi khác để bắt đầu lại khi chưa có người dùng",
    },
    "database_cannot_open": {
        "en": "cannot open the service's database: {error}",
        "vi": "không mở được cơ sở dữ liệu của dịch vụ: {error}",
    },
    "unit_too_many_files": {
        "en": "more than {count} files in the unit folder",
        "vi": "thư mục đơn vị có hơn {count} tệp",
    },
    "upload_device_name": {
        "en": "{name} is a name Windows keeps for a device: rename the file",
        "vi": "{name} là tên Windows dành riêng cho thiết bị: hãy đổi tên tệp",
    },
    "sheet_empty_run": {
        "en": "more than {cells} empty cells or {rows} empty rows after row {row}: the sheet is refused before it is read",
        "vi": "hơn {cells} ô trống hoặc {rows} dòng trống sau dòng {row}: trang tính bị từ chối trước khi đọc",
    },
    "sheet_empty_cells": {
        "en": "more than {allowed} empty cells among {values} values: the sheet is refused before it is read",
        "vi": "hơn {allowed} ô trống giữa {values} giá trị: trang tính bị từ chối trước khi đọc",
    },
    "sheet_empty_rows": {
        "en": "more than {limit} empty rows among the records: the rest is not read",
        "vi": "hơn {limit} dòng trống xen giữa các bản ghi: phần còn lại không được đọc",
    },
    "delete_empty_below": {
        "en": "delete the empty rows and columns below and beside the records (select them, Delete), then save",
        "vi": "xoá các dòng và cột trống bên dưới và bên cạnh các bản ghi (chọn chúng, bấm Delete), rồi lưu lại",
    },
    "delete_empty_between": {
        "en": "delete the empty rows and columns between the records (select them, Delete), then save",
        "vi": "xoá các dòng và cột trống xen giữa các bản ghi (chọn chúng, bấm Delete), rồi lưu lại",
    },
    "upload_year_outside": {
        "en": "the year folder is not inside the unit folder",
        "vi": "thư mục năm không nằm trong thư mục đơn vị",
    },
    "upload_too_large": {"en": "larger than {mib} MiB", "vi": "lớn hơn {mib} MiB"},
    # -- what a command asks for
    "rules_not_found": {"en": "rules folder not found", "vi": "không tìm thấy thư mục bộ tiêu chí"},
    "rules_not_found_hint": {
        "en": "pass --rules DIR, or --criteria FILE, or run `scorer init` to start a project",
        "vi": "ghi --rules THƯ_MỤC, hoặc --criteria TỆP, hoặc chạy `scorer init` để bắt đầu dự án",
    },
    "rules_not_found_looked": {
        "en": "no scorer.toml, [tool.scorer] or rules/ in {folders}: {hint}",
        "vi": "không có scorer.toml, [tool.scorer] hay thư mục rules/ ở {folders}: {hint}",
    },
    "serve_rules_hint": {
        "en": "pass --rules DIR, the folder of criteria sets",
        "vi": "ghi --rules THƯ_MỤC, thư mục chứa các bộ tiêu chí",
    },
    "no_criteria_here": {"en": "no criteria_<year>.yaml here", "vi": "không có tệp criteria_<năm>.yaml ở đây"},
    "pass_criteria": {"en": "pass --criteria FILE", "vi": "ghi --criteria TỆP"},
    "no_set_for_year": {
        "en": "no criteria set for {year} (sets here: {known})",
        "vi": "không có bộ tiêu chí năm {year} (ở đây có: {known})",
    },
    "no_set_for_year_none": {
        "en": "no criteria set for {year} (sets here: none)",
        "vi": "không có bộ tiêu chí năm {year} (ở đây chưa có bộ nào)",
    },
    "pass_year_or_criteria": {"en": "pass --year or --criteria FILE", "vi": "ghi --year hoặc --criteria TỆP"},
    "pass_year": {"en": "pass --year", "vi": "ghi --year"},
    "output_is_folder": {"en": "--output is a folder: give a file name", "vi": "--output là một thư mục: ghi tên tệp"},
    "output_not_file": {
        "en": "--output is not a regular file: give a file name",
        "vi": "--output không phải là tệp thường: ghi tên tệp",
    },
    "cannot_write": {"en": "cannot write: {reason}", "vi": "không ghi được: {reason}"},
    "format_cannot_write": {
        "en": "this command cannot write a {suffix} file (--format {formats}); give --output a matching extension",
        "vi": "lệnh này không ghi được tệp {suffix} (--format {formats}); hãy đặt tên tệp --output có đuôi phù hợp",
    },
    "format_mismatch": {
        "en": "--format {fmt} does not match --output {output}: a {suffix} file holds {inferred}",
        "vi": "--format {fmt} không khớp với --output {output}: tệp {suffix} chứa định dạng {inferred}",
    },
    "format_needs_output": {"en": "--format {fmt} needs --output FILE", "vi": "--format {fmt} cần --output TỆP"},
    "workbook_no_what_if": {
        "en": "the expected-points workbook (--format xlsx) states real evidence only: "
        "run --with in another format (table, json, csv, md, html)",
        "vi": "sổ tính điểm dự kiến (--format xlsx) chỉ ghi tài liệu kiểm chứng thật: "
        "chạy --with với định dạng khác (table, json, csv, md, html)",
    },
    "compare_needs_track": {
        "en": "--format html and --compare need --track",
        "vi": "--format html và --compare cần có --track",
    },
    "form_with_refused": {
        "en": "a self-assessment form is what the evidence supports: --with is refused",
        "vi": "biểu tự đánh giá ghi đúng những gì tài liệu kiểm chứng chứng minh: không nhận --with",
    },
    "form_needs_output": {
        "en": "the form is a workbook: it needs --output FILE.xlsx",
        "vi": "biểu tự đánh giá là sổ tính: cần --output TỆP.xlsx",
    },
    "needs_serve_extra": {"en": "this command needs {missing}: {hint}", "vi": "lệnh này cần {missing}: {hint}"},
    # the reasons an operating system gives most often, in the reader's language
    "os_error.ENOENT": {"en": "no such file or folder", "vi": "không có tệp hoặc thư mục này"},
    "os_error.EACCES": {"en": "permission denied", "vi": "không có quyền truy cập"},
    "os_error.EPERM": {"en": "operation not permitted", "vi": "không được phép"},
    "os_error.ENOSPC": {"en": "no space left on the disk", "vi": "ổ đĩa đã hết chỗ"},
    "os_error.EROFS": {"en": "the disk is read-only", "vi": "ổ đĩa chỉ cho đọc"},
    "os_error.ENAMETOOLONG": {"en": "the file name is too long", "vi": "tên tệp quá dài"},
    "os_error.ELOOP": {
        "en": "symbolic links that lead back to themselves",
        "vi": "các liên kết tượng trưng trỏ vòng lại chính chúng",
    },
    "os_error.EISDIR": {"en": "it is a folder", "vi": "đây là một thư mục"},
    "os_error.ENOTDIR": {"en": "a part of the path is not a folder", "vi": "một phần của đường dẫn không phải thư mục"},
    "os_error.EEXIST": {"en": "it exists already", "vi": "đã có tệp hoặc thư mục này"},
    "os_error.EIO": {"en": "the disk could not be read or written", "vi": "lỗi đọc/ghi ổ đĩa"},
    "os_error.EBUSY": {"en": "the file is in use", "vi": "tệp đang được sử dụng"},
    "os_error.ETXTBSY": {"en": "the file is in use", "vi": "tệp đang được sử dụng"},
    "os_error.EINVAL": {"en": "not a valid path or name", "vi": "đường dẫn hoặc tên không hợp lệ"},
    "os_error.EMFILE": {"en": "too many files open", "vi": "đang mở quá nhiều tệp"},
    "os_error.ENFILE": {"en": "too many files open", "vi": "đang mở quá nhiều tệp"},
    "os_error.EFBIG": {"en": "the file is too large", "vi": "tệp quá lớn"},
    "os_error.EDQUOT": {"en": "the disk quota is used up", "vi": "đã hết hạn mức dung lượng đĩa"},
    "os_error.ENODEV": {"en": "no such device", "vi": "không có thiết bị này"},
    "os_error.ENXIO": {"en": "no such device", "vi": "không có thiết bị này"},
    "os_error.other": {"en": "{en}", "vi": "hệ thống từ chối (mã lỗi {code})"},
    # the reasons a database gives, in the reader's language (db_reason)
    "db_error.SQLITE_NOTADB": {"en": "the file is not a database", "vi": "tệp không phải là cơ sở dữ liệu"},
    "db_error.SQLITE_CORRUPT": {"en": "the database file is damaged", "vi": "tệp cơ sở dữ liệu bị hỏng"},
    "db_error.SQLITE_CANTOPEN": {"en": "the database file cannot be opened", "vi": "không mở được tệp cơ sở dữ liệu"},
    "db_error.SQLITE_READONLY": {"en": "the database is read-only", "vi": "cơ sở dữ liệu chỉ cho đọc"},
    "db_error.SQLITE_PERM": {"en": "permission denied", "vi": "không có quyền truy cập"},
    "db_error.SQLITE_FULL": {"en": "the disk is full", "vi": "ổ đĩa đã hết chỗ"},
    "db_error.SQLITE_IOERR": {"en": "the disk could not be read or written", "vi": "lỗi đọc/ghi ổ đĩa"},
    "db_error.SQLITE_BUSY": {
        "en": "the database is in use by another process",
        "vi": "cơ sở dữ liệu đang được một tiến trình khác sử dụng",
    },
    "db_error.SQLITE_LOCKED": {
        "en": "the database is in use by another process",
        "vi": "cơ sở dữ liệu đang được một tiến trình khác sử dụng",
    },
    "db_error.other": {"en": "{en}", "vi": "lỗi cơ sở dữ liệu ({code})"},
    # a parser's reasons (YAML, CSV, TOML), in the reader's language (parse_reason)
    "parse_error.other": {"en": "{en}", "vi": "sai cú pháp"},
    "parse_error.colon": {
        "en": "{en}",
        "vi": "dấu ':' không dùng được ở đây (một giá trị có dấu ':' phải đặt trong ngoặc kép)",
    },
    "parse_error.tab": {"en": "{en}", "vi": "có ký tự tab: chỉ thụt lề bằng dấu cách"},
    "parse_error.no_colon": {"en": "{en}", "vi": "thiếu dấu ':' sau tên khóa"},
    "parse_error.indent": {"en": "{en}", "vi": "thụt lề không khớp với các dòng trên"},
    "parse_error.alias": {"en": "{en}", "vi": "bí danh (alias) chưa được định nghĩa"},
    "parse_error.unclosed": {"en": "{en}", "vi": "dấu ngoặc kép mở mà không đóng"},
    "parse_error.bracket": {"en": "{en}", "vi": "dấu ngoặc mở mà không đóng đúng chỗ"},
    "parse_error.escape": {
        "en": "{en}",
        "vi": "ký tự thoát (\\) không hợp lệ trong chuỗi ngoặc kép: dùng ngoặc đơn hoặc viết \\\\",
    },
    "parse_error.documents": {"en": "{en}", "vi": "tệp có nhiều hơn một tài liệu (dòng '---')"},
    "parse_error.quote_after": {
        "en": "{en}",
        "vi": "sau dấu ngoặc kép đóng phải là dấu phân cách",
    },
    "parse_error.field_limit": {"en": "{en}", "vi": "một ô dài quá giới hạn"},
    "project_toml": {"en": "not a readable TOML file: {error}", "vi": "không đọc được tệp TOML: {error}"},
    "project_unknown_key": {"en": "unknown key {key}", "vi": "khóa không có trong tệp dự án: {key}"},
    "project_keys": {"en": "the keys are evidence, rules and lang", "vi": "các khóa là evidence, rules và lang"},
    "project_lang": {"en": "lang = {value} is not a language", "vi": "lang = {value} không phải là ngôn ngữ"},
    "project_lang_hint": {"en": "write vi or en", "vi": "ghi vi hoặc en"},
    "project_not_utf8": {"en": "the file is not UTF-8 text", "vi": "tệp không phải văn bản UTF-8"},
    "env_lang": {
        "en": "SCORER_LANG={value} is not a language: set it to vi or en",
        "vi": "SCORER_LANG={value} không phải là ngôn ngữ: đặt là vi (tiếng Việt) hoặc en (tiếng Anh)",
    },
    "as_of_before_year": {
        "en": "--as-of {day} is before {year} begins: the criteria set {title} predicts {year}, "
        "give a day from {year}-01-01 (or another --year)",
        "vi": "--as-of {day} là ngày trước năm {year}: bộ tiêu chí {title} dự báo năm {year}, "
        "hãy chọn một ngày từ {year}-01-01 (hoặc năm khác bằng --year)",
    },
    "owner_unknown": {
        "en": "--owner '{owner}' is neither an owner role nor a division name. Roles: {roles}.{divisions}",
        "vi": "--owner '{owner}' không phải là vai trò chủ trì hay tên một phòng, ban. Vai trò: {roles}.{divisions}",
    },
    "owner_unknown_hint": {"en": "{text} ({hint})", "vi": "{text} ({hint})."},
    "owner_divisions": {"en": " Divisions: {names}.", "vi": " Phòng, ban: {names}."},
    "init_unit_id": {
        "en": "a unit's id is its folder name: lower-case letters, digits and hyphens",
        "vi": "mã đơn vị là tên thư mục của đơn vị: chữ thường không dấu, chữ số và dấu gạch ngang",
    },
    "init_unit_id_hint": {"en": "e.g. so-tu-phap", "vi": "ví dụ: so-tu-phap"},
    "init_empty_name": {"en": "--name is empty", "vi": "--name để trống"},
    "init_empty_name_hint": {"en": 'e.g. --name "Sở Tư pháp"', "vi": 'ví dụ: --name "Sở Tư pháp"'},
    "init_unit_exists": {
        "en": "this unit already exists: init only starts a new one",
        "vi": "đơn vị này đã có: init chỉ tạo đơn vị mới",
    },
    "init_unit_exists_hint": {"en": "edit its files", "vi": "sửa trực tiếp các tệp của đơn vị"},
    "set_for_other_year": {
        "en": "this set is for {set_year}, not {year}",
        "vi": "bộ tiêu chí này của năm {set_year}, không phải năm {year}",
    },
    "no_unit": {"en": "no unit '{unit}'", "vi": "không có đơn vị '{unit}'"},
    "unit_by_name": {
        "en": "--unit takes the unit's folder name: --unit {unit}",
        "vi": "--unit ghi tên thư mục của đơn vị: --unit {unit}",
    },
    "one_unit_document_form": {
        "en": "the self-assessment form is one unit's document, and the evidence folder holds {count} units ({units})",
        "vi": "biểu tự đánh giá là văn bản của một đơn vị, nhưng thư mục minh chứng có {count} đơn vị ({units})",
    },
    "one_unit_document_plan": {
        "en": "the remediation plan is one unit's document, and the evidence folder holds {count} units ({units})",
        "vi": "kế hoạch khắc phục là văn bản của một đơn vị, nhưng thư mục minh chứng có {count} đơn vị ({units})",
    },
    "pass_unit": {
        "en": "pick one with --unit, e.g. --unit {example}",
        "vi": "chọn một đơn vị bằng --unit, ví dụ: --unit {example}",
    },
    "no_unit_folders": {
        "en": "no unit folders (each needs a unit.yaml)",
        "vi": "không có thư mục đơn vị nào (mỗi thư mục cần một tệp unit.yaml)",
    },
    "what_if_clash": {"en": "id '{id}' is already used by {there}", "vi": "mã '{id}' đã được dùng trong {there}"},
    "no_official": {
        "en": "no unit has an official.yaml for {year}",
        "vi": "không đơn vị nào có official.yaml của năm {year}",
    },
    "no_official_any": {
        "en": "no official.yaml for any year that has a criteria set",
        "vi": "không có official.yaml của năm nào có bộ tiêu chí",
    },
    "year_not_closed": {
        "en": "the {year} year is not closed: its data cut-off is {cutoff}",
        "vi": "năm {year} chưa khép lại: ngày chốt số liệu là {cutoff}",
    },
    "year_not_closed_hint": {
        "en": "a track record replays a closed year; use predict for this one",
        "vi": "bảng đối chiếu chỉ chạy lại một năm đã khép lại; năm này hãy dùng predict",
    },
    "scored_by_subcriteria": {
        "en": "criterion {id} is scored by its sub-criteria: explain one of {under}",
        "vi": "tiêu chí {id} được chấm theo các tiêu chí thành phần: hãy giải thích một trong {under}",
    },
    "no_such_criterion": {"en": "no criterion '{id}'", "vi": "không có tiêu chí '{id}'"},
    "target_outside": {
        "en": "a target of {goal} is outside the scale (0, {scale}]",
        "vi": "mục tiêu {goal} nằm ngoài thang điểm (0, {scale}]",
    },
    "target_hint": {"en": "give the total to reach, e.g. {example}", "vi": "ghi tổng điểm cần đạt, ví dụ {example}"},
    "form_no_what_if": {
        "en": "a self-assessment form takes no hypothetical evidence",
        "vi": "biểu tự đánh giá không nhận tài liệu kiểm chứng giả định",
    },
    # -- what a command did (one line to stderr)
    "notice.wrote": {"en": "Wrote {what} to {path}", "vi": "Đã ghi {what} vào {path}"},
    "notice.prediction": {"en": "the prediction", "vi": "bản dự báo điểm"},
    "notice.risks": {"en": "the points at risk", "vi": "danh sách điểm có nguy cơ bị trừ"},
    "notice.explanation": {"en": "the explanation", "vi": "phần giải thích cách tính điểm"},
    "notice.track": {"en": "the track record", "vi": "bảng đối chiếu dự báo với kết quả công bố"},
    "notice.backtest": {"en": "the backtest", "vi": "bảng đối chiếu với kết quả công bố"},
    "notice.target": {"en": "the way to the target", "vi": "lộ trình đạt mục tiêu"},
    "notice.plan": {"en": "the remediation plan", "vi": "kế hoạch khắc phục"},
    "notice.form": {"en": "the self-assessment form", "vi": "biểu tự đánh giá"},
    "notice.template": {"en": "the evidence template", "vi": "mẫu nhập tài liệu kiểm chứng"},
    "notice.as_of_after_sets": {
        "en": "Scoring {year} as of its data cut-off: {day} is after it, and the newest criteria set in {rules} "
        "is for {year}; there is none for {asked} (add {missing}, or check the year of --as-of)",
        "vi": "Chấm điểm năm {year} tính đến ngày chốt số liệu của năm đó: ngày {day} ở sau ngày chốt, và bộ tiêu chí "
        "mới nhất trong {rules} là của năm {year}; chưa có bộ tiêu chí năm {asked} (thêm {missing}, hoặc xem lại "
        "năm của --as-of)",
    },
    "notice.old_year": {
        "en": "Scoring {year}: the newest criteria set in {rules} is for {year}; there is none for {today} "
        "(add {missing}, or choose the year with --year)",
        "vi": "Chấm điểm năm {year}: bộ tiêu chí mới nhất trong {rules} là của năm {year}; chưa có bộ tiêu chí "
        "năm {today} (thêm {missing}, hoặc chọn năm bằng --year)",
    },
}


def os_reason(error: BaseException) -> Msg | str:
    """Why the system refused, as a message of this catalogue where it has the reason (`os_error.*`);
    another reason by its code in Vietnamese (the system's words in English); an error without a
    code (none the system raised) in its own words."""
    import errno

    code = errno.errorcode.get(getattr(error, "errno", None) or 0, "")
    key = f"os_error.{code}"
    if key in MESSAGES:
        return Msg(key)
    said = getattr(error, "strerror", None) or str(error)
    return Msg("os_error.other", (("en", said), ("code", code))) if code else said


def db_reason(error: BaseException) -> Msg | str:
    """Why the database refused (sqlite3's error), as a message of this catalogue where it has
    the reason (`db_error.*`); the system's reason for an OSError."""
    if isinstance(error, OSError):
        return os_reason(error)
    code = getattr(error, "sqlite_errorcode", None)
    name = _SQLITE_NAMES.get(code & 0xFF) if isinstance(code, int) else None
    if name is None:
        name = _sqlite_name_of(str(error))
    key = f"db_error.{name}"
    return Msg(key) if key in MESSAGES else Msg("db_error.other", (("en", str(error)), ("code", name or "?")))


# sqlite's primary result codes by number (the extended codes carry one in their low byte).
_SQLITE_NAMES = {
    3: "SQLITE_PERM",
    5: "SQLITE_BUSY",
    6: "SQLITE_LOCKED",
    8: "SQLITE_READONLY",
    10: "SQLITE_IOERR",
    11: "SQLITE_CORRUPT",
    13: "SQLITE_FULL",
    14: "SQLITE_CANTOPEN",
    26: "SQLITE_NOTADB",
}
_SQLITE_WORDS = {
    "file is not a database": "SQLITE_NOTADB",
    "database disk image is malformed": "SQLITE_CORRUPT",
    "unable to open database file": "SQLITE_CANTOPEN",
    "attempt to write a readonly database": "SQLITE_READONLY",
    "database is locked": "SQLITE_BUSY",
    "disk I/O error": "SQLITE_IOERR",
    "database or disk is full": "SQLITE_FULL",
}


def _sqlite_name_of(text: str) -> str | None:
    return next((name for words, name in _SQLITE_WORDS.items() if text.startswith(words)), None)


# A parser's reasons (PyYAML's problems, the csv module's errors) worded by the catalogue: the first
# words of each, to its key; any other keeps the parser's words in English and says "sai cú pháp"
# in Vietnamese (the file, line and column name the place).
_PARSER_WORDS = (
    ("mapping values are not allowed", "colon"),
    ("found character '\\t' that cannot start any token", "tab"),
    ("found a tab character", "tab"),
    ("could not find expected ':'", "no_colon"),
    ("did not find expected key", "indent"),
    ("did not find expected '-' indicator", "indent"),
    ("expected <block end>", "indent"),
    ("found undefined alias", "alias"),
    ("found unexpected end of stream", "unclosed"),
    ("unexpected end of data", "unclosed"),
    ("did not find expected ',' or", "bracket"),
    ("found unknown escape character", "escape"),
    ("expected a single document", "documents"),
    ("but found another document", "documents"),
    ("expected after '\"'", "quote_after"),
    ("field larger than field limit", "field_limit"),
)


def parse_reason(text: str) -> Msg:
    """A parser's reason for refusing a file, in the reader's language."""
    found = next((key for words, key in _PARSER_WORDS if words in text), "other")
    return Msg(f"parse_error.{found}", (("en", text),))


def render(message: Msg, lang: str, name: Namer | None = None) -> str:
    """`message` worded in `lang` ("vi" or "en"); an unknown key is shown as the key itself."""
    entry = MESSAGES.get(message.key)
    if entry is None:
        return message.key
    template = entry.get(lang) or entry["en"]
    values = {key: _shown(value, lang, name) for key, value in message.params}
    return template.format(**values)


def _shown(value: Any, lang: str, name: Namer | None) -> str:
    if isinstance(value, Msg):
        return render(value, lang, name)
    if isinstance(value, Place):
        return value.text(name)
    if isinstance(value, Figure):
        return str(value).replace(".", ",") if lang == "vi" else str(value)
    if isinstance(value, Grouped):
        text = f"{int(value):,}"
        return text.replace(",", ".") if lang == "vi" else text
    if isinstance(value, tuple):
        return ", ".join(_shown(item, lang, name) for item in value)
    return str(value)


def fields(template: str) -> set[str]:
    """The parameters a template names."""
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}
