#!/usr/bin/env python3
"""Writes a synthetic AWS Price List CSV offer file in the real per-region AmazonEC2 layout.

Usage: python3 Benchmarks/gen-ec2-offer.py ROWS OUT.csv
       python3 Benchmarks/gen-ec2-offer.py ROWS OUT.json   (the same offer in the JSON layout:
       products{sku:{sku,productFamily,attributes}} then terms{OnDemand,Reserved}{sku}{term}{priceDimensions})

5 metadata lines, the real 2020 EC2 header (75 columns, the one in the terracost sample) plus
`Region Code` and `MarketOption` (2023 files have them), every field double-quoted, then ROWS
data rows with a realistic mix: Compute Instance products over ~190 instance types x operating
systems x pre-installed software x tenancy x capacity status x licence model, each with one
OnDemand row and, where AWS sells them, 20 Reserved rows (1yr/3yr x standard/convertible x
No/Partial/All Upfront, the upfront fees as separate `Quantity` rows); interleaved with EBS
storage, IOPS, throughput, NAT gateway, data transfer, snapshot and IP address rows. Prices are
invented but plausible. Deterministic (same ROWS, same file).
"""
import sys

HEADER = ["SKU", "OfferTermCode", "RateCode", "TermType", "PriceDescription", "EffectiveDate", "StartingRange",
          "EndingRange", "Unit", "PricePerUnit", "Currency", "RelatedTo", "LeaseContractLength", "PurchaseOption",
          "OfferingClass", "Product Family", "serviceCode", "Location", "Location Type", "Instance Type",
          "Current Generation", "Instance Family", "vCPU", "Physical Processor", "Clock Speed", "Memory", "Storage",
          "Network Performance", "Processor Architecture", "Storage Media", "Volume Type", "Max Volume Size",
          "Max IOPS/volume", "Max IOPS Burst Performance", "Max throughput/volume", "Provisioned", "Tenancy",
          "EBS Optimized", "Operating System", "License Model", "Group", "Group Description", "Transfer Type",
          "From Location", "From Location Type", "To Location", "To Location Type", "usageType", "operation",
          "CapacityStatus", "Dedicated EBS Throughput", "ECU", "Elastic Graphics Type", "Enhanced Networking Supported",
          "GPU", "GPU Memory", "Instance", "Instance Capacity - 10xlarge", "Instance Capacity - 12xlarge",
          "Instance Capacity - 16xlarge", "Instance Capacity - 18xlarge", "Instance Capacity - 24xlarge",
          "Instance Capacity - 2xlarge", "Instance Capacity - 32xlarge", "Instance Capacity - 4xlarge",
          "Instance Capacity - 8xlarge", "Instance Capacity - 9xlarge", "Instance Capacity - large",
          "Instance Capacity - medium", "Instance Capacity - metal", "Instance Capacity - xlarge", "instanceSKU",
          "Intel AVX Available", "Intel AVX2 Available", "Intel Turbo Available", "Normalization Size Factor",
          "Physical Cores", "Pre Installed S/W", "Processor Features", "Product Type", "Resource Type", "serviceName",
          "Volume API Name", "Region Code", "MarketOption"]
COL = {name: i for i, name in enumerate(HEADER)}
LOCATION = "US East (N. Virginia)"

FAMILIES = ["t3", "t3a", "t4g", "m5", "m5a", "m6i", "m6g", "m7i", "m7g", "c5", "c5a", "c6i", "c6g", "c7g", "r5",
            "r5a", "r6i", "r6g", "r7g", "i3", "i4i", "x2idn", "z1d"]
SIZES = [("nano", 2, "0.5"), ("micro", 2, "1"), ("small", 2, "2"), ("medium", 2, "4"), ("large", 2, "8"),
         ("xlarge", 4, "16"), ("2xlarge", 8, "32"), ("4xlarge", 16, "64"), ("8xlarge", 32, "128"),
         ("12xlarge", 48, "192"), ("16xlarge", 64, "256"), ("24xlarge", 96, "384")]
