import NIOConcurrencyHelpers
import NIOCore

/// Rendered pages by request target (`/plans/muejam-library.html`), readable without `await` so
/// `CachedPageResponder` can answer from the event loop. The router stores a page after serving
/// it; a page made from a plan file is only answered while that file is unchanged (one `stat`),
/// so an edited plan falls through to the router, which re-renders and stores it again.
public final class PageCache: Sendable {
    struct Page: Sendable {
        var body: ByteBuffer
        /// The plan file the page was made from and its stamp then; nil for pages of the catalog.
        var source: (path: String, stamp: FileStamp)?
    }

    private let pages = NIOLockedValueBox<[String: Page]>([:])

    public init() {}

    /// The page for `target` when it is cached and its plan file has not changed since.
    public func page(for target: String) -> ByteBuffer? {
        guard let page = pages.withLockedValue({ $0[target] }) else { return nil }
        if let source = page.source, FileStamp(path: source.path) != source.stamp { return nil }
        return page.body
    }

    /// Caches `body` as the page for `target`, made from the plan file `source` (when any).
    func store(_ body: ByteBuffer, for target: String, source: (path: String, stamp: FileStamp)?) {
        pages.withLockedValue { $0[target] = Page(body: body, source: source) }
    }

    /// How many pages are cached.
    public var count: Int { pages.withLockedValue { $0.count } }
}
