/// Posts a report as the one marked comment of a pull or merge request: finds the comments whose
/// first line is the marker (`<!-- costplan-diff -->`, the first line `costplan diff --format
/// markdown` writes) across every page, then edits, adds or replaces as `Behavior` says.
public struct CommentPublisher: Sendable {
    /// What to do with an earlier marked comment.
    public enum Behavior: String, Sendable, CaseIterable {
        /// Edit the latest marked comment (left as is when its text is already the same); create one if there is none.
        case update
        /// Always add a new comment; earlier ones stay.
        case new
        /// Delete every marked comment, then add a new one (so it is the latest in the thread).
        case deleteAndNew = "delete-and-new"
    }

    /// One thing the publisher did (or, in a dry run, would do).
    public enum Action: Sendable, Equatable {
        case created(ForgeComment)
        case updated(ForgeComment)
        case unchanged(ForgeComment)
        case deleted(id: String)
        /// Dry run: the request that would be sent.
        case wouldSend(String)
    }

    /// The default marker: the first line of `costplan diff --format markdown`.
    public static let defaultMarker = "<!-- costplan-diff -->"

    public var comments: any ForgeComments
    public var marker: String

    public init(comments: any ForgeComments, marker: String = defaultMarker) {
        self.comments = comments
        self.marker = marker
    }

    /// `body` with the marker as its first line (added when missing, so the next run finds it).
    public func markedBody(_ body: String) -> String {
        firstLine(body) == marker ? body : marker + "\n" + body
    }

    /// True when `comment` starts with the marker line.
    public func isMarked(_ comment: ForgeComment) -> Bool {
        firstLine(comment.body) == marker
    }

    /// Publishes `body` with `behavior`; with `dryRun` only lists (reads) and reports the writes
    /// it would send.
    public func publish(_ body: String, behavior: Behavior, dryRun: Bool = false) async throws -> [Action] {
        let body = markedBody(body)
        let marked = behavior == .new ? [] : try await comments.list().filter(isMarked)
        var actions: [Action] = []
        switch behavior {
        case .update:
            if let latest = marked.last {
                if latest.body == body {
                    actions.append(.unchanged(latest))
                } else if dryRun {
                    actions.append(.wouldSend(comments.describeUpdate(id: latest.id)))
                } else {
                    actions.append(.updated(try await comments.update(id: latest.id, body: body)))
                }
                return actions
            }
        case .new:
            break
        case .deleteAndNew:
            for comment in marked {
                if dryRun {
                    actions.append(.wouldSend(comments.describeDelete(id: comment.id)))
                } else {
                    try await comments.delete(id: comment.id)
                    actions.append(.deleted(id: comment.id))
                }
            }
        }
        actions.append(dryRun ? .wouldSend(comments.describeCreate()) : .created(try await comments.create(body: body)))
        return actions
    }

    private func firstLine(_ text: String) -> String {
        String(text.prefix { $0 != "\n" && $0 != "\r" }).trimmingCharacters(in: .whitespaces)
    }
}

import Foundation
