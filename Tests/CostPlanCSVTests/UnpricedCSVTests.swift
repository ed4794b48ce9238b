import CostPlan
import CostPlanReports
import CostPlanTestSupport
import Foundation
import Testing

/// The finance CSV of a plan the catalog cannot price fully: one row per unpriced item with
/// empty `unit_price_usd`/`cost_usd` and a `price_source` starting `not priced:`; the priced rows
/// still add up to the environment's month total to the cent.
struct UnpricedCSVTests {
    static let estimate: Estimate = try! Estimator(catalog: Golden.catalog)
        .estimate(try! PlanParser.parse(contentsOf: TestRepository.fixture("unpriced/unpriced.yaml")))

    @Test func matchesGolden() throws {
        try Golden.check(try CostsCSV.render(try ReportFixtures.load("unpriced"), options: .init(start: month("2027-02"))), "unpriced-2027-02.csv")
    }

    @Test func unpricedRowsAreEmptyAndNamed() throws {
        let rows = try CSVRows(try CostsCSV.render(Report(Self.estimate), options: .init(start: month("2027-02"))))
        let unpriced = rows.filter { $0["price_source"]!.hasPrefix("not priced:") }
        #expect(unpriced.map { $0["component"]! } == ["batch", "db"])
        for row in unpriced {
            #expect(row["unit_price_usd"] == "" && row["cost_usd"] == "" && row["usage_quantity"] == "")
            #expect(row["price_source"]!.contains("fix: costplan pricing fetch --service"))
        }
        // February 2027, 672 h: web 2 × 672 × $0.0832 = $111.8208 → 111.82; storage 100 × $0.115 = 11.50
        // (per-month, not scaled): the priced production rows add up to $123.32
        let production = rows.filter { $0["environment"] == "production" }.compactMap { Decimal(string: $0["cost_usd"]!) }
        #expect(production.reduce(0, +) == Decimal(string: "123.32"))
    }
}
