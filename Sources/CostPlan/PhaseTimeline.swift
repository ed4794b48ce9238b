import Glibc

/// Where a run's time goes, for `Benchmarks/cold-timeline.sh`: with `COSTPLAN_TIMELINE` set in
/// the environment, each mark writes `costplan-timeline <microseconds> <label>` (the
/// `CLOCK_MONOTONIC` time, which the script compares with when it started the process) to
/// standard error in one write. Unset, a mark reads a flag read once.
public enum PhaseTimeline {
    private static let enabled = getenv("COSTPLAN_TIMELINE") != nil

    /// Records that the run reached `label`.
    public static func mark(_ label: StaticString) {
        guard enabled else { return }
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        var line = "costplan-timeline \(Int(now.tv_sec) * 1_000_000 + Int(now.tv_nsec) / 1_000) \(label)\n"
        line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    }
}
