#!/usr/bin/env bash
# Rewrites the README's key table from the keymap (Sources/Explorer/Keymap.swift): runs the test that
# compares them and takes the table it prints when they differ. Run from the repository's root.
set -euo pipefail
out=$(mktemp)
trap 'rm -f "$out"' EXIT
swift test --filter "KeymapTests/readmeTable" >"$out" 2>&1 || true
if ! grep -q "it should read:" "$out"; then echo "README key table is already the keymap's"; exit 0; fi
python3 - "$out" <<'PY'
import re, sys
log = open(sys.argv[1], encoding="utf-8").read().splitlines()
start = next(i for i, line in enumerate(log) if "it should read:" in line) + 1
rows = []
for line in log[start:]:
    # The table's lines, indented by two in the test's message; blank lines separate its parts.
    if not (line.startswith("  |") or line.strip() == ""): break
    rows.append(line[2:])
while rows and rows[-1] == "": rows.pop()
readme = open("README.md", encoding="utf-8").read()
begin = readme.index("-->\n", readme.index("<!-- keymap:begin")) + 4
end = readme.index("\n<!-- keymap:end -->")
open("README.md", "w", encoding="utf-8").write(readme[:begin] + "\n".join(rows) + readme[end:])
print(f"README key table rewritten: {len(rows)} rows")
PY
