#!/usr/bin/env python3
"""Opens `vsssim run --trace html` pages in headless Chromium and checks what a reader sees.

    html_check.py --chromium PATH --vsssim PATH --out DIR [--steps N] SCENARIO [EXPECT...]

For SCENARIO (or, with --steps N, a generated scenario of N steps) it writes the page, takes a
screenshot (DIR/<name>.png) and reads the DOM after the page's script ran (--dump-dom), then
asserts: one row per trace entry (body data-entries), one lane per actor with the requester,
"vss" and writer lanes present, writer lanes coloured by state, the page's render time recorded.
Each EXPECT is `finding:RULE` (a finding row citing RULE and its whole rule text in the findings
list), `veto` (a highlighted veto/failure row) or `lane:ACTOR`. Prints the render time and the
time Chromium took; exit 0 when every check holds, 1 otherwise (with what was wrong).
"""
import argparse
import os
import re
import subprocess
import sys
import time


def generated_scenario(path, steps):
    # One writer, many injected Identify requests with clock moves between them: `steps` steps.
    lines = ['<scenario name="many-steps" seed="5">',
             f'  <description>{steps} steps: Identify asked again and again by other applications.</description>',
             '  <volume name="C:" size="16MiB"/>',
             '  <writer name="W1"/>',
             '  <writer name="W2" level="BACK_END"/>',
             '  <requester>',
             '    <call method="InitializeForBackup"/>',
             '    <call method="SetBackupState" select-components="no" backup-type="VSS_BT_FULL"/>',
             '    <call method="GatherWriterMetadata"/>']
    for i in range(max(0, steps - 4) // 2):
        lines.append('    <identify/>')
        lines.append('    <advance by="1s"/>')
    lines += ['    <release/>', '  </requester>', '</scenario>']
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def chromium(exe, args, timeout=120):
    cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
           "--no-first-run", "--no-default-browser-check", "--hide-scrollbars"] + args
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--chromium", required=True)
    p.add_argument("--vsssim", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--steps", type=int, default=0)
    p.add_argument("scenario")
    p.add_argument("expect", nargs="*")
    a = p.parse_args()
    os.makedirs(a.out, exist_ok=True)
    scenario = a.scenario
    if a.steps:
        scenario = os.path.join(a.out, a.scenario)
        generated_scenario(scenario, a.steps)
    run = subprocess.run([a.vsssim, "run", "--trace", "html", "--out", a.out, scenario],
                         capture_output=True, text=True)
    if run.returncode not in (0, 1):
        print(f"vsssim run: exit {run.returncode}\n{run.stdout}{run.stderr}")
        return 1
    name = re.search(r"\(([^)]*)\) seed", run.stdout)
    if not name:
        print(f"cannot read the scenario name from:\n{run.stdout}")
        return 1
    page = os.path.join(a.out, name.group(1) + ".html")
    html = open(page, encoding="utf-8").read()
    # Self-contained: nothing the browser would fetch (links to Microsoft's pages are only links).
    if re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", html):
        print(f"{page}: the page loads something from outside (it must be self-contained)")
        return 1
    url = "file://" + os.path.abspath(page)
    png = os.path.join(a.out, name.group(1) + ".png")
    started = time.monotonic()
    shot = chromium(a.chromium, ["--window-size=1400,900", f"--screenshot={png}", url])
    dom = chromium(a.chromium, ["--dump-dom", url + "#measure"])
    browser_s = time.monotonic() - started
    problems = []
    if not os.path.exists(png) or os.path.getsize(png) < 2000:
        problems.append(f"no screenshot ({shot.stderr.strip()[-400:]})")
    d = dom.stdout
    entries = re.search(r'<body[^>]* data-entries="(\d+)"', d)
    lanes = re.search(r'<body[^>]* data-lanes="(\d+)"', d)
    render = re.search(r'<body[^>]* data-render-ms="([0-9.]+)"', d)
    scroll = re.search(r'<body[^>]* data-scroll-ms="([0-9.]+)"', d)
    if not entries or not lanes:
        problems.append("the DOM has no body data-entries/data-lanes (did the page load?)")
    else:
        rows = len(re.findall(r'<div id="e\d+" class="row entry', d))
        if rows != int(entries.group(1)) or rows == 0:
            problems.append(f"{rows} entry rows for {entries.group(1)} trace entries")
        heads = re.findall(r'<div class="lane-head" data-lane="([^"]+)"', d)
        if len(heads) != int(lanes.group(1)):
            problems.append(f"{len(heads)} lane heads for {lanes.group(1)} lanes")
        for needed in ("vss",):
            if needed not in heads:
                problems.append(f"no '{needed}' lane (lanes: {heads})")
        if not any(h.startswith("requester:") for h in heads):
            problems.append(f"no requester lane (lanes: {heads})")
        if not any(h.startswith("writer:") for h in heads):
            problems.append(f"no writer lane (lanes: {heads})")
        writer_states = re.search(r'data-kind="state" data-from="writer:', d)
        if writer_states and not re.search(r'class="life st-[a-z]+" data-state="VSS_WS_', d):
            problems.append("no writer lane is coloured by a writer state")
    if not render or not scroll:
        problems.append("the page's script did not record its render and scroll times "
                        "(data-render-ms, data-scroll-ms)")
    for e in a.expect:
        kind, _, value = e.partition(":")
        if kind == "finding":
            if not re.search(rf'class="row entry kind-finding[^"]*"[^>]*data-rule="{re.escape(value)}"', d):
                problems.append(f"no finding row citing {value}")
            if not re.search(rf'class="rule-id">{re.escape(value)}</a>.*?<div class="rule-text">', d, re.S):
                problems.append(f"the findings list does not explain {value} with its rule text")
        elif kind == "veto":
            if not re.search(r'class="row entry [^"]*veto', d):
                problems.append("no veto or failure is highlighted")
        elif kind == "lane":
            if f'data-lane="{value}"' not in d:
                problems.append(f"no lane {value}")
        else:
            problems.append(f"unknown expectation {e}")
    ms = render.group(1) if render else "?"
    scroll_ms = scroll.group(1) if scroll else "?"
    print(f"{page}: {entries.group(1) if entries else '?'} entries, {lanes.group(1) if lanes else '?'} lanes, "
          f"rendered {ms} ms after navigation start, scrolled top to bottom in 50 steps in "
          f"{scroll_ms} ms, chromium {browser_s:.1f} s (screenshot + DOM)")
    for p_ in problems:
        print(f"FAIL {page}: {p_}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
