import Foundation

/// RDS for PostgreSQL, MySQL and MariaDB (aws-specs §4): the primary at its Single- or Multi-AZ
/// rate, storage per GB-month at the deployment's rate, provisioned IOPS, backup beyond the free
/// allowance, and read replicas as Single-AZ instances of their own class, each with its own
/// storage (and IOPS) of the same size and type.
struct RDSDatabase: ComponentSpec {
    var engine: String
    var instanceClass: String
    var multiAZ: Bool
    var storageGB: Decimal
    var storageType: String
    var iops: Decimal?
    var replicas: ScaledCount
    var replicaClass: String
    var additionalBackupGB: Decimal?
    /// `legacy_storage: true`: storage below AWS's minimums for new instances (20 GB; io1 100 GB
    /// and 1,000 IOPS) is priced as stated — an instance created when smaller sizes were allowed,
    /// or a Terraform value. Hand-written plans keep the minimums unless they say so.
    var legacyStorage: Bool
    /// `extended_support`: the RDS Extended Support charge of an engine version past standard
    /// support: `{vcpus, year}` (year `1-2` or `3`), billed per vCPU-hour on every instance
    /// (the Multi-AZ standby and each replica included).
    var extendedSupport: ExtendedSupport?

    struct ExtendedSupport: Sendable {
        var vcpus: Int
        var year: String
    }
    /// `capacity.reads_per_replica`: database reads/s one replica serves (sizes `replicas`).
    var readsPerReplica: Decimal?

    init(_ f: FieldReader) {
        engine = f.choice("engine", ["postgres", "mysql", "mariadb"], required: true) ?? "postgres"
        instanceClass = f.string("instance_class", required: true, hint: "e.g. db.t3.medium") ?? ""
        multiAZ = f.bool("multi_az", default: false)
        legacyStorage = f.bool("legacy_storage", default: false)
        storageGB = f.decimal("storage_gb", min: legacyStorage ? 1 : 20, max: 65_536, unit: "GB") ?? 20
        storageType = f.choice("storage_type", ["gp2", "gp3", "io1"], default: "gp3")
        iops = f.decimal("iops", min: 0, max: 256_000)
        replicas = f.scaledCount("replicas", default: 0, max: 15)
        readsPerReplica = f.perUnitCapacity("reads_per_replica", unit: "reads/s", what: "rds")
        replicaClass = f.string("replica_instance_class") ?? instanceClass
        additionalBackupGB = f.decimal("additional_backup_gb", unit: "GB")
        if let block = f.nested("extended_support") {
            let vcpus = block.int("vcpus", required: true, min: 1, max: 448)
            let year = block.choice("year", ["1-2", "3"], required: true)
            block.finish(what: "extended_support")
            if let vcpus, let year { extendedSupport = ExtendedSupport(vcpus: vcpus, year: year) }
        }
        validateStorage(f)
    }

    /// io1 needs 100 GB and 1,000 IOPS at least (unless `legacy_storage`); gp3 below 400 GB has a
    /// fixed 3,000 IOPS baseline; gp2 has no provisioned IOPS (aws-specs §4.3–4.4).
    private func validateStorage(_ f: FieldReader) {
        switch storageType {
        case "io1":
            if storageGB < 100, f.has("storage_gb"), !legacyStorage { f.error(at: "storage_gb", "io1 storage needs at least 100 GB") }
            if !f.has("iops") {
                f.missing("iops", hint: "io1 storage is priced on its provisioned IOPS (1,000 or more)")
            } else if (iops ?? 0) < 1000, !legacyStorage {
                f.error(at: "iops", "io1 needs at least 1,000 IOPS")
            }
        case "gp3":
            if let iops, iops > 3000, storageGB < 400 {
                f.error(at: "iops", "gp3 below 400 GB has a fixed baseline of 3,000 IOPS",
                        hint: "raise storage_gb to 400 or more to provision up to 64,000 IOPS, or use io1")
            }
        default:
            if f.has("iops") { f.error(at: "iops", "gp2 storage has no provisioned IOPS", hint: "use gp3 or io1") }
        }
    }

    /// IOPS billed on top of the storage price: gp3 above its baseline, io1 all of them.
    private var billedIOPS: Decimal {
        guard let iops else { return 0 }
        switch storageType {
        case "io1": return iops
        case "gp3": return Swift.max(0, iops - (storageGB >= 400 ? 12_000 : 3000))
        default: return 0
        }
    }

    var scalingRange: (range: CountRange, label: String)? { (replicas.range, "replicas") }

    func lineItems(_ p: PricingContext, at scenario: Scenario) throws -> [LineItem] {
        let deployment = multiAZ ? "multi-az" : "single-az"
        let label = multiAZ ? "Multi-AZ" : "Single-AZ"
        var items = [
            try p.hourly("Database instance (on-demand, \(label), \(instanceClass))", perHour: 1,
                         "AmazonRDS", "instance/\(engine)/\(instanceClass)/\(deployment)", unit: "hour"),
            try p.monthly("Storage (\(storageType), \(label))", quantity: storageGB,
                          "AmazonRDS", "storage/\(storageType)/\(deployment)", unit: "GB-month"),
        ]
        if billedIOPS > 0 {
            items.append(try p.monthly("Provisioned IOPS (\(storageType), \(label))", quantity: billedIOPS,
                                       "AmazonRDS", "iops/\(storageType)/\(deployment)", unit: "IOPS-month"))
        }
        if let additionalBackupGB, additionalBackupGB > 0 {
            items.append(try p.monthly("Backup storage beyond the free allowance", quantity: additionalBackupGB,
                                       "AmazonRDS", "backup/storage", unit: "GB-month"))
        }
        let n = replicas[scenario]
        if let extendedSupport {
            let instances = (multiAZ ? 2 : 1) + n
            items.append(try p.hourly("Extended Support (year \(extendedSupport.year), \(instances) × \(extendedSupport.vcpus) vCPU)",
                                      perHour: Decimal(instances * extendedSupport.vcpus),
                                      "AmazonRDS", "extended-support/yr\(extendedSupport.year)", unit: "vCPU-hour"))
        }
        if n > 0 {
            items.append(try p.hourly("Read replicas (on-demand, Single-AZ, \(n) × \(replicaClass))", perHour: Decimal(n),
                                      "AmazonRDS", "instance/\(engine)/\(replicaClass)/single-az", unit: "hour"))
            items.append(try p.monthly("Read replica storage (\(storageType), \(n) × \(Money.plain(storageGB)) GB)",
                                       quantity: Decimal(n) * storageGB,
                                       "AmazonRDS", "storage/\(storageType)/single-az", unit: "GB-month"))
            if billedIOPS > 0 {
                items.append(try p.monthly("Read replica provisioned IOPS (\(storageType), \(n) ×)", quantity: Decimal(n) * billedIOPS,
                                           "AmazonRDS", "iops/\(storageType)/single-az", unit: "IOPS-month"))
            }
        }
        return items
    }
}
