"""Spreadsheet round trips, as officers make them: the shipped evidence opened in a spreadsheet set
to Vietnamese or to English (US), saved back as xlsx or CSV, in the encodings Windows offers, one
sheet at a time, with the sheet names people give. Each file ends in the right figures (the
prediction of the shipped evidence, unchanged) or in a refusal whose hint, followed, gives them.

The files are made here with openpyxl and csv, cell by cell as the spreadsheet would keep them."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from scorer.cli import main
from tests.conftest import OFFICE, RULES

AS_OF = "2024-09-30"


def _predict(runner: Any, evidence: Path) -> Any:
    result = runner.invoke(
        main, ["predict", "--evidence", str(evidence), "--rules", str(RULES), "--as-of", AS_OF, "--format", "json"]
    )
    return result


def _figures(result: Any) -> Any:
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    return data


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: Any) -> Any:
    """The prediction of the shipped evidence: the figures every round trip must end in."""
    from click.testing import CliRunner

    from tests.conftest import EVIDENCE

    return _figures(_predict(CliRunner(), EVIDENCE))


def _year(evidence: Path) -> Path:
    return evidence / OFFICE / "2024"


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.reader(stream))


_DMY = re.compile(r"^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$")
_GROUPED = re.compile(r"^[0-9]{1,3}(\.[0-9]{3})+$")


def vietnamese_excel(cell: str) -> Any:
    """A cell of a CSV as a spreadsheet set to Vietnamese keeps it: `.` marks thousands (`0.085`
    becomes 85, `0.75` is no number and stays text), `,` is the decimal mark, dates are day first."""
    if re.fullmatch(r"-?[0-9]+", cell):
        return int(cell)
    if _GROUPED.match(cell):
        return int(cell.replace(".", ""))
    if re.fullmatch(r"-?[0-9]+,[0-9]+", cell):
        return float(cell.replace(",", "."))
    match = _DMY.match(cell)
    if match:
        day, month, year = map(int, match.groups())
        try:
            return dt.datetime(year, month, day)
        except ValueError:
            return cell
    return cell


def english_excel(cell: str) -> Any:
    """A cell as a spreadsheet set to English (US) keeps it: `.` is the decimal mark, dates are
    month first (`12/03/2024` becomes 3 December; `19/06/2024` is no date and stays text)."""
    if re.fullmatch(r"-?[0-9]+", cell):
        return int(cell)
    if re.fullmatch(r"-?[0-9]*\.[0-9]+", cell):
        return float(cell)
    match = _DMY.match(cell)
    if match:
        month, day, year = map(int, match.groups())
        try:
            return dt.datetime(year, month, day)
        except ValueError:
            return cell
    return cell


def _workbook(path: Path, sheets: dict[str, list[list[Any]]]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append([None if cell == "" else cell for cell in row])
    book.save(path)


def _as_workbook(csv_path: Path, sheet: str, cell: Any = str) -> Path:
    """A shipped CSV file opened in a spreadsheet and saved as a workbook beside it (the CSV gone)."""
    rows = _rows(csv_path)
    body = [rows[0]] + [[cell(value) for value in row] for row in rows[1:]]
    target = csv_path.with_suffix(".xlsx")
    _workbook(target, {sheet: body})
    csv_path.unlink()
    return target


# -- sheet and file names -----------------------------------------------------------------


@pytest.mark.parametrize(
    "sheet", ["reports", "report", "Báo cáo", "bao-cao", "BAO_CAO", "Reports", "reports (2)", "Báo cáo 2024"]
)
def test_a_sheet_named_after_its_type_in_the_plural_or_in_vietnamese_is_that_type(runner, office_copy, shipped, sheet):
    _as_workbook(_year(office_copy) / "reports.csv", sheet)
    assert _figures(_predict(runner, office_copy)) == shipped


def test_a_sheet_named_after_no_type_without_type_column_is_refused_with_the_names_to_use(runner, office_copy, shipped):
    path = _year(office_copy) / "reports.csv"
    rows = _rows(path)
    column = rows[0].index("type")
    path.unlink()
    workbook = path.with_name("minh-chung.xlsx")
    _workbook(workbook, {"Sheet1": [row[:column] + row[column + 1 :] for row in rows]})
    result = _predict(runner, office_copy)
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f"Error: {workbook}[Sheet1]:1: sheet 'Sheet1' is not an evidence type "
        "(name each sheet after a type, e.g. 'plan', or give it a 'type' column)"
    )
    _workbook(workbook, {"report": [row[:column] + row[column + 1 :] for row in rows]})  # the hint, followed
    assert _figures(_predict(runner, office_copy)) == shipped


def test_a_workbook_named_after_a_type_gives_its_unnamed_sheet_that_type(runner, office_copy, shipped):
    _as_workbook(_year(office_copy) / "reports.csv", "Sheet1")
    assert _figures(_predict(runner, office_copy)) == shipped


def test_a_sheet_of_several_types_says_each_rows_type_in_its_type_column(runner, office_copy, shipped):
    """A CSV of several types (a `type` column) opened in a spreadsheet and saved as a workbook: its
    one sheet takes the file's name, no type's; each row is of the type its cell says."""
    year = _year(office_copy)
    parts = [_rows(year / name) for name in ("reports.csv", "assigned_tasks.csv")]
    header = list(dict.fromkeys(parts[0][0] + parts[1][0]))
    rows = [header] + [
        [dict(zip(part[0], row)).get(column, "") for column in header] for part in parts for row in part[1:]
    ]
    for name in ("reports.csv", "assigned_tasks.csv"):
        (year / name).unlink()
    mixed = year / "minh-chung.csv"
    with mixed.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows(rows)
    assert _figures(_predict(runner, office_copy)) == shipped
    _as_workbook(mixed, "minh-chung", vietnamese_excel)
    assert _figures(_predict(runner, office_copy)) == shipped


@pytest.mark.parametrize("name", ["reports.csv", "report.csv", "bao-cao.csv", "Báo cáo.csv"])
def test_a_sheet_saved_alone_as_csv_needs_no_type_column_when_its_name_says_the_type(
    runner, office_copy, shipped, name
):
    path = _year(office_copy) / "reports.csv"
    rows = _rows(path)
    column = rows[0].index("type")
    path.unlink()
    with (path.parent / name).open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([row[:column] + row[column + 1 :] for row in rows])
    assert _figures(_predict(runner, office_copy)) == shipped


def test_a_csv_without_type_column_named_after_no_type_says_how_to_name_it(runner, office_copy, shipped):
    path = _year(office_copy) / "reports.csv"
    rows = _rows(path)
    column = rows[0].index("type")
    path.unlink()
    export = path.parent / "minh-chung.csv"
    with export.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([row[:column] + row[column + 1 :] for row in rows])
    result = _predict(runner, office_copy)
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f"Error: {export}:1: the header has no 'type' column "
        "(add a 'type' column, or name the file after the type of its rows, e.g. reports.csv)"
    )
    export.rename(path)  # the hint, followed
    assert _figures(_predict(runner, office_copy)) == shipped


# -- dates with their time ------------------------------------------------------------------


def test_a_date_written_with_its_time_of_midnight_is_that_date(runner, office_copy, shipped):
    path = _year(office_copy) / "reports.csv"
    rows = _rows(path)

    def with_time(cell: str) -> str:
        match = _DMY.match(cell)
        if not match:
            return cell
        day, month, year = map(int, match.groups())
        return f"{year:04d}-{month:02d}-{day:02d} 00:00:00"

    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([rows[0]] + [[with_time(c) for c in row] for row in rows[1:]])
    assert "2024-03-12 00:00:00" in path.read_text(encoding="utf-8")
    assert _figures(_predict(runner, office_copy)) == shipped


def test_a_date_with_another_time_is_refused(runner, office_copy):
    path = _year(office_copy) / "reports.csv"
    text = path.read_text(encoding="utf-8").replace("12/03/2024,q1", "2024-03-12 08:30:00,q1", 1)
    path.write_text(text, encoding="utf-8")
    result = _predict(runner, office_copy)
    assert result.exit_code == 1
    assert (
        "date: expected a date such as 2024-03-12 or 12/03/2024, not a date and time (write the day alone: 12/03/2024)"
        in result.output
    )


# -- encodings ------------------------------------------------------------------------------


def test_a_csv_saved_in_windows_1258_is_named_so_and_the_hint_gives_the_figures(runner, office_copy, shipped):
    path = _year(office_copy) / "reports.csv"
    path.write_bytes(cp1258(path.read_text(encoding="utf-8")))
    result = _predict(runner, office_copy)
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f"Error: {path}:2: not UTF-8 text: the file is in Windows-1258 (Vietnamese) (save the file as UTF-8: "
        "in Excel, Save As 'CSV UTF-8 (Comma delimited) (*.csv)'; in Notepad, Save As with Encoding UTF-8)"
    )
    path.write_text(path.read_bytes().decode("cp1258"), encoding="utf-8")  # saved as UTF-8
    assert _figures(_predict(runner, office_copy)) == shipped


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def cp1258(text: str) -> bytes:
    """Text as Windows-1258 holds it: â ê ô ă ơ ư đ as letters, a tone as a combining mark after."""
    import unicodedata

    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in parts if c in _TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


def test_a_csv_saved_in_latin_1_is_named_so(runner, office_copy):
    path = _year(office_copy) / "reports.csv"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("latin-1", errors="replace"))
    result = _predict(runner, office_copy)
    assert result.exit_code == 1
    assert result.output.splitlines()[0].startswith(
        f"Error: {path}:2: not UTF-8 text: the file is in Windows-1252 / Latin-1 (Western European) "
        "(Vietnamese letters Latin-1 cannot hold (ư, ơ, đ, ...) may have been lost"
    )


# -- numbers through a spreadsheet set to Vietnamese -----------------------------------------


def test_a_vietnamese_spreadsheet_round_trip_names_the_thousands_mark_and_the_hint_gives_the_figures(
    runner, office_copy, shipped
):
    path = _year(office_copy) / "indicators.csv"
    _as_workbook(path, "indicators", vietnamese_excel)
    result = _predict(runner, office_copy)
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    book = f"{path.with_suffix('.xlsx')}[indicators]"
    assert errors == [
        f"Error: {book}:6: value: 996 is outside 0..1, the range of the rate 'Dossiers settled on time' "
        "(0.996 read as 996? a spreadsheet set to Vietnamese takes '.' for thousands: write 0,996 or set the column "
        "to text)",
        f"Error: {book}:11: value: 85 is outside 0..1, the range of the rate 'Public-service staff reduction since 2021' "
        "(is it 0.85 (85%)? write 0.85 or 85%; or: 0.085 read as 85? a spreadsheet set to Vietnamese takes '.' for "
        "thousands: write 0,085 or set the column to text)",
    ]
    # The hint, followed: 0,085 and 0,996 typed in the Vietnamese spreadsheet are the numbers.
    from openpyxl import load_workbook

    workbook = path.with_suffix(".xlsx")
    book_ = load_workbook(workbook)
    sheet = book_["indicators"]
    for row, typed in ((6, "0,996"), (11, "0,085")):
        sheet.cell(row=row, column=5).value = vietnamese_excel(typed)
    book_.save(workbook)
    assert _figures(_predict(runner, office_copy)) == shipped


def test_a_vietnamese_spreadsheet_saved_as_csv_with_semicolons_gives_the_figures(runner, office_copy, shipped):
    path = _year(office_copy) / "indicators.csv"
    rows = _rows(path)

    def shown(value: Any) -> str:  # as the spreadsheet writes a cell back to CSV
        if isinstance(value, dt.datetime):
            return value.strftime("%d/%m/%Y")
        if isinstance(value, float):
            return repr(value).replace(".", ",")
        return str(value)

    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, delimiter=";")
        writer.writerow(rows[0])
        for row in rows[1:]:
            # the two rates a Vietnamese spreadsheet would change are typed as its hint says
            cells = [shown(vietnamese_excel(c)) for c in row]
            cells[4] = {"0.996": "0,996", "0.085": "0,085"}.get(row[4], cells[4])
            writer.writerow(cells)
    assert _figures(_predict(runner, office_copy)) == shipped


def test_a_rate_no_thousands_mark_explains_proposes_its_only_reading():
    from scorer.errors import wording
    from scorer.models.message import number_hint

    assert wording(number_hint(87.5)) == "is it 0.875 (87.5%)? write 0.875 or 87.5%"
    assert wording(number_hint(1000)) == (
        "1.000 read as 1000? a spreadsheet set to Vietnamese takes '.' for thousands: write 1 or set the column to text"
    )
    assert number_hint(2500) is None and number_hint(0.5) is None and number_hint(-3) is None


# -- numbers and dates through a spreadsheet set to English (US) ------------------------------


def test_an_english_spreadsheet_saved_as_csv_gives_the_figures(runner, office_copy, shipped):
    """Month-first dates written back month first (`12/3/2024`) read day first are the same days."""
    for name in ("reports.csv", "indicators.csv", "assigned_tasks.csv"):
        path = _year(office_copy) / name
        rows = _rows(path)

        def shown(value: Any) -> str:
            if isinstance(value, dt.datetime):
                return f"{value.month}/{value.day}/{value.year}"
            return str(value)

        with path.open("w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow(rows[0])
            writer.writerows([[shown(english_excel(c)) for c in row] for row in rows[1:]])
    assert _figures(_predict(runner, office_copy)) == shipped


def test_an_english_spreadsheet_saved_as_workbook_refuses_dates_it_read_month_first(runner, office_copy, shipped):
    """`12/03/2024` opened month first became 3 December, silently; `19/06/2024` stayed text. The
    sheet holding both says so, and its hint (dates typed again as text, day first) gives the figures."""
    path = _year(office_copy) / "reports.csv"
    rows = _rows(path)
    workbook = _as_workbook(path, "reports", english_excel)
    result = _predict(runner, office_copy)
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    sheet = f"{workbook}[reports]"
    assert errors[0] == (
        f"Error: {sheet}:2: date: 1 date(s) in this column (the first shown as 03/12/2024) may have been read month "
        "first, as a spreadsheet set to English (US) reads 12/03/2024 as 3 December: the sheet also holds "
        "'19/06/2024', day first, as text (set the column to Text and type its dates again as 12/03/2024 "
        "(or 2024-03-12))"
    )
    assert all("may have been read month first" in line for line in errors)
    # The hint, followed: the date columns as text, typed day first.
    _workbook(workbook, {"reports": rows})
    assert _figures(_predict(runner, office_copy)) == shipped


def test_one_date_typed_as_text_in_a_vietnamese_workbook_doubts_only_its_own_column(runner, office_copy, shipped):
    """A spreadsheet set to Vietnamese reads its date cells day first; one date typed as text (the
    column set to Text for it) says nothing of the other columns, whose cells are the days they
    show: only its own column's cells that could read both ways are in doubt."""
    path = _year(office_copy) / "reports.csv"
    rows = _rows(path)
    column = rows[0].index("submitted")

    workbook = _as_workbook(path, "reports", vietnamese_excel)
    book = openpyxl.load_workbook(workbook)
    sheet = book["reports"]
    dated = [r for r in range(2, sheet.max_row + 1) if isinstance(sheet.cell(r, column + 1).value, dt.datetime)]
    typed = sheet.cell(dated[1], column + 1)  # the second report's day sent, typed as text
    typed.value = typed.value.strftime("%d/%m/%Y")
    book.save(workbook)
    result = _predict(runner, office_copy)
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert errors and all(": submitted: " in line for line in errors), errors
    # typed the hint's way (the column's dates as text, day first), the figures are the shipped ones
    for r in dated:
        value = sheet.cell(r, column + 1).value
        if isinstance(value, dt.datetime):
            sheet.cell(r, column + 1).value = value.strftime("%d/%m/%Y")
    book.save(workbook)
    assert _figures(_predict(runner, office_copy)) == shipped


