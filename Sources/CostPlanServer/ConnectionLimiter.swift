import NIOConcurrencyHelpers
import NIOCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Caps the connections open at once, shared by every connection's `ConnectionGuard`.
///
/// At the cap a new connection is still accepted (so the accept loop never stalls and the
/// backlog never hides `/healthz` behind stalled clients), and the open connection that has
/// read nothing for longest — idle, or stuck sending a head or a body — is closed to make
/// room; a connection whose response the server is working on is never chosen. When every
/// connection is busy, the new one is closed instead. The cap keeps the file descriptors in
/// use below the process limit, so `accept` does not fail with `EMFILE` (NIO's
/// `AcceptBackoffHandler`, which every NIO server channel has, backs off if it still does).
public final class ConnectionLimiter: Sendable {
    /// One open connection, as the limiter sees it.
    final class Slot: Sendable {
        struct Activity {
            var lastRead: NIODeadline
            /// The server is answering a request that has fully arrived: do not evict.
            var busy: Bool
        }

        let channel: any Channel
        let activity: NIOLockedValueBox<Activity>

        init(channel: any Channel) {
            self.channel = channel
            activity = NIOLockedValueBox(Activity(lastRead: .now(), busy: false))
        }

        func update(lastRead: NIODeadline? = nil, busy: Bool) {
            activity.withLockedValue {
                if let lastRead { $0.lastRead = lastRead }
                $0.busy = busy
            }
        }
    }

    public let maxConnections: Int
    private let slots = NIOLockedValueBox<[ObjectIdentifier: Slot]>([:])

    public init(maxConnections: Int) {
        self.maxConnections = max(1, maxConnections)
    }

    /// The default cap: half of what the open-file limit leaves after 64 descriptors for the
    /// catalog, plan files and the process itself (`ulimit -n 512` → 224), at most 4,096.
    public static var defaultMaxConnections: Int {
        var limit = rlimit()
        #if canImport(Glibc)
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        #else
        let resource = RLIMIT_NOFILE
        #endif
        guard getrlimit(resource, &limit) == 0, limit.rlim_cur < rlim_t(Int32.max) else { return 4096 }
        return max(8, min(4096, (Int(limit.rlim_cur) - 64) / 2))
    }

    /// Connections open now.
    public var count: Int { slots.withLockedValue { $0.count } }

    /// Registers `channel`; returns its slot, or nil when it must be closed (every other
    /// connection is busy). Closes a connection to make room when at the cap.
    func admit(_ channel: any Channel) -> Slot? {
        let slot = Slot(channel: channel)
        let (admitted, victim) = slots.withLockedValue { slots -> (Bool, Slot?) in
            var victim: Slot?
            if slots.count >= maxConnections {
                var oldest: NIODeadline?
                for candidate in slots.values {
                    let activity = candidate.activity.withLockedValue { $0 }
                    if !activity.busy, oldest.map({ activity.lastRead < $0 }) ?? true {
                        oldest = activity.lastRead
                        victim = candidate
                    }
                }
                guard let chosen = victim else { return (false, nil) }
                slots[ObjectIdentifier(chosen)] = nil
            }
            slots[ObjectIdentifier(slot)] = slot
            return (true, victim)
        }
        victim?.channel.close(promise: nil)
        return admitted ? slot : nil
    }

    /// Forgets `slot` (its connection closed).
    func release(_ slot: Slot) {
        slots.withLockedValue { $0[ObjectIdentifier(slot)] = nil }
    }
}
