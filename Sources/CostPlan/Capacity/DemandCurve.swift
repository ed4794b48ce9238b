import Foundation

/// An environment's monthly cost (at desired scale) against its peak request rate, from 0 to
/// the rate its ranges saturate at, with today's demand marked: the cost-versus-demand chart.
public struct DemandCurve: Hashable, Sendable, Codable {
    /// Peak requests/s at each point (increasing, from 0).
    public var peakRPS: [Decimal]
    /// The environment's monthly cost at each point (unrounded).
    public var monthly: [Decimal]
    /// Today's peak and its monthly cost (one of the points).
    public var todayPeakRPS: Decimal
    public var todayMonthly: Decimal
    /// Where the first range runs out (in peak requests/s); nil when nothing saturates.
    public var saturatesAtRPS: Decimal?

    public init(peakRPS: [Decimal], monthly: [Decimal], todayPeakRPS: Decimal, todayMonthly: Decimal,
                saturatesAtRPS: Decimal?) {
        self.peakRPS = peakRPS
        self.monthly = monthly
        self.todayPeakRPS = todayPeakRPS
        self.todayMonthly = todayMonthly
        self.saturatesAtRPS = saturatesAtRPS
    }

    /// Evenly spaced points between 0 and the end of the chart (plus today's peak and saturation).
    public static let intervals = 120
}
