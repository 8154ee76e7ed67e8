#!/usr/bin/env python3
"""The core's folders are layers: a file includes headers only from its
own folder and the folders listed before it in src/core/meson.build, so
no include cycle can form between folders (docs/ARCHITECTURE.md).
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

print("1..2")
print(("ok" if folders and not upward else "not ok") + f" 1 - {len(folders)} folders, no upward include")
for line in upward:
    print("# " + line)
print(("ok" if not unknown else "not ok") + " 2 - the core includes only its own headers")
for line in unknown:
    print("# " + line)
sys.exit(1 if upward or unknown or not folders else 0)
