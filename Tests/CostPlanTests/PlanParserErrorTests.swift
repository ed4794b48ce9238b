import Foundation
import Testing
@testable import CostPlan

/// Rejected plans: every error names the file, the field path and the YAML line, and all
/// errors are reported together.
struct PlanParserErrorTests {
    /// The first lines every plan below starts with (lines 1–6).
    static let head = """
        version: 1
        name: t
        region: us-east-1
        environments:
          prod:
            components:
        """

    /// `head` followed by `lines`, each indented as a component of `prod` (line 7 is the first of `lines`).
    static func plan(_ lines: String) -> String {
        head + "\n" + lines.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }.joined(separator: "\n")
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let yaml: String
        let path: String
        let line: Int?
        let message: String
        let hint: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "unknown key with a suggestion",
             yaml: plan("""
                  web:
                    type: ec2
                    instance_type: t3.large
                    cont: 2
                  """),
             path: "environments.prod.components.web.cont", line: 10,
             message: "unknown field 'cont' for type 'ec2'", hint: "did you mean 'count'?"),
        Case(name: "unknown top-level key",
             yaml: "version: 1\nname: t\nregion: us-east-1\ndescripton: x\nenvironments: {prod: {components: {c: {type: ecr}}}}",
             path: "descripton", line: 4,
             message: "unknown field 'descripton' for a plan", hint: "did you mean 'description'?"),
        Case(name: "io1 EBS volume without IOPS",
             yaml: plan("""
                  disk:
                    type: ebs
                    volume_type: io1
                    storage_gb: 100
                  """),
             // "is required" points at the component mapping's first field (line 8)
             path: "environments.prod.components.disk.iops", line: 8,
             message: "is required", hint: "io1 volumes are priced on their provisioned IOPS"),
        Case(name: "wrong type",
             yaml: plan("""
                  web:
                    type: ec2
                    instance_type: t3.large
                    count: many
                  """),
             path: "environments.prod.components.web.count", line: 10,
             message: "expected a number or {min, max, desired}, found a string", hint: nil),
        Case(name: "min greater than max",
             yaml: plan("""
                  web:
                    type: ec2
                    instance_type: t3.large
                    count:
                      min: 5
                      max: 2
                  """),
             path: "environments.prod.components.web.count.min", line: 11,
             message: "min (5) is greater than max (2)", hint: "swap them, or raise max"),
        Case(name: "desired outside min..max",
             yaml: plan("""
                  web:
                    type: ec2
                    instance_type: t3.large
                    count:
                      min: 1
                      max: 3
                      desired: 7
                  """),
             path: "environments.prod.components.web.count.desired", line: 13,
             message: "desired (7) is outside min..max (1..3)", hint: nil),
        Case(name: "negative amount",
             yaml: plan("""
                  nat:
                    type: nat_gateway
                    data_processed_gb: -5
                  """),
             path: "environments.prod.components.nat.data_processed_gb", line: 9,
             message: "must be at least 0 GB, found -5", hint: "amounts cannot be negative"),
        Case(name: "negative count",
             yaml: plan("""
                  web: {type: ec2, instance_type: t3.large, count: -1}
                  """),
             path: "environments.prod.components.web.count", line: 7,
             message: "must be at least 0, found -1", hint: "amounts cannot be negative"),
        Case(name: "Fargate CPU/memory pair AWS does not offer",
             yaml: plan("""
                  api:
                    type: fargate
                    cpu: 0.5
                    memory_gb: 8
                  """),
             path: "environments.prod.components.api.memory_gb", line: 10,
             message: "Fargate does not offer 0.5 vCPU with 8 GB", hint: "with 0.5 vCPU use memory_gb in: 1 to 4 in 1 GB steps"),
        Case(name: "unknown region",
             yaml: """
                 version: 1
                 name: t
                 region: us-east-1
                 environments:
                   prod:
                     region: us-east-9
                     components:
                       c: {type: ecr}
                 """,
             path: "environments.prod.region", line: 6,
             message: "unknown AWS region 'us-east-9'", hint: "did you mean 'us-east-1'?"),
        Case(name: "unknown component type",
             yaml: plan("""
                  web:
                    type: ec3
                    instance_type: t3.large
                  """),
             path: "environments.prod.components.web.type", line: 8,
             message: "unknown component type 'ec3'", hint: "did you mean 'ec2'?"),
        Case(name: "extends cycle",
             yaml: """
                 version: 1
                 name: t
                 region: us-east-1
                 environments:
                   a:
                     extends: b
                     components: {}
                   b:
                     extends: a
                 """,
             path: "environments.a.extends", line: 6,
             message: "extends cycle: a → b → a", hint: "one environment in the chain must not extend another"),
        Case(name: "extends an unknown environment",
             yaml: """
                 version: 1
                 name: t
                 region: us-east-1
                 environments:
                   production:
                     components: {web: {type: ec2, instance_type: t3.large}}
                   staging:
                     extends: prodution
                 """,
             path: "environments.staging.extends", line: 8,
             message: "extends unknown environment 'prodution'", hint: "did you mean 'production'?"),
        Case(name: "missing required field",
             yaml: plan("""
                  web: {type: ec2, count: 2}
                  """),
             path: "environments.prod.components.web.instance_type", line: 7,
             message: "is required", hint: "e.g. t3.large"),
        Case(name: "missing type",
             yaml: plan("""
                  web: {instance_type: t3.large}
                  """),
             path: "environments.prod.components.web.type", line: 7,
             message: "is required", hint: nil),
        Case(name: "null removes nothing",
             yaml: plan("""
                  web: null
                  """),
             path: "environments.prod.components.web", line: 7,
             message: "null removes an inherited component, but 'prod' inherits no 'web'",
             hint: "this environment extends nothing"),
        Case(name: "hours out of range",
             yaml: plan("""
                  web: {type: ec2, instance_type: t3.large, hours_per_month: 745}
                  """),
             path: "environments.prod.components.web.hours_per_month", line: 7,
             message: "must be at most 744 hours, found 745", hint: nil),
        Case(name: "invalid plan name",
             yaml: "version: 1\nname: ../x\nregion: us-east-1\nenvironments: {prod: {components: {c: {type: ecr}}}}",
             path: "name", line: 2,
             message: "'../x' is not a valid name", hint: "use 1–64 letters, digits, '-', '_' or '.'"),
        Case(name: "invalid environment name",
             yaml: "version: 1\nname: t\nregion: us-east-1\nenvironments:\n  <script>: {components: {c: {type: ecr}}}",
             path: "environments.<script>", line: 5,
             message: "'<script>' is not a valid name", hint: "use 1–64 letters, digits, '-', '_' or '.'"),
        Case(name: "invalid component id",
             yaml: plan("""
                  ../x: {type: ecr}
                  """),
             path: "environments.prod.components.../x", line: 7,
             message: "'../x' is not a valid name", hint: "use 1–64 letters, digits, '-', '_' or '.'"),
    ]

    @Test(arguments: cases)
    func rejected(_ testCase: Case) throws {
        let errors = diagnostics(testCase.yaml)
        try #require(errors.count == 1, "\(errors)")
        let error = errors[0]
        #expect(error.file == "test.yaml")
        #expect(error.path == testCase.path)
        #expect(error.line == testCase.line)
        #expect(error.message == testCase.message)
        if let hint = testCase.hint {
            #expect(error.hint == hint)
        }
    }

    @Test func diagnosticReadsLikeACompilerError() throws {
        let error = try #require(diagnostics(Self.cases[0].yaml).first)
        #expect(error.description == """
            test.yaml:10: error: environments.prod.components.web.cont: unknown field 'cont' for type 'ec2'
                hint: did you mean 'count'?
            """)
    }

    @Test func everyErrorIsReportedTogether() throws {
        let errors = diagnostics(Self.plan("""
              web:
                type: ec2
                instance_type: t3.large
                cont: 2
              nat: {type: nat_gateway, data_processed_gb: -5}
              db:
                type: rds
                engine: postgress
                instance_class: db.t3.medium
                count: {min: 5, max: 2}
              cache: {type: elasticash}
              """))
        #expect(errors.count == 5)
        #expect(errors.map(\.path) == [
            "environments.prod.components.web.cont",
            "environments.prod.components.nat.data_processed_gb",
            "environments.prod.components.db.engine",
            "environments.prod.components.db.count",   // rds has no count field
            "environments.prod.components.cache.type",
        ])
        #expect(errors.map(\.line) == [10, 11, 14, 16, 17])
        #expect(errors[2].hint == "did you mean 'postgres'?")
        #expect(errors[4].hint == "did you mean 'elasticache'?")
        let text = PlanError(errors).description
        #expect(text.hasSuffix("5 errors in the plan."))
    }

    @Test func yamlSyntaxErrorNamesTheLine() throws {
        let errors = diagnostics("version: 1\nname: t\n  region: us-east-1\nenvironments: {}\n")
        try #require(errors.count == 1)
        #expect(errors[0].path == "")
        #expect(errors[0].line == 3)
        #expect(errors[0].message.hasPrefix("syntax error: "))
    }

    @Test func unclosedFlowMappingNamesTheLine() throws {
        let errors = diagnostics("version: 1\nname: t\nenvironments:\n  prod: {components: {c: {type: ecr}}\n")
        try #require(errors.count == 1)
        #expect(errors[0].path == "")
        #expect(errors[0].line == 5)
        #expect(errors[0].message.hasPrefix("syntax error: "))
    }

    @Test func duplicateKeyIsAnError() throws {
        let errors = diagnostics("version: 1\nname: a\nname: b\nregion: us-east-1\nenvironments: {prod: {components: {c: {type: ecr}}}}")
        try #require(errors.count == 1)
        #expect(errors[0].message == "duplicate key 'name' in one mapping")
        #expect(errors[0].path == "")
        #expect(errors[0].line == 2)
    }

    @Test func hugeInputIsRejected() throws {
        let text = "# " + String(repeating: "x", count: PlanDocument.maxBytes - 1) // 8 MiB + 1 byte
        let errors = diagnostics(text)
        try #require(errors.count == 1)
        #expect(errors[0].message == "the file is 8388609 bytes; plans are limited to 8388608 bytes")
        #expect(errors[0].line == nil)
    }

    @Test func aliasBombIsRejected() throws {
        var lines = ["version: 1", "name: t", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        let errors = diagnostics(lines.joined(separator: "\n")) // 10^10 values once expanded
        try #require(errors.count == 1)
        #expect(errors[0].message == "the document expands to more than 2000000 values (aliases?)")
    }

    @Test func smallAliasesStillWork() throws {
        let plan = try parsePlan("""
            version: 1
            name: t
            region: us-east-1
            environments:
              prod:
                components:
                  web: {type: ec2, instance_type: t3.large, count: &range {min: 1, max: 3}}
                  api: {type: ec2, instance_type: t3.medium, count: *range}
            """)
        let api = try #require(plan.environments[0].components.last?.spec as? EC2Instances)
        #expect(api.count.range == CountRange(min: 1, desired: 1, max: 3))
    }

    @Test func emptyDocumentIsRejected() throws {
        let errors = diagnostics("")
        #expect(errors.map(\.message) == ["the file is empty"])
    }
}
