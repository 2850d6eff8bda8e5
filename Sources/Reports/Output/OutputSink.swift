import RoutingEngine

/// Bytes on their way out. Reports write into a sink as they produce their output; the buffer is handed
/// to `drain` whenever it fills, so output of any size needs no more memory than the buffer (and the
/// table being written). Where the bytes go (stdout, a file, a string) is the caller's business.
public final class OutputSink {
    // The buffer and its fill level live behind `let` pointers: writes are the hot path of every report
    // (hundreds of millions of bytes at scale), and stored `var`s of a class pay a dynamic exclusivity
    // check on every access.
    private let bytes: UnsafeMutablePointer<UInt8>
    private let filled: UnsafeMutablePointer<Int>
    private let capacity: Int
    private let drain: (UnsafeBufferPointer<UInt8>) throws -> Void
    /// The first error `drain` threw; later output is dropped and `finish()` rethrows it. Behind a
    /// pointer too: as a stored `var` its exclusivity check ran on every write that inlined `flush`.
    private let failed: UnsafeMutablePointer<(any Error)?>
    public var failure: (any Error)? { failed.pointee }

    public init(capacity: Int = 1 << 16, drain: @escaping (UnsafeBufferPointer<UInt8>) throws -> Void) {
        self.capacity = max(capacity, 16)
        self.drain = drain
        bytes = .allocate(capacity: self.capacity)
        filled = .allocate(capacity: 1)
        filled.initialize(to: 0)
        failed = .allocate(capacity: 1)
        failed.initialize(to: nil)
    }

    deinit {
        bytes.deallocate()
        filled.deallocate()
        failed.deinitialize(count: 1)
        failed.deallocate()
    }

    @inline(__always) public func write(_ byte: UInt8) {
        if filled.pointee == capacity { flush() }
        bytes[filled.pointee] = byte
        filled.pointee += 1
    }

    public func write(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ write($0) }) == nil {
            for byte in text.utf8 { write(byte) }
        }
    }

    public func write(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { write($0) } }

    public func write(_ source: UnsafeBufferPointer<UInt8>) {
        guard let base = source.baseAddress else { return }
        var offset = 0
        while offset < source.count {
            if filled.pointee == capacity { flush() }
            let count = min(source.count - offset, capacity - filled.pointee)
            (bytes + filled.pointee).update(from: base + offset, count: count)
            filled.pointee += count
            offset += count
        }
    }

    /// A line: the text and a newline.
    public func line(_ text: String) {
        write(text)
        write(0x0A)
    }

    public func lines(_ lines: [String]) { for text in lines { line(text) } }

    /// `count` copies of a byte (padding).
    public func repeating(_ byte: UInt8, count: Int) {
        var left = count
        while left > 0 {
            if filled.pointee == capacity { flush() }
            let run = min(left, capacity - filled.pointee)
            (bytes + filled.pointee).update(repeating: byte, count: run)
            filled.pointee += run
            left -= run
        }
    }

    /// A number in decimal, without going through a String.
    public func decimal(_ value: UInt64) {
        guard value >= 10 else { return write(0x30 + UInt8(value)) }
        let width = DecimalWidth.of(value)
        if capacity - filled.pointee < width { flush() }
        var rest = value
        var index = filled.pointee + width
        while rest > 0 {
            index -= 1
            bytes[index] = 0x30 + UInt8(rest % 10)
            rest /= 10
        }
        filled.pointee += width
    }

    public func decimal(_ value: some BinaryInteger) {
        if value < 0 {
            write(0x2D)
            decimal(UInt64(value.magnitude))
        } else {
            decimal(UInt64(value))
        }
    }

    /// `10.0.1.4`
    public func address(_ address: IPv4Address) {
        let value = address.value
        decimal(value >> 24); write(0x2E)
        decimal(value >> 16 & 0xff); write(0x2E)
        decimal(value >> 8 & 0xff); write(0x2E)
        decimal(value & 0xff)
    }

    /// `10.0.0.0/16`
    public func prefix(_ prefix: Prefix) {
        address(prefix.network)
        write(0x2F)
        decimal(prefix.length)
    }

    /// Hands the buffer on (an error is kept for `finish()`).
    public func flush() {
        defer { filled.pointee = 0 }
        guard failed.pointee == nil, filled.pointee > 0 else { return }
        do { try drain(UnsafeBufferPointer(start: bytes, count: filled.pointee)) } catch { failed.pointee = error }
    }

    /// Flushes and reports the first write error, if any.
    public func finish() throws {
        flush()
        if let failure { throw failure }
    }

    /// Renders into a string: for the explorer, tests and small outputs.
    public static func collecting(_ render: (OutputSink) throws -> Void) rethrows -> String {
        var bytes: [UInt8] = []
        let sink = OutputSink { bytes.append(contentsOf: $0) }
        try render(sink)
        sink.flush()
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Decimal widths, for padding numbers without formatting them twice.
enum DecimalWidth {
    static func of(_ value: UInt64) -> Int {
        var width = 1, rest = value
        while rest >= 10 { rest /= 10; width += 1 }
        return width
    }

    static func of(_ address: IPv4Address) -> Int {
        let value = UInt64(address.value)
        return of(value >> 24) + of(value >> 16 & 0xff) + of(value >> 8 & 0xff) + of(value & 0xff) + 3
    }

    static func of(_ prefix: Prefix) -> Int { of(prefix.network) + 1 + of(UInt64(prefix.length)) }
}
