import CostPlan
import CostPlanReports
import Foundation
import Testing

/// The pull-request comment: headline wording, escaping, and GitHub's 65,536-character limit.
struct DiffMarkdownTests {
    /// production +$171.112 on $2,017.xx… the headline's figures come from the diff, rounded to cents.
    @Test func headlineNamesTheChangeAndTheEnvironment() throws {
        let diff = try DiffSupport.diff("base", "scale-up")
        let percent = try #require(diff.cost.percent)
        let expected = "### Monthly cost rises by $171.11 (+\(Money.plain(Money.rounded(percent, scale: 1)))%) — production +$171.11"
        #expect(DiffMarkdown.render(diff).components(separatedBy: "\n")[1] == expected)
        let falls = try DiffSupport.diff("scale-up", "base")
        #expect(DiffMarkdown.render(falls).components(separatedBy: "\n")[1].hasPrefix("### Monthly cost falls by $171.11 (-"))
    }

    @Test func noChangeIsShort() throws {
        let diff = try DiffSupport.diff("base", "base")
        let text = DiffMarkdown.render(diff)
        #expect(text.hasPrefix("<!-- costplan-diff -->\n### No cost change\n"))
        #expect(text.components(separatedBy: "\n").count < 10)
        #expect(text.contains("730-hour month"))
    }

    /// A description (free text) with table-breaking and HTML-injecting characters is shown
    /// escaped: no raw `<`, no unescaped `|` or backtick, no @-mention.
    @Test func planTextIsEscaped() throws {
        let base = try DiffSupport.fixture("base")
        let evil = #"evil | <img src=x onerror=alert(1)> `code` @octocat [link](http://x) **bold**"#
        let head = base.replacingOccurrences(of: "      lb:\n        type: alb\n",
                                             with: "      lb:\n        type: alb\n        description: '\(evil)'\n")
        let diff = try ReportDiff.between(baseText: base, headText: head, catalog: DiffSupport.catalog)
        let text = DiffMarkdown.render(diff)
        let line = try #require(text.components(separatedBy: "\n").first { $0.contains("evil") })
        #expect(!line.contains("<img") && line.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(line.contains(#"evil \| "#) && line.contains(#"\`code\`"#) && line.contains("@\u{200B}octocat"))
        #expect(line.contains(#"\[link\]"#) && line.contains(#"\*\*bold\*\*"#))
        // Only the marker is raw HTML-like text outside the <details>/<summary>/<sub> tags we write.
        let tags = text.components(separatedBy: "<").dropFirst().map { $0.prefix { $0 != ">" && $0 != " " } }
        #expect(Set(tags).isSubset(of: ["!--", "details", "/details", "summary", "/summary", "sub", "/sub"]))
    }

    /// 30 environments × 120 components, every one changed: far over the limit in full.
    static let huge: ReportDiff = {
        func plan(_ offset: Int, extra: Int) -> String {
            var text = "version: 1\nname: huge\nregion: us-east-1\nenvironments:\n"
            for env in 0..<30 {
                text += "  env_\(env):\n    components:\n"
                for c in 0..<(100 + extra) {
                    text += "      component_\(c): {type: fixed, monthly_usd: \(c + offset + env)}\n"
                }
            }
            return text
        }
        return try! ReportDiff.between(baseText: plan(0, extra: 0), headText: plan(7, extra: 20), catalog: DiffSupport.catalog)
    }()

    @Test func aHugeDiffStaysUnderTheLimitWithANote() throws {
        let text = DiffMarkdown.render(Self.huge)
        #expect(text.utf16.count <= 65_536)
        #expect(text.hasPrefix("<!-- costplan-diff -->\n### Monthly cost rises by "))
        #expect(text.contains("> Left out "), "the note saying what was cut")
        #expect(text.contains("line-item detail for"))
        #expect(!text.contains("<details>"), "detail is cut first")
        #expect(text.contains(#"| env\_29 |"#), "the environment table is kept")
        #expect(text.hasSuffix("`costplan diff`</sub>\n"), "the footer is kept")
    }

    /// Just over the limit: only line-item detail is cut (component tables stay whole).
    @Test func detailIsCutFirst() throws {
        let diff = try DiffSupport.diff("base", "component-added-removed")
        let full = DiffMarkdown.render(diff)
        let cut = DiffMarkdown.render(diff, limit: full.utf16.count - 1)
        #expect(cut.utf16.count < full.utf16.count)
        #expect(cut.contains("Left out line-item detail for 1 environment"))
        #expect(cut.components(separatedBy: "<details>").count == full.components(separatedBy: "<details>").count - 1)
        #expect(cut.contains("| `cdn` | cloudfront | added |") && !cut.contains("changed component row"))
    }

    /// Any limit is kept, down to a few hundred characters (then the comment is cut with a note).
    @Test(arguments: [400, 1_500, 5_000, 20_000, 65_536])
    func everyLimitIsKept(limit: Int) throws {
        let text = DiffMarkdown.render(Self.huge, limit: limit)
        #expect(text.utf16.count <= limit)
        #expect(text.hasPrefix("<!-- costplan-diff -->\n"))
        #expect(text.contains("comment limit"))
    }
}
