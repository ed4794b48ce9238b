import CostPlan
import CostPlanReports
import Foundation
import Testing

/// The diff model on the fixture changes, with the arithmetic (us-east-1 list prices, 730 h).
struct DiffModelTests {
    /// production web: 2 → 4 × t3.large at $0.0832/h: +2 × 0.0832 × 730 = +121.472
    ///   (max 6 → 10: +4 × 0.0832 × 730 = +242.944)
    /// production cache: 2 → 3 × cache.t3.medium at $0.068/h: +1 × 0.068 × 730 = +49.64
    /// production: +121.472 + 49.64 = +171.112; staging overrides both, so it is unchanged.
    @Test func scaleUp() throws {
        let diff = try DiffSupport.diff("base", "scale-up")
        let production = try #require(diff.environments.first { $0.name == "production" })
        let web = try #require(production.components.first { $0.id == "web" })
        #expect(web.status == .changed)
        #expect(web.fieldChanges == [FieldChange(field: "count.desired", before: "2", after: "4"),
                                     FieldChange(field: "count.max", before: "6", after: "10")])
        #expect(web.cost.delta.desired == .d("121.472"))
        #expect(web.cost.delta.max == .d("242.944"))
        let cache = try #require(production.components.first { $0.id == "cache" })
        #expect(cache.fieldChanges == [FieldChange(field: "nodes", before: "2", after: "3")])
        #expect(cache.cost.delta.desired == .d("49.64"))
        #expect(production.cost.delta.desired == .d("171.112"))
        #expect(production.changedComponents.map(\.id) == ["web", "cache"])
        #expect(diff.environments.first { $0.name == "staging" }?.status == .unchanged)
        #expect(diff.cost.delta.desired == .d("171.112"))
        // Line items: the instance-hours 1,460 → 2,920 (2 × 730 → 4 × 730), paired by their rate
        // although the name changes ("2 × t3.large" → "4 × t3.large").
        #expect(web.lineItems.count == 1)
        let hours = try #require(web.lineItems.first { $0.status == .changed })
        #expect(hours.before?.quantity == 1460 && hours.after?.quantity == 2920)
        #expect(hours.delta == .d("121.472"))
    }

    /// db.r6g.large Multi-AZ $0.45/h → db.r6g.xlarge Multi-AZ $0.90/h: +0.45 × 730 = +328.50.
    /// The instance line item is renamed, so it shows as one removed and one added item.
    @Test func instanceClassChange() throws {
        let diff = try DiffSupport.diff("base", "instance-class")
        let db = try #require(diff.environments.first { $0.name == "production" }?.components.first { $0.id == "db" })
        #expect(db.fieldChanges == [FieldChange(field: "instance_class", before: "db.r6g.large", after: "db.r6g.xlarge")])
        #expect(db.cost.delta.desired == .d("328.5"))
        let changed = db.lineItems.filter { $0.status != .unchanged }
        #expect(changed.map(\.status) == [.removed, .added])
        #expect(changed.compactMap(\.delta).reduce(0, +) == .d("328.5"))
        #expect(diff.environments.first { $0.name == "staging" }?.status == .unchanged)
    }

    @Test func componentAddedAndRemoved() throws {
        let diff = try DiffSupport.diff("base", "component-added-removed")
        for env in diff.environments {
            let byID = Dictionary(uniqueKeysWithValues: env.components.map { ($0.id, $0) })
            #expect(byID["cdn"]?.status == .added && byID["cdn"]?.base == nil)
            #expect(byID["assets"]?.status == .removed && byID["assets"]?.head == nil)
            // Added: all of its cost is the change; removed: minus all of it.
            #expect(byID["cdn"]?.cost.delta == byID["cdn"]?.head?.monthly)
            #expect(byID["assets"]?.cost.delta == Band.zero - (byID["assets"]?.base?.monthly ?? .zero))
            // The removed component stays where it stood, just before its replacement.
            #expect(env.components.map(\.id) == ["web", "lb", "nat", "db", "cache", "assets", "cdn"])
        }
    }

    /// preview: new, so its whole cost is the change and it has no percentage.
    @Test func environmentAdded() throws {
        let diff = try DiffSupport.diff("base", "environment-added")
        #expect(diff.environments.map(\.name) == ["production", "staging", "preview"])
        let preview = try #require(diff.environments.last)
        #expect(preview.status == .added && preview.cost.before == .zero)
        #expect(preview.cost.percent == nil)
        #expect(preview.components.allSatisfy { $0.status == .added })
        #expect(preview.components.map(\.id).contains("nat") == false)
        #expect(diff.cost.delta == preview.cost.after)
    }

    /// An environment's `hours_per_month` shows on each component it moves.
    @Test func environmentHoursShowAsComponentChanges() throws {
        let base = try DiffSupport.fixture("base")
        let head = base.replacingOccurrences(of: "  staging:\n    extends: production\n",
                                             with: "  staging:\n    extends: production\n    hours_per_month: 365\n")
        let diff = try ReportDiff.between(baseText: base, headText: head, catalog: DiffSupport.catalog)
        let staging = try #require(diff.environments.first { $0.name == "staging" })
        let web = try #require(staging.components.first { $0.id == "web" })
        #expect(web.fieldChanges == [FieldChange(field: "hours_per_month", before: "730", after: "365")])
        // t3.medium × 1 at $0.0416/h: 730 → 365 h is −365 × 0.0416 = −15.184.
        #expect(web.cost.delta.desired == .d("-15.184"))
    }

    @Test func sidesAreNamedInErrors() throws {
        let good = try DiffSupport.fixture("base")
        #expect {
            try ReportDiff.between(baseText: good, headText: "version: 1\nname: x\n", catalog: DiffSupport.catalog)
        } throws: { error in
            (error as? DiffInputError)?.side == .head && "\(error)".hasPrefix("head plan (head) is invalid:")
        }
        // a missing rate is an error of its side only with `strict` (otherwise it is not priced)
        let unpriceable = good.replacingOccurrences(of: "instance_type: t3.large", with: "instance_type: t3.galactic")
        #expect {
            try ReportDiff.between(baseText: unpriceable, headText: good, catalog: DiffSupport.catalog, strict: true)
        } throws: { error in
            (error as? DiffInputError)?.side == .base && "\(error)".contains("cannot be priced")
        }
    }

    @Test func onlyFiltersEnvironments() throws {
        let diff = try ReportDiff.between(baseText: try DiffSupport.fixture("base"), headText: try DiffSupport.fixture("environment-added"),
                                        catalog: DiffSupport.catalog, only: ["staging"])
        #expect(diff.environments.map(\.name) == ["staging"])
        #expect(!diff.hasChanges)
    }
}
