# Read a CSV with Python's csv module: prints the rows as JSON, and whether the file starts with a UTF-8 byte-order mark.
import csv
import json
import sys

raw = open(sys.argv[1], "rb").read()
text = raw.decode("utf-8-sig")
print(json.dumps({"bom": raw.startswith(b"\xef\xbb\xbf"), "rows": list(csv.reader(text.splitlines()))}))
