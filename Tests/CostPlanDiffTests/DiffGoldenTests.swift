import CostPlan
import CostPlanReports
import Foundation
import Testing

/// Golden Markdown and JSON for realistic changes to `Plans/base.yaml`, reviewed in the diff.
struct DiffGoldenTests {
    /// (head fixture, golden file stem): each compared with `base`.
    static let cases = ["scale-up", "instance-class", "component-added-removed", "environment-added", "base"]

    static func stem(_ head: String) -> String { head == "base" ? "no-change" : head }

    @Test(arguments: cases)
    func markdownMatchesGolden(head: String) throws {
        let diff = try DiffSupport.diff("base", head)
        try DiffSupport.check(DiffMarkdown.render(diff), "\(Self.stem(head)).md")
    }

    @Test(arguments: cases)
    func jsonMatchesGolden(head: String) throws {
        let diff = try DiffSupport.diff("base", head)
        try DiffSupport.check(DiffJSON.render(diff), "\(Self.stem(head)).json")
    }

    @Test func tableMatchesGolden() throws {
        let diff = try DiffSupport.diff("base", "scale-up")
        try DiffSupport.check(DiffTable.render(diff), "scale-up.txt")
    }

    /// Every golden JSON parses, and the Markdown starts with the marker a bot looks for.
    @Test(arguments: cases)
    func outputsAreWellFormed(head: String) throws {
        let diff = try DiffSupport.diff("base", head)
        let json = try JSONSerialization.jsonObject(with: Data(DiffJSON.render(diff).utf8)) as? [String: Any]
        #expect(json?["version"] as? Int == 1)
        #expect(DiffMarkdown.render(diff).hasPrefix("<!-- costplan-diff -->\n"))
    }
}
