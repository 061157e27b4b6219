#!/usr/bin/env python3
"""Derives the IDNA2008 derived property (RFC 5892 section 3) of every
assigned code point from Unicode Character Database files, independently of
IANA's tables (data/idnadata.py), and writes data/idna2008-derived-<V>.txt:
one `first..last ; PROPERTY` line per run of code points (UNASSIGNED
omitted). `tests/idna2008.rs` compares the generated table with it.

Usage: scripts/idna2008_derive.py [UCD_DIR]   (default /usr/share/unicode,
the Debian package `unicode-data`)

The algorithm, in RFC 5892's order (first match wins):
  F Exceptions (section 2.6)        -> the listed value
  G BackwardCompatible (2.7)        -> empty in every version so far
  J Unassigned: GC=Cn, not a Noncharacter_Code_Point -> UNASSIGNED
  K LDH                             -> PVALID
  H JoinControl                     -> CONTEXTJ
  B Unstable: NFKC(casefold(NFKC(cp))) != cp -> DISALLOWED; read from
    DerivedNormalizationProps.txt's Changes_When_NFKC_Casefolded, which is
    that test with default ignorables removed as well (and those are
    DISALLOWED by C anyway)
  C IgnorableProperties: Default_Ignorable_Code_Point, White_Space,
    Noncharacter_Code_Point         -> DISALLOWED
  D IgnorableBlocks: Combining Diacritical Marks for Symbols, Musical
    Symbols, Ancient Greek Musical Notation -> DISALLOWED
  I OldHangulJamo: Hangul_Syllable_Type L, V or T -> DISALLOWED
  A LetterDigits: GC in Ll Lu Lo Nd Lm Mn Mc -> PVALID
  otherwise                         -> DISALLOWED
"""
import os
import re
import sys

UCD = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode"
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def ranges(name, want=None):
    """Yields (first, last, value) of a UCD property file."""
    with open(os.path.join(UCD, name), encoding="utf-8") as f:
        for line in f:
            line = line.split("#")[0].strip()
            if not line:
                continue
            fields = [x.strip() for x in line.split(";")]
            cps = fields[0].split("..")
            first = int(cps[0], 16)
            last = int(cps[-1], 16)
            value = fields[1] if len(fields) > 1 else None
            if want is None or value in want:
                yield first, last, value


def version():
    with open(os.path.join(UCD, "DerivedAge.txt"), encoding="utf-8") as f:
        m = re.search(r"DerivedAge-(\d+\.\d+\.\d+)\.txt", f.read(200))
    return m.group(1)


def general_categories():
    gc = {}
    first = None
    with open(os.path.join(UCD, "UnicodeData.txt"), encoding="utf-8") as f:
        for line in f:
            fields = line.split(";")
            cp, name, cat = int(fields[0], 16), fields[1], fields[2]
            if name.endswith(", First>"):
                first = cp
                continue
            if name.endswith(", Last>"):
                for c in range(first, cp + 1):
                    gc[c] = cat
                continue
            gc[cp] = cat
    return gc


EXCEPTIONS = {
    0x00DF: "PVALID", 0x03C2: "PVALID", 0x06FD: "PVALID", 0x06FE: "PVALID",
    0x0F0B: "PVALID", 0x3007: "PVALID",
    0x00B7: "CONTEXTO", 0x0375: "CONTEXTO", 0x05F3: "CONTEXTO",
    0x05F4: "CONTEXTO", 0x30FB: "CONTEXTO",
    **{c: "CONTEXTO" for c in range(0x0660, 0x066A)},
    **{c: "CONTEXTO" for c in range(0x06F0, 0x06FA)},
    0x0640: "DISALLOWED", 0x07FA: "DISALLOWED", 0x302E: "DISALLOWED",
    0x302F: "DISALLOWED", 0x3031: "DISALLOWED", 0x3032: "DISALLOWED",
    0x3033: "DISALLOWED", 0x3034: "DISALLOWED", 0x3035: "DISALLOWED",
    0x303B: "DISALLOWED",
}


def main():
    gc = general_categories()

    def cpset(name, want):
        s = set()
        for a, b, _ in ranges(name, want):
            s.update(range(a, b + 1))
        return s

    nonchar = cpset("PropList.txt", {"Noncharacter_Code_Point"})
    join = cpset("PropList.txt", {"Join_Control"})
    white = cpset("PropList.txt", {"White_Space"})
    dicp = cpset("DerivedCoreProperties.txt", {"Default_Ignorable_Code_Point"})
    unstable = cpset("DerivedNormalizationProps.txt", {"Changes_When_NFKC_Casefolded"})
    blocks = cpset(
        "Blocks.txt",
        {"Combining Diacritical Marks for Symbols", "Musical Symbols",
         "Ancient Greek Musical Notation"},
    )
    jamo = cpset("HangulSyllableType.txt", {"L", "V", "T"})
    ldh = set(range(0x61, 0x7B)) | set(range(0x30, 0x3A)) | {0x2D}

    def prop(cp):
        if cp in EXCEPTIONS:
            return EXCEPTIONS[cp]
        if gc.get(cp, "Cn") == "Cn" and cp not in nonchar:
            return "UNASSIGNED"
        if cp in ldh:
            return "PVALID"
        if cp in join:
            return "CONTEXTJ"
        if cp in unstable or cp in dicp or cp in white or cp in nonchar:
            return "DISALLOWED"
        if cp in blocks or cp in jamo:
            return "DISALLOWED"
        if gc[cp] in ("Ll", "Lu", "Lo", "Nd", "Lm", "Mn", "Mc"):
            return "PVALID"
        return "DISALLOWED"

    v = version()
    runs = []
    for cp in range(0x110000):
        p = prop(cp)
        if runs and runs[-1][1] == cp - 1 and runs[-1][2] == p:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp, p])
    out = os.path.join(ROOT, "data", f"idna2008-derived-{v}.txt")
    with open(out, "w", encoding="utf-8") as f:
        f.write(f"# The IDNA2008 derived property (RFC 5892 section 3) of every assigned\n")
        f.write(f"# code point of Unicode {v}, derived from the Unicode Character Database\n")
        f.write(f"# {v} (Debian package unicode-data) by scripts/idna2008_derive.py;\n")
        f.write("# UNASSIGNED code points are omitted. Format: first..last ; PROPERTY\n")
        for a, b, p in runs:
            if p != "UNASSIGNED":
                f.write(f"{a:04X}..{b:04X} ; {p}\n")
    print(f"wrote {out}: {sum(1 for r in runs if r[2] != 'UNASSIGNED')} runs")


if __name__ == "__main__":
    main()
