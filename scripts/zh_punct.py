"""Turn ASCII punctuation next to Chinese text into full-width punctuation (prose only).

Usage: python scripts/zh_punct.py FILE...   (front matter keys, links and code are left alone)
"""

import re
import sys

CJK = r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef“”]"


def fix(line: str) -> str:
    line = re.sub(rf"(?<={CJK})\s*,\s*", "，", line)
    line = re.sub(rf"(?<={CJK});\s*", "；", line)
    line = re.sub(rf"(?<={CJK}):(?!//)\s*", "：", line)
    line = re.sub(rf"(?<={CJK})\?", "？", line)
    line = re.sub(rf"(?<!\])\(([^()\n]*{CJK}[^()\n]*)\)", r"（\1）", line)
    return line


for name in sys.argv[1:]:
    with open(name, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    out, in_front = [], False
    for index, line in enumerate(lines):
        if index == 0 and line == "---":
            in_front = True
        elif in_front and line == "---":
            in_front = False
        elif not in_front and not line.startswith(("{{", "<", "|---")):
            line = fix(line)
        out.append(line)
    with open(name, "w", encoding="utf-8") as handle:
        handle.write("\n".join(out))
