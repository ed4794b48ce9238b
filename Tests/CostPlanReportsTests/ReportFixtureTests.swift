import CostPlan
import CostPlanReports
import CostPlanTestSupport
import Foundation
import Testing

/// The serialized reports the renderer golden tests read (`Tests/Fixtures/reports/`), and the
/// model's `Codable` round trip. `COSTPLAN_UPDATE_FIXTURES=1 swift test --filter ReportFixtureTests`
/// rewrites the fixtures from `examples/` and `Tests/Fixtures/unpriced/` (do so only when the
/// model changes; a pricing change leaves them, and the renderer goldens, alone).
@Suite(.serialized) struct ReportFixtureTests {
    /// Fixture name → the plan it is built from (estimated with demand curves, as the web report
    /// is): the example every renderer shows (tiers, ranges, demand, references) and a plan the
    /// catalog cannot price fully. The other examples stay end to end (`ExampleGoldenTests`).
    static let sources: [(name: String, plan: String)] = [
        ("muejam-library", "examples/muejam-library.yaml"),
        ("unpriced", "Tests/Fixtures/unpriced/unpriced.yaml"),
    ]

    /// Fixture name → plan, priced as `costplan diff` prices a side (no demand curves): the base
    /// and head of the diff that `DiffFromReportsTests` builds from reports alone.
    static let diffSources: [(name: String, plan: String)] = [
        ("diff-base", "Tests/CostPlanDiffTests/Plans/base.yaml"),
        ("diff-scale-up", "Tests/CostPlanDiffTests/Plans/scale-up.yaml"),
    ]

    /// The report of the plan at `path` (relative to the repository, which is the file the
    /// report names, so a fixture holds no machine's absolute path).
    static func build(_ path: String, withDemandCurves: Bool = true) throws -> Report {
        let text = try String(contentsOf: TestRepository.root.appendingPathComponent(path), encoding: .utf8)
        let plan = try PlanParser.parse(text, file: path)
        return Report(try Estimator(catalog: Golden.catalog).estimate(plan, withDemandCurves: withDemandCurves))
    }

    @Test func rewriteFixturesWhenAsked() throws {
        guard ReportFixtures.updating else { return }
        for (name, plan) in Self.sources { try ReportFixtures.store(try Self.build(plan), as: name) }
        for (name, plan) in Self.diffSources { try ReportFixtures.store(try Self.build(plan, withDemandCurves: false), as: name) }
    }

    /// Each fixture decodes, and encodes back to the same bytes (so it is in the current shape).
    @Test(arguments: (sources + diffSources).map { [$0.name, $0.plan] })
    func fixtureIsCurrent(source: [String]) throws {
        let (name, plan) = (source[0], source[1])
        let report = try ReportFixtures.load(name)
        let stored = try Data(contentsOf: ReportFixtures.url(name))
        #expect(try ReportFixtures.encode(report) == stored, "\(name): run COSTPLAN_UPDATE_FIXTURES=1 swift test --filter ReportFixtureTests")
        #expect(report.file == plan)
    }

    /// A report survives JSON exactly: every decimal to its last digit (a unit price of
    /// 0.0000166667, a 260/730 share), every optional and every scenario's line items.
    @Test(arguments: ["muejam-library", "unpriced"])
    func reportRoundTripsExactly(name: String) throws {
        let plan = try #require(Self.sources.first { $0.name == name }?.plan)
        let report = try Self.build(plan)
        let decoded = try JSONDecoder().decode(Report.self, from: try ReportFixtures.encode(report))
        #expect(decoded == report)
        #expect(EstimateJSON.render(decoded) == EstimateJSON.render(report))
    }

    /// What the builder derives once: ranges with their counts, the schedule note, curves only
    /// for priced components with room to scale.
    @Test func builderDerivesRangesNotesAndCurves() throws {
        let plan = try PlanParser.parse("""
            version: 1
            name: part-time
            region: us-east-1
            environments:
              production:
                components:
                  web: {type: ec2, instance_type: t3.large, count: {min: 2, max: 10, desired: 3}}
                  nat: {type: nat_gateway, data_processed_gb: 100}
              dev:
                extends: production
                hours_per_month: 260
                components:
                  web: {count: 1}
            """, file: "part-time.yaml")
        let report = Report(try Estimator(catalog: Golden.catalog).estimate(plan))
        let production = try #require(report.environment("production"))
        let web = try #require(production.components.first { $0.id == "web" })
        #expect(web.range == ScalingRange(counts: CountRange(min: 2, desired: 3, max: 10), label: "instances"))
        // 2..10 × 730 h × $0.0832 = $121.472..$607.36, 3 at desired = $182.208
        #expect(web.monthly == Band(min: d("121.472"), desired: d("182.208"), max: d("607.36")))
        #expect(production.schedule.note == nil)
        let dev = try #require(report.environment("dev"))
        #expect(dev.schedule.note == "time-billed items run 260 h/month; storage is billed all month")
        // Only production's web has room to scale (dev's is fixed at 1; a NAT gateway does not scale here).
        #expect(report.curves.map { "\($0.environment).\($0.component)" } == ["production.web"])
        #expect(report.baseline?.name == "production")
    }
}

/// An exact decimal from its text.
private func d(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }
