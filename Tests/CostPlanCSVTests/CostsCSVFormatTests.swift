@testable import CostPlan
import CostPlanReports
import Foundation
import Testing

/// The CSV's shape: header, CRLF, column counts, filters, options and their errors.
struct CostsCSVFormatTests {
    @Test func headerIsTheContractOrder() throws {
        let csv = try CostsCSV.render(Report(try Golden.estimate("cloudweave")), options: .init(start: month("2027-02")))
        #expect(csv.hasPrefix("month,plan,environment,region,component,component_type,service,line_item,usage_quantity,"
            + "usage_unit,unit_price_usd,cost_usd,scenario,hours_basis,price_source,price_effective_date,pricing_snapshot\r\n"))
        let summary = try CostsCSV.render(Report(try Golden.estimate("cloudweave")), options: .init(start: month("2027-02"), summary: true))
        #expect(summary.hasPrefix("month,plan,environment,service,cost_usd,scenario,hours_basis,pricing_snapshot\r\n"))
    }

    /// Every line ends with CRLF (no bare LF outside quotes), every record has every column,
    /// and cost_usd always has exactly two decimals.
    @Test(arguments: CostsCSVTotalsTests.examples)
    func everyRecordIsComplete(example: String) throws {
        let csv = try CostsCSV.render(Report(try Golden.estimate(example)), options: .init(start: month("2027-02"), months: 2))
        #expect(csv.hasSuffix("\r\n"))
        #expect(!csv.unicodeScalars.indices.contains { i in
            csv.unicodeScalars[i] == "\n" && (i == csv.unicodeScalars.startIndex
                || csv.unicodeScalars[csv.unicodeScalars.index(before: i)] != "\r")
        })
        let rows = try CSVRows(csv)
        #expect(rows.header == CostsCSV.columns)
        #expect(!rows.isEmpty)
        #expect(rows.records.allSatisfy { $0.count == CostsCSV.columns.count })
        for row in rows {
            let text = row["cost_usd"]!
            #expect(text.isEmpty || text.wholeMatch(of: /\d+\.\d\d/) != nil, "\(text)")
            #expect(row["plan"] == example)
        }
    }

    /// One row per month × environment × component × line item.
    @Test func oneRowPerLineItem() throws {
        let estimate = try Golden.estimate("muejam-library")
        let rows = try CSVRows(CostsCSV.render(Report(estimate), options: .init(start: month("2027-02"), months: 3)))
        let items = estimate.environments.flatMap(\.components).map { $0.lineItems[.desired, default: []].count }.reduce(0, +)
        #expect(rows.count == 3 * items)
    }

    @Test func environmentFilterKeepsTheEstimateOrder() throws {
        let estimate = try Golden.estimate("muejam-library")
        let rows = try CSVRows(CostsCSV.render(Report(estimate), options: .init(start: month("2027-02"), environments: ["dev", "production"])))
        #expect(distinct(rows.map { $0["environment"]! }) == ["production", "dev"])
    }

    /// min ≤ desired ≤ max, and each file says which scenario it is.
    @Test func scenarios() throws {
        let estimate = try Golden.estimate("muejam-library")
        var totals: [Decimal] = []
        for scenario in Scenario.allCases {
            let rows = try CSVRows(CostsCSV.render(Report(estimate), options: .init(start: month("2027-02"), scenario: scenario)))
            #expect(rows.allSatisfy { $0["scenario"] == scenario.rawValue })
            totals.append(rows.compactMap(cost).reduce(0, +))
        }
        #expect(totals[0] <= totals[1] && totals[1] < totals[2])
    }

    @Test func byteOrderMarkOnlyWhenAsked() throws {
        let estimate = try Golden.estimate("cloudweave")
        #expect(try CostsCSV.render(Report(estimate), options: .init(start: month("2027-02"))).hasPrefix("month,"))
        let withBOM = try CostsCSV.render(Report(estimate), options: .init(start: month("2027-02"), byteOrderMark: true))
        #expect(Array(withBOM.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    @Test func badOptionsAreErrors() throws {
        let estimate = try Golden.estimate("muejam-library")
        #expect(throws: CostsCSVError.unknownEnvironment("qa", known: ["production", "staging", "dev"])) {
            try CostsCSV.render(Report(estimate), options: .init(start: month("2027-02"), environments: ["qa"]))
        }
        #expect(throws: CostsCSVError.monthCount(0)) { try CostsCSV.render(Report(estimate), options: .init(start: month("2027-02"), months: 0)) }
        #expect(throws: CostsCSVError.monthCount(121)) { try CostsCSV.render(Report(estimate), options: .init(start: month("2027-02"), months: 121)) }
        #expect(CostsCSVError.unknownEnvironment("qa", known: ["production", "dev"]).description
            == "no environment 'qa' (the plan has: production, dev)")
        #expect(CostsCSVError.monthCount(0).description == "0 months: the number of months must be 1–120")
    }
}
