#!/usr/bin/python3
"""Notebook plumbing for the CI scripts beside this file (Python 3 standard library only).

The notebooks are written for an IJava-family kernel. This tool
  translate   rewrites their one IJava dependency cell (%maven g:a:v) into the rapaio kernel's
              %jar magics pointing at the freshly built jars;
  extract     writes every code cell's Java lines (magic lines dropped) to cell-NNN.jsh for the
              kernel-free JShell check;
  check       verifies an executed notebook: no error output, and every cell's expectations met;
  check-cells verifies the outputs the JShell check captured (cell-NNN.out) against the same
              expectations.

Expectations live in each code cell's metadata, so the notebook itself says what it must print:
  "metadata": {"genailab": {"expect": ["regex", ...], "image": true}}
"expect" regexes must each match the cell's text output (stdout plus the value shown); "image" means
the cell must show a PNG (Jupyter: an image/png output; JShell: the display() stub's
"[display image WxH]" line).
"""
import html
import json
import pathlib
import re
import sys

GENAILAB_GROUP = "io.github.genailab"
JSHELL_IMAGE = re.compile(r"\[display image \d+x\d+\]")


def load(path):
    return json.loads(pathlib.Path(path).read_text(encoding="utf-8"))


def code_cells(notebook):
    return [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]


def source(cell):
    text = cell["source"]
    return text if isinstance(text, str) else "".join(text)


def expectations(cell):
    spec = cell.get("metadata", {}).get("genailab", {})
    return spec.get("expect", []), bool(spec.get("image", False))


def jars_for(coordinate, root, classpath):
    """The jar files a %maven coordinate stands for: our modules from <module>/target (with core, which
    every kernel module depends on) plus the resolved third-party jars as their transitive dependencies
    (a superset: the kernel only opens the ones used), anything else from the resolved class path.
    Everything goes through %jar so that one class loader sees it all: jars on RJK_CLASSPATH are not
    visible to classes loaded from %jar jars (NoClassDefFoundError)."""
    group, artifact, version = coordinate.split(":")
    if group == GENAILAB_GROUP:
        modules = ["core", artifact.removeprefix("genailab-")]
        return [str(root / m / "target" / f"genailab-{m}-{version}.jar") for m in dict.fromkeys(modules)] + classpath
    suffix = f"/{artifact}/{version}/{artifact}-{version}.jar"
    found = [entry for entry in classpath if entry.endswith(suffix)]
    if not found:
        raise SystemExit(f"translate: {coordinate} is not on the resolved class path")
    return found


def translate(notebook_in, notebook_out, root, classpath_file):
    root = pathlib.Path(root)
    classpath = pathlib.Path(classpath_file).read_text(encoding="utf-8").strip().split(":")
    notebook = load(notebook_in)
    for cell in code_cells(notebook):
        lines = source(cell).splitlines()
        if not any(line.startswith("%maven ") for line in lines):
            continue
        jars = []
        for line in lines:
            if line.startswith("%maven "):
                jars += [jar for jar in jars_for(line.split()[1], root, classpath) if jar not in jars]
            elif line.strip() and not line.startswith("//"):
                raise SystemExit(f"translate: the %maven cell may hold only %maven lines, got: {line}")
        for jar in jars:
            if not pathlib.Path(jar).is_file():
                raise SystemExit(f"translate: {jar} is missing; run 'mvn verify' first")
        cell["source"] = "\n".join(f"%jar {jar}" for jar in jars)
    pathlib.Path(notebook_out).write_text(json.dumps(notebook, indent=1), encoding="utf-8")


def extract(notebook_in, directory):
    directory = pathlib.Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    for index, cell in enumerate(code_cells(load(notebook_in))):
        java = [line for line in source(cell).splitlines() if not line.lstrip().startswith("%")]
        (directory / f"cell-{index:03d}.jsh").write_text("\n".join(java) + "\n", encoding="utf-8")


def cell_text(cell):
    """Stdout plus shown values of one executed cell, and whether it showed a PNG; fails on errors."""
    parts, image = [], False
    for output in cell.get("outputs", []):
        kind = output["output_type"]
        if kind == "error" or (kind == "stream" and output.get("name") == "stderr" and "Exception" in
                               "".join(output.get("text", ""))):
            raise AssertionError("cell raised:\n" + source(cell) + "\n---\n" + json.dumps(output)[:2000])
        if kind == "stream":
            parts.append("".join(output["text"]) if isinstance(output["text"], list) else output["text"])
        else:
            data = output.get("data", {})
            image |= "image/png" in data
            for mime in ("text/plain", "text/html"):  # the rapaio kernel shows values as text/html only
                value = data.get(mime, "")
                value = "".join(value) if isinstance(value, list) else value
                parts.append(html.unescape(re.sub(r"<[^>]+>", "", value)) if mime == "text/html" else value)
    return "\n".join(parts), image


def verify(label, cell, text, image):
    regexes, wants_image = expectations(cell)
    missing = [regex for regex in regexes if not re.search(regex, text)]
    if missing or (wants_image and not image):
        raise AssertionError(f"{label}: expected {missing or ''}{' an image' if wants_image and not image else ''}"
                             f" in the output of\n{source(cell)}\n--- output was:\n{text}")
    return len(regexes) + (1 if wants_image else 0)


def check(executed):
    checked = 0
    for index, cell in enumerate(code_cells(load(executed))):
        text, image = cell_text(cell)
        checked += verify(f"{executed} cell {index}", cell, text, image)
    print(f"{executed}: {len(code_cells(load(executed)))} code cells ran, {checked} expectations met")


def check_cells(notebook, directory):
    checked = 0
    for index, cell in enumerate(code_cells(load(notebook))):
        text = (pathlib.Path(directory) / f"cell-{index:03d}.out").read_text(encoding="utf-8")
        checked += verify(f"{notebook} cell {index} (JShell)", cell, text, bool(JSHELL_IMAGE.search(text)))
    print(f"{notebook}: {len(code_cells(load(notebook)))} code cells ran in JShell, {checked} expectations met")


COMMANDS = {"translate": translate, "extract": extract, "check": check, "check-cells": check_cells}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        raise SystemExit("usage: nbtool.py translate IN OUT ROOT CLASSPATH_FILE | extract IN DIR | check NB"
                         " | check-cells NB DIR")
    try:
        COMMANDS[sys.argv[1]](*sys.argv[2:])
    except AssertionError as failure:
        raise SystemExit(f"FAILED: {failure}")
