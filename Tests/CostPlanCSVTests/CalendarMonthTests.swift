import CostPlanReports
import Foundation
import Testing

struct CalendarMonthTests {
    /// `costplan csv` without `--month` writes the month after today's, in UTC (seconds since 1970).
    @Test(arguments: [
        (1_798_761_540, "2027-01"),   // 2026-12-31T23:59:00Z: December, so January 2027 (the year turns)
        (1_798_761_600, "2027-02"),   // 2027-01-01T00:00:00Z
        (1_806_537_600, "2027-05"),   // 2027-04-01T00:00:00Z: not March, whatever the local time zone
        (1_835_481_599, "2028-03"),   // 2028-02-29T23:59:59Z, a leap day
    ])
    func nextMonthInUTC(seconds: Int, expected: String) {
        #expect(CalendarMonth.after(Date(timeIntervalSince1970: TimeInterval(seconds))).description == expected)
    }

    /// Days and hours (days × 24) per month, leap years by the Gregorian rule.
    @Test(arguments: [
        ("2027-01", 31, 744), ("2027-02", 28, 672), ("2027-04", 30, 720), ("2027-12", 31, 744),
        ("2028-02", 29, 696),   // divisible by 4
        ("2100-02", 28, 672),   // a century not divisible by 400
        ("2000-02", 29, 696),   // divisible by 400
        ("2026-06", 30, 720), ("2026-09", 30, 720), ("2026-11", 30, 720),
    ])
    func daysAndHours(text: String, days: Int, hours: Int) throws {
        let m = try CalendarMonth(parsing: text)
        #expect(m.days == days)
        #expect(m.hours == hours)
        #expect(m.description == text)
    }

    /// Bad months are rejected with the reason finance would need to fix them.
    @Test(arguments: [
        ("2027-13", "the month must be 01–12"),
        ("2027-00", "the month must be 01–12"),
        ("0000-05", "the year must be 0001–9999"),
        ("2027-2", "expected YYYY-MM, e.g. 2027-02"),
        ("2027/02", "expected YYYY-MM, e.g. 2027-02"),
        ("27-02", "expected YYYY-MM, e.g. 2027-02"),
        ("2027-02-01", "expected YYYY-MM, e.g. 2027-02"),
        ("February", "expected YYYY-MM, e.g. 2027-02"),
        ("", "expected YYYY-MM, e.g. 2027-02"),
        ("２０２７-02", "expected YYYY-MM, e.g. 2027-02"),  // full-width digits
        (" 2027-02", "expected YYYY-MM, e.g. 2027-02"),
    ])
    func badMonthsAreRejected(text: String, reason: String) {
        #expect(throws: CalendarMonthError(text: text, reason: reason)) { try CalendarMonth(parsing: text) }
    }

    @Test func errorMessageNamesTheTextAndTheReason() {
        #expect(CalendarMonthError(text: "2027-13", reason: "the month must be 01–12").description
            == "'2027-13' is not a month: the month must be 01–12")
    }

    /// Forecast months roll over the year: 2027-11 + 0, 1, 2, 3, 14.
    @Test(arguments: [(0, "2027-11"), (1, "2027-12"), (2, "2028-01"), (3, "2028-02"), (14, "2029-01")])
    func addingMonths(count: Int, expected: String) {
        #expect(month("2027-11").adding(months: count).description == expected)
    }

    @Test func ordering() throws {
        #expect(month("2027-02") < month("2027-10"))
        #expect(month("2026-12") < month("2027-01"))
        #expect(try CalendarMonth(year: 7, month: 3).description == "0007-03")
        #expect(throws: CalendarMonthError.self) { try CalendarMonth(year: 2027, month: 13) }
    }
}
