import CostPlan
import CostPlanRateSheets
@testable import CostPlanStore
import Foundation
import Testing

/// The sheets compiled into the executable, and the catalog cache in the user's cache folder.
struct EmbeddedSheetsAndCacheTests {
    static let builtIn = RateSheetSource.embedded(EmbeddedRateSheets.sheets.map { ($0.name, $0.text) },
                                                  fingerprint: EmbeddedRateSheets.fingerprint)

    /// The build-tool plugin compiled in exactly the repository's pricing/*.csv, byte for byte.
    @Test func theEmbeddedSheetsAreTheRepositorySheets() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: RepositoryFiles.pricing.path)
            .filter { $0.hasSuffix(".csv") }.sorted()
        #expect(EmbeddedRateSheets.sheets.map(\.name) == names)
        #expect(names.count >= 19)
        for sheet in EmbeddedRateSheets.sheets {
            let file = try Data(contentsOf: RepositoryFiles.pricing.appendingPathComponent(sheet.name))
            #expect(Data(sheet.text.utf8) == file, "\(sheet.name)")
        }
    }

    /// The plugin compiled in the web pages' stylesheet, byte for byte (served and written when
    /// no `Public/` folder is beside the binary).
    @Test func theEmbeddedStylesheetIsPublicCostplanCSS() throws {
        let file = try Data(contentsOf: RepositoryFiles.root.appendingPathComponent("Public/costplan.css"))
        #expect(Data(EmbeddedAssets.stylesheet.utf8) == file)
        #expect(EmbeddedAssets.stylesheet.contains("font-family"))
    }

    /// The fingerprint computed by the build tool is the catalog's own function of the same sheets,
    /// so the built-in and the folder sheets give the same snapshot id.
    @Test func theCompiledFingerprintIsTheCatalogFingerprint() throws {
        let computed = CatalogLoader.fingerprint(EmbeddedRateSheets.sheets.map { ($0.name, $0.text) })
        #expect(EmbeddedRateSheets.fingerprint == computed)
        #expect(EmbeddedRateSheets.fingerprint.count == 16)

        let dir = try RepositoryFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let embedded = try CatalogLoader(source: Self.builtIn, databasePath: dir.appendingPathComponent("a.sqlite").path).load()
        let folder = try CatalogLoader(pricingDirectory: RepositoryFiles.pricing, databasePath: dir.appendingPathComponent("b.sqlite").path).load()
        #expect(embedded.snapshot == folder.snapshot)
        #expect(embedded.snapshot.origin == "pricing/ (\(EmbeddedRateSheets.sheets.count) sheets)")
        #expect(embedded.allRates.count == folder.allRates.count)
    }

    /// A malformed built-in sheet names itself as built in, with its line.
    @Test func aMalformedBuiltInSheetNamesItself() {
        let source = RateSheetSource.embedded([("AmazonEC2.csv", CatalogLoaderTests.header + "us-east-1,x,hour,,oops,2026-01-01,s,\n")],
                                              fingerprint: "0")
        #expect {
            try CatalogLoader(source: source, databasePath: "/dev/null").parseSheets()
        } throws: { "\($0)" == "<built-in>/pricing/AmazonEC2.csv:2: error: usd 'oops' is not a non-negative plain decimal" }
    }

    /// Table: environment → cache folder (Linux; macOS uses ~/Library/Caches).
    @Test(arguments: [
        (["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/u"], "/x/cache/costplan"),
        (["XDG_CACHE_HOME": "relative/cache", "HOME": "/home/u"], "/home/u/.cache/costplan"),   // relative XDG paths are ignored
        (["XDG_CACHE_HOME": "", "HOME": "/home/u"], "/home/u/.cache/costplan"),
        (["HOME": "/home/u"], "/home/u/.cache/costplan"),
        (["XDG_CACHE_HOME": "/x/cache//", "HOME": "/home/u"], "/x/cache/costplan"),   // trailing slashes are dropped
        (["HOME": "/home/u/"], "/home/u/.cache/costplan"),
        (["XDG_CACHE_HOME": "/"], "/costplan"),
    ])
    func theCacheFolderFollowsXDG(environment: [String: String], expected: String) throws {
        #if os(macOS)
        let expected = expected.replacingOccurrences(of: "/.cache/", with: "/Library/Caches/")
        #endif
        #expect(CatalogCache.folder(environment: environment)?.path == expected)
        #expect(try CatalogCache.catalogPath(environment: environment) == expected + "/catalog.sqlite")
    }

    @Test func noHomeAndNoXDGIsAClearError() {
        #expect(CatalogCache.folder(environment: [:]) == nil)
        #expect { try CatalogCache.catalogPath(environment: ["HOME": ""]) } throws: { "\($0)".contains("--catalog FILE") }
    }

    /// Flags and variables override; the defaults never point into the working folder.
    @Test func standardPlaces() throws {
        let env = ["HOME": "/home/u", "COSTPLAN_PRICING_DIR": "", "COSTPLAN_CATALOG": ""]
        let loader = try CatalogLoader.standard(builtIn: Self.builtIn, environment: env)
        #expect(loader.databasePath == "/home/u/.cache/costplan/catalog.sqlite" || loader.databasePath == "/home/u/Library/Caches/costplan/catalog.sqlite")
        #expect(loader.pricingDirectory == nil)

        let fromEnv = try CatalogLoader.standard(builtIn: Self.builtIn, environment: ["COSTPLAN_PRICING_DIR": "/p", "COSTPLAN_CATALOG": "/c.sqlite"])
        #expect(fromEnv.pricingDirectory?.path == "/p" && fromEnv.databasePath == "/c.sqlite")

        let fromFlags = try CatalogLoader.standard(pricingDirectory: "/q", databasePath: "/d.sqlite", builtIn: Self.builtIn,
                                                   environment: ["COSTPLAN_PRICING_DIR": "/p", "COSTPLAN_CATALOG": "/c.sqlite"])
        #expect(fromFlags.pricingDirectory?.path == "/q" && fromFlags.databasePath == "/d.sqlite")
    }

    /// A cache folder that cannot be created is an error naming it and the way out, not a crash.
    @Test func anUnwritableCacheFolderIsAClearError() throws {
        let dir = try RepositoryFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let blocker = dir.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let loader = CatalogLoader(source: Self.builtIn, databasePath: blocker.appendingPathComponent("costplan/catalog.sqlite").path)
        #expect { try loader.load() } throws: { error in
            "\(error)".contains("is a file, not a folder") && "\(error)".contains("XDG_CACHE_HOME")
        }
    }

    /// A stale cache (other sheets) is rebuilt on the next load, keeping the catalog file.
    @Test func aStaleCacheIsRebuiltFromTheBuiltInSheets() throws {
        let dir = try RepositoryFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("catalog.sqlite").path
        let old = RateSheetSource.embedded([("AmazonEC2.csv", CatalogLoaderTests.header + "us-east-1,nat-gateway/hours,hour,,0.045,2026-08-31,s,\n")],
                                           fingerprint: CatalogLoader.fingerprint([("AmazonEC2.csv", CatalogLoaderTests.header + "us-east-1,nat-gateway/hours,hour,,0.045,2026-08-31,s,\n")]))
        #expect(try CatalogLoader(source: old, databasePath: path).load().allRates.count == 1)
        let current = try CatalogLoader(source: Self.builtIn, databasePath: path).load()
        #expect(current.snapshot.id == String(EmbeddedRateSheets.fingerprint.prefix(12)))
        #expect(current.allRates.count > 900)
    }
}
