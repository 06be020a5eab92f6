#!/bin/sh
# The README's pictures of the documents a department files, made from the real output:
# the self-assessment form (2024, as of 30/09/2024) and the 2023 remediation plan (docx), each
# rendered by LibreOffice to PDF and every page to PNG (poppler's pdftoppm) under docs/pictures/.
# Needs: libreoffice, pdftoppm (Debian: apt-get install libreoffice-writer libreoffice-calc poppler-utils).
set -eu
cd "$(dirname "$0")/.."
scorer=${SCORER:-.venv/bin/scorer}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=docs/pictures
mkdir -p "$out"
rm -f "$out"/form-*.png "$out"/plan-*.png
"$scorer" form --year 2024 --as-of 2024-09-30 -o "$work/form.xlsx"
"$scorer" plan --year 2023 --format docx -o "$work/plan.docx"
# A private profile, so a LibreOffice the user has open is not disturbed; a Vietnamese locale, so the
# workbook's numbers show their decimal comma as a spreadsheet set to Vietnamese shows them.
LANG=vi_VN.UTF-8 LC_ALL=vi_VN.UTF-8 libreoffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf --outdir "$work" \
    "$work/form.xlsx" "$work/plan.docx" >/dev/null
pdftoppm -png -r 100 "$work/form.pdf" "$out/form"
pdftoppm -png -r 72 "$work/plan.pdf" "$out/plan"
ls "$out"
