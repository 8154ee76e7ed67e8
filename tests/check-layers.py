#!/usr/bin/env python3
"""The core's folders are layers: a file includes headers only from its
own folder and the folders listed before it in src/core/meson.build, so
no include cycle can form between folders (docs/ARCHITECTURE.md). Inside
a folder, no two sources depend on each other: a file's module is its name
without "-private" and the extension, and the modules' includes form no
cycle.
Usage: check-layers.py SRCDIR. Prints each upward include; TAP output."""
import glob
import os
import re
import sys

src = sys.argv[1]
meson = open(os.path.join(src, "src/core/meson.build"), encoding="utf-8").read()
folders = re.findall(r"^\s*'([a-z]+)',$", meson.split("core_folders = [", 1)[1].split("]", 1)[0], re.M)
where = {}
for folder in folders:
    for path in glob.glob(os.path.join(src, "src/core", folder, "*.[ch]")):
        where[os.path.basename(path)] = folder

upward = []
unknown = []
for name, folder in sorted(where.items()):
    text = open(os.path.join(src, "src/core", folder, name), encoding="utf-8").read()
    for inc in re.findall(r'^#include "([^"]+)"', text, re.M):
        target = where.get(inc)
        if target is None:
            unknown.append(f"{folder}/{name} includes {inc}, which is not in the core")
        elif folders.index(target) > folders.index(folder):
            upward.append(f"{folder}/{name} includes {inc} from {target}/, a later layer")

def module(name):
    return re.sub(r"(-private)?\.[ch]$", "", name)

# Module-level include graph, then its cycles (Tarjan's strongly connected
# components; any component of more than one module is a cycle).
edges = {}
for name, folder in where.items():
    text = open(os.path.join(src, "src/core", folder, name), encoding="utf-8").read()
    for inc in re.findall(r'^#include "([^"]+)"', text, re.M):
        if inc in where and module(inc) != module(name):
            edges.setdefault(module(name), set()).add(module(inc))

index, low, stack, on_stack, cycles = {}, {}, [], set(), []


def visit(v):
    index[v] = low[v] = len(index)
    stack.append(v)
    on_stack.add(v)
    for w in sorted(edges.get(v, ())):
        if w not in index:
            visit(w)
            low[v] = min(low[v], low[w])
        elif w in on_stack:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        component = []
        while True:
            w = stack.pop()
            on_stack.discard(w)
            component.append(w)
            if w == v:
                break
        if len(component) > 1:
            cycles.append(sorted(component))


for v in sorted(edges):
    if v not in index:
        visit(v)

print("1..3")
print(("ok" if folders and not upward else "not ok") + f" 1 - {len(folders)} folders, no upward include")
for line in upward:
    print("# " + line)
print(("ok" if not unknown else "not ok") + " 2 - the core includes only its own headers")
for line in unknown:
    print("# " + line)
print(("ok" if not cycles else "not ok") + " 3 - no include cycle between core files")
for component in cycles:
    print("# cycle: " + " <-> ".join(component))
sys.exit(1 if upward or unknown or cycles or not folders else 0)
