#!/usr/bin/env bash
# Opens finance CSVs (`costplan csv`) in headless LibreOffice Calc and checks what a spreadsheet
# reads back: the same number of rows and columns, every cost_usd cell a number, the same
# totals per month and environment to the cent, every text cell unchanged (so quoting and the
# ' before formula-like text survive; ISO dates may become date cells of the same day), and no
# formula anywhere — with formula evaluation on.
#
# Usage: scripts/check-csv-libreoffice.sh
#   COSTPLAN   the costplan command (default: swift run costplan; e.g. .build/debug/costplan)
# Needs LibreOffice Calc (Debian: apt-get install --no-install-recommends libreoffice-calc) and
# python3. Exit status: 0 all checks passed; 1 a check failed; 2 LibreOffice is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

soffice=$(command -v soffice || command -v libreoffice || true)
if [ -z "$soffice" ]; then
  echo "check-csv-libreoffice: LibreOffice is not installed (apt-get install libreoffice-calc)" >&2
  exit 2
fi
read -r -a costplan <<<"${COSTPLAN:-swift run costplan}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
start=$(date +%s)

# The files a user would download: one month, a forecast, a summary, a BOM, a max scenario,
# plus the renderer's golden file with hostile names (=HYPERLINK(...), @, +, - prefixes).
"${costplan[@]}" csv examples/muejam-library.yaml --month 2027-02 --out "$work/muejam-2027-02.csv"
"${costplan[@]}" csv examples/cloudweave.yaml --month 2027-11 --months 12 --out "$work/cloudweave-forecast.csv"
"${costplan[@]}" csv examples/component-registry.yaml --month 2028-02 --months 3 --summary --out "$work/registry-summary.csv"
"${costplan[@]}" csv examples/multi-region-fargate.yaml --month 2027-04 --scenario max --bom --out "$work/fargate-max-bom.csv"
cp Tests/CostPlanCSVTests/Golden/hostile-names.csv "$work/hostile-names.csv"

# CSV import options: comma, double quote, UTF-8 (76), from line 1, standard cell formats,
# English (US) numbers (1033), quoted fields not forced to text, no special-number (date)
# detection, ..., evaluate formulas = true (the worst case: a formula would run).
"$soffice" -env:UserInstallation="file://$work/profile" --headless \
  --infilter="CSV:44,34,76,1,,1033,false,false,false,false,false,,true" \
  --convert-to xlsx --outdir "$work/xlsx" "$work"/*.csv >"$work/soffice.log" 2>&1 || {
  cat "$work/soffice.log" >&2
  exit 1
}

python3 - "$work" <<'PY'
import csv, datetime, decimal, glob, os, re, sys, zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
work = sys.argv[1]
failures = []

def column_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1

def read_sheet(path):
    """Rows of (type, text) cells from the first sheet; formulas counted separately."""
    with zipfile.ZipFile(path) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
                shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
        root = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    rows, formulas = [], 0
    for row in root.find("m:sheetData", NS).findall("m:row", NS):
        cells = {}
        for c in row.findall("m:c", NS):
            if c.find("m:f", NS) is not None:
                formulas += 1
            v = c.find("m:v", NS)
            kind = c.get("t", "n")
            if kind == "s":
                cells[column_index(c.get("r"))] = ("s", shared[int(v.text)])
            elif kind == "inlineStr":
                cells[column_index(c.get("r"))] = ("s", "".join(t.text or "" for t in c.iter("{%s}t" % NS["m"])))
            elif v is not None:
                cells[column_index(c.get("r"))] = (kind, v.text)
        rows.append((int(row.get("r")), cells))
    return rows, formulas

def cents(x):
    return decimal.Decimal(x).quantize(decimal.Decimal("0.01"), rounding=decimal.ROUND_HALF_UP)

for source in sorted(glob.glob(os.path.join(work, "*.csv"))):
    name = os.path.basename(source)
    with open(source, newline="", encoding="utf-8-sig") as f:
        records = list(csv.reader(f))
    header, width = records[0], len(records[0])
    sheet, formulas = read_sheet(os.path.join(work, "xlsx", name[:-4] + ".xlsx"))
    problems = []
    if any(len(r) != width for r in records):
        problems.append("the CSV itself has ragged rows")
    if len(sheet) != len(records) or [r for r, _ in sheet] != list(range(1, len(records) + 1)):
        problems.append(f"{len(records)} CSV rows but {len(sheet)} spreadsheet rows")
    if formulas:
        problems.append(f"{formulas} cells became formulas")
    widest = max((max(cells) + 1 for _, cells in sheet if cells), default=0)
    if widest != width or len(sheet[0][1]) != width:
        problems.append(f"{width} CSV columns but {widest} spreadsheet columns")
    cost = header.index("cost_usd")
    csv_totals, sheet_totals = {}, {}
    for record, (_, cells) in zip(records[1:], sheet[1:]):
        key = (record[0], record[2])   # month, environment
        for i, text in enumerate(record):
            got = cells.get(i)
            if text == "":
                if got not in (None, ("s", "")):
                    problems.append(f"row {key}: column {header[i]} empty in the CSV, {got} read back")
            elif got is None:
                problems.append(f"row {key}: column {header[i]} {text!r} read back empty")
            elif got[0] == "n" and re.fullmatch(r"\d{4}-\d\d-\d\d", text):
                # an ISO date becomes a date cell: days since 1899-12-30
                if datetime.date.fromisoformat(text) - datetime.date(1899, 12, 30) != datetime.timedelta(days=int(got[1])):
                    problems.append(f"row {key}: column {header[i]} {text!r} read back as the date serial {got[1]}")
            elif got[0] == "n":
                if re.fullmatch(r"[+-]?\d+(\.\d+)?", text) is None or decimal.Decimal(got[1]) != decimal.Decimal(text):
                    problems.append(f"row {key}: column {header[i]} {text!r} read back as the number {got[1]}")
            elif got != ("s", text):
                problems.append(f"row {key}: column {header[i]} {text!r} read back as {got}")
        if record[cost]:
            csv_totals[key] = csv_totals.get(key, 0) + decimal.Decimal(record[cost])
            if cells.get(cost, ("", ""))[0] != "n":
                problems.append(f"row {key}: cost_usd {record[cost]!r} is not a number in the spreadsheet")
            else:
                sheet_totals[key] = sheet_totals.get(key, 0) + decimal.Decimal(cells[cost][1])
    for key in csv_totals:
        if cents(sheet_totals.get(key, 0)) != cents(csv_totals[key]):
            problems.append(f"{key}: total {csv_totals[key]} in the CSV, {sheet_totals.get(key)} in the spreadsheet")
    if problems:
        failures.append(name)
        print(f"FAIL {name}:", *problems[:20], sep="\n  ")
    else:
        grand = sum(csv_totals.values())
        print(f"ok   {name}: {len(records)} rows x {width} columns, {len(csv_totals)} month x environment "
              f"totals equal (sum {grand:.2f} USD), no formulas")

sys.exit(1 if failures else 0)
PY
echo "check-csv-libreoffice: passed in $(( $(date +%s) - start )) s"
