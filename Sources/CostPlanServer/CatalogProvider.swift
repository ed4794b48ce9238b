import CostPlan
import Logging
import NIOConcurrencyHelpers

/// The catalog the server prices with. Every request or plan load takes `current` once and
/// prices with that one snapshot, so a reload never mixes two catalogs in one estimate.
///
/// A fixed provider wraps one catalog (tests, `report`). A reloading provider is given by the
/// composition root the files its catalog comes from and how to load it — the server never
/// opens the store itself (DESIGN §2); `checkForChanges()` stats those files (cheap, as plan
/// files are checked) and, when any changed, loads the catalog again and adopts it if its
/// snapshot differs. `CatalogWatcher` calls it every second while the server runs.
public final class CatalogProvider: Sendable {
    private struct State {
        var catalog: any PriceCatalog
        var stamps: [FileStamp?]
        /// The last reload error, so a broken sheet is reported once, not every second.
        var lastError: String?
    }

    private let state: NIOLockedValueBox<State>
    private let watchedFiles: @Sendable () -> [String]
    private let reload: (@Sendable () throws -> any PriceCatalog)?
    /// Called after a new snapshot is adopted (the server empties its page cache).
    private let listeners = NIOLockedValueBox<[@Sendable (PricingSnapshot) -> Void]>([])

    /// A provider that always gives `catalog`.
    public init(_ catalog: any PriceCatalog) {
        state = NIOLockedValueBox(State(catalog: catalog, stamps: []))
        watchedFiles = { [] }
        reload = nil
    }

    /// A provider that starts with `initial` and loads the catalog again with `reload` when a
    /// file among `watchedFiles()` (paths; a folder's stamp changes when entries are added,
    /// removed or renamed) changes its modification time or size, appears or disappears.
    public init(initial: any PriceCatalog, watchedFiles: @escaping @Sendable () -> [String],
                reload: @escaping @Sendable () throws -> any PriceCatalog) {
        state = NIOLockedValueBox(State(catalog: initial, stamps: watchedFiles().map { FileStamp(path: $0) }))
        self.watchedFiles = watchedFiles
        self.reload = reload
    }

    /// The catalog to price with now.
    public var current: any PriceCatalog { state.withLockedValue { $0.catalog } }

    /// Calls `listener` with the new snapshot whenever one is adopted.
    func onChange(_ listener: @escaping @Sendable (PricingSnapshot) -> Void) {
        listeners.withLockedValue { $0.append(listener) }
    }

    /// Stats the watched files; when any changed, reloads the catalog (on the calling thread:
    /// run this off the event loops) and adopts it if its snapshot differs. A reload that
    /// fails keeps the current catalog, logs the error once and is tried again next time.
    /// Returns the new snapshot when one was adopted.
    @discardableResult
    public func checkForChanges(logger: Logger? = nil) -> PricingSnapshot? {
        guard let reload else { return nil }
        let stamps = watchedFiles().map { FileStamp(path: $0) }
        guard state.withLockedValue({ $0.stamps != stamps }) else { return nil }
        logger?.debug("The catalog's files changed; loading it again")
        let loaded: any PriceCatalog
        do {
            loaded = try reload()
        } catch {
            let message = "\(error)"
            let isNew = state.withLockedValue { state -> Bool in
                defer { state.lastError = message }
                return state.lastError != message
            }
            if isNew {
                logger?.warning("The catalog changed but cannot be loaded; still serving the previous snapshot",
                                metadata: ["costplan.error": .string(message)])
            }
            return nil
        }
        let adopted = state.withLockedValue { state -> PricingSnapshot? in
            state.stamps = stamps
            state.lastError = nil
            guard loaded.snapshot != state.catalog.snapshot else { return nil }
            state.catalog = loaded
            return loaded.snapshot
        }
        guard let adopted else { return nil }
        logger?.info("Catalog reloaded", metadata: ["costplan.snapshot": .string(adopted.id), "costplan.origin": .string(adopted.origin)])
        for listener in listeners.withLockedValue({ $0 }) { listener(adopted) }
        return adopted
    }
}
