// costplan-bench: prints timings for the work the issue sets targets for.
//   swift run -c release costplan-bench [repository root]
// 1. building the SQLite catalog from pricing/ (target < 1 s)
// 2. parsing + estimating each example in process (cold process: see Benchmarks/cold-start.sh)
// 3. parsing + estimating a generated plan of 3 environments × 1,000 ranged components (target < 50 ms)
import CostPlan
import CostPlanReports
import CostPlanStore
import Foundation

let root = URL(fileURLWithPath: CommandLine.arguments.dropFirst().first ?? FileManager.default.currentDirectoryPath)
let pricing = root.appendingPathComponent("pricing")
let clock = ContinuousClock()

/// Runs `body` `runs` times and returns the median and the fastest duration in milliseconds.
func measure(_ runs: Int, _ body: () throws -> Void) rethrows -> (median: Double, best: Double) {
    var samples: [Double] = []
    for _ in 0..<runs {
        let elapsed = try clock.measure(body)
        samples.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
    }
    samples.sort()
    return (samples[samples.count / 2], samples[0])
}

func report(_ label: String, _ result: (median: Double, best: Double), target: String = "") {
    let line = "\(label.padding(toLength: 58, withPad: " ", startingAt: 0)) median \(String(format: "%8.2f", result.median)) ms"
        + "   best \(String(format: "%8.2f", result.best)) ms" + (target.isEmpty ? "" : "   (target \(target))")
    print(line)
}

let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("costplan-bench-\(getpid())")
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: scratch) }

// 1. Catalog build from scratch (new database file each run).
var run = 0
report("catalog: build SQLite from pricing/ (fresh file)", try measure(5) {
    run += 1
    _ = try CatalogLoader(pricingDirectory: pricing, databasePath: scratch.appendingPathComponent("c\(run).sqlite").path).load()
}, target: "< 1000 ms")
let warmPath = scratch.appendingPathComponent("warm.sqlite").path
let catalog = try CatalogLoader(pricingDirectory: pricing, databasePath: warmPath).load()
report("catalog: open unchanged catalog + snapshot (warm)", try measure(20) {
    _ = try CatalogLoader(pricingDirectory: pricing, databasePath: warmPath).load()
})
print("catalog: \(catalog.snapshot.rateCount) rates, snapshot \(catalog.snapshot.id)")

// 2. Each example: parse + estimate + render JSON, in process.
let examples = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("examples").path)
    .filter { $0.hasSuffix(".yaml") }.sorted()
let estimator = Estimator(catalog: catalog)
for name in examples {
    let path = root.appendingPathComponent("examples/\(name)").path
    report("example \(name): parse + estimate + JSON", try measure(50) {
        _ = EstimateJSON.render(Report(try estimator.estimate(try PlanParser.parse(contentsOf: path))))
    })
}

// 3. A generated plan: 3 environments × 1,000 ranged components of mixed types.
var yaml = "version: 1\nname: generated\nregion: us-east-1\nenvironments:\n"
for env in ["production", "staging", "dev"] {
    yaml += "  \(env):\n    components:\n"
    for i in 0..<1000 {
        switch i % 4 {
        case 0: yaml += "      api\(i): {type: fargate, cpu: 1, memory_gb: 2, tasks: {min: 2, max: 10, desired: 3}}\n"
        case 1: yaml += "      web\(i): {type: ec2, instance_type: t3.large, count: {min: 1, max: 6}}\n"
        case 2: yaml += "      db\(i): {type: rds, engine: postgres, instance_class: db.t3.medium, multi_az: true, storage_gb: 100, replicas: {min: 0, max: 2}}\n"
        default: yaml += "      cache\(i): {type: elasticache, node_type: cache.t3.medium, nodes: {min: 1, max: 4, desired: 2}}\n"
        }
    }
}
var plan = try PlanParser.parse(yaml, file: "generated.yaml")
report("generated 3 × 1,000 components: parse + validate", try measure(5) {
    plan = try PlanParser.parse(yaml, file: "generated.yaml")
})
report("generated 3 × 1,000 components: estimate (min/desired/max)", try measure(10) {
    _ = try estimator.estimate(plan)
}, target: "< 50 ms")
let estimate = try estimator.estimate(plan)
report("generated 3 × 1,000 components: report + render JSON", try measure(5) { _ = EstimateJSON.render(Report(estimate)) })
print("generated plan total (desired): \(Formatting.dollars(estimate.environments.map(\.monthly.desired).reduce(0, +)))/month")
