/// The offer-file attributes the importer reads. CSV files name them by display name in the
/// header row (found by name, never by position, since the column set varies per service and
/// region file); JSON files by attribute key. Everything else in a file is ignored.
enum OfferField: Int, CaseIterable {
    case sku, rateCode, termType, priceDescription, effectiveDate, startingRange, endingRange, unit, pricePerUnit,
         currency, productFamily, location, locationType, regionCode, instanceType, tenancy, operatingSystem,
         preInstalledSw, capacityStatus, licenseModel, marketOption, usageType, operation, volumeAPIName,
         databaseEngine, deploymentOption, cacheEngine

    /// The CSV header name (AWS's display name).
    var csvName: String {
        switch self {
        case .sku: "SKU"
        case .rateCode: "RateCode"
        case .termType: "TermType"
        case .priceDescription: "PriceDescription"
        case .effectiveDate: "EffectiveDate"
        case .startingRange: "StartingRange"
        case .endingRange: "EndingRange"
        case .unit: "Unit"
        case .pricePerUnit: "PricePerUnit"
        case .currency: "Currency"
        case .productFamily: "Product Family"
        case .location: "Location"
        case .locationType: "Location Type"
        case .regionCode: "Region Code"
        case .instanceType: "Instance Type"
        case .tenancy: "Tenancy"
        case .operatingSystem: "Operating System"
        case .preInstalledSw: "Pre Installed S/W"
        case .capacityStatus: "CapacityStatus"
        case .licenseModel: "License Model"
        case .marketOption: "MarketOption"
        case .usageType: "usageType"
        case .operation: "operation"
        case .volumeAPIName: "Volume API Name"
        case .databaseEngine: "Database Engine"
        case .deploymentOption: "Deployment Option"
        case .cacheEngine: "Cache Engine"
        }
    }

    /// The JSON product attribute key (`productFamily` sits on the product, not in `attributes`;
    /// price fields come from the term and its price dimension, so they have none).
    var jsonAttribute: String? {
        switch self {
        case .location: "location"
        case .locationType: "locationType"
        case .regionCode: "regionCode"
        case .instanceType: "instanceType"
        case .tenancy: "tenancy"
        case .operatingSystem: "operatingSystem"
        case .preInstalledSw: "preInstalledSw"
        case .capacityStatus: "capacitystatus"
        case .licenseModel: "licenseModel"
        case .marketOption: "marketoption"
        case .usageType: "usagetype"
        case .operation: "operation"
        case .volumeAPIName: "volumeApiName"
        case .databaseEngine: "databaseEngine"
        case .deploymentOption: "deploymentOption"
        case .cacheEngine: "cacheEngine"
        default: nil
        }
    }

    /// CSV columns a file must have to be read at all.
    static let requiredCSVColumns: [OfferField] = [.sku, .rateCode, .termType, .effectiveDate, .startingRange, .unit,
                                                   .pricePerUnit, .currency, .productFamily, .usageType, .location]
}

/// Read access to one product's attributes (a CSV row, or a JSON product), so one set of rules
/// serves both formats. `is` must be cheap: the CSV reader answers it from raw bytes.
protocol OfferAttributes {
    /// True when the field is present and exactly equals `value`.
    func field(_ field: OfferField, is value: StaticString) -> Bool
    /// The field's text; "" when the field is absent or empty.
    func text(_ field: OfferField) -> String
    /// True when the field is absent or empty.
    func isBlank(_ field: OfferField) -> Bool
}

extension OfferAttributes {
    /// True when the field is absent/empty or equals `value`.
    func field(_ field: OfferField, isBlankOr value: StaticString) -> Bool {
        isBlank(field) || self.field(field, is: value)
    }
}
