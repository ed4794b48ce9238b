import CostPlan
import CostPlanReports
import CostPlanTestSupport
import Foundation
import Testing

/// The diff built from two serialized reports (`Tests/Fixtures/reports/diff-base` and
/// `diff-scale-up`, the reports of `Plans/base.yaml` and `Plans/scale-up.yaml`): no catalog and
/// no plan file, so a change of a rate or a pricing rule leaves these figures alone.
struct DiffFromReportsTests {
    static func diff() throws -> ReportDiff {
        ReportDiff(base: try ReportFixtures.load("diff-base"), head: try ReportFixtures.load("diff-scale-up"))
    }

    /// The scale-up: production's web 2 → 4 t3.large, its cache 2 → 3 cache.t3.medium nodes.
    @Test func markdownShowsTheScaleUpFromReports() throws {
        let lines = DiffMarkdown.render(try Self.diff()).components(separatedBy: "\n")
        #expect(lines.first == DiffMarkdown.marker)
        // web 121.472 + cache 49.64 = 171.112; production 666.12 → 837.23 is +25.7%.
        #expect(lines.contains("### Monthly cost rises by $171.11 (+19.9%) — production +$171.11"))
        #expect(lines.contains("| production | $666.12 | $837.23 | +$171.11 (+25.7%) | $666.12–$909.06 | $715.76–$1,201.65 |"))
        #expect(lines.contains("| staging | $191.83 | $191.83 | $0.00 | $191.83–$222.20 | $191.83–$222.20 |"))
        // 2 → 4 × 730 h × $0.0832 (t3.large) = $121.472 → $242.944.
        #expect(lines.contains("| `web` | ec2 | changed | $121.47 | $242.94 | +$121.47 |"))
        // 2 → 3 × 730 h × $0.068 (cache.t3.medium) = $99.28 → $148.92.
        #expect(lines.contains("| `cache` | elasticache | changed | $99.28 | $148.92 | +$49.64 |"))
        // The settings compared come from the reports (Report.Component.settings).
        #expect(lines.contains("- `web`: `count.desired` 2 → 4 · `count.max` 6 → 10"))
        #expect(lines.contains("- `cache`: `nodes` 2 → 3"))
        #expect(lines.contains("| `web` | Instance (Linux, on-demand, 4 × t3.large) | 1,460 → 2,920 hours | $121.47 | $242.94 | +$121.47 |"))
        #expect(lines.contains { $0.hasPrefix("Plan `shop`: `Tests/CostPlanDiffTests/Plans/base.yaml` → `Tests/CostPlanDiffTests/Plans/scale-up.yaml`;") })
    }

    /// The totals are exact, unrounded: 121.472 + 49.64 at desired scale.
    @Test func totalsAreExactFromReports() throws {
        let diff = try Self.diff()
        #expect(diff.cost.delta.desired == .d("171.112"))
        #expect(diff.changedEnvironments.map(\.name) == ["production"])
        let production = try #require(diff.environments.first { $0.name == "production" })
        #expect(production.changedComponents.map(\.id) == ["web", "cache"])
        #expect(production.settingChanges.isEmpty)
    }
}