INSTANCES = [(f"{fam}.{size}", vcpu, mem, 0.0052 * (i + 1) * (1 + fi / 10))
             for fi, fam in enumerate(FAMILIES) for i, (size, vcpu, mem) in enumerate(SIZES)
             if not (fam.startswith("t") and i > 6) and not (not fam.startswith("t") and i < 4)]
OSES = [("Linux", "RunInstances", 1.0), ("Windows", "RunInstances:0002", 1.8), ("RHEL", "RunInstances:0010", 1.5),
        ("SUSE", "RunInstances:000g", 1.4), ("Red Hat Enterprise Linux with HA", "RunInstances:1010", 1.9),
        ("Ubuntu Pro", "RunInstances:0g00", 1.1)]
SOFTWARE = ["NA", "SQL Std", "SQL Web", "SQL Ent"]
TENANCY = [("Shared", "BoxUsage"), ("Dedicated", "DedicatedUsage"), ("Host", "HostBoxUsage")]
CAPACITY = [("Used", ""), ("UnusedCapacityReservation", "UnusedBox"), ("AllocatedCapacityReservation", "Reservation")]
LICENSES = ["No License required", "Bring your own license"]
RESERVED = [(lease, cls, option) for lease in ("1yr", "3yr") for cls in ("standard", "convertible")
            for option in ("No Upfront", "Partial Upfront", "All Upfront")]


def sku(n):
    """A 16-character AWS-looking SKU, unique per n."""
    alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
    x = (n * 0x9E3779B97F4A7C15 + 0x632BE59BD9B4E019) & 0xFFFFFFFFFFFFFFFF
    out = []
    for _ in range(16):
        x, r = divmod(x, len(alphabet))
        out.append(alphabet[r])
        if x == 0:
            x = (n * 0xBF58476D1CE4E5B9 + 1) & 0xFFFFFFFFFFFFFFFF
    return "".join(out)


def row(values):
    if JSON_MODE:
        return values
    fields = [""] * len(HEADER)
    for name, value in values.items():
        fields[COL[name]] = value
    return '"' + '","'.join(fields) + '"\n'


