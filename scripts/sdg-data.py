#!/usr/bin/env python3
"""Build the embedded UN Sustainable Development Goals data (goals.tsv, targets.tsv).

Usage, from the repository root (needs Python 3 and PyYAML: `pip install pyyaml`):

    python3 scripts/sdg-data.py --source ../shared/data/sdg          # write the TSV files
    python3 scripts/sdg-data.py --source ../shared/data/sdg --check  # only verify they are current

Inputs:
  --source DIR   global_goals.{en,ar}.yml and global_targets.{en,ar}.yml: the UN's official
                 English and Arabic texts from open-sdg/sdg-translations (commit 0cda5858, MIT).
  crates/domain/data/sdg/he.yml
                 Shutaf's own Hebrew translation, maintained by hand in this repository
                 (same keys: N-short, N-title, N-x-title).
Outputs (in crates/domain/data/sdg/, embedded by the product at build time):
  goals.tsv      number<TAB>lang<TAB>short<TAB>title, one line per goal (1..17) per language
  targets.tsv    target<TAB>lang<TAB>title, one line per target (1.1 .. 17.19) per language
Lines are sorted by goal, then target (numbered targets numerically, then lettered ones
alphabetically), then language in the order he, ar, en. UTF-8 without BOM, "\n" line endings,
a trailing newline, no quoting: fields never contain tabs or newlines.

Text normalisation, applied to every language (the YAML parser already joins folded lines
and unquotes/unescapes quoted scalars):
  * every run of whitespace becomes one space, and leading/trailing whitespace is removed;
  * U+0640 ARABIC TATWEEL (kashida, a justification filler left over from the PDF source
    of the Arabic texts) is removed: it has no orthographic meaning;
  * U+2010 HYPHEN is replaced by the ASCII hyphen-minus used everywhere else in the texts.
No words are changed: the upstream texts' own typos are kept as they are.

The output depends only on the inputs, so rerunning the script gives byte-identical files.
"""

import argparse
import collections
import pathlib
import re
import sys

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("sdg-data.py needs PyYAML: pip install pyyaml")

REPO = pathlib.Path(__file__).resolve().parent.parent
OUT_DIR = REPO / "crates" / "domain" / "data" / "sdg"
HE_FILE = OUT_DIR / "he.yml"
LANGS = ("he", "ar", "en")  # output order
GOALS = range(1, 18)
EXPECTED_TARGETS = 169

GOAL_KEY = re.compile(r"^(\d+)-(short|title)$")
TARGET_KEY = re.compile(r"^(\d+)-(\d+|[a-z])-title$")
# Numbers that legitimately appear in one language only (key, number).
NUMBER_EXCEPTIONS = {
    ("he", "9-5-title"): {"1"},  # "per 1 million people": "לכל מיליון תושבים"
}


class UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate mapping keys instead of keeping the last one."""


def _construct_mapping(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


UniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def fail(msg):
    sys.exit(f"sdg-data.py: error: {msg}")


def load(path):
    with open(path, encoding="utf-8") as f:
        data = yaml.load(f, Loader=UniqueKeyLoader)
    if not isinstance(data, dict):
        fail(f"{path}: not a mapping")
    for key, value in data.items():
        if not isinstance(key, str):
            fail(f"{path}: key {key!r} is not a string")
        if not isinstance(value, str):
            fail(f"{path}: {key}: value {value!r} is not a string")
    return data


def normalise(text):
    text = text.replace("\u0640", "").replace("\u2010", "-")
    return re.sub(r"\s+", " ", text).strip()


def target_sort_key(code):
    goal, sub = code.split(".")
    return (int(goal), 0, int(sub), "") if sub.isdigit() else (int(goal), 1, 0, sub)


def split_keys(path, data):
    """Return ({goal: {"short": .., "title": ..}}, {"1.a": title}) from one language's keys."""
    goals = collections.defaultdict(dict)
    targets = {}
    for key, value in data.items():
        text = normalise(value)
        if not text:
            fail(f"{path}: {key}: empty text")
        if m := GOAL_KEY.match(key):
            goals[int(m.group(1))][m.group(2)] = text
        elif m := TARGET_KEY.match(key):
            if m.group(2).startswith("0") or m.group(1).startswith("0"):
                fail(f"{path}: {key}: zero or leading zero in target code")
            targets[f"{int(m.group(1))}.{m.group(2)}"] = text
        else:
            fail(f"{path}: unexpected key {key!r}")
    return goals, targets


def numbers(text):
    return collections.Counter(re.findall(r"\d+(?:[.,]\d+)*", text))


