#!/usr/bin/env python3
"""Rate-coverage probe: how many realistic single-service plans price completely.

Writes 60 plan files -- 12 regions x 5 requests a new user would type (current-generation
EC2, RDS Multi-AZ PostgreSQL on the default gp3 storage, ElastiCache, Fargate x86, Fargate
ARM) -- runs `costplan estimate <plan> --format json` on each, and prints a region x request
table. "Priced" means the estimate is complete: exit 0 and, once the estimator reports
`complete` (issue #12 section 1), `"complete": true`; before that, exit 0 alone.

Usage (from the repository root, after `swift build`):

    python3 Benchmarks/coverage-probe.py [--bin PATH] [--keep DIR] [--show-errors]

--bin defaults to the debug build's costplan (`swift build --show-bin-path`); the plans are
written to a temporary folder unless --keep names one. Standard library only.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

REGIONS = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-west-2", "eu-central-1",
           "ap-south-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "ca-central-1", "sa-east-1"]

# One component per request; the instance classes rotate with the region so that the probe
# covers several current-generation families, not one.
EC2_TYPES = ["m6i.large", "m7g.large", "c6i.xlarge", "m5.xlarge", "r6g.large", "c7g.large"]
RDS_CLASSES = ["db.m6g.large", "db.r7g.large", "db.m6i.large", "db.r6g.large"]
CACHE_NODES = ["cache.r7g.large", "cache.m7g.large", "cache.r6g.large"]


def requests_for(i):
    return [
        ("EC2", {"type": "ec2", "instance_type": EC2_TYPES[i % len(EC2_TYPES)], "count": 2}),
        ("RDS Multi-AZ", {"type": "rds", "engine": "postgres", "instance_class": RDS_CLASSES[i % len(RDS_CLASSES)],
                          "multi_az": True, "storage_gb": 100}),
        ("ElastiCache", {"type": "elasticache", "engine": "redis", "node_type": CACHE_NODES[i % len(CACHE_NODES)],
                         "nodes": 2}),
        ("Fargate x86", {"type": "fargate", "cpu": 1, "memory_gb": 2, "tasks": 3}),
        ("Fargate ARM", {"type": "fargate", "cpu": 1, "memory_gb": 2, "tasks": 3, "architecture": "arm64"}),
    ]


def plan_text(name, region, component):
    lines = ["version: 1", "name: %s" % name, "region: %s" % region, "environments:", "  production:",
             "    components:", "      svc:"]
    for key, value in component.items():
        lines.append("        %s: %s" % (key, str(value).lower() if isinstance(value, bool) else value))
    return "\n".join(lines) + "\n"


def default_bin():
    path = subprocess.run(["swift", "build", "--show-bin-path"], capture_output=True, text=True, check=True).stdout.strip()
    return os.path.join(path, "costplan")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", help="costplan executable (default: the debug build)")
    ap.add_argument("--keep", help="write the plan files here and keep them")
    ap.add_argument("--show-errors", action="store_true", help="print the first error line of every failure")
    args = ap.parse_args()
    binary = args.bin or default_bin()
    folder = args.keep or tempfile.mkdtemp(prefix="coverage-probe-")
    os.makedirs(folder, exist_ok=True)

    table, failures, priced = {}, [], 0
    for i, region in enumerate(REGIONS):
        for label, component in requests_for(i):
            name = "probe-%s-%s" % (region, label.lower().replace(" ", "-"))
            path = os.path.join(folder, name + ".yaml")
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(plan_text(name, region, component))
            run = subprocess.run([binary, "estimate", path, "--format", "json"], capture_output=True, text=True)
            complete = run.returncode == 0
            if complete:
                try:
                    complete = json.loads(run.stdout).get("complete", True) is not False
                except ValueError:
                    complete = False
            what = component.get("instance_type") or component.get("instance_class") or component.get("node_type") or ""
            table[(region, label)] = ("yes" if complete else "NO") + (" " + what if what else "")
            if complete:
                priced += 1
            else:
                first = (run.stderr.strip().splitlines() or ["(no message)"])[0]
                failures.append("%s %s (%s): exit %d: %s" % (region, label, what, run.returncode, first))

    labels = [label for label, _ in requests_for(0)]
    widths = [max(len("REGION"), max(len(r) for r in REGIONS))] + [
        max(len(label), max(len(table[(r, label)]) for r in REGIONS)) for label in labels]
    row = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths))  # noqa: E731
    print(row(["REGION"] + labels))
    print(row(["-" * w for w in widths]))
    for region in REGIONS:
        print(row([region] + [table[(region, label)] for label in labels]))
    print()
    per_request = ", ".join("%s %d/%d" % (label, sum(table[(r, label)].startswith("yes") for r in REGIONS), len(REGIONS))
                            for label in labels)
    print("priced completely: %d of %d (%s)" % (priced, len(table), per_request))
    if args.show_errors and failures:
        print()
        print("\n".join(failures))
    if not args.keep:
        for name in os.listdir(folder):
            os.remove(os.path.join(folder, name))
        os.rmdir(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