def compute_rows(n, product):
    itype, vcpu, mem, base = INSTANCES[product % len(INSTANCES)]
    combo = product // len(INSTANCES)
    os_name, operation, factor = OSES[combo % len(OSES)]
    combo //= len(OSES)
    software = SOFTWARE[combo % len(SOFTWARE)]
    combo //= len(SOFTWARE)
    tenancy, usage = TENANCY[combo % len(TENANCY)]
    combo //= len(TENANCY)
    capacity, capacity_usage = CAPACITY[combo % len(CAPACITY)]
    combo //= len(CAPACITY)
    license_model = LICENSES[combo % len(LICENSES)]
    usage_type = f"{capacity_usage or usage}:{itype}"
    price = base * factor * (1 + 0.4 * SOFTWARE.index(software)) * (1.1 if tenancy != "Shared" else 1)
    code = sku(n)
    common = {"SKU": code, "EffectiveDate": "2026-11-01", "StartingRange": "0", "EndingRange": "Inf",
              "Currency": "USD", "Product Family": "Compute Instance", "serviceCode": "AmazonEC2",
              "Location": LOCATION, "Location Type": "AWS Region", "Instance Type": itype,
              "Current Generation": "Yes", "Instance Family": "General purpose", "vCPU": str(vcpu),
              "Physical Processor": "Intel Xeon Platinum 8175", "Clock Speed": "3.1 GHz", "Memory": f"{mem} GiB",
              "Storage": "EBS only", "Network Performance": "Up to 10 Gigabit", "Processor Architecture": "64-bit",
              "Tenancy": tenancy, "EBS Optimized": "Yes", "Operating System": os_name,
              "License Model": license_model, "usageType": usage_type, "operation": operation,
              "CapacityStatus": capacity, "Dedicated EBS Throughput": "Up to 2120 Mbps", "ECU": "10",
              "Enhanced Networking Supported": "Yes", "Intel AVX Available": "Yes", "Intel AVX2 Available": "Yes",
              "Intel Turbo Available": "Yes", "Normalization Size Factor": "4", "Physical Cores": "24",
              "Pre Installed S/W": software, "Processor Features": "Intel AVX; Intel AVX2; Intel AVX512; Intel Turbo",
              "serviceName": "Amazon Elastic Compute Cloud", "Region Code": "us-east-1", "MarketOption": "OnDemand"}
    out = [row({**common, "OfferTermCode": "JRTCKXETXF", "RateCode": f"{code}.JRTCKXETXF.6YS6EN2CT7",
                "TermType": "OnDemand", "Unit": "Hrs", "PricePerUnit": f"{price:.10f}",
                "PriceDescription": f"${price:.4f} per On Demand {os_name} {itype} Instance Hour"})]
    if capacity == "Used" and tenancy != "Host":
        for k, (lease, cls, option) in enumerate(RESERVED):
            term = sku(n * 31 + k)[:10]
            years = 1 if lease == "1yr" else 3
            discount = (0.6 if cls == "standard" else 0.7) * (0.85 if years == 3 else 1)
            hourly = 0 if option == "All Upfront" else price * discount * (0.5 if option == "Partial Upfront" else 1)
            reserved = {**common, "OfferTermCode": term, "TermType": "Reserved", "LeaseContractLength": lease,
                        "PurchaseOption": option, "OfferingClass": cls}
            out.append(row({**reserved, "RateCode": f"{code}.{term}.6YS6EN2CT7", "Unit": "Hrs",
                            "PricePerUnit": f"{hourly:.10f}",
                            "PriceDescription": f"{os_name} {itype} reserved instance applied"}))
            if option != "No Upfront":
                upfront = price * discount * 8760 * years * (0.5 if option == "Partial Upfront" else 1)
                out.append(row({**reserved, "RateCode": f"{code}.{term}.2TG2D8R56U", "Unit": "Quantity",
                                "StartingRange": "", "EndingRange": "", "PricePerUnit": f"{upfront:.0f}",
                                "PriceDescription": "Upfront Fee"}))
    return out


OTHER = [  # (family, usagetype, unit, price, extra attributes)
    ("Storage", "EBS:VolumeUsage.gp3", "GB-Mo", "0.08", {"Volume API Name": "gp3", "Volume Type": "General Purpose", "Storage Media": "SSD-backed"}),
    ("Storage", "EBS:VolumeUsage.gp2", "GB-Mo", "0.10", {"Volume API Name": "gp2", "Volume Type": "General Purpose", "Storage Media": "SSD-backed"}),
    ("Storage", "EBS:VolumeUsage.piops", "GB-Mo", "0.125", {"Volume API Name": "io1", "Volume Type": "Provisioned IOPS", "Storage Media": "SSD-backed"}),
    ("Storage", "EBS:VolumeUsage.io2", "GB-Mo", "0.125", {"Volume API Name": "io2", "Volume Type": "Provisioned IOPS", "Storage Media": "SSD-backed"}),
    ("Storage", "EBS:VolumeUsage.st1", "GB-Mo", "0.045", {"Volume API Name": "st1", "Volume Type": "Throughput Optimized HDD", "Storage Media": "HDD-backed"}),
    ("Storage", "EBS:VolumeUsage.sc1", "GB-Mo", "0.015", {"Volume API Name": "sc1", "Volume Type": "Cold HDD", "Storage Media": "HDD-backed"}),
    ("Storage", "EBS:VolumeUsage", "GB-Mo", "0.05", {"Volume API Name": "standard", "Volume Type": "Magnetic", "Storage Media": "HDD-backed"}),
    ("System Operation", "EBS:VolumeP-IOPS.piops", "IOPS-Mo", "0.065", {"Group": "EBS IOPS"}),
    ("System Operation", "EBS:VolumeP-IOPS.gp3", "IOPS-Mo", "0.005", {"Group": "EBS IOPS", "Volume API Name": "gp3"}),
    ("System Operation", "EBS:VolumeIOUsage", "IOs", "0.0000000500", {"Group": "EBS I/O Requests"}),
    ("Provisioned Throughput", "EBS:VolumeP-Throughput.gp3", "GiBps-mo", "40.9600000000", {"Volume API Name": "gp3"}),
    ("NAT Gateway", "NatGateway-Hours", "Hrs", "0.045", {"Group": "NGW:NatGateway"}),
    ("NAT Gateway", "NatGateway-Bytes", "GB", "0.045", {"Group": "NGW:NatGateway"}),
    ("NAT Gateway", "NatGateway-Prvd-Bytes", "GB", "0.00", {"Group": "NGW:NatGateway"}),
    ("Data Transfer", "DataTransfer-Out-Bytes", "GB", "0.09", {"Transfer Type": "AWS Outbound"}),
    ("Data Transfer", "DataTransfer-Regional-Bytes", "GB", "0.01", {"Transfer Type": "IntraRegion"}),
    ("Storage Snapshot", "EBS:SnapshotUsage", "GB-Mo", "0.05", {}),
    ("IP Address", "PublicIPv4:InUseAddress", "Hrs", "0.005", {"Group": "VPCPublicIPv4Address"}),
    ("Load Balancer-Application", "LoadBalancerUsage", "Hrs", "0.0225", {"Group": "ELB:Balancer"}),
]