def build(source):
    goals, targets, warnings = {}, {}, []
    files = {
        "en": [source / "global_goals.en.yml", source / "global_targets.en.yml"],
        "ar": [source / "global_goals.ar.yml", source / "global_targets.ar.yml"],
        "he": [HE_FILE],
    }
    for lang, paths in files.items():
        g, t = {}, {}
        for path in paths:
            pg, pt = split_keys(path, load(path))
            for n, fields in pg.items():
                g.setdefault(n, {}).update(fields)
            overlap = set(t) & set(pt)
            if overlap:
                fail(f"{lang}: targets defined twice: {sorted(overlap)}")
            t.update(pt)
        if sorted(g) != list(GOALS):
            fail(f"{lang}: goals {sorted(g)}, expected 1..17")
        for n in GOALS:
            if set(g[n]) != {"short", "title"}:
                fail(f"{lang}: goal {n} has {sorted(g[n])}, expected short and title")
        if len(t) != EXPECTED_TARGETS:
            fail(f"{lang}: {len(t)} targets, expected {EXPECTED_TARGETS}")
        if {int(c.split('.')[0]) for c in t} != set(GOALS):
            fail(f"{lang}: targets do not cover exactly goals 1..17")
        goals[lang], targets[lang] = g, t

    codes = set(targets["en"])
    for lang in ("ar", "he"):
        if set(targets[lang]) != codes:
            fail(f"{lang} and en target codes differ: only {lang}: "
                 f"{sorted(set(targets[lang]) - codes)}, only en: {sorted(codes - set(targets[lang]))}")

    # Every Hebrew text must be Hebrew, and carry the same numbers as the English.
    for n in GOALS:
        for field in ("short", "title"):
            pairs = [(f"{n}-{field}", goals[lang][n][field], goals["en"][n][field], lang)
                     for lang in ("he", "ar")]
            for key, text, en, lang in pairs:
                check_text(key, text, en, lang, warnings)
    for code in sorted(codes, key=target_sort_key):
        key = code.replace(".", "-") + "-title"
        for lang in ("he", "ar"):
            check_text(key, targets[lang][code], targets["en"][code], lang, warnings)
    return goals, targets, sorted(codes, key=target_sort_key), warnings


def check_text(key, text, en, lang, warnings):
    script = r"[\u05d0-\u05ea]" if lang == "he" else r"[\u0621-\u064a]"
    if not re.search(script, text):
        fail(f"{lang}: {key}: no {lang} letters in {text!r}")
    diff = (numbers(text) - numbers(en)) + (numbers(en) - numbers(text))
    allowed = NUMBER_EXCEPTIONS.get((lang, key), set())
    extra = {x for x in diff if x not in allowed}
    if extra:
        msg = f"{lang}: {key}: numbers differ from en: {sorted(extra)}"
        if lang == "he":
            fail(msg)
        warnings.append(msg)


def tsv(header, rows):
    lines = ["\t".join(header)]
    for row in rows:
        for field in row:
            if not field or any(c in field for c in "\t\r\n") or "\ufeff" in field:
                fail(f"bad field in row {row!r}")
        lines.append("\t".join(row))
    return ("\n".join(lines) + "\n").encode("utf-8")


def render(goals, targets, codes):
    goal_rows = [(str(n), lang, goals[lang][n]["short"], goals[lang][n]["title"])
                 for n in GOALS for lang in LANGS]
    target_rows = [(code, lang, targets[lang][code]) for code in codes for lang in LANGS]
    # Every (code, lang) pair exactly once.
    for rows in (goal_rows, target_rows):
        keys = [r[:2] for r in rows]
        if len(keys) != len(set(keys)):
            fail("duplicate (code, lang) pair")
    return {
        "goals.tsv": tsv(("number", "lang", "short", "title"), goal_rows),
        "targets.tsv": tsv(("target", "lang", "title"), target_rows),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=pathlib.Path, default=REPO.parent / "shared" / "data" / "sdg",
                        help="directory with global_{goals,targets}.{en,ar}.yml")
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if the files on disk are not up to date")
    args = parser.parse_args()

    goals, targets, codes, warnings = build(args.source)
    for w in warnings:
        print(f"sdg-data.py: warning: {w}", file=sys.stderr)
    outputs = render(goals, targets, codes)
    stale = []
    for name, content in outputs.items():
        path = OUT_DIR / name
        if args.check:
            if not path.exists() or path.read_bytes() != content:
                stale.append(name)
        else:
            path.write_bytes(content)
    if stale:
        print(f"sdg-data.py: out of date: {', '.join(stale)} (rerun without --check)", file=sys.stderr)
        return 1
    print(f"sdg-data.py: {len(GOALS)} goals and {len(codes)} targets x {len(LANGS)} languages "
          f"({'checked' if args.check else 'written to ' + str(OUT_DIR.relative_to(REPO))})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
