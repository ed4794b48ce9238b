@testable import CostPlanServer
import Testing

/// The server log's timestamps: UTC, ISO 8601, to the second.
struct LogLineTests {
    @Test(arguments: [
        (0, "1970-01-01T00:00:00Z"),
        (951_782_400, "2000-02-29T00:00:00Z"),       // 30 years + 59 days after the epoch: a leap day
        (1_795_315_201, "2026-11-22T02:40:01Z"),
    ])
    func timestamp(seconds: Int, expected: String) {
        #expect(StandardErrorLogHandler.timestamp(seconds) == expected)
    }
}
