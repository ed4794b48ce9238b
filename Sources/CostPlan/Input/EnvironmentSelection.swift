/// The `--env NAME` selection of a command (several allowed; none means every environment),
/// checked against the plans it applies to.
public struct EnvironmentSelection: Sendable, Equatable {
    public var names: [String]

    public init(_ names: [String]) {
        self.names = names
    }

    /// The names as the estimator's and the diff's `only:` set (nil: every environment).
    public var only: Set<String>? { names.isEmpty ? nil : Set(names) }

    /// Whether `environment` is selected.
    public func contains(_ environment: String) -> Bool { names.isEmpty || names.contains(environment) }

    /// The first selected name no environment of `plan` has, with the message naming it:
    /// `FILE: error: --env NAME: no such environment (the plan has: a, b)`.
    public func problem(in plan: Plan, file: String) -> String? {
        let known = plan.environments.map(\.name)
        guard let name = names.first(where: { !known.contains($0) }) else { return nil }
        return "\(file): error: --env \(name): no such environment (the plan has: \(known.joined(separator: ", ")))"
    }

    /// For a diff: the first name neither plan has — `error: --env NAME: no such environment in
    /// either plan (they have: a, b)`.
    public func problem(inEither base: Plan, _ head: Plan) -> String? {
        let known = Set(base.environments.map(\.name) + head.environments.map(\.name))
        guard let name = names.first(where: { !known.contains($0) }) else { return nil }
        return "error: --env \(name): no such environment in either plan (they have: \(known.sorted().joined(separator: ", ")))"
    }
}
