import CostPlan
import Foundation

/// Streams a Price List JSON offer file (`formatVersion`, `offerCode`, `version`,
/// `publicationDate`, `products{sku:{sku,productFamily,attributes}}`,
/// `terms{OnDemand{sku{term{effectiveDate,priceDimensions{…}}}}}`), never holding more than the
/// products the estimator prices. Products are classified as they stream past; `terms.OnDemand`
/// is then read only for those SKUs (`Reserved` and unknown keys are skipped). If a file lists
/// `terms` before `products`, the file is read a second time for the terms.
final class OfferJSONReader {
    private let path: String
    /// What the rates name as where they were imported from (see `OfferImport.read`).
    private let source: String
    private let progress: ((ImportProgress) -> Void)?

    private struct Product {
        var region: String
        var match: ProductMatch
    }

    private struct Header {
        var offerCode: String?
        var version: String?
        var publicationDate: String?
    }

    init(path: String, source: String? = nil, progress: ((ImportProgress) -> Void)?) {
        self.path = path
        self.source = source ?? (path as NSString).lastPathComponent
        self.progress = progress
    }

    private static let attributeFields: [String: OfferField] = {
        var fields: [String: OfferField] = [:]
        for field in OfferField.allCases { if let name = field.jsonAttribute { fields[name] = field } }
        return fields
    }()

    func read() throws -> OfferImport {
        let started = Date()
        var header = Header()
        var products: [String: Product] = [:]
        var productsRead = false
        var termsSkipped = false
        var collector: RateCollector?
        var statistics = ImportStatistics()
        var bytesRead: Int64 = 0

        func walk(termsPass: Bool) throws {
            let reader = try ByteFileReader(path: path)
            let parser = JSONStreamParser(reader: reader)
            do {
                try parser.beginObject()
                var first = true
                while let key = try parser.nextKey(first: &first) {
                    switch key {
                    case "offerCode": header.offerCode = try parser.readString()
                    case "version": header.version = try parser.readString()
                    case "publicationDate": header.publicationDate = try parser.readString()
                    case "products" where !termsPass:
                        try readProducts(parser, reader, header: header, into: &products, statistics: &statistics, started: started)
                        productsRead = true
                    case "terms" where termsPass || productsRead:
                        if collector == nil {
                            guard let offerCode = header.offerCode, let version = header.version,
                                  let publicationDate = header.publicationDate else {
                                throw parser.error("the offer has no offerCode, version or publicationDate before its terms")
                            }
                            collector = RateCollector(offerCode: offerCode, version: version, publicationDate: publicationDate,
                                                      fileName: source)
                        }
                        try readTerms(parser, reader, products: products, collector: &collector!, statistics: &statistics,
                                      started: started)
                    case "terms":
                        termsSkipped = true
                        try parser.skipValue()
                    default: try parser.skipValue()
                    }
                }
                try parser.expectEnd()
            } catch let error as JSONStreamParser.SyntaxError {
                throw OfferImportError(file: path, location: "\(error.path) (line \(error.line))", message: error.message)
            }
            bytesRead += reader.bytesRead
        }

        try walk(termsPass: false)
        if termsSkipped { try walk(termsPass: true) }
        guard let offerCode = header.offerCode else {
            throw OfferImportError(file: path, location: "$", message: "the offer has no offerCode (is it a Price List offer file?)")
        }
        guard productsRead, let collector else {
            throw OfferImportError(file: path, location: "$", message: "the offer has no \(productsRead ? "terms" : "products") object")
        }
        let (ratesByRegion, conflicts) = collector.finish()
        statistics.conflicts = conflicts
        statistics.bytesRead = bytesRead
        statistics.seconds = Date().timeIntervalSince(started)
        return OfferImport(file: path, format: .json, offerCode: offerCode, version: header.version ?? "",
                           publicationDate: header.publicationDate ?? "", ratesByRegion: ratesByRegion, statistics: statistics)
    }

