import NIOConcurrencyHelpers
import NIOCore

/// Rendered pages by request target (`/plans/muejam-library.html`), readable without `await` so
/// `CachedPageResponder` can answer from the event loop. The router stores a page after serving
/// it; a page made from a plan file is only answered while that file is unchanged (one `stat`),
/// so an edited plan falls through to the router, which re-renders and stores it again. When the
/// server adopts a new catalog snapshot every page is dropped, and a page rendered with an
/// older snapshot is not stored.
public final class PageCache: Sendable {
    struct Page: Sendable {
        var body: ByteBuffer
        /// The plan file the page was made from and its stamp then; nil for pages of the catalog.
        var source: (path: String, stamp: FileStamp)?
    }

    private struct State {
        var pages: [String: Page] = [:]
        /// The snapshot pages must have been rendered with (nil until the first change).
        var snapshotID: String?
    }

    private let state = NIOLockedValueBox(State())

    public init() {}

    /// The page for `target` when it is cached and its plan file has not changed since.
    public func page(for target: String) -> ByteBuffer? {
        guard let page = state.withLockedValue({ $0.pages[target] }) else { return nil }
        if let source = page.source, FileStamp(path: source.path) != source.stamp { return nil }
        return page.body
    }

    /// Caches `body` as the page for `target`, made from the plan file `source` (when any) with
    /// the catalog snapshot `snapshotID`; not stored when the server has moved to another snapshot.
    func store(_ body: ByteBuffer, for target: String, source: (path: String, stamp: FileStamp)?, snapshotID: String) {
        state.withLockedValue { state in
            guard state.snapshotID == nil || state.snapshotID == snapshotID else { return }
            state.pages[target] = Page(body: body, source: source)
        }
    }

    /// Drops every page: the server now prices with the snapshot `snapshotID`.
    func catalogChanged(to snapshotID: String) {
        state.withLockedValue { $0 = State(pages: [:], snapshotID: snapshotID) }
    }

    /// How many pages are cached.
    public var count: Int { state.withLockedValue { $0.pages.count } }
}
