"""Rows for the rate sheets from the broad reference tables in
../shared/reference/rates/ (EC2 on-demand Linux, RDS Single-AZ, ElastiCache),
plus the per-region Fargate and RDS storage rates found by research.

Used by build_pricing_sheets.py (step 2b, after aws-rates.csv and EXTRA_ROWS,
before the derivations).  Standard library only.

Provenance of every table, its licence, how it was extracted and its known
limits: ../shared/reference/rates/README.md.  What this module takes from each,
the merge policy and the conflicts it found: docs/rate-sources.md and the
generated docs/rate-conflicts.md.

Merge policy, one rule per case (MERGE below):
  * no existing row                      -> the reference row is added;
  * existing row derived                 -> the reference row replaces it (a
                                            sourced rate beats a derived one);
  * existing row from an older build of  -> the reference row replaces it
    the same scraper (ec2instances.info     (same generator, later data);
    2022-03 / 2022-05 builds)
  * any other existing (sourced) row     -> the existing row is kept (it was
                                            checked against dated 2026 sources:
                                            infracost goldens, Karpenter, AWS
                                            offer files);
and every value difference is recorded as a conflict (notes of the kept row +
docs/rate-conflicts.md).
"""

import csv
import os
import re

RATES_DIR_NAME = os.path.join("shared", "reference", "rates")

SRC_EC2 = "skypilot-org/skypilot-catalog@00148f2af3672e2229b4f7bf8157d5a3f36e3c35 catalogs/v8/aws/vms.csv"
SRC_RDS = ("vantage-sh/ec2instances.info@278c7d9d34d3ab941af19d76e70cfb1ab344d563 www/rds/index.html "
           "(_pricing JSON, build 2022-07-18; MIT)")
SRC_CACHE = ("LeanerCloud/ec2-instances-info@f9eafba8b0c94eb59a852a52c2f3c2da8370dcc5 data/elasticache-instances.json "
             "(ec2instances.info data 2025-04-24; MIT)")

# Effective dates.  The skypilot commit date is not shown by any tool used to read it
# (rates README §1); the generator's convention for an undated source applies.
DATE_RDS = "2022-07-18"
DATE_CACHE = "2025-04-24"

# Older builds of the same scraper as the RDS / ElastiCache reference tables: a row whose
# whole source is one of these is superseded by the newer reference build.
SUPERSEDED_SOURCES = (
    "vantage-sh/ec2instances.info@2e6bc96c",   # ec2instances.info RDS build 2022-03
    "vantage-sh/ec2instances.info@454e7450",   # ec2instances.info ElastiCache build 2022-05-17
)

RDS_ENGINES = {  # reference engine -> item prefix (engines the estimator prices)
    "mysql": "instance/mysql/%s/single-az",
    "postgresql": "instance/postgres/%s/single-az",
    "mariadb": "instance/mariadb/%s/single-az",
    "aurora-mysql": "aurora/aurora-mysql/%s",
    "aurora-postgresql": "aurora/aurora-postgresql/%s",
}

# Bare-metal sizes whose skypilot price the rates README §1/§5 calls doubtful (Karpenter's
# 2026-07-20 us-east-1 table, from the AWS pricing API, states 6-10 % more).
DOUBTFUL_METAL = re.compile(r"^(c6g|m6g|r6g)\.metal$|^(c7i|m7i|r7i|c8g|m8g|r8g)\.metal-24xl$")

RE_EC2_TYPE = re.compile(r"^[a-z0-9]+\.[a-z0-9-]+$")
RE_DB_CLASS = re.compile(r"^db\.[a-z0-9]+\.[a-z0-9]+$")
RE_CACHE_NODE = re.compile(r"^cache\.[a-z0-9]+\.[a-z0-9]+$")


def default_rates_dir(repo_root):
    return os.path.join(repo_root, "..", RATES_DIR_NAME)


def _read(path):
    with open(path, newline="", encoding="ascii") as fh:
        return list(csv.DictReader(fh))


class Skipped:
    """Counts of reference rows not turned into sheet rows, by reason."""

    def __init__(self):
        self.counts = {}

    def add(self, reason):
        self.counts[reason] = self.counts.get(reason, 0) + 1


