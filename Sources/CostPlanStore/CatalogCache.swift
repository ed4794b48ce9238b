import Foundation

/// Where the SQLite catalog is cached when no `--catalog` / `$COSTPLAN_CATALOG` is given: the
/// user's cache folder, never the working folder. `$XDG_CACHE_HOME/costplan/`, else
/// `~/Library/Caches/costplan/` on macOS and `~/.cache/costplan/` elsewhere.
public enum CatalogCache {
    /// The cache folder for `environment` (relative `XDG_CACHE_HOME` values are ignored, as the
    /// XDG specification says); nil when neither `XDG_CACHE_HOME` nor `HOME` is usable.
    public static func folder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("costplan")
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        #if os(macOS)
        return URL(fileURLWithPath: home).appendingPathComponent("Library/Caches/costplan")
        #else
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/costplan")
        #endif
    }

    /// The default catalog file, `<cache folder>/catalog.sqlite`.
    public static func catalogPath(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        guard let folder = folder(environment: environment) else {
            throw CatalogLoader.Error(description: "no cache folder for the rate catalog: neither $XDG_CACHE_HOME nor $HOME is an absolute path (set one, or pass --catalog FILE)")
        }
        return folder.appendingPathComponent("catalog.sqlite").path
    }
}
