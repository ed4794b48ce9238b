import CostPlanTestSupport
import Foundation
import Testing

/// `costplan diff` end to end: the built executable on fixtures, git refs and bad input.
@Suite(.serialized)
struct DiffCommandTests {
    static let catalog = FileManager.default.temporaryDirectory.appendingPathComponent("costplan-diff-cli-\(UUID().uuidString).sqlite").path

    static func run(_ arguments: [String], in directory: URL = DiffSupport.root) throws -> CostplanProcess.Result {
        try CostplanProcess.run(arguments, in: directory, catalogPath: catalog)
    }

    static func fixture(_ name: String) -> String { DiffSupport.here.appendingPathComponent("Plans/\(name).yaml").path }

    @Test func markdownForTwoFiles() throws {
        let result = try Self.run(["diff", Self.fixture("base"), Self.fixture("scale-up"), "--format", "markdown"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("<!-- costplan-diff -->\n### Monthly cost rises by $171.11"))
    }

    /// A head that adds an unpriced component: exit 0 (the priced cost does not rise), the
    /// comment and standard error say the gate checked the priced cost only; --strict exits 2.
    @Test func theBudgetGateChecksThePricedCostAndStrictFails() throws {
        let arguments = ["diff", Self.fixture("unpriced-base"), Self.fixture("unpriced-head"), "--format", "markdown", "--fail-above", "1"]
        let result = try Self.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("The budget gate (--fail-above $1.00/month) checks the priced cost only."))
        #expect(result.stderr.contains("head production/batch: Instance (Linux, on-demand, 1 × m9.large)"))
        #expect(result.stderr.contains("costplan: --fail-above checked the priced cost only"))
        let strict = try Self.run(arguments + ["--strict"])
        #expect(strict.status == 2 && strict.stdout.isEmpty)
        #expect(strict.stderr.hasPrefix("head plan (\(Self.fixture("unpriced-head"))) cannot be priced:"), "\(strict.stderr)")
    }

    @Test func jsonAndTable() throws {
        let json = try Self.run(["diff", Self.fixture("base"), Self.fixture("instance-class"), "--format", "json"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        // +0.45 × 730 = +328.5, exact and unrounded
        #expect(((object["monthly"] as? [String: Any])?["delta"] as? [String: String])?["desired"] == "328.5")
        let table = try Self.run(["diff", Self.fixture("base"), Self.fixture("instance-class")])
        #expect(table.status == 0 && table.stdout.contains("instance_class db.r6g.large → db.r6g.xlarge"))
    }

    /// production rises by $171.11 a month: above 100, within 200.
    @Test func budgetGateExitsOneNamingTheEnvironment() throws {
        let over = try Self.run(["diff", Self.fixture("base"), Self.fixture("scale-up"), "--format", "markdown", "--fail-above", "100"])
        #expect(over.status == 1)
        #expect(over.stderr.contains("production") && over.stderr.contains("$171.11") && over.stderr.contains("$100.00/month"))
        #expect(over.stdout.contains("Budget exceeded"), "the comment is still printed, with the warning")
        let within = try Self.run(["diff", Self.fixture("base"), Self.fixture("scale-up"), "--fail-above", "200", "--fail-above", "50%"])
        #expect(within.status == 0, "\(within.stderr)")
    }

    @Test func invalidPlanExitsTwoNamingTheSide() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("costplan-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let bad = dir.appendingPathComponent("bad.yaml")
        try "version: 1\nname: bad\nenvironments: {}\n".write(to: bad, atomically: true, encoding: .utf8)
        let result = try Self.run(["diff", Self.fixture("base"), bad.path, "--format", "markdown"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("head plan (\(bad.path)) is invalid:"))
        #expect(result.stdout.isEmpty)
        let missing = try Self.run(["diff", "no-such-file.yaml", Self.fixture("base")])
        #expect(missing.status == 2 && missing.stderr.hasPrefix("base plan (no-such-file.yaml) cannot be read:"))
    }

    @Test(arguments: [["--fail-above", "lots"], ["--env", "prod"]])
    func badOptionsExitTwo(options: [String]) throws {
        let result = try Self.run(["diff", Self.fixture("base"), Self.fixture("scale-up")] + options)
        #expect(result.status == 2 && !result.stderr.isEmpty)
    }

    /// REF:PATH reads the plan with `git show`; a bad ref is a clear error naming the side.
    @Test func readsPlansFromGit() throws {
        let repo = FileManager.default.temporaryDirectory.appendingPathComponent("costplan-diff-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: repo.appendingPathComponent("infra"), withIntermediateDirectories: true)
        let plan = repo.appendingPathComponent("infra/costplan.yaml")
        try DiffSupport.fixture("base").write(to: plan, atomically: true, encoding: .utf8)
        for command in [["init", "-q"], ["add", "."], ["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "base"]] {
            let git = Process()
            git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            git.arguments = ["git"] + command
            git.currentDirectoryURL = repo
            try git.run()
            git.waitUntilExit()
            #expect(git.terminationStatus == 0, "git \(command)")
        }
        try DiffSupport.fixture("scale-up").write(to: plan, atomically: true, encoding: .utf8)

        let result = try Self.run(["diff", "HEAD:infra/costplan.yaml", "infra/costplan.yaml", "--format", "markdown"], in: repo)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Monthly cost rises by $171.11") && result.stdout.contains("`HEAD:infra/costplan.yaml`"))

        let badRef = try Self.run(["diff", "no-such-branch:infra/costplan.yaml", "infra/costplan.yaml"], in: repo)
        #expect(badRef.status == 2)
        #expect(badRef.stderr.hasPrefix("base plan (no-such-branch:infra/costplan.yaml) cannot be read:"))
        #expect(badRef.stderr.contains("cannot read the plan from git"))
        let badPath = try Self.run(["diff", "HEAD:infra/costplan.yaml", "HEAD:nope.yaml"], in: repo)
        #expect(badPath.status == 2 && badPath.stderr.hasPrefix("head plan (HEAD:nope.yaml) cannot be read:"))
    }
}