    /// `products`: keeps the SKUs the estimator prices, with their region and catalog item.
    private func readProducts(_ parser: JSONStreamParser, _ reader: ByteFileReader, header: Header,
                              into products: inout [String: Product], statistics: inout ImportStatistics, started: Date) throws {
        guard let code = header.offerCode else { throw parser.error("the offer has no offerCode before its products") }
        let offer = try OfferImport.supportedOffer(code, file: path, location: "$.offerCode")
        try parser.beginObject()
        var first = true
        var count = 0
        while let sku = try parser.nextKey(first: &first) {
            count += 1
            statistics.rowsRead += 1
            if count & 0x3FFF == 0, let progress {
                progress(ImportProgress(file: path, bytesRead: reader.bytesRead, totalBytes: reader.fileSize,
                                        rowsRead: statistics.rowsRead, seconds: Date().timeIntervalSince(started)))
            }
            var attributes = JSONAttributes()
            try parser.beginObject()
            var firstField = true
            while let field = try parser.nextKey(first: &firstField) {
                switch field {
                case "productFamily": attributes.values[OfferField.productFamily.rawValue] = try parser.readString()
                case "attributes":
                    try parser.beginObject()
                    var firstAttribute = true
                    while let name = try parser.nextKey(first: &firstAttribute) {
                        if let known = Self.attributeFields[name], let value = try parser.readScalarText() {
                            attributes.values[known.rawValue] = value
                        } else {
                            try parser.skipValue()
                        }
                    }
                default: try parser.skipValue()
                }
            }
            guard attributes.field(.locationType, isBlankOr: "AWS Region"),
                  let match = OfferClassifier.match(offer, attributes) else { continue }
            var region = attributes.text(.regionCode)
            if region.isEmpty { region = RegionNames.code(forLocation: attributes.text(.location)) ?? "" }
            guard !region.isEmpty else { statistics.rowsWithUnknownRegion += 1; continue }
            products[sku] = Product(region: region, match: match)
        }
    }

    /// `terms`: reads `OnDemand` price dimensions of the kept SKUs; skips everything else.
    private func readTerms(_ parser: JSONStreamParser, _ reader: ByteFileReader, products: [String: Product],
                           collector: inout RateCollector, statistics: inout ImportStatistics, started: Date) throws {
        try parser.beginObject()
        var firstType = true
        while let termType = try parser.nextKey(first: &firstType) {
            guard termType == "OnDemand" else { try parser.skipValue(); continue }
            try parser.beginObject()
            var firstSKU = true
            while let sku = try parser.nextKey(first: &firstSKU) {
                guard let product = products[sku] else { try parser.skipValue(); continue }
                try parser.beginObject()
                var firstTerm = true
                while try parser.nextKey(first: &firstTerm) != nil {
                    try readTerm(parser, sku: sku, product: product, collector: &collector, statistics: &statistics)
                }
            }
        }
    }

    private func readTerm(_ parser: JSONStreamParser, sku: String, product: Product, collector: inout RateCollector,
                          statistics: inout ImportStatistics) throws {
        struct Dimension { var rateCode = "", description = "", unit = "", begin = "", currency = "", price = "" }
        var effectiveDate = ""
        var dimensions: [Dimension] = []
        try parser.beginObject()
        var first = true
        while let key = try parser.nextKey(first: &first) {
            switch key {
            case "effectiveDate": effectiveDate = try parser.readString()
            case "priceDimensions":
                try parser.beginObject()
                var firstDimension = true
                while let rateCode = try parser.nextKey(first: &firstDimension) {
                    var dimension = Dimension(rateCode: rateCode)
                    try parser.beginObject()
                    var firstField = true
                    while let field = try parser.nextKey(first: &firstField) {
                        switch field {
                        case "rateCode": dimension.rateCode = try parser.readString()
                        case "description": dimension.description = try parser.readString()
                        case "unit": dimension.unit = try parser.readString()
                        case "beginRange": dimension.begin = try parser.readScalarText() ?? ""
                        case "pricePerUnit":
                            try parser.beginObject()
                            var firstCurrency = true
                            while let currency = try parser.nextKey(first: &firstCurrency) {
                                let price = try parser.readScalarText() ?? ""
                                if dimension.currency.isEmpty || currency == "USD" { (dimension.currency, dimension.price) = (currency, price) }
                            }
                        default: try parser.skipValue()
                        }
                    }
                    dimensions.append(dimension)
                }
            default: try parser.skipValue()
            }
        }
        for dimension in dimensions {
            statistics.count(collector.add(region: product.region, match: product.match, awsUnit: dimension.unit,
                                           currency: dimension.currency, price: dimension.price, beginRange: dimension.begin,
                                           effectiveDate: effectiveDate, sku: sku, rateCode: dimension.rateCode,
                                           description: dimension.description,
                                           row: "rate code \(dimension.rateCode)"))
        }
    }
}

/// A JSON product's attributes (only the ones the importer reads are kept).
struct JSONAttributes: OfferAttributes {
    var values = [String?](repeating: nil, count: OfferField.allCases.count)

    func field(_ field: OfferField, is value: StaticString) -> Bool { values[field.rawValue] == value.description }
    func text(_ field: OfferField) -> String { values[field.rawValue] ?? "" }
    func isBlank(_ field: OfferField) -> Bool { (values[field.rawValue] ?? "").isEmpty }
}
