import Foundation

/// RDS Extended Support: an engine major version past the end of RDS standard support is billed
/// an extra charge per vCPU-hour, at the year 1–2 rate from the first day of Extended Support
/// pricing and at the year 3 rate two years later. The calendar is AWS's (RDS for MySQL and RDS
/// for PostgreSQL release calendars, the dates Infracost's `db_instance.go` also uses); the year
/// is the one the plan is priced in (`TerraformImportOptions.pricingDate`, default today).
public enum RDSExtendedSupport {
    /// Engine → major version → (year 1 pricing starts, year 3 pricing starts), UTC days.
    static let calendar: [String: [String: (year1: String, year3: String)]] = [
        "mysql": [
            "5.7": ("2024-03-01", "2026-03-01"),
            "8.0": ("2026-08-01", "2028-08-01"),
        ],
        "postgres": [
            "11": ("2024-04-01", "2026-04-01"),
            "12": ("2025-03-01", "2027-03-01"),
            "13": ("2026-03-01", "2028-03-01"),
            "14": ("2027-03-01", "2029-03-01"),
            "15": ("2028-03-01", "2030-03-01"),
            "16": ("2029-03-01", "2031-03-01"),
        ],
    ]

    /// The major version `version` belongs to in the engine's calendar (`5.7.44` → `5.7`,
    /// `11.22` → `11`), or nil.
    static func major(engine: String, version: String) -> String? {
        guard let versions = calendar[engine] else { return nil }
        var parts = version.split(separator: ".").map(String.init)
        while !parts.isEmpty {
            if versions[parts.joined(separator: ".")] != nil { return parts.joined(separator: ".") }
            parts.removeLast()
        }
        return nil
    }

    /// `"1-2"` or `"3"` on `date`, with the day that pricing year began; nil under standard support.
    static func year(engine: String, major: String, on date: Date) -> (year: String, since: String)? {
        guard let dates = calendar[engine]?[major] else { return nil }
        let day = Self.day(date)
        if day >= dates.year3 { return ("3", dates.year3) }
        if day >= dates.year1 { return ("1-2", dates.year1) }
        return nil
    }

    /// `date` as `YYYY-MM-DD` in UTC (ISO days compare as text).
    static func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? .current
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// vCPUs of an RDS instance class from its size, by AWS's naming: `large` 2, `xlarge` 4,
    /// `Nxlarge` 4·N; `micro`/`small` 2 (1 on t2), `medium` 2 (1 on m1/m3). Nil for `metal`
    /// and unknown sizes.
    public static func vCPUs(_ instanceClass: String) -> Int? {
        let parts = instanceClass.split(separator: ".")
        guard parts.count == 3, parts[0] == "db" else { return nil }
        let family = parts[1], size = String(parts[2])
        switch size {
        case "micro", "small": return family == "t2" ? 1 : 2
        case "medium": return family == "m1" || family == "m3" ? 1 : 2
        case "large": return 2
        case "xlarge": return 4
        default:
            guard size.hasSuffix("xlarge"), let n = Int(size.dropLast(6)), n > 0 else { return nil }
            return 4 * n
        }
    }
}

extension MappingContext {
    /// The `extended_support` field of an RDS instance whose engine version is past standard
    /// support on the pricing date, or nil (standard support, no version, or an engine without
    /// Extended Support).
    func extendedSupport(engine: String?, version: String?, instanceClass: String?) -> ImportedField? {
        guard let engine, let version, let major = RDSExtendedSupport.major(engine: engine, version: version),
              let (year, since) = RDSExtendedSupport.year(engine: engine, major: major, on: pricingDate) else { return nil }
        let why = "\(engine) \(major) is past RDS standard support: Extended Support year \(year) pricing since \(since) (priced as of \(RDSExtendedSupport.day(pricingDate)))"
        guard let instanceClass, let vcpus = RDSExtendedSupport.vCPUs(instanceClass) else {
            return ImportedField(key: "extended_support", value: .map([("vcpus", .int(2)), ("year", .string(year))]),
                                 comment: "guessed: \(why); vCPUs of \(instanceClass ?? "the instance class") unknown, 2 assumed")
        }
        return ImportedField(key: "extended_support", value: .map([("vcpus", .int(vcpus)), ("year", .string(year))]),
                             comment: "note: \(why); \(vcpus) vCPUs from the size of \(instanceClass)")
    }
}
