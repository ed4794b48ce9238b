@testable import CostPlan
import CostPlanReports
import Foundation
import Testing

/// Names that a spreadsheet would run as formulas reach the CSV as inert text. Plan files only
/// allow letters, digits, `-`, `_` and `.` in names, but rate sheets, other front ends and
/// future fields may not be so strict, so the estimate is built by hand here.
struct HostileCellsTests {
    /// One environment `@prod` holding a component named `=HYPERLINK("x")` (an EC2 instance,
    /// 730 h × $0.0208 = $15.184 a month) whose rate source starts with `+` and whose line item
    /// starts with `-`; plan `-plan`.
    static func hostileEstimate() -> Estimate {
        let rate = Rate(key: RateKey(service: "AmazonEC2", region: "us-east-1", item: "instance/t3.small"), unit: "hour",
                        usd: d("0.0208"), effectiveDate: "2026-07-20",
                        source: "+cmd|' /C calc'!A0, \"quoted\"")
        let item = LineItem(name: "-2+3 instance hours", unit: "hours", quantity: 730, unitPrice: d("0.0208"),
                            rate: rate, isTimeBilled: true)
        let component = ComponentEstimate(
            id: "=HYPERLINK(\"x\")", type: .ec2, region: "us-east-1", hoursPerMonth: 730, description: nil,
            lineItems: [.min: [item], .desired: [item], .max: [item]])
        let environment = EnvironmentEstimate(
            name: "@prod", region: "us-east-1", hoursPerMonth: 730, description: nil, referenceEstimate: nil,
            components: [component])
        return Estimate(planName: "-plan", planDescription: nil, environments: [environment],
                        pricing: PricingSnapshot(id: "test", origin: "test", rateCount: 1, latestEffectiveDate: "2026-07-20"))
    }

    /// February 2027: 730 h × 672/730 = 672 h × $0.0208 = $13.9776 → 13.98.
    /// Kept as a golden file so scripts/check-csv-libreoffice.sh can open it in LibreOffice too.
    @Test func hostileNamesAreNeutralised() throws {
        let csv = try CostsCSV.render(Report(Self.hostileEstimate()), options: .init(start: month("2027-02")))
        try Golden.check(csv, "hostile-names.csv")
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[1] == #"2027-02,'-plan,'@prod,us-east-1,"'=HYPERLINK(""x"")",ec2,Amazon Elastic Compute Cloud,"#
            + #"'-2+3 instance hours,672,hours,0.0208,13.98,desired,672,"'+cmd|' /C calc'!A0, ""quoted""",2026-07-20,test"#)
        // read back, the cells hold the names with a leading ' and nothing else changed
        let row = try CSVRows(csv)[0]
        #expect(row["component"] == "'=HYPERLINK(\"x\")")
        #expect(row["environment"] == "'@prod")
        #expect(row["plan"] == "'-plan")
        #expect(row["price_source"] == "'+cmd|' /C calc'!A0, \"quoted\"")
        // no cell of the file starts with a formula character
        for record in try CSVRows(csv).records {
            for cell in record {
                #expect(!(cell.first.map { CSVField.formulaTriggers.contains($0) } ?? false) || CSVField.isPlainNumber(cell), "\(cell)")
            }
        }
    }

    @Test func hostileSummary() throws {
        let csv = try CostsCSV.render(Report(Self.hostileEstimate()), options: .init(start: month("2027-02"), summary: true))
        #expect(csv == "month,plan,environment,service,cost_usd,scenario,hours_basis,pricing_snapshot\r\n"
            + "2027-02,'-plan,'@prod,Amazon Elastic Compute Cloud,13.98,desired,672,test\r\n")
    }
}
