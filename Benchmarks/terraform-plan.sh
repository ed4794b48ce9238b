#!/usr/bin/env bash
# Wall time and peak memory of `costplan estimate` / `import terraform` on large synthetic
# Terraform plans (release build): N instances (count), N/2 NAT gateways, N security groups,
# N/10 databases each with a read replica, N/5 Lambda functions — 2.9 × N resources.
# Usage: bash Benchmarks/terraform-plan.sh [N…]   (from the repository root; default N = 1000 4000)
set -euo pipefail
swift build -c release --product costplan
bin=$(swift build -c release --show-bin-path)/costplan
"$bin" pricing info >/dev/null   # build the catalog once
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000 4000)
for size in "${sizes[@]}"; do
  {
    python3 - "$size" "$dir/plan-$size.json" <<'PY'
import json, sys
n = int(sys.argv[1]); changes = []
def add(t, name, after, i):
    changes.append({"address": f"{t}.{name}[{i}]", "mode": "managed", "type": t, "name": name, "index": i,
                    "provider_name": "registry.terraform.io/hashicorp/aws",
                    "change": {"actions": ["create"], "before": None, "after": after, "after_unknown": {"id": True},
                               "before_sensitive": False, "after_sensitive": {}}})
for i in range(n): add("aws_instance", "web", {"instance_type": "t3.small"}, i)
for i in range(n // 2): add("aws_nat_gateway", "nat", {"connectivity_type": "public"}, i)
for i in range(n): add("aws_security_group", "sg", {"name": f"sg{i}"}, i)
for i in range(n // 10): add("aws_db_instance", "db", {"identifier": f"db{i}", "engine": "postgres", "instance_class": "db.r6g.large",
                                                        "multi_az": False, "allocated_storage": 50, "storage_type": "gp3"}, i)
for i in range(n // 10): add("aws_db_instance", "rep", {"identifier": f"rep{i}", "instance_class": "db.r6g.large", "replicate_source_db": f"db{i}"}, i)
for i in range(n // 5): add("aws_lambda_function", "fn", {"function_name": f"f{i}"}, i)
plan = {"format_version": "1.2", "terraform_version": "1.9.8", "resource_changes": changes, "planned_values": {},
        "configuration": {"provider_config": {"aws": {"name": "aws", "expressions": {"region": {"constant_value": "us-east-1"}}}}}}
json.dump(plan, open(sys.argv[2], "w"))
PY
    echo "N=$size: $(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['resource_changes']))" "$dir/plan-$size.json") resources, $(wc -c < "$dir/plan-$size.json") bytes"
    /usr/bin/time -f "  estimate --format json: %e s, %M KB peak" "$bin" estimate "$dir/plan-$size.json" --format json >/dev/null
    /usr/bin/time -o "$dir/time" -f "  import terraform:       %e s, %M KB peak" "$bin" import terraform "$dir/plan-$size.json" >/dev/null 2>/dev/null
    cat "$dir/time"
  }
done
