#!/usr/bin/env python3
"""Imports the full text of every rule from the VSS behaviour catalogue into sim/rules/rule_text.tsv.

    sim/rules/import_rule_text.py SPEC_DIR OUT.tsv           # rewrite OUT.tsv
    sim/rules/import_rule_text.py --check SPEC_DIR OUT.tsv   # exit 1 when OUT.tsv is stale

SPEC_DIR holds CATALOGUE.md and SIM-RULES.md (../shared/spec). Every table row whose first cell is
a rule ID becomes one line: id, section, text, sources (tab-separated). The text is the row's
cells after the ID: for a two-column table (ID | Rule | Source) the rule cell; for wider tables
(the per-method legality and per-handler call tables) each cell prefixed by its column header.
Sources are the last column's citations with the catalogue's abbreviations (0.1) expanded to
addresses, separated by spaces. The build (rules_codegen.cmake) compiles the file into the rule
registry, so `vsssim rules RULE-ID` prints the whole rule without ../shared being present; the
CTest check.rule_text_up_to_date runs --check when the catalogue is there.
"""
import re
import sys

ID = re.compile(r"^\| ([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-[0-9]+) \|")
SEPARATOR = re.compile(r"^\|[-| :]+\|$")
HEADING = re.compile(r"^(#{2,3}) (.*)$")
# CATALOGUE.md 0.1: the source abbreviations, expanded literally.
PREFIXES = [
    ("W2:", "https://learn.microsoft.com/en-us/windows/win32/"),
    ("W:", "https://learn.microsoft.com/en-us/windows/win32/vss/"),
    ("A:", "https://learn.microsoft.com/en-us/windows/win32/api/"),
    ("H:", "https://github.com/mingw-w64/mingw-w64/blob/master/mingw-w64-headers/include/"),
    ("X:", "https://github.com/KevinGoode/vssbackup/blob/master/"),
]
SOURCE_HEADERS = ("source", "where", "basis")


def cells(row):
    # A '|' escaped as '\|' stays inside its cell.
    parts = re.split(r"(?<!\\)\|", row.strip())
    return [p.strip().replace("\\|", "|") for p in parts[1:-1]]


_column_family = None


def expand(citation_cell, column_prefix=""):
    """The addresses a source cell cites. `column_prefix` ("A:vsbackup/") completes bare page
    names ("nf-vsbackup-...") in a column whose header states it."""
    global _column_family
    out = []
    family = None  # "A:vswriter/nf-vswriter": "…-cvsswriterex2-setwriterfailureex" continues it
    for token in re.split(r"[;,]\s*|\s+", citation_cell):
        token = token.strip("`()[].")
        if token.startswith("\u2026-") and family:
            token = family + token[1:]
        elif token.startswith("\u2026-") and column_prefix and _column_family:
            # In the per-method table, "…-setcontext" continues the first row's page name
            # (nf-vsbackup-ivssbackupcomponents-initializeforbackup).
            token = column_prefix + _column_family + token[1:]
        elif column_prefix and re.match(r"^n[fe]-", token):
            _column_family = token.rsplit("-", 1)[0]
            token = column_prefix + token
        for prefix, url in PREFIXES:
            if token.startswith(prefix) and len(token) > len(prefix):
                slug = token[len(prefix):]
                out.append(url + slug)
                if prefix == "A:" and "/" in slug:
                    header, page = slug.split("/", 1)
                    family = f"A:{header}/" + "-".join(page.split("-")[:2])
                break
    seen = []
    for u in out:
        if u not in seen:
            seen.append(u)
    return " ".join(seen)


def clean(text):
    text = text.replace("\t", " ")
    return re.sub(r"\s+", " ", text).strip()


def rows(spec_dir):
    result = {}
    for name in ("CATALOGUE.md", "SIM-RULES.md"):
        try:
            lines = open(f"{spec_dir}/{name}", encoding="utf-8").read().split("\n")
        except FileNotFoundError:
            continue
        section = name
        header = []
        for i, line in enumerate(lines):
            h = HEADING.match(line)
            if h:
                section = f"{name} {clean(h.group(2))}"
                continue
            if line.startswith("|") and i + 1 < len(lines) and SEPARATOR.match(lines[i + 1]):
                header = cells(line)
                continue
            m = ID.match(line)
            if not m or m.group(1) in result:
                continue
            c = cells(line)
            names = header if len(header) == len(c) else ["ID"] + [""] * (len(c) - 1)
            body, sources = c[1:], ""
            if len(body) > 1 and names[-1].lower().startswith(SOURCE_HEADERS):
                column = re.search(r"\((A:[a-z0-9]+/)", names[-1])
                sources = expand(body[-1], column.group(1) if column else "")
                if not sources:  # a citation without an address (a section, a blog): keep it
                    sources = clean(body[-1])
                body, names = body[:-1], names[:-1]
            if len(body) == 1:
                text = body[0]
            else:
                text = "; ".join(f"{n}: {v}" if n else v for n, v in zip(names[1:], body))
            result[m.group(1)] = (clean(section), clean(text), clean(sources) or "-")
    return result


def render(result):
    out = [
        "# Generated by sim/rules/import_rule_text.py from ../shared/spec (CATALOGUE.md, SIM-RULES.md).",
        "# Do not edit: rerun the importer. Fields (tab-separated): id, section, full text, sources.",
    ]
    for rule_id in sorted(result):
        section, text, sources = result[rule_id]
        out.append(f"{rule_id}\t{section}\t{text}\t{sources}")
    return "\n".join(out) + "\n"


def main(argv):
    check = argv[1:2] == ["--check"]
    args = argv[2:] if check else argv[1:]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    spec_dir, out_path = args
    result = rows(spec_dir)
    if not result:
        print(f"{spec_dir}: no catalogue rules found", file=sys.stderr)
        return 2
    text = render(result)
    if check:
        try:
            current = open(out_path, encoding="utf-8").read()
        except FileNotFoundError:
            current = ""
        if current != text:
            print(f"{out_path} is stale: rerun sim/rules/import_rule_text.py {spec_dir} {out_path}",
                  file=sys.stderr)
            return 1
        print(f"{out_path} matches {spec_dir} ({len(result)} rules)")
        return 0
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"{out_path}: {len(result)} rules")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
