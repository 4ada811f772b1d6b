"""Prints the slowest tests and test classes from the CTRF reports xunit writes (dotnet test --report-xunit-ctrf)."""
import collections
import glob
import json
import os
import sys

tests = []
for path in glob.glob(os.path.join(sys.argv[1], "**", "*.ctrf"), recursive=True):
    with open(path, encoding="utf-8") as f:
        tests += json.load(f)["results"]["tests"]
if not tests:
    sys.exit(0)
classes = collections.Counter()
for t in tests:
    classes[t["name"].split("(")[0].rsplit(".", 1)[0]] += t["duration"]
print(f"slowest tests (of {len(tests)}):")
for t in sorted(tests, key=lambda t: -t["duration"])[:20]:
    print(f"  {t['duration'] / 1000:7.1f} s  {t['name'][:160]}")
print("slowest classes (sum of their tests):")
for name, ms in classes.most_common(15):
    print(f"  {ms / 1000:7.1f} s  {name}")
