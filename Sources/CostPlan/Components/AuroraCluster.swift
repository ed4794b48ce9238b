import Foundation

/// Aurora (Standard storage configuration, aws-specs §5): provisioned instances or Serverless v2
/// ACU-hours, cluster storage per GB-month (one volume, not per instance) and I/O requests.
/// Serverless v2 scenarios price min_acu / average_acu / max_acu.
struct AuroraCluster: ComponentSpec {
    struct Serverless: Sendable {
        var minACU: Decimal
        var averageACU: Decimal
        var maxACU: Decimal
        subscript(scenario: Scenario) -> Decimal {
            switch scenario {
            case .min: minACU
            case .desired: averageACU
            case .max: maxACU
            }
        }
    }

    var engine: String
    var instanceClass: String?
    var instances: CountRange
    var serverless: Serverless?
    var storageGB: Decimal?
    var ioRequestsMillions: Decimal?

    init(_ f: FieldReader) {
        engine = f.choice("engine", ["aurora-postgresql", "aurora-mysql"], required: true) ?? "aurora-postgresql"
        instanceClass = f.string("instance_class")
        instances = f.count("instances", default: 1) ?? CountRange(fixed: 1)
        storageGB = f.decimal("storage_gb", unit: "GB")
        ioRequestsMillions = f.decimal("io_requests_millions", unit: "million requests")
        if let block = f.nested("serverless_v2") {
            let minACU = Self.acu(block, "min_acu", required: true) ?? 0.5
            let maxACU = Self.acu(block, "max_acu", required: true) ?? minACU
            let average = Self.acu(block, "average_acu", required: false) ?? minACU
            block.finish(what: "serverless_v2")
            if minACU > maxACU { block.error(at: "min_acu", "min_acu (\(minACU)) is greater than max_acu (\(maxACU))") }
            if average < minACU || average > maxACU, block.has("average_acu") {
                block.error(at: "average_acu", "average_acu (\(average)) is outside min_acu..max_acu (\(minACU)..\(maxACU))")
            }
            serverless = Serverless(minACU: minACU, averageACU: average, maxACU: maxACU)
        }
        if serverless != nil, let _ = instanceClass {
            f.error(at: "instance_class", "give either `instance_class` (provisioned) or `serverless_v2`, not both")
        } else if serverless == nil, instanceClass == nil, instances.max > 0 {
            f.missing("instance_class", hint: "set `instance_class` (e.g. db.r6g.large) or a `serverless_v2: {min_acu, max_acu, average_acu}` block")
        }
    }

    /// An ACU figure: 0 to 256 in 0.5 steps.
    private static func acu(_ f: FieldReader, _ key: String, required: Bool) -> Decimal? {
        guard let value = f.decimal(key, required: required, min: 0, max: 256, unit: "ACU") else { return nil }
        if FieldReader.wholeNumber(value * 2) == nil {
            f.error(at: key, "ACUs come in 0.5 steps, found \(value)")
        }
        return value
    }

    /// Provisioned: the instance count. Serverless v2: the ACUs of all instances together
    /// (instances × ACU) in 0.5-ACU steps, the only quantity its capacity line is billed on.
    var scalingRange: (range: CountRange, label: String)? {
        guard let serverless else { return (instances, "instances") }
        func halfSteps(_ s: Scenario) -> Int { NSDecimalNumber(decimal: Decimal(instances[s]) * serverless[s] * 2).intValue }
        return (CountRange(min: halfSteps(.min), desired: halfSteps(.desired), max: halfSteps(.max)), "ACU")
    }
    var scalingStep: Decimal { serverless == nil ? 1 : 0.5 }

    func lineItems(_ p: PricingContext, at scenario: Scenario) throws -> [LineItem] {
        let n = instances[scenario]
        var items: [LineItem] = []
        if let serverless {
            let acu = serverless[scenario]
            items.append(try p.hourly("Serverless v2 capacity (\(n) × \(Money.plain(acu)) ACU)", perHour: Decimal(n) * acu,
                                      "AmazonRDS", "aurora/serverless-v2", unit: "ACU-hour"))
        } else if let instanceClass {
            items.append(try p.hourly("Database instances (on-demand, \(n) × \(instanceClass))", perHour: Decimal(n),
                                      "AmazonRDS", "aurora/\(engine)/\(instanceClass)", unit: "hour"))
        }
        items.append(try p.monthly("Storage", quantity: storageGB, "AmazonRDS", "aurora/storage", unit: "GB-month"))
        items.append(try p.monthly("I/O requests", quantity: ioRequestsMillions, "AmazonRDS", "aurora/io-requests", unit: "1M requests"))
        return items
    }
}
