import CostPlan
import CostPlanReports
import Foundation
import Testing

/// Properties every diff keeps: comparing a plan with itself changes nothing, and for any two
/// plans the diff's totals are exactly estimate(head) − estimate(base) (Decimal, no rounding).
struct DiffPropertyTests {
    static let examples = ["component-registry", "multi-region-fargate", "cloudweave", "shangwellness", "muejam-library"]
    static let fixtures = ["base", "scale-up", "instance-class", "component-added-removed", "environment-added",
                           "demand-base", "demand-rise", "demand-peak-only", "hours-region"]

    static func allPlans() throws -> [String] {
        try examples.map(DiffSupport.example) + fixtures.map(DiffSupport.fixture)
    }

    /// diff(A, A): every environment, component and line item unchanged, every delta 0.
    @Test(arguments: examples + fixtures)
    func diffWithItselfIsAllZero(name: String) throws {
        let text = Self.examples.contains(name) ? try DiffSupport.example(name) : try DiffSupport.fixture(name)
        let diff = try ReportDiff.between(baseText: text, headText: text, catalog: DiffSupport.catalog)
        #expect(!diff.hasChanges && !diff.hasCostChange)
        #expect(diff.cost.delta == .zero)
        #expect(diff.cost.before == diff.cost.after && diff.cost.before.desired > 0)
        for env in diff.environments {
            #expect(env.status == .unchanged && env.cost.delta == .zero)
            #expect(env.settingChanges.isEmpty && env.changedWarnings.isEmpty, "\(env.name)")
            for c in env.components {
                #expect(c.status == .unchanged && c.fieldChanges.isEmpty && c.derivedChanges.isEmpty && c.cost.delta == .zero,
                        "\(env.name).\(c.id)")
                for item in c.lineItems { #expect(item.status == .unchanged && (item.delta ?? 0) == 0) }
            }
        }
        #expect(DiffMarkdown.render(diff).contains("### No cost change"))
    }

    /// For every ordered pair of the examples and fixtures (unrelated plans included).
    @Test func totalsAreExactlyTheEstimatesDifferenceForEveryPair() throws {
        let plans = try Self.allPlans().enumerated().map { try DiffSupport.plan($0.element, file: "plan\($0.offset).yaml") }
        for a in plans { for b in plans { try Self.checkTotals(a, b) } }
    }

    /// For 150 pairs of generated plans (seeded, so a failure reproduces).
    @Test func totalsAreExactlyTheEstimatesDifferenceForGeneratedPlans() throws {
        var random = SplitMix64(seed: 0xC057_D1FF)
        for _ in 0..<150 {
            let a = try DiffSupport.plan(PlanGenerator.plan(&random), file: "a.yaml")
            let b = try DiffSupport.plan(PlanGenerator.plan(&random), file: "b.yaml")
            try Self.checkTotals(a, b)
        }
    }

    /// Mutating one generated plan a little (the realistic case: most components match).
    @Test func totalsAreExactForSmallEditsOfGeneratedPlans() throws {
        var random = SplitMix64(seed: 42)
        for _ in 0..<100 {
            let text = PlanGenerator.plan(&random)
            let edited = PlanGenerator.edit(text, &random)
            try Self.checkTotals(try DiffSupport.plan(text), try DiffSupport.plan(edited))
        }
    }

    static func checkTotals(_ a: Plan, _ b: Plan, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let estimator = Estimator(catalog: DiffSupport.catalog)
        let ea = try estimator.estimate(a), eb = try estimator.estimate(b)
        let diff = ReportDiff(base: Report(ea), head: Report(eb))
        let totalA = ea.environments.reduce(Band.zero) { $0 + $1.monthly }
        let totalB = eb.environments.reduce(Band.zero) { $0 + $1.monthly }
        // diff.cost.delta = Σ estimate(B) − Σ estimate(A), at min, desired and max, exactly.
        #expect(diff.cost.delta == totalB - totalA, sourceLocation: sourceLocation)
        #expect(diff.cost.before == totalA && diff.cost.after == totalB, sourceLocation: sourceLocation)
        #expect(Set(diff.environments.map(\.name)) == Set(ea.environments.map(\.name) + eb.environments.map(\.name)),
                sourceLocation: sourceLocation)
        for env in diff.environments {
            let before = ea.environment(env.name)?.monthly ?? .zero, after = eb.environment(env.name)?.monthly ?? .zero
            #expect(env.cost.delta == after - before, "\(env.name)", sourceLocation: sourceLocation)
            // An environment's delta is the sum of its components' deltas.
            #expect(env.components.reduce(Band.zero) { $0 + $1.cost.delta } == env.cost.delta, sourceLocation: sourceLocation)
        }
    }
}

