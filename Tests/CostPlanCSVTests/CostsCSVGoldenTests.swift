import CostPlan
import CostPlanReports
import CostPlanTestSupport
import Foundation
import Testing

/// The finance CSV of examples/muejam-library.yaml (dev, staging, production; us-east-1)
/// compared byte for byte with committed files, for a 31-, 28- and 30-day month and a
/// three-month summary; any change to a figure or to the format shows up in review.
struct CostsCSVGoldenTests {
    @Test(arguments: [
        ("2027-01", "muejam-library-2027-01.csv"),   // 31 days, 744 h
        ("2027-02", "muejam-library-2027-02.csv"),   // 28 days, 672 h
        ("2027-04", "muejam-library-2027-04.csv"),   // 30 days, 720 h
    ])
    func lineItemsMatchGolden(start: String, file: String) throws {
        let csv = try CostsCSV.render(try ReportFixtures.load("muejam-library"), options: .init(start: month(start)))
        try Golden.check(csv, file)
    }

    /// Jan–Mar 2027 (744, 672, 744 h), one row per month × environment × service.
    @Test func summaryForecastMatchesGolden() throws {
        let csv = try CostsCSV.render(try ReportFixtures.load("muejam-library"),
                                      options: .init(start: month("2027-01"), months: 3, summary: true))
        try Golden.check(csv, "muejam-library-2027-01-3m-summary.csv")
    }

    /// A few cells of the February file checked by hand, so the golden file is anchored:
    /// production `web` is 2 × t3.large at $0.0832/h, time-billed:
    ///   730-hour estimate 2 × 730 h = 1,460 h → $121.472
    ///   February 2027: 2 × 672 h = 1,344 h × 0.0832 = $111.8208 → 111.82 (its 0.08¢ remainder
    ///   is too small to receive a carried cent)
    /// production `db` storage (gp3 Multi-AZ 100 GB × $0.23 = $23.00) is per month: unscaled.
    @Test func februaryCellsByHand() throws {
        let csv = try CostsCSV.render(Report(try Golden.estimate("muejam-library")), options: .init(start: month("2027-02")))
        let rows = try CSVRows(csv)
        let web = try #require(rows.first { $0["environment"] == "production" && $0["component"] == "web" })
        #expect(web["usage_quantity"] == "1344")
        #expect(web["usage_unit"] == "hours")
        #expect(web["unit_price_usd"] == "0.0832")
        #expect(web["cost_usd"] == "111.82")
        #expect(web["hours_basis"] == "672")
        #expect(web["month"] == "2027-02")
        #expect(web["service"] == "Amazon Elastic Compute Cloud")
        #expect(web["component_type"] == "ec2")
        #expect(web["region"] == "us-east-1")
        #expect(web["scenario"] == "desired")
        #expect(web["price_effective_date"] == "2026-07-20")
        let storage = try #require(rows.first {
            $0["environment"] == "production" && $0["component"] == "db" && $0["usage_unit"] == "GB-months"
        })
        #expect(storage["usage_quantity"] == "100")
        #expect(storage["cost_usd"] == "23.00")
        #expect(storage["service"] == "Amazon Relational Database Service")
    }
}
