# Read a .docx with python-docx (Debian's python3-docx), not with our code:
# paragraphs with their style names, tables' cells, core properties, and each
# heading style's outline level, each section's header and footer, and whether it asks the reader to
# update its fields. Prints JSON.
import json
import sys

import docx
from docx.oxml.ns import qn

d = docx.Document(sys.argv[1])
paragraphs = [{"style": p.style.name, "text": p.text} for p in d.paragraphs]
tables = [[[c.text for c in row.cells] for row in t.rows] for t in d.tables]
outline = {}
for name in ("Heading 1", "Heading 2", "Heading 3"):
    ppr = d.styles[name].element.pPr
    lvl = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
    outline[name] = None if lvl is None else int(lvl.get(qn("w:val")))
header_rows = []
for t in d.tables:
    trpr = t.rows[0]._tr.trPr
    header_rows.append(trpr is not None and trpr.find(qn("w:tblHeader")) is not None)
update = d.settings.element.find(qn("w:updateFields"))
# Each section's running header and footer (the title page's own first-page ones apart).
chrome = [{
    "header": " ".join(p.text for p in s.header.paragraphs),
    "footer": " ".join(p.text for p in s.footer.paragraphs),
    "firstHeader": " ".join(p.text for p in s.first_page_header.paragraphs) if s.different_first_page_header_footer else None,
    # Where the footer's page number sits (its right tab stop) and how wide the section's text is, in twips.
    "footerTabs": [round(int(t.position) / 635) for p in s.footer.paragraphs for t in p.paragraph_format.tab_stops],
    "textWidth": round((int(s.page_width) - int(s.left_margin) - int(s.right_margin)) / 635),
} for s in d.sections]
print(json.dumps({
    "chrome": chrome,
    "updateFields": update is not None and update.get(qn("w:val")) in ("true", "1", None),
    "paragraphs": paragraphs,
    "tables": tables,
    "headerRows": header_rows,
    "tableStyles": [t.style.name if t.style is not None else None for t in d.tables],
    "title": d.core_properties.title,
    "author": d.core_properties.author,
    "outline": outline,
    "quoteStyleDefined": any(s.name == "Quote" for s in d.styles),
}))
