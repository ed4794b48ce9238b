import ArgumentParser
import CostPlan
import CostPlanHTTP
import CostPlanStore
import Foundation

/// Runs a `PriceListFetcher` for the commands: progress on a terminal, one line per offer
/// region, and every failure as a message on standard error with exit status 2 (the catalog
/// unchanged).
enum PriceListFetch {
    /// Fetches `wanted` from `endpoint` into the catalog, writing what happens with `log`.
    @discardableResult
    static func run(_ wanted: [SupportedOffer: RegionChoice], endpoint: String, catalog: CatalogOptions,
                    log: @escaping @Sendable (String) -> Void) async throws -> FetchReport {
        let display = FetchDisplay(log: log, terminal: isatty(2) == 1)
        let loader = try catalog.loader()
        do {
            return try await HTTPTransport.with { transport in
                let fetcher = PriceListFetcher(endpoint: endpoint, transport: transport, loader: loader,
                                               cacheDirectory: PriceListFetcher.defaultCacheDirectory())
                let report = try await fetcher.fetch(wanted, events: { display.show($0) })
                for outcome in report.outcomes { log(describe(outcome)) }
                return report
            }
        } catch {
            display.clear()
            var text = "\(error)"
            if let transport = error as? HTTPTransportError, case .connection = transport.kind {
                text += "\n    hint: the Price List endpoint is \(endpoint); set another with --endpoint or COSTPLAN_PRICE_LIST_ENDPOINT."
            }
            Output.error(text + "\nNothing was imported; the catalog is unchanged.")
            throw ExitCode(2)
        }
    }

    /// `AmazonEC2 eu-central-1: 412 rates, offer version 20250101000000, added`.
    static func describe(_ outcome: ImportOutcome) -> String {
        let o = outcome.offer
        let change = switch outcome.change {
        case .added: "added"
        case .replaced: "replaced version \(outcome.previousVersion ?? "?")"
        case .unchanged: "unchanged (the same rates are already imported)"
        }
        return "\(o.offerCode) \(o.region): \(o.rateCount) rates, offer version \(o.version), \(change)"
    }

    /// Fetches the offers and regions that pricing `plans` looks up (`onlyMissing`: only those
    /// the catalog has no rate for). Repeats while the rates brought in reveal further needs
    /// (a component stops at its first missing rate), never asking twice for an offer region.
    static func fetchNeeds(of plans: [Plan], environments: [String], onlyMissing: Bool, endpoint: String,
                           catalog: CatalogOptions, log: @escaping @Sendable (String) -> Void) async throws {
        var asked: Set<String> = []
        var unfetchable: Set<String> = []
        while true {
            let loaded = try catalog.load()
            var wanted: [SupportedOffer: RegionChoice] = [:]
            for plan in plans {
                let needs = RateNeeds(of: plan, only: environments.isEmpty ? nil : Set(environments), catalog: loaded)
                for key in onlyMissing ? needs.missing : needs.lookedUp {
                    guard let offer = SupportedOffer(rawValue: key.service) else {
                        if needs.missing.contains(key) { unfetchable.insert(key.service) }
                        continue
                    }
                    guard asked.insert("\(offer.rawValue)/\(key.region)").inserted else { continue }
                    if case .only(let regions) = wanted[offer] {
                        wanted[offer] = .only(regions.union([key.region]))
                    } else {
                        wanted[offer] = .only([key.region])
                    }
                }
            }
            if wanted.isEmpty { break }
            try await run(wanted, endpoint: endpoint, catalog: catalog, log: log)
        }
        if !unfetchable.isEmpty {
            log("note: \(unfetchable.sorted().joined(separator: ", ")) rates are not in the AWS offers costplan fetches; "
                + "they come from the pricing/ sheets only")
        }
        if asked.isEmpty { log("No AWS offer is needed: the catalog has every rate these plans use that can be fetched.") }
    }
}

/// What a fetch shows: a progress bar on a terminal (bytes, rate, time left) and one line per
/// offer region.
final class FetchDisplay: @unchecked Sendable {
    private let log: @Sendable (String) -> Void
    private let terminal: Bool
    private let lock = NSLock()
    private var drawn = false

    init(log: @escaping @Sendable (String) -> Void, terminal: Bool) {
        self.log = log
        self.terminal = terminal
    }

    func show(_ event: FetchEvent) {
        lock.withLock {
            switch event {
            case let .upToDate(offer, region, version):
                line("\(offer) \(region): up to date (offer version \(version) is in the catalog); nothing downloaded")
            case let .notOffered(offer, region):
                line("\(offer) \(region): AWS publishes no \(offer) offer for this region; skipped")
            case let .downloading(offer, region, progress):
                guard terminal else { return }
                FileHandle.standardError.write(Data(Self.bar(progress, label: "\(offer) \(region)").utf8))
                drawn = true
            case let .downloaded(offer, region, version, result):
                let rate = result.seconds > 0 ? Double(result.bytes) / result.seconds : 0
                line("\(offer) \(region): downloaded \(ByteCount.format(result.bytes)) in \(String(format: "%.1f", result.seconds)) s "
                    + "(\(ByteCount.format(Int64(rate)))/s), offer version \(version), from \(result.url)")
            }
        }
    }

    func clear() { lock.withLock { clearBar() } }

    private func line(_ text: String) {
        clearBar()
        log(text)
    }

    private func clearBar() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }

    /// `\r[#####.....]  48% 120.3 MB/250.0 MB 31.2 MB/s ETA 0:04 AmazonEC2 eu-central-1`
    static func bar(_ p: DownloadProgress, label: String) -> String {
        let width = 30
        let fraction = p.expectedBytes.map { $0 > 0 ? min(1, Double(p.bytesReceived) / Double($0)) : 0 }
        let filled = Int((fraction ?? 0) * Double(width))
        let total = p.expectedBytes.map { "/" + ByteCount.format($0) } ?? ""
        let eta = p.secondsRemaining.map { " ETA \(Int($0) / 60):" + String(format: "%02d", Int($0) % 60) } ?? ""
        return "\r[\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] "
            + (fraction.map { String(format: "%3.0f%% ", $0 * 100) } ?? "") + "\(ByteCount.format(p.bytesReceived))\(total) "
            + "\(ByteCount.format(Int64(p.bytesPerSecond)))/s\(eta) \(label)\u{1B}[K"
    }
}