def other_row(n, k):
    family, usage, unit, price, extra = OTHER[k % len(OTHER)]
    code = sku(n)
    return row({"SKU": code, "OfferTermCode": "JRTCKXETXF", "RateCode": f"{code}.JRTCKXETXF.6YS6EN2CT7",
                "TermType": "OnDemand", "PriceDescription": f"${price} per {unit} of {usage}",
                "EffectiveDate": "2026-11-01", "StartingRange": "0", "EndingRange": "Inf", "Unit": unit,
                "PricePerUnit": price, "Currency": "USD", "Product Family": family, "serviceCode": "AmazonEC2",
                "Location": LOCATION, "Location Type": "AWS Region", "usageType": usage,
                "serviceName": "Amazon Elastic Compute Cloud", "Region Code": "us-east-1", **extra})


JSON_MODE = False
# CSV column -> JSON attribute key (the product-level ones the JSON layout carries in `attributes`).
JSON_ATTRIBUTES = {"serviceCode": "servicecode", "Location": "location", "Location Type": "locationType",
                   "Instance Type": "instanceType", "Current Generation": "currentGeneration",
                   "Instance Family": "instanceFamily", "vCPU": "vcpu", "Physical Processor": "physicalProcessor",
                   "Clock Speed": "clockSpeed", "Memory": "memory", "Storage": "storage",
                   "Network Performance": "networkPerformance", "Processor Architecture": "processorArchitecture",
                   "Storage Media": "storageMedia", "Volume Type": "volumeType", "Tenancy": "tenancy",
                   "EBS Optimized": "ebsOptimized", "Operating System": "operatingSystem",
                   "License Model": "licenseModel", "Group": "group", "Transfer Type": "transferType",
                   "usageType": "usagetype", "operation": "operation", "CapacityStatus": "capacitystatus",
                   "Dedicated EBS Throughput": "dedicatedEbsThroughput", "ECU": "ecu",
                   "Enhanced Networking Supported": "enhancedNetworkingSupported",
                   "Intel AVX Available": "intelAvxAvailable", "Intel AVX2 Available": "intelAvx2Available",
                   "Intel Turbo Available": "intelTurboAvailable", "Normalization Size Factor": "normalizationSizeFactor",
                   "Physical Cores": "physicalCores", "Pre Installed S/W": "preInstalledSw",
                   "Processor Features": "processorFeatures", "serviceName": "servicename",
                   "Volume API Name": "volumeApiName", "Region Code": "regionCode", "MarketOption": "marketoption"}