def test_dates_a_month_first_reading_cannot_change_are_read(runner, office_copy, shipped):
    """A workbook typed in a spreadsheet set to English (US), no day-first text in it: its date cells
    are the days they show."""
    path = _year(office_copy) / "reports.csv"
    _as_workbook(path, "reports", vietnamese_excel)  # every date a date cell, the right day
    assert _figures(_predict(runner, office_copy)) == shipped


def test_a_csv_written_month_first_refuses_every_date_that_reads_both_ways(runner, office_copy, shipped):
    """Typed in a spreadsheet set to English (US) and saved as CSV: `6/19/2024` is no day read day
    first, so `3/12/2024` (12 March) cannot be read as 3 December either: refused, not guessed."""
    path = _year(office_copy) / "reports.csv"
    rows = _rows(path)

    def month_first(cell: str) -> str:
        match = _DMY.match(cell)
        if not match:
            return cell
        day, month, year = map(int, match.groups())
        return f"{month}/{day}/{year}"

    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([rows[0]] + [[month_first(c) for c in row] for row in rows[1:]])
    result = _predict(runner, office_copy)
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert (
        f"Error: {path}:2: date: 1 date(s) in this column (the first '3/12/2024') read both ways, and the file "
        "writes dates month first, as a spreadsheet set to English (US) does: '3/15/2024' is no day read day first "
        "(write the file's dates day first (14/06/2024) or as 2024-06-14)" in errors
    )
    assert (
        f"Error: {path}:3: date: '6/19/2024' is not a day of the calendar: dates are day/month/year (did you mean "
        "'19/06/2024'?)" in errors
    )
    path.write_text("\n".join(",".join(row) for row in rows) + "\n", encoding="utf-8")  # the hint, followed
    assert _figures(_predict(runner, office_copy)) == shipped


