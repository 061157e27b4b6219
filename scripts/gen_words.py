#!/usr/bin/env python3
"""Deterministic 2,000-word restricted list for the dncheck word benchmarks.

Writes `benches/data/words.txt` in dncheck's list format (`WORD<TAB>CATEGORY`,
UTF-8, LF), built from the same vocabulary as the bench corpus
(`scripts/gen_corpus.py`), so that a realistic share of the corpus names
holds some word:

    1,700 ASCII words  every corpus token of 3 letters or more (`cloud`,
                       `shop`; about 280), then, alternately, two tokens
                       glued (`freecash`; a fifth of them with a hyphen,
                       `secure-login`) and made-up syllable words
                       (`tavoreni`)
      300 Chinese      2-3 Han characters from the corpus's characters,
                       a tenth written in traditional characters

Words are distinct once lower-cased and stripped of hyphens. Reruns are
byte-identical (fixed seed).

Usage:
    python3 scripts/gen_words.py [--out PATH]

Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen_corpus as corpus  # noqa: E402  (the shared vocabulary)

SEED = 20261123
ASCII_WORDS = 1_700
CHINESE_WORDS = 300
CATEGORIES = ["phishing", "gambling", "fraud", "brand", "adult", "drugs"]
DEFAULT_OUT = corpus.REPO_ROOT / "benches" / "data" / "words.txt"

CONSONANTS = "bcdfghklmnprstvz"
VOWELS = "aeiou"


def syllable_word(rng: random.Random) -> str:
    return "".join(rng.choice(CONSONANTS) + rng.choice(VOWELS) for _ in range(rng.randint(3, 4)))


TOKENS = [t for t in corpus.ASCII_TOKENS if len(t) >= 3]


def ascii_word(rng: random.Random, kind: int) -> str:
    if kind == 0:
        a, b = rng.choice(TOKENS), rng.choice(TOKENS)
        return f"{a}-{b}" if rng.random() < 0.2 else a + b
    return syllable_word(rng)


def chinese_word(rng: random.Random) -> str:
    n = rng.choice([2, 2, 3])
    if rng.random() < 0.1:
        return "".join(rng.choice(corpus.HAN_TRADITIONAL) for _ in range(n))
    return "".join(rng.choice(corpus.HAN_SIMPLIFIED) for _ in range(n))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    rng = random.Random(SEED)
    seen: set[str] = set()
    lines = [
        "# 2,000 synthetic restricted words for benches/words.rs, made by",
        "# scripts/gen_words.py (deterministic; see benches/data/README.md).",
    ]

    def add(word: str) -> bool:
        key = word.lower().replace("-", "")
        if key in seen:
            return False
        seen.add(key)
        lines.append(f"{word}\t{rng.choice(CATEGORIES)}")
        return True

    count = sum(add(t) for t in TOKENS)
    while count < ASCII_WORDS:
        count += add(ascii_word(rng, count % 2))
    count = 0
    while count < CHINESE_WORDS:
        count += add(chinese_word(rng))
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({ASCII_WORDS + CHINESE_WORDS} words)")


if __name__ == "__main__":
    main()