def products(target):
    """Yields each product's rows (dicts in JSON mode, CSV lines otherwise) until `target` rows."""
    written, n, product = 0, 0, 0
    while written < target:
        rows = compute_rows(n, product)
        yield rows
        written += len(rows)
        n += 1
        product += 1
        if product % 7 == 0:
            yield [other_row(n, product // 7)]
            written += 1
            n += 1


def write_json(target, out):
    import json
    q = json.dumps
    out.write('{\n  "formatVersion" : "v1.0",\n  "disclaimer" : "SYNTHETIC benchmark data written by Benchmarks/gen-ec2-offer.py.",\n'
              '  "offerCode" : "AmazonEC2",\n  "version" : "20261101000000",\n  "publicationDate" : "2026-11-01T00:00:00Z",\n'
              '  "products" : {\n')
    first = True
    for rows in products(target):
        r = rows[0]
        attributes = {key: r[col] for col, key in JSON_ATTRIBUTES.items() if r.get(col)}
        out.write(("" if first else ",\n") + f'    {q(r["SKU"])} : {{\n      "sku" : {q(r["SKU"])},\n'
                  f'      "productFamily" : {q(r["Product Family"])},\n      "attributes" : {q(attributes, indent=None)}\n    }}')
        first = False
    out.write('\n  },\n  "terms" : {\n')
    for i, term_type in enumerate(("OnDemand", "Reserved")):
        out.write(("" if i == 0 else ",\n") + f'    "{term_type}" : {{\n')
        first_sku = True
        for rows in products(target):
            terms = {}
            for r in rows:
                if r["TermType"] != term_type:
                    continue
                code = f'{r["SKU"]}.{r["OfferTermCode"]}'
                term = terms.setdefault(code, {"offerTermCode": r["OfferTermCode"], "sku": r["SKU"],
                                               "effectiveDate": r["EffectiveDate"] + "T00:00:00Z", "priceDimensions": {},
                                               "termAttributes": {k: r[c] for k, c in (("LeaseContractLength", "LeaseContractLength"),
                                                                                       ("OfferingClass", "OfferingClass"),
                                                                                       ("PurchaseOption", "PurchaseOption")) if r.get(c)}})
                dimension = {"rateCode": r["RateCode"], "description": r["PriceDescription"], "unit": r["Unit"],
                             "pricePerUnit": {"USD": r["PricePerUnit"]}, "appliesTo": []}
                if r.get("StartingRange"):
                    dimension["beginRange"], dimension["endRange"] = r["StartingRange"], r["EndingRange"]
                term["priceDimensions"][r["RateCode"]] = dimension
            if terms:
                out.write(("" if first_sku else ",\n") + f'      {q(rows[0]["SKU"])} : {q(terms)}')
                first_sku = False
        out.write("\n    }")
    out.write('\n  },\n  "attributesList" : { }\n}\n')


def main():
    global JSON_MODE
    target, path = int(sys.argv[1]), sys.argv[2]
    JSON_MODE = path.endswith(".json")
    with open(path, "w", buffering=1 << 20) as out:
        if JSON_MODE:
            write_json(target, out)
            print(f"about {target} price rows as JSON -> {path}", file=sys.stderr)
            return
        out.write('"FormatVersion","v1.0"\n"Disclaimer","This pricing list is for informational purposes only. '
                  'SYNTHETIC benchmark data written by Benchmarks/gen-ec2-offer.py."\n'
                  '"Publication Date","2026-11-01T00:00:00Z"\n"Version","20261101000000"\n"OfferCode","AmazonEC2"\n')
        out.write('"' + '","'.join(HEADER) + '"\n')
        written = 0
        for rows in products(target):
            for line in rows:
                out.write(line)
            written += len(rows)
    print(f"{written} rows -> {path}", file=sys.stderr)


main()
