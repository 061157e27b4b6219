#!/usr/bin/env python3
"""Writes data/unassigned-17.0.0.txt: the code point ranges that are unassigned
(General_Category=Cn) in Unicode 17.0.0, the version of the IdnaTestV2.txt that
dncheck conforms to.

The `idna` crate's data (ICU4X) is already at Unicode 18.0.0 and treats the
code points assigned in 18.0 as valid; dncheck pins the repertoire to 17.0, so
the codegen step refuses those (see codegen/src/fast.rs). Needs the PyPI
package unicodedata2 at 17.0.x:

    pip install unicodedata2==17.0.1
    python3 scripts/unicode_unassigned.py
"""
import pathlib
import unicodedata2

assert unicodedata2.unidata_version == "17.0.0", unicodedata2.unidata_version
out = pathlib.Path(__file__).resolve().parent.parent / "data" / "unassigned-17.0.0.txt"
ranges = []
for cp in range(0x110000):
    if unicodedata2.category(chr(cp)) != "Cn":
        continue
    if ranges and ranges[-1][1] == cp - 1:
        ranges[-1][1] = cp
    else:
        ranges.append([cp, cp])
with out.open("w", encoding="ascii", newline="\n") as f:
    f.write("# Code points unassigned (General_Category=Cn) in Unicode 17.0.0.\n")
    f.write("# Derived from the Unicode Character Database 17.0.0 via the PyPI package\n")
    f.write("# unicodedata2 17.0.1 by scripts/unicode_unassigned.py. Unicode data licence:\n")
    f.write("# https://www.unicode.org/license.txt (Unicode License v3).\n")
    for a, b in ranges:
        f.write(f"{a:04X}..{b:04X}\n" if a != b else f"{a:04X}\n")
print(f"wrote {out} ({len(ranges)} ranges)")
