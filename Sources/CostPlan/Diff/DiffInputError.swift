import Foundation

/// One side of a diff cannot be used: its plan is invalid or needs rates the catalog lacks.
public struct DiffInputError: Error, Sendable, CustomStringConvertible {
    public var side: DiffSide
    /// The file (or `REF:PATH`) of that side.
    public var file: String
    /// The `PlanError` or `EstimateError` with every problem found (or why the plan cannot be read).
    public var underlying: any Error

    public init(side: DiffSide, file: String, underlying: any Error) {
        self.side = side
        self.file = file
        self.underlying = underlying
    }

    /// "head plan (file) is invalid:", "... cannot be priced:" or "... cannot be read:", then every problem.
    public var description: String {
        let what = underlying is EstimateError ? "cannot be priced" : underlying is PlanError ? "is invalid" : "cannot be read"
        return "\(side.rawValue) plan (\(file)) \(what):\n\(underlying)"
    }
}
