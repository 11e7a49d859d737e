# Read an .xlsx with Python's zipfile (CRCs checked) and its XML parser: prints each sheet's
# name, frozen header and rows (shared or inline strings, and numbers, as written) as JSON.
import json
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
book = zipfile.ZipFile(sys.argv[1])
bad = book.testzip()
if bad is not None:
    sys.exit(f"bad CRC in {bad}")
for name in book.namelist():
    if name.endswith(".xml") or name.endswith(".rels"):
        ET.fromstring(book.read(name))  # raises on XML that is not well-formed
shared = []
if "xl/sharedStrings.xml" in book.namelist():
    for si in ET.fromstring(book.read("xl/sharedStrings.xml")).findall("m:si", NS):
        shared.append("".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t")))
names = [s.get("name") for s in ET.fromstring(book.read("xl/workbook.xml")).find("m:sheets", NS)]
sheets = []
for i, name in enumerate(names):
    root = ET.fromstring(book.read(f"xl/worksheets/sheet{i + 1}.xml"))
    rows = []
    for row in root.iter(f"{{{NS['m']}}}row"):
        cells = {}
        for c in row.findall("m:c", NS):
            ref = c.get("r")
            col = "".join(ch for ch in ref if ch.isalpha())
            index = 0
            for ch in col:
                index = index * 26 + ord(ch) - 64
            if c.get("t") == "s":
                cells[index - 1] = shared[int(c.find("m:v", NS).text)]
            elif c.get("t") == "inlineStr":
                cells[index - 1] = "".join(t.text or "" for t in c.iter(f"{{{NS['m']}}}t"))
            else:
                cells[index - 1] = float(c.find("m:v", NS).text)
        rows.append([cells.get(k, "") for k in range(max(cells) + 1)] if cells else [])
    pane = root.find("m:sheetViews/m:sheetView/m:pane", NS)
    sheets.append({"name": name, "frozen": pane is not None and pane.get("state") == "frozen", "rows": rows})
print(json.dumps({"parts": book.namelist(), "sharedStrings": shared, "sheets": sheets}))
