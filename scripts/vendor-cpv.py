#!/usr/bin/env python3
"""Regenerates src/domain/cpv-health-services.ts from the eForms SDK's
codelists/cpv_social-service-cpv.gc (https://github.com/OP-TED/eForms-SDK,
CC BY 4.0): every code of CPV division 85 with its English label.

Usage: python3 scripts/vendor-cpv.py path/to/cpv_social-service-cpv.gc
"""
import json
import sys
import xml.etree.ElementTree as ET

rows = []
for row in ET.parse(sys.argv[1]).getroot().iter("Row"):
    values = {v.get("ColumnRef"): v.find("SimpleValue").text for v in row.findall("Value")}
    if values["code"].startswith("85"):
        rows.append((values["code"], values["eng_label"]))
path = "src/domain/cpv-health-services.ts"
head = open(path, encoding="utf-8").read().split("export const CPV_HEALTH_SERVICES")[0]
body = "".join(f"  [{json.dumps(c)}, {json.dumps(l, ensure_ascii=False)}],\n" for c, l in sorted(rows))
with open(path, "w", encoding="utf-8") as out:
    out.write(head + "export const CPV_HEALTH_SERVICES: readonly (readonly [code: string, label: string])[] = [\n" + body + "];\n")
print(f"{len(rows)} codes written to {path}")
