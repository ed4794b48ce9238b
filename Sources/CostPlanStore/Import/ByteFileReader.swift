#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file through one fixed buffer (1 MiB, grown only for a record longer than that), so
/// memory stays flat whatever the file size. Bytes in `[start, end)` are unconsumed; `refill()`
/// moves them to the front and reads more after them.
final class ByteFileReader {
    private(set) var buffer: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    var start = 0
    private(set) var end = 0
    private(set) var isAtEOF = false
    /// The file offset of `buffer[0]`.
    private(set) var bufferOffset: Int64 = 0
    /// Bytes read from the file so far.
    private(set) var bytesRead: Int64 = 0
    let fileSize: Int64
    private let descriptor: Int32

    init(path: String, capacity: Int = 1 << 20) throws {
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw OfferImportError(file: path, location: nil, message: "cannot open the file (\(String(cString: strerror(errno))))")
        }
        var info = stat()
        fileSize = fstat(descriptor, &info) == 0 ? Int64(info.st_size) : 0
        self.capacity = capacity
        buffer = .allocate(capacity: capacity)
    }

    deinit {
        close(descriptor)
        buffer.deallocate()
    }

    /// Keeps the unconsumed bytes, reads more; false at end of file (nothing more was read).
    func refill() -> Bool {
        if isAtEOF { return false }
        let kept = end - start
        if start > 0 {
            bufferOffset += Int64(start)
            if kept > 0 { buffer.update(from: buffer + start, count: kept) }
            start = 0
            end = kept
        }
        if end == capacity {
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            bigger.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = bigger
            capacity *= 2
        }
        while true {
            let count = read(descriptor, buffer + end, capacity - end)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { isAtEOF = true; return false }
            end += count
            bytesRead += Int64(count)
            return true
        }
    }
}