def ec2_rows(rates_dir, known_regions, skipped):
    """(svc, region, item, unit, usd, source, notes, date) from ec2-ondemand.csv."""
    out = []
    for r in _read(os.path.join(rates_dir, "ec2-ondemand.csv")):
        t = r["instance_type"]
        if r["region"] not in known_regions:
            skipped.add("EC2: region not a plan region")
            continue
        if not RE_EC2_TYPE.match(t):
            skipped.add("EC2: unusual type name")
            continue
        notes = "Linux on-demand, shared tenancy (skypilot Price column, from AWS EC2 offer files)"
        if DOUBTFUL_METAL.match(t):
            notes += ("; DOUBTFUL bare-metal price: Karpenter's 2026-07-20 us-east-1 table states 6-10% more "
                      "(rates README section 5)")
        notes += "; skypilot commit date not shown; conf=med-high"
        out.append(("AmazonEC2", r["region"], "instance/" + t, "hour", r["usd_per_hour"], SRC_EC2, notes, None))
    return out


def rds_rows(rates_dir, known_regions, skipped):
    out = []
    for r in _read(os.path.join(rates_dir, "rds-ondemand-2022.csv")):
        pattern = RDS_ENGINES.get(r["engine"])
        if pattern is None:
            skipped.add("RDS: engine not priced by costplan (Oracle, SQL Server, Outposts)")
            continue
        if r["deployment"] != "single-az":
            raise ValueError("rds-ondemand-2022.csv: unexpected deployment %r" % r["deployment"])
        if r["region"] not in known_regions:
            skipped.add("RDS: region not a plan region")
            continue
        if not RE_DB_CLASS.match(r["instance_class"]):
            skipped.add("RDS: class name with a suffix (e.g. .tpc2.mem4x)")
            continue
        if r["engine"].startswith("aurora"):
            notes = "provisioned Aurora instance (Aurora Standard; I/O-Optimized did not exist in 2022); 2022-07 snapshot; conf=med"
        else:
            notes = "Single-AZ on-demand; engine code %s; 2022-07 snapshot; conf=med" % {
                "mysql": "2", "postgresql": "14", "mariadb": "18"}[r["engine"]]
        out.append(("AmazonRDS", r["region"], pattern % r["instance_class"], "hour", r["usd_per_hour"],
                    SRC_RDS, notes, DATE_RDS))
    return out


def cache_rows(rates_dir, known_regions, skipped):
    out = []
    for r in _read(os.path.join(rates_dir, "elasticache-ondemand-2025.csv")):
        if r["region"] not in known_regions:
            skipped.add("ElastiCache: region key not a plan region (us-west-2-lax-1 Local Zone)")
            continue
        if not RE_CACHE_NODE.match(r["node_type"]):
            skipped.add("ElastiCache: unusual node type name")
            continue
        notes = "node-based on-demand (%s); 2025-04-24 data; conf=med-high" % r["engine"]
        out.append(("AmazonElastiCache", r["region"], "node/%s/%s" % (r["engine"], r["node_type"]), "node-hour",
                    r["usd_per_hour"], SRC_CACHE, notes, DATE_CACHE))
    return out


