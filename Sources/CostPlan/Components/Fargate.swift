import Foundation

/// ECS on Fargate tasks: vCPU-hours and GB-hours per task, plus ephemeral storage above the
/// free 20 GB (aws-specs §1). Task size must be a CPU/memory pair AWS offers.
struct Fargate: ComponentSpec {
    var cpu: Decimal
    var memoryGB: Decimal
    var tasks: ScaledCount
    var architecture: String
    var ephemeralStorageGB: Decimal
    /// `capacity.rps_per_task`: requests/s one task serves (sizes `tasks` from demand).
    var rpsPerTask: Decimal?

    init(_ f: FieldReader) {
        cpu = f.decimal("cpu", required: true, unit: "vCPU") ?? 1
        memoryGB = f.decimal("memory_gb", required: true, unit: "GB") ?? 2
        tasks = f.scaledCount("tasks", default: 1)
        rpsPerTask = f.perUnitCapacity("rps_per_task", unit: "requests/s", what: "fargate")
        architecture = f.choice("architecture", ["x86_64", "arm64"], default: "x86_64")
        ephemeralStorageGB = f.decimal("ephemeral_storage_gb", min: 20, max: 200, unit: "GB") ?? 20
        if f.has("cpu"), f.has("memory_gb"), !Self.isValidSize(cpu: cpu, memoryGB: memoryGB) {
            f.error(at: "memory_gb", "Fargate does not offer \(cpu) vCPU with \(memoryGB) GB",
                    hint: Self.validMemory(cpu: cpu).map { "with \(cpu) vCPU use memory_gb in: \($0)" }
                        ?? "cpu must be one of 0.25, 0.5, 1, 2, 4, 8, 16")
        }
    }

    var scalingRange: (range: CountRange, label: String)? { (tasks.range, "tasks") }

    func lineItems(_ p: PricingContext, at scenario: Scenario) throws -> [LineItem] {
        let count = Decimal(tasks[scenario])
        let arch = architecture == "arm64" ? "Linux/ARM" : "Linux/x86"
        var items = [
            try p.hourly("vCPU (\(arch), \(tasks[scenario]) × \(cpu) vCPU)", perHour: count * cpu,
                         "AmazonECS", "fargate/\(architecture)/vcpu", unit: "vCPU-hour"),
            try p.hourly("Memory (\(arch), \(tasks[scenario]) × \(memoryGB) GB)", perHour: count * memoryGB,
                         "AmazonECS", "fargate/\(architecture)/memory", unit: "GB-hour"),
        ]
        if ephemeralStorageGB > 20 {
            items.append(try p.hourly("Ephemeral storage above 20 GB (\(tasks[scenario]) × \(ephemeralStorageGB - 20) GB)",
                                      perHour: count * (ephemeralStorageGB - 20),
                                      "AmazonECS", "fargate/ephemeral-storage", unit: "GB-hour"))
        }
        return items
    }

    /// Valid memory sizes (GB) for a task CPU, per the ECS task-size table (aws-specs §1.1).
    static func validMemory(cpu: Decimal) -> String? {
        switch cpu {
        case 0.25: "0.5, 1, 2"
        case 0.5: "1 to 4 in 1 GB steps"
        case 1: "2 to 8 in 1 GB steps"
        case 2: "4 to 16 in 1 GB steps"
        case 4: "8 to 30 in 1 GB steps"
        case 8: "16 to 60 in 4 GB steps"
        case 16: "32 to 120 in 8 GB steps"
        default: nil
        }
    }

    static func isValidSize(cpu: Decimal, memoryGB m: Decimal) -> Bool {
        func steps(_ low: Decimal, _ high: Decimal, _ step: Decimal) -> Bool {
            guard m >= low, m <= high else { return false }
            return FieldReader.wholeNumber((m - low) / step) != nil
        }
        switch cpu {
        case 0.25: return [0.5, 1, 2].contains(m)
        case 0.5: return steps(1, 4, 1)
        case 1: return steps(2, 8, 1)
        case 2: return steps(4, 16, 1)
        case 4: return steps(8, 30, 1)
        case 8: return steps(16, 60, 4)
        case 16: return steps(32, 120, 8)
        default: return false
        }
    }
}