def test_a_comma_that_may_mark_thousands_names_both_readings(runner, office_copy, shipped):
    """A count has no fraction: `1,250` and `1.250` there are 1250 (from a spreadsheet set to English
    or to Vietnamese). A value that may have one names both readings."""
    path = _year(office_copy) / "extra.yaml"
    path.write_text("- {id: x, type: communication, date: 2024-05-02, form: news, count: '1,250'}\n", "utf-8")
    result = _predict(runner, office_copy)
    assert result.output.splitlines()[0] == (
        f"Error: {path}:1: count: Input should be a valid integer, unable to parse string as an integer, got '1,250' "
        "(a whole number has no decimals, so ',' in 1,250 marks thousands: write 1250)"
    )
    path.unlink()
    counts = {}
    for typed in ("1250", "1,250", "1.250"):
        (_year(office_copy) / "extra.csv").write_text(
            f'id,type,date,form,count,document_no\nx,communication,02/05/2024,news,"{typed}",7/TB\n', "utf-8"
        )
        counts[typed] = _figures(_predict(runner, office_copy))
    assert counts["1,250"] == counts["1250"] == counts["1.250"] != shipped
    indicator = _year(office_copy) / "extra.csv"
    indicator.write_text(
        'id,type,date,name,value\ny,indicator,02/05/2024,service_index_766,"84,125"\n', encoding="utf-8"
    )
    result = _predict(runner, office_copy)
    assert result.output.splitlines()[0] == (
        f"Error: {indicator}:2: value: Input should be a valid number, unable to parse string as a number, got "
        "'84,125' (if ',' in 84,125 marks thousands, write 84125; if it is the decimal mark, write 84.125)"
    )


