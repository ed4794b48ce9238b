import CostPlan
import CostPlanReports
import Foundation
import Testing

/// Each environment's `cost_usd` cells add up, to the cent, to the estimate scaled to the
/// calendar month: per-month items as estimated + time-billed items × (days × 24) / 730.
struct CostsCSVTotalsTests {
    static let examples = ["component-registry", "multi-region-fargate", "cloudweave", "shangwellness", "muejam-library"]

    /// Every example, every scenario, months of 31, 28, 29 and 30 days.
    @Test(arguments: examples)
    func rowsSumToTheScaledEstimate(example: String) throws {
        let estimate = try Golden.estimate(example)
        for scenario in Scenario.allCases {
            for start in ["2027-01", "2027-02", "2028-02", "2027-04"] {
                let m = month(start)
                let options = CostsCSV.Options(start: m, scenario: scenario)
                let detail = try CSVRows(CostsCSV.render(Report(estimate), options: options))
                var summaryOptions = options
                summaryOptions.summary = true
                let summary = try CSVRows(CostsCSV.render(Report(estimate), options: summaryOptions))
                for environment in estimate.environments {
                    let expected = Self.scaledTotal(environment, scenario: scenario, hours: m.hours)
                    #expect(Self.sum(detail, environment.name) == expected, "\(example) \(environment.name) \(start) \(scenario)")
                    #expect(Self.sum(summary, environment.name) == expected, "\(example) \(environment.name) \(start) summary")
                }
            }
        }
    }

    /// The scaled total, computed from the estimate without the renderer:
    /// round(Σ per-month items + Σ time-billed items × hours / 730, to cents).
    /// Its two parts add up to the estimate's own 730-hour total.
    static func scaledTotal(_ environment: EnvironmentEstimate, scenario: Scenario, hours: Int) -> Decimal {
        let items = environment.components.flatMap { $0.lineItems[scenario, default: []] }
        let timeBilled = items.filter(\.isTimeBilled).compactMap(\.monthly).reduce(0, +)
        let perMonth = items.filter { !$0.isTimeBilled }.compactMap(\.monthly).reduce(0, +)
        #expect(timeBilled + perMonth == environment.monthly[scenario])
        var exact = perMonth + timeBilled * Decimal(hours) / 730, rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 2, .plain)
        return rounded
    }

    static func sum(_ rows: CSVRows, _ environment: String) -> Decimal {
        rows.filter { $0["environment"] == environment }.compactMap(cost).reduce(0, +)
    }

    /// A forecast has one block per month, each summing to its own month's total.
    @Test func forecastBlocksSumPerMonth() throws {
        let estimate = try Golden.estimate("cloudweave")
        let rows = try CSVRows(CostsCSV.render(Report(estimate), options: .init(start: month("2027-11"), months: 12)))
        let months = rows.map { $0["month"]! }
        #expect(distinct(months)
            == ["2027-11", "2027-12", "2028-01", "2028-02", "2028-03", "2028-04",
                "2028-05", "2028-06", "2028-07", "2028-08", "2028-09", "2028-10"])
        for offset in 0..<12 {
            let m = month("2027-11").adding(months: offset)
            for environment in estimate.environments {
                let block = rows.filter { $0["month"] == m.description && $0["environment"] == environment.name }
                #expect(block.allSatisfy { $0["hours_basis"] == String(m.hours) })
                #expect(block.compactMap(cost).reduce(0, +)
                    == Self.scaledTotal(environment, scenario: .desired, hours: m.hours))
            }
        }
    }

    /// A part-time environment (260 h of 730) in February 2027 (672 h), by hand:
    ///   web  2 × t3.small: 2 × 260 × 672 / 730 = 478.684931… h × $0.0208 = $9.956646… → 9.96
    ///        (cut to 9.95, the one carried cent goes to its 0.66¢ remainder, the largest)
    ///   data S3 100 GB × $0.023 = $2.30, per month: not scaled
    ///   fee  fixed $10.00, not scaled
    ///   S3 requests: usage not stated → empty quantity and cost, left out of the total
    ///   total 9.956646… + 2.30 + 10.00 = 22.256646… → 22.26 = 9.96 + 2.30 + 10.00
    @Test func partTimeScheduleIsScaledToTheMonth() throws {
        let plan = try PlanParser.parse("""
            version: 1
            name: sched
            region: us-east-1
            environments:
              dev:
                hours_per_month: 260
                components:
                  web: {type: ec2, instance_type: t3.small, count: 2}
                  data: {type: s3, storage_gb: 100}
                  fee: {type: fixed, monthly_usd: 10}
            """, file: "sched.yaml")
        let estimate = try Estimator(catalog: Golden.catalog).estimate(plan)
        let rows = try CSVRows(CostsCSV.render(Report(estimate), options: .init(start: month("2027-02"))))
        let web = try #require(rows.first { $0["component"] == "web" })
        #expect(web["usage_quantity"] == "478.684932")
        #expect(web["cost_usd"] == "9.96")
        #expect(web["hours_basis"] == "672")
        let storage = try #require(rows.first { $0["component"] == "data" && $0["usage_unit"] == "GB-months" })
        #expect(storage["usage_quantity"] == "100")
        #expect(storage["cost_usd"] == "2.30")
        #expect(rows.first { $0["component"] == "fee" }?["cost_usd"] == "10.00")
        let unknown = rows.filter { $0["component"] == "data" && $0["usage_unit"] != "GB-months" }
        #expect(!unknown.isEmpty)
        #expect(unknown.allSatisfy { $0["usage_quantity"] == "" && $0["cost_usd"] == "" })
        #expect(rows.compactMap(cost).reduce(0, +) == d("22.26"))
    }
}