# ---------------------------------------------------------------------------
# Research: per-region Fargate and RDS storage rates (each quoted in its source)
# ---------------------------------------------------------------------------
SRC_FGCALC = "theuves/fgcalc@5049a5e21fd511bb80159d17190ef1c05414c95a src/utils/data.js (committed 2021-01)"
# theuves/fgcalc data.js "normal" (on-demand) Linux/x86 prices per region: (cpu, ram).
FGCALC_X86 = {
    "ca-central-1": ("0.04456", "0.004865"), "eu-west-1": ("0.04048", "0.004445"),
    "eu-west-2": ("0.04656", "0.00511"), "sa-east-1": ("0.0696", "0.0076"),
    "ap-northeast-2": ("0.04656", "0.00511"), "af-south-1": ("0.0546", "0.006"),
    "eu-west-3": ("0.0486", "0.0053"), "us-west-2": ("0.04048", "0.004445"),
    "ap-southeast-2": ("0.04856", "0.00532"), "ap-northeast-1": ("0.05056", "0.00553"),
    "us-gov-east-1": ("0.0486", "0.0053"), "us-gov-west-1": ("0.0486", "0.0053"),
    "eu-north-1": ("0.0445", "0.0049"), "us-west-1": ("0.04656", "0.00511"),
    "ap-south-1": ("0.04256", "0.004655"), "us-east-2": ("0.04048", "0.004445"),
    "ap-east-1": ("0.0556", "0.0061"), "eu-south-1": ("0.0486", "0.0053"),
    "ap-southeast-1": ("0.05056", "0.00553"), "eu-central-1": ("0.04656", "0.00511"),
    "us-east-1": ("0.04048", "0.004445"), "me-south-1": ("0.0526", "0.0058"),
}
FGCALC_NOTE = ("Fargate Linux/x86 on-demand (\"normal\") rate, 2021-01 snapshot; the same file's us-east-1, us-west-2 and "
               "eu-west-1 values equal the 2026 sources in aws-rates.csv (x86 list prices unchanged since); conf=med")

SRC_SAO_PAULO = ("apoloferreira/basecode@cb793a6b7fbe729c40b8a0a314f96da5a2d365a0 doc/custo02.md "
                 "(table \"Preço do Fargate\" copied from https://aws.amazon.com/pt/fargate/pricing/, Sao Paulo)")
SRC_SYDNEY = ("public GitHub file (repository not recorded) \"AWS Cost Estimates\" doc, \"Sydney pricing\" citing "
              "https://aws.amazon.com/fargate/pricing")
SRC_SAE1_RDS = ("public GitHub file (repository not recorded) TCO unit test reading the AmazonRDS offer file: "
                "assertEqual(rds(\"SAE1-RDS:GP3-Storage\"), 0.219) and Multi-AZ / Single-AZ = 2.0")

# (svc, region, item, unit, usd, source, notes, date)
RESEARCH_ROWS = [
    ("AmazonECS", "sa-east-1", "fargate/arm64/vcpu", "vCPU-hour", "0.0557", SRC_SAO_PAULO,
     "ARM vCPU-hour 0,0557 (x86 0,0696 in the same table equals fgcalc); the doc's later line labels this "
     "\"Linux/x86\" by mistake, the table column is ARM; 0.0557/0.0696 = 0.80; conf=med", None),
    ("AmazonECS", "sa-east-1", "fargate/arm64/memory", "GB-hour", "0.00612", SRC_SAO_PAULO,
     "ARM GB-hour 0,00612 (x86 0,0076 equals fgcalc); conf=med", None),
    ("AmazonECS", "ap-southeast-2", "fargate/arm64/vcpu", "vCPU-hour", "0.03885", SRC_SYDNEY,
     "\"fargate arm per vCPU =($0.03885 USD ...) per hour\"; its x86 0.04856 equals fgcalc; 0.03885/0.04856 = 0.80; conf=med", None),
    ("AmazonECS", "ap-southeast-2", "fargate/arm64/memory", "GB-hour", "0.00426", SRC_SYDNEY,
     "\"fargate arm per GB = ($0.00426 USD ...) per hour\"; its x86 0.00532 equals fgcalc; conf=med", None),
    ("AmazonRDS", "sa-east-1", "storage/gp3/single-az", "GB-month", "0.219", SRC_SAE1_RDS,
     "gp3 storage Single-AZ (MySQL rows of the offer file; RDS storage is priced the same for every engine); "
     "single source; conf=med", None),
]


def research_rows():
    out = list(RESEARCH_ROWS)
    for region, (cpu, ram) in sorted(FGCALC_X86.items()):
        out.append(("AmazonECS", region, "fargate/x86_64/vcpu", "vCPU-hour", cpu, SRC_FGCALC, FGCALC_NOTE, "2021-01-01"))
        out.append(("AmazonECS", region, "fargate/x86_64/memory", "GB-hour", ram, SRC_FGCALC, FGCALC_NOTE, "2021-01-01"))
    return out


def short(text, n=90):
    return text if len(text) <= n else text[: n - 3] + "..."
