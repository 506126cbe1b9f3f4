/// The bytes of one render, appended at the end of a buffer that doubles when full.
///
/// A render makes hundreds of small appends (template text, values, addresses); through
/// `Array.append(contentsOf:)` each took a generic path with a uniqueness and a capacity
/// check, a tenth of a render. Addresses and numbers are written straight into the
/// buffer (`append(atMost:_:)`), not into a temporary first.
public struct RenderOutput: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 256)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    /// Appends `bytes`.
    @inline(__always)
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (start + count).initialize(from: base, count: bytes.count)
        count += bytes.count
    }

    /// Appends the UTF-8 bytes of `text`, read where they are (a copy to call `withUTF8`
    /// on retained and released every value printed, 700,000 times in 1,000 interfaces).
    public mutating func append(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append($0) }) != nil { return }
        var contiguous = text
        contiguous.withUTF8 { append($0) }
    }

    /// Lets `write` put at most `maximum` bytes at the end; it returns how many it wrote.
    @inline(__always)
    mutating func append(atMost maximum: Int, _ write: (UnsafeMutableBufferPointer<UInt8>) -> Int) {
        reserve(maximum)
        count += write(UnsafeMutableBufferPointer(start: start + count, count: maximum))
    }

    /// The bytes as a string (they are UTF-8: every piece appended was).
    consuming func string() -> String {
        String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    }

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(toHold: count + extra) }
    }

    private mutating func grow(toHold needed: Int) {
        var larger = capacity * 2
        while larger < needed { larger *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: start, count: count)
        start.deallocate()
        start = moved
        capacity = larger
    }
}
