import Foundation

/// A calendar month (`2027-02`) in the proleptic Gregorian calendar: the unit the finance CSV
/// is billed in. Unlike the 730-hour comparison month, it has its real length: 672, 696, 720 or
/// 744 hours.
public struct CalendarMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year, 1...9999.
    public let year: Int
    /// The month of the year, 1 (January) ... 12 (December).
    public let month: Int

    /// The month `month` of `year`; throws when either is out of range.
    public init(year: Int, month: Int) throws(CalendarMonthError) {
        let text = "\(year)-\(month)"
        guard (1...9999).contains(year) else { throw CalendarMonthError(text: text, reason: "the year must be 0001–9999") }
        guard (1...12).contains(month) else { throw CalendarMonthError(text: text, reason: "the month must be 01–12") }
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM` exactly: four digits, a hyphen, two digits (`2027-02`).
    public init(parsing text: String) throws(CalendarMonthError) {
        let scalars = Array(text.unicodeScalars)
        let isDigit = { (s: Unicode.Scalar) in s >= "0" && s <= "9" }
        guard scalars.count == 7, scalars[4] == "-",
              scalars[0..<4].allSatisfy(isDigit), scalars[5..<7].allSatisfy(isDigit),
              let year = Int(String(text.prefix(4))), let month = Int(String(text.suffix(2)))
        else { throw CalendarMonthError(text: text, reason: "expected YYYY-MM, e.g. 2027-02") }
        guard year >= 1 else { throw CalendarMonthError(text: text, reason: "the year must be 0001–9999") }
        guard (1...12).contains(month) else { throw CalendarMonthError(text: text, reason: "the month must be 01–12") }
        self.year = year
        self.month = month
    }

    /// True in a Gregorian leap year: divisible by 4, except centuries not divisible by 400.
    public var isLeapYear: Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    /// Days in the month: 28, 29, 30 or 31.
    public var days: Int {
        switch month {
        case 2: isLeapYear ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Hours in the month (days × 24): 672, 696, 720 or 744.
    public var hours: Int { days * 24 }

    /// The month after the one `date` falls in, in UTC: what `costplan csv` writes by default
    /// ("next month's costs"). 2026-12-31T23:59Z gives `2027-01`.
    public static func after(_ date: Date) -> CalendarMonth {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month], from: date)
        return CalendarMonth(unchecked: parts.year ?? 1970, parts.month ?? 1).adding(months: 1)
    }

    /// The month `count` months later (`count` ≥ 0); `2027-11` + 3 is `2028-02`.
    public func adding(months count: Int) -> CalendarMonth {
        let index = year * 12 + (month - 1) + count
        return CalendarMonth(unchecked: index / 12, index % 12 + 1)
    }

    /// `YYYY-MM`.
    public var description: String {
        let y = String(year), m = String(month)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + (m.count == 1 ? "0" : "") + m
    }

    public static func < (lhs: CalendarMonth, rhs: CalendarMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    private init(unchecked year: Int, _ month: Int) {
        self.year = year
        self.month = month
    }
}

/// A month that is not a valid `YYYY-MM`: what was given and why it was rejected.
public struct CalendarMonthError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text as given.
    public var text: String
    /// What is wrong, e.g. "the month must be 01–12".
    public var reason: String

    public init(text: String, reason: String) {
        self.text = text
        self.reason = reason
    }

    public var description: String { "'\(text)' is not a month: \(reason)" }
}
