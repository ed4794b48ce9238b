import Foundation

/// Where the SQLite catalog is cached when no `--catalog` / `$COSTPLAN_CATALOG` is given: the
/// user's cache folder, never the working folder. `$XDG_CACHE_HOME/costplan/`, else
/// `~/Library/Caches/costplan/` on macOS and `~/.cache/costplan/` elsewhere.
public enum CatalogCache {
    /// The cache folder for `environment` (relative `XDG_CACHE_HOME` values are ignored, as the
    /// XDG specification says); nil when neither `XDG_CACHE_HOME` nor `HOME` is usable.
    public static func folder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        folderPath(environment: environment).map { URL(fileURLWithPath: $0) }
    }

    /// The default catalog file, `<cache folder>/catalog.sqlite`.
    public static func catalogPath(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        guard let folder = folderPath(environment: environment) else {
            throw CatalogLoader.Error(description: "no cache folder for the rate catalog: neither $XDG_CACHE_HOME nor $HOME is an absolute path (set one, or pass --catalog FILE)")
        }
        return folder + "/catalog.sqlite"
    }

    /// `folder`'s path, joined as text: every cold run asks for it, and building `URL`s for it
    /// cost a fifth of opening the catalog.
    static func folderPath(environment: [String: String]) -> String? {
        func joining(_ base: String, _ tail: String) -> String {
            var base = base
            while base.hasSuffix("/") { base.removeLast() }
            return base + "/" + tail
        }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return joining(xdg, "costplan") }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        #if os(macOS)
        return joining(home, "Library/Caches/costplan")
        #else
        return joining(home, ".cache/costplan")
        #endif
    }
}