/// A small deterministic random number generator (SplitMix64), so generated cases reproduce.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random but valid plans over components the repository catalog prices in us-east-1.
enum PlanGenerator {
    static let environments = ["production", "staging", "dev", "qa", "preview"]
    static let instanceTypes = ["t3.small", "t3.medium", "t3.large", "t3.xlarge"]
    static let nodeTypes = ["cache.t3.small", "cache.t3.medium", "cache.r6g.large"]

    static func plan(_ random: inout SplitMix64) -> String {
        var text = "version: 1\nname: generated\nregion: us-east-1\nenvironments:\n"
        for env in environments.shuffled(using: &random).prefix(Int.random(in: 1...4, using: &random)) {
            text += "  \(env):\n"
            if Bool.random(using: &random) { text += "    hours_per_month: \(Int.random(in: 100...744, using: &random))\n" }
            text += "    components:\n"
            for index in 0..<Int.random(in: 1...6, using: &random) {
                text += component("c\(Int.random(in: 0...8, using: &random))_\(index)", &random)
            }
        }
        return text
    }

    static func component(_ id: String, _ random: inout SplitMix64) -> String {
        switch Int.random(in: 0...3, using: &random) {
        case 0:
            let min = Int.random(in: 0...3, using: &random), max = min + Int.random(in: 0...5, using: &random)
            return "      \(id): {type: ec2, instance_type: \(instanceTypes.randomElement(using: &random)!), "
                + "count: {min: \(min), max: \(max), desired: \(Int.random(in: min...max, using: &random))}}\n"
        case 1:
            return "      \(id): {type: fixed, monthly_usd: \(Int.random(in: 0...99_999, using: &random)).\(Int.random(in: 0...9999, using: &random))}\n"
        case 2:
            return "      \(id): {type: s3, storage_gb: \(Int.random(in: 0...200_000, using: &random)).\(Int.random(in: 0...99, using: &random)), "
                + "put_requests: \(Int.random(in: 0...1000, using: &random)), get_requests: \(Int.random(in: 0...100_000, using: &random))}\n"
        default:
            return "      \(id): {type: elasticache, node_type: \(nodeTypes.randomElement(using: &random)!), "
                + "nodes: {min: 1, max: \(Int.random(in: 1...6, using: &random))}}\n"
        }
    }

    /// `text` with a few component lines replaced, dropped or added.
    static func edit(_ text: String, _ random: inout SplitMix64) -> String {
        var lines = text.components(separatedBy: "\n")
        let components = lines.indices.filter { lines[$0].hasPrefix("      ") }
        for index in components.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random)) {
            let id = lines[index].trimmingCharacters(in: .whitespaces).prefix { $0 != ":" }
            switch Int.random(in: 0...2, using: &random) {
            case 0: lines[index] = component(String(id), &random).trimmingCharacters(in: .newlines)
            case 1 where siblings(of: index, in: lines) > 0: lines[index] = ""
            default: lines[index] += "\n" + component("new_\(index)", &random).trimmingCharacters(in: .newlines)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// How many other components the environment of the component on line `index` has.
    static func siblings(of index: Int, in lines: [String]) -> Int {
        func isComponent(_ i: Int) -> Bool { lines[i].hasPrefix("      ") }
        func isGap(_ i: Int) -> Bool { lines[i].isEmpty }
        var count = 0, i = index - 1
        while i >= 0, isComponent(i) || isGap(i) { if isComponent(i) { count += 1 }; i -= 1 }
        i = index + 1
        while i < lines.count, isComponent(i) || isGap(i) { if isComponent(i) { count += 1 }; i += 1 }
        return count
    }
}
