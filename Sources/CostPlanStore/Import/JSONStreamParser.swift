import Foundation

/// A pull parser for JSON read through a `ByteFileReader`: the caller walks the document
/// (`beginObject`, `nextKey`, `readString`, `skipValue`), so a file of any size is read in one
/// pass with flat memory, and values it does not need are skipped without being built.
/// Strict RFC 8259 syntax (no trailing commas, no comments). Errors name the JSON path of the
/// value being read and the line.
final class JSONStreamParser {
    struct SyntaxError: Error {
        var path: String
        var line: Int
        var message: String
    }

    private let reader: ByteFileReader
    /// Keys and indexes from the root to the value being read.
    private(set) var path: [String] = []
    private(set) var line = 1

    init(reader: ByteFileReader) { self.reader = reader }

    var renderedPath: String {
        var text = "$"
        for component in path {
            if component.hasPrefix("[") { text += component; continue }
            let plain = !component.isEmpty && component.utf8.allSatisfy {
                ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x5F
            }
            text += plain ? ".\(component)" : "[\"\(component.replacingOccurrences(of: "\"", with: "\\\""))\"]"
        }
        return text
    }

    func error(_ message: String) -> SyntaxError { SyntaxError(path: renderedPath, line: line, message: message) }

    // MARK: Bytes

    /// The next byte without consuming it; nil at end of file.
    private func peekRaw() -> UInt8? {
        if reader.start >= reader.end && !reader.refill() { return nil }
        return reader.buffer[reader.start]
    }

    /// The next non-whitespace byte without consuming it; nil at end of file.
    private func peek() -> UInt8? {
        while true {
            if reader.start >= reader.end && !reader.refill() { return nil }
            let p = reader.buffer
            var i = reader.start
            let end = reader.end
            while i < end {
                let byte = p[i]
                if byte == 0x20 || byte == 0x09 || byte == 0x0D { i += 1; continue }
                if byte == 0x0A { line += 1; i += 1; continue }
                reader.start = i
                return byte
            }
            reader.start = end
        }
    }

    private func describe(_ byte: UInt8?) -> String {
        guard let byte else { return "the end of the file (is it truncated?)" }
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16))"
    }

    private func expect(_ expected: UInt8, _ what: String) throws {
        let byte = peek()
        guard byte == expected else { throw error("expected \(what), found \(describe(byte))") }
        reader.start += 1
    }

    // MARK: Structure

    /// True when the next value is an object.
    func nextIsObject() -> Bool { peek() == UInt8(ascii: "{") }

    func beginObject() throws { try expect(UInt8(ascii: "{"), "an object '{'") }

    /// The next key of the object being read (and pushes it on the path), or nil at its end.
    /// `first` must be true before the first key and is cleared by this call.
    func nextKey(first: inout Bool) throws -> String? {
        var byte = peek()
        if byte == UInt8(ascii: "}") {
            if !first { path.removeLast() }
            reader.start += 1
            return nil
        }
        if !first {
            guard byte == UInt8(ascii: ",") else { throw error("expected ',' or '}' after a value, found \(describe(byte))") }
            reader.start += 1
            byte = peek()
            guard byte == UInt8(ascii: "\"") else { throw error("expected a key after ',', found \(describe(byte)) (a trailing comma?)") }
        }
        guard byte == UInt8(ascii: "\"") else { throw error("expected a key or '}', found \(describe(byte))") }
        if !first { path.removeLast() }
        first = false
        let key = try readStringBody()
        path.append(key)
        try expect(UInt8(ascii: ":"), "':' after the key \"\(key)\"")
        return key
    }

    /// Reads a string value.
    func readString() throws -> String {
        let byte = peek()
        guard byte == UInt8(ascii: "\"") else { throw error("expected a string, found \(describe(byte))") }
        return try readStringBody()
    }

    /// Reads a string or a number as text (nil for other values, which are skipped).
    func readScalarText() throws -> String? {
        guard let byte = peek() else { throw error("expected a value, found \(describe(nil))") }
        if byte == UInt8(ascii: "\"") { return try readStringBody() }
        if byte == UInt8(ascii: "-") || (byte >= 0x30 && byte <= 0x39) {
            var bytes: [UInt8] = []
            while let b = peekRaw(), b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: ".")
                    || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") || (b >= 0x30 && b <= 0x39) {
                bytes.append(b)
                reader.start += 1
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        try skipValue()
        return nil
    }

    /// At the opening quote: reads the string and its escapes.
    private func readStringBody() throws -> String {
        reader.start += 1
        // Fast path: the whole string is in the buffer and has no escapes (nearly every string).
        let stop = stringStop()
        if stop < reader.end, reader.buffer[stop] == UInt8(ascii: "\"") {
            let text = String(decoding: unread(upTo: stop), as: UTF8.self)
            reader.start = stop + 1
            return text
        }
        var bytes: [UInt8] = []
        while true {
            if reader.start >= reader.end && !reader.refill() { throw error("a string is never closed (the file is truncated)") }
            let stop = stringStop()
            if stop < reader.end, reader.buffer[stop] < 0x20 {
                throw error("a control character inside a string (a string must be on one line)")
            }
            bytes.append(contentsOf: unread(upTo: stop))
            reader.start = stop
            guard stop < reader.end else { continue }
            if reader.buffer[stop] == UInt8(ascii: "\"") {
                reader.start += 1
                return String(decoding: bytes, as: UTF8.self)
            }
            try readEscape(into: &bytes)
        }
    }

    /// Where the string being read stops in the buffer: the index of the first quote, backslash
    /// or control byte from `reader.start`, else `reader.end`.
    @inline(__always)
    private func stringStop() -> Int {
        let p = reader.buffer
        var i = reader.start
        let end = reader.end
        while i < end {
            let byte = p[i]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { return i }
            i += 1
        }
        return end
    }

    /// The buffered bytes from `reader.start` to `index`.
    @inline(__always)
    private func unread(upTo index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: reader.buffer + reader.start, count: index - reader.start)
    }

    private func nextRawByte() throws -> UInt8 {
        guard let byte = peekRaw() else { throw error("the file ends inside a string escape (is it truncated?)") }
        reader.start += 1
        return byte
    }

    /// At a backslash: appends the escaped character's UTF-8.
    private func readEscape(into bytes: inout [UInt8]) throws {
        reader.start += 1
        let byte = try nextRawByte()
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(byte)
        case UInt8(ascii: "b"): bytes.append(0x08)
        case UInt8(ascii: "f"): bytes.append(0x0C)
        case UInt8(ascii: "n"): bytes.append(0x0A)
        case UInt8(ascii: "r"): bytes.append(0x0D)
        case UInt8(ascii: "t"): bytes.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try readHex4()
            if (0xD800..<0xDC00).contains(scalar) {
                guard try nextRawByte() == UInt8(ascii: "\\"), try nextRawByte() == UInt8(ascii: "u") else {
                    throw error("a lone UTF-16 surrogate in a \\u escape")
                }
                let low = try readHex4()
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let value = Unicode.Scalar(scalar) else { throw error("an invalid \\u escape") }
            bytes.append(contentsOf: Array(String(Character(value)).utf8))
        default: throw error("an invalid escape '\\\(Character(Unicode.Scalar(byte)))' in a string")
        }
    }

    private func readHex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = try nextRawByte()
            guard let digit = Character(Unicode.Scalar(byte)).hexDigitValue else { throw error("an invalid \\u escape") }
            value = value * 16 + UInt32(digit)
        }
        return value
    }

    /// Skips one value of any kind, checking its syntax.
    func skipValue() throws {
        guard let byte = peek() else { throw error("expected a value, found \(describe(nil))") }
        switch byte {
        case UInt8(ascii: "{"):
            reader.start += 1
            var first = true
            while try nextKey(first: &first) != nil { try skipValue() }
        case UInt8(ascii: "["):
            reader.start += 1
            var index = 0
            if peek() == UInt8(ascii: "]") { reader.start += 1; return }
            path.append("[0]")
            while true {
                try skipValue()
                let next = peek()
                if next == UInt8(ascii: "]") { reader.start += 1; path.removeLast(); return }
                guard next == UInt8(ascii: ",") else { throw error("expected ',' or ']' in an array, found \(describe(next))") }
                reader.start += 1
                index += 1
                path[path.count - 1] = "[\(index)]"
                if peek() == UInt8(ascii: "]") { throw error("a trailing comma before ']'") }
            }
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try readScalarText()
        default: throw error("expected a value, found \(describe(byte))")
        }
    }

    /// Skips a string without building it (the hot path for the many values the importer ignores).
    private func skipString() throws {
        reader.start += 1
        chunks: while true {
            if reader.start >= reader.end && !reader.refill() { throw error("a string is never closed (the file is truncated)") }
            let p = reader.buffer
            var i = reader.start
            let end = reader.end
            while i < end {
                let byte = p[i]
                if byte == UInt8(ascii: "\"") { reader.start = i + 1; return }
                if byte == UInt8(ascii: "\\") {
                    reader.start = i
                    var scratch: [UInt8] = []
                    try readEscape(into: &scratch)
                    continue chunks
                }
                if byte < 0x20 { throw error("a control character inside a string") }
                i += 1
            }
            reader.start = end
        }
    }

    private func literal(_ word: StaticString) throws {
        for expected in UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount) {
            guard let byte = peekRaw(), byte == expected else { throw error("expected the literal \(word)") }
            reader.start += 1
        }
    }

    /// After the root value: only whitespace may follow.
    func expectEnd() throws {
        if let byte = peek() { throw error("unexpected \(describe(byte)) after the end of the document") }
    }
}