def _shipped_csvs() -> list[str]:
    from tests.conftest import EVIDENCE

    return sorted(p.name for p in (EVIDENCE / OFFICE / "2024").glob("*.csv"))


@pytest.mark.parametrize("locale", ["vi", "en"])
@pytest.mark.parametrize("saved_as", ["xlsx", "csv"])
@pytest.mark.parametrize("name", _shipped_csvs())
def test_every_shipped_csv_through_a_spreadsheet_ends_in_its_figures_or_a_refusal(
    runner, office_copy, shipped, name, locale, saved_as
):
    """The whole corpus, never a silent wrong figure: each shipped CSV opened in a spreadsheet of
    either locale and saved as a workbook or as CSV (the locale's separator, decimal mark and date
    order) is read to the shipped figures, or refused with a hint on every line."""
    path = _year(office_copy) / name
    rows = _rows(path)
    cell = vietnamese_excel if locale == "vi" else english_excel
    if saved_as == "xlsx":
        _as_workbook(path, Path(name).stem, cell)
    else:

        def shown(value: Any) -> str:
            if isinstance(value, dt.datetime):
                return value.strftime("%d/%m/%Y") if locale == "vi" else f"{value.month}/{value.day}/{value.year}"
            if isinstance(value, float) and locale == "vi":
                return repr(value).replace(".", ",")
            return str(value)

        with path.open("w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream, delimiter=";" if locale == "vi" else ",")
            writer.writerow(rows[0])
            writer.writerows([[shown(cell(value)) for value in row] for row in rows[1:]])
    result = _predict(runner, office_copy)
    if result.exit_code == 0:
        assert json.loads(result.output) == shipped
    else:
        errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
        assert result.exit_code == 1 and errors, result.output
        assert all(line.endswith(")") for line in errors), errors  # each with its hint


def test_a_date_cell_with_a_time_names_the_day_to_write(runner, office_copy, shipped):
    path = _year(office_copy) / "reports.csv"
    rows = _rows(path)
    workbook = _as_workbook(path, "reports", vietnamese_excel)
    from openpyxl import load_workbook

    book = load_workbook(workbook)
    book["reports"]["C2"].value = dt.datetime(2024, 3, 12, 8, 30)
    book.save(workbook)
    result = _predict(runner, office_copy)
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f"Error: {workbook}[reports]:2: date: expected a date such as 2024-03-12 or 12/03/2024, not a date and time "
        "(write the day alone: 12/03/2024)"
    )
    _workbook(workbook, {"reports": rows})  # the hint, followed
    assert _figures(_predict(runner, office_copy)) == shipped
