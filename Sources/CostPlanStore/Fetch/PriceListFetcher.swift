import CostPlan
import CostPlanHTTP
import Foundation

/// Which regions of an offer to bring.
public enum RegionChoice: Sendable, Equatable {
    /// Every region the offer's region index lists.
    case all
    /// These region codes.
    case only(Set<String>)
}

/// What happened to one offer region during a fetch, reported as it happens.
public enum FetchEvent: Sendable {
    /// The catalog already holds this offer version for the region: nothing downloaded.
    case upToDate(offer: String, region: String, version: String)
    /// The offer has no file for this region (AWS does not sell it there).
    case notOffered(offer: String, region: String)
    /// A download is under way.
    case downloading(offer: String, region: String, progress: DownloadProgress)
    /// A download finished and was read.
    case downloaded(offer: String, region: String, version: String, result: DownloadResult)
}

/// What a fetch did.
public struct FetchReport: Sendable {
    /// Offer regions the catalog already had (`offer/region@version`).
    public var upToDate: [String] = []
    /// Files downloaded.
    public var downloads: [DownloadResult] = []
    /// What importing the downloads did to the catalog (empty when nothing was downloaded).
    public var outcomes: [ImportOutcome] = []
}

/// Brings current AWS rates into the catalog from the Price List bulk API: service index →
/// each offer's region index → each region's current offer file (its CSV twin), streamed to a
/// temporary file in `cacheDirectory`, read by the offer import, then deleted. An offer region
/// whose version the catalog already holds is not downloaded. Every file is downloaded and read
/// before the catalog is touched; the imports are then applied in one atomic replacement
/// (`CatalogLoader.importOffers`), so any failure leaves the catalog byte-identical.
public struct PriceListFetcher: Sendable {
    /// The default endpoint, AWS's public bulk API host (no account or key needed).
    public static let defaultEndpoint = "https://pricing.us-east-1.amazonaws.com"

    public var endpoint: String
    public var transport: HTTPTransport
    public var loader: CatalogLoader
    /// Where downloads are written while they are read.
    public var cacheDirectory: String

    public init(endpoint: String, transport: HTTPTransport, loader: CatalogLoader, cacheDirectory: String) {
        self.endpoint = endpoint
        self.transport = transport
        self.loader = loader
        self.cacheDirectory = cacheDirectory
    }

    /// Where downloads are staged: the catalog's cache folder (`CatalogCache`), else the
    /// system's temporary folder when neither `$XDG_CACHE_HOME` nor `$HOME` is usable.
    public static func defaultCacheDirectory(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        (CatalogCache.folder(environment: environment) ?? FileManager.default.temporaryDirectory.appendingPathComponent("costplan")).path
    }

    /// Fetches `wanted` (offers and their regions) and imports what is new.
    public func fetch(_ wanted: [SupportedOffer: RegionChoice], events: (@Sendable (FetchEvent) -> Void)? = nil) async throws -> FetchReport {
        var report = FetchReport()
        let held = Dictionary(try loader.importedOffers().map { ("\($0.offerCode)/\($0.region)", $0.version) }, uniquingKeysWith: { a, _ in a })
        let serviceIndexURL = PriceListIndex.resolve(PriceListIndex.servicePath, against: endpoint)
        let regionIndexes = try PriceListIndex.regionIndexPaths(try await get(serviceIndexURL), url: serviceIndexURL)
        var imports: [OfferImport] = []
        try FileManager.default.createDirectory(atPath: cacheDirectory, withIntermediateDirectories: true)
        for offer in wanted.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            guard let regionIndexPath = regionIndexes[offer.rawValue] else {
                throw PriceListFetchError(url: serviceIndexURL, message: "the service index lists no offer \(offer.rawValue)",
                                          hint: "check --endpoint; AWS's index lists every offer costplan imports")
            }
            let regionIndexURL = PriceListIndex.resolve(regionIndexPath, against: endpoint)
            let files = try PriceListIndex.versionPaths(try await get(regionIndexURL), url: regionIndexURL)
            let regions: [String] = switch wanted[offer]! {
            case .all: files.keys.sorted()
            case .only(let chosen): chosen.sorted()
            }
            for region in regions {
                guard let path = files[region] else {
                    events?(.notOffered(offer: offer.rawValue, region: region))
                    continue
                }
                let version = PriceListIndex.version(inPath: path, region: region)
                if let version, held["\(offer.rawValue)/\(region)"] == version {
                    report.upToDate.append("\(offer.rawValue)/\(region)@\(version)")
                    events?(.upToDate(offer: offer.rawValue, region: region, version: version))
                    continue
                }
                let (offerImport, download) = try await downloadAndRead(
                    offer: offer, region: region, url: PriceListIndex.resolve(PriceListIndex.csvTwin(path), against: endpoint), events: events)
                events?(.downloaded(offer: offer.rawValue, region: region, version: offerImport.version, result: download))
                imports.append(offerImport)
                report.downloads.append(download)
            }
        }
        if !imports.isEmpty { report.outcomes = try loader.importOffers(imports) }
        return report
    }

    /// Streams one offer file to the cache folder, reads it with the offer import, deletes it.
    private func downloadAndRead(offer: SupportedOffer, region: String, url: String,
                                 events: (@Sendable (FetchEvent) -> Void)?) async throws -> (OfferImport, DownloadResult) {
        // A folder of its own, so fetches running at once never share a file; the rates name the
        // URL they were downloaded from as their source.
        let folder = (cacheDirectory as NSString).appendingPathComponent("download-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let version = PriceListIndex.version(inPath: url, region: region).map { "-\($0)" } ?? ""
        let file = (folder as NSString).appendingPathComponent("\(offer.rawValue)-\(region)\(version).csv")
        let result = try await transport.download(url, to: file) { progress in
            events?(.downloading(offer: offer.rawValue, region: region, progress: progress))
        }
        let offerImport: OfferImport
        do { offerImport = try OfferImport.read(path: file, source: url) } catch {
            throw PriceListFetchError(url: url, message: "not a usable AWS Price List offer file: \(error)",
                                      hint: "check --endpoint; each region index entry must point at an offer file (index.json with its index.csv twin)")
        }
        guard offerImport.offerCode == offer.rawValue else {
            throw PriceListFetchError(url: url, message: "expected the \(offer.rawValue) offer, found \(offerImport.offerCode)",
                                      hint: "check --endpoint; the mirror serves the wrong file at this address")
        }
        return (offerImport, result)
    }

    /// The body of a GET that must succeed.
    private func get(_ url: String) async throws -> Data {
        let reply = try await transport.send(HTTPRequest(url: url))
        guard reply.isSuccess else {
            throw HTTPTransportError(method: "GET", url: url, kind: .status(reply.status, reply.reasonPhrase),
                                     attempts: reply.status >= 500 || reply.status == 429 ? transport.configuration.maxAttempts : 1)
        }
        return reply.body
    }
}
