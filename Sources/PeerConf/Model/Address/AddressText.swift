/// Writes addresses as text.
///
/// Every renderer prints prefixes, gateways and netmasks for every interface, so these
/// run millions of times in a batch: the digits go into a buffer on the stack and become
/// one string, without interpolation, intermediate strings or arrays of groups.
enum AddressText {
    typealias Buffer = UnsafeMutableBufferPointer<UInt8>

    /// The longest texts: `255.255.255.255`, eight groups of four hex digits, and
    /// `/128` after either.
    static let maximumIPv4Length = 15
    static let maximumIPv6Length = 39
    static let maximumSuffixLength = 4

    /// A string of at most `capacity` bytes written by `write`, which returns the count.
    static func string(capacity: Int, _ write: (Buffer) -> Int) -> String {
        // Written on the stack first: texts of up to 15 bytes (most IPv4 addresses and
        // prefixes) then become small strings, stored inline without an allocation.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            let count = write(buffer)
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
        }
    }

    static func write(_ address: IPAddress, into buffer: Buffer, at position: Int) -> Int {
        switch address {
        case .v4(let v4): writeIPv4(v4.value, into: buffer, at: position)
        case .v6(let v6): writeIPv6(v6.value, into: buffer, at: position)
        }
    }

    static func capacity(for address: IPAddress) -> Int {
        address.family == .ipv4 ? maximumIPv4Length : maximumIPv6Length
    }

    /// Appends `address` (and `/length`) to `bytes` with no String made in between (a
    /// String of more than 15 bytes is an allocation and a UTF-8 check).
    static func append(_ address: IPAddress, length: Int?, to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maximumIPv6Length + maximumSuffixLength) { buffer in
            let count = write(address, length: length, into: buffer)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// Appends `address` to a render's output, written in place.
    static func append(_ address: IPAddress, to output: inout RenderOutput) {
        output.append(atMost: maximumIPv6Length) { write(address, into: $0, at: 0) }
    }

    /// Appends a non-negative number in decimal to a render's output, written in place.
    static func appendDecimal(_ value: Int, to output: inout RenderOutput) {
        output.append(atMost: 20) { writeDecimal(value, into: $0, at: 0) }
    }

    /// `address/length`, as prefixes and interface addresses print.
    static func withLength(_ address: IPAddress, _ length: Int) -> String {
        string(capacity: capacity(for: address) + maximumSuffixLength) { write(address, length: length, into: $0) }
    }

    /// `address`, and `/length` when there is one, from the start of `buffer`; the count.
    private static func write(_ address: IPAddress, length: Int?, into buffer: Buffer) -> Int {
        let position = write(address, into: buffer, at: 0)
        guard let length else { return position }
        buffer[position] = UInt8(ascii: "/")
        return writeDecimal(length, into: buffer, at: position + 1)
    }

    /// Dotted quad.
    static func writeIPv4(_ value: UInt32, into buffer: Buffer, at start: Int) -> Int {
        var position = writeSmall(value >> 24, into: buffer, at: start)
        for shift: UInt32 in [16, 8, 0] {
            buffer[position] = UInt8(ascii: ".")
            position = writeSmall((value >> shift) & 0xFF, into: buffer, at: position + 1)
        }
        return position
    }

    /// RFC 5952: lowercase hex without leading zeros; the longest run of two or more zero
    /// groups (the first on ties) as `::`; IPv4-mapped addresses as `::ffff:a.b.c.d`.
    ///
    /// The groups are read from the two 64-bit halves: shifting a `UInt128` by a variable
    /// amount is a library call, and a render prints a hundred addresses.
    static func writeIPv6(_ value: UInt128, into buffer: Buffer, at start: Int) -> Int {
        let high = UInt64(truncatingIfNeeded: value >> 64)
        let low = UInt64(truncatingIfNeeded: value)
        var position = start
        if high == 0 && low >> 32 == 0xFFFF {
            for byte in "::ffff:".utf8 {
                buffer[position] = byte
                position += 1
            }
            return writeIPv4(UInt32(truncatingIfNeeded: low), into: buffer, at: position)
        }
        func group(_ index: Int) -> UInt16 {
            let half = index < 4 ? high : low
            return UInt16(truncatingIfNeeded: half >> UInt64(48 - 16 * (index & 3)))
        }

        // A single zero group is deliberately left alone: RFC 5952 4.2.2 forbids using
        // "::" for just one group. Strictly greater keeps the first of equally long runs.
        var bestStart = -1
        var bestLength = 1
        var runStart = -1
        for index in 0..<8 {
            guard group(index) == 0 else {
                runStart = -1
                continue
            }
            if runStart < 0 { runStart = index }
            if index - runStart + 1 > bestLength {
                bestStart = runStart
                bestLength = index - runStart + 1
            }
        }

        var index = 0
        while index < 8 {
            if index == bestStart {
                buffer[position] = UInt8(ascii: ":")
                buffer[position + 1] = UInt8(ascii: ":")
                position += 2
                index += bestLength
                continue
            }
            // A separator before every group except the first and the one right after "::".
            if index > 0 && index != bestStart + bestLength {
                buffer[position] = UInt8(ascii: ":")
                position += 1
            }
            position = writeHex(group(index), into: buffer, at: position)
            index += 1
        }
        return position
    }

    /// A non-negative number in decimal.
    static func writeDecimal(_ value: Int, into buffer: Buffer, at start: Int) -> Int {
        if value < 1000 { return writeSmall(UInt32(value), into: buffer, at: start) }
        var digits = 1
        var limit = 10
        while value >= limit && digits < 19 {
            digits += 1
            limit &*= 10
        }
        var remaining = value
        for offset in stride(from: digits - 1, through: 0, by: -1) {
            buffer[start + offset] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
        }
        return start + digits
    }

    /// 0...999 (octets and prefix lengths), without a loop.
    @inline(__always)
    private static func writeSmall(_ value: UInt32, into buffer: Buffer, at start: Int) -> Int {
        let zero = UInt8(ascii: "0")
        if value >= 100 {
            buffer[start] = zero + UInt8(value / 100)
            buffer[start + 1] = zero + UInt8(value / 10 % 10)
            buffer[start + 2] = zero + UInt8(value % 10)
            return start + 3
        }
        if value >= 10 {
            buffer[start] = zero + UInt8(value / 10)
            buffer[start + 1] = zero + UInt8(value % 10)
            return start + 2
        }
        buffer[start] = zero + UInt8(value)
        return start + 1
    }

    /// Lowercase, without leading zeros (one digit for zero).
    private static func writeHex(_ value: UInt16, into buffer: Buffer, at start: Int) -> Int {
        let hexDigits: StaticString = "0123456789abcdef"
        let digits = value == 0 ? 1 : (19 - value.leadingZeroBitCount) / 4
        var remaining = value
        var position = start + digits - 1
        while position >= start {
            buffer[position] = hexDigits.utf8Start[Int(remaining & 0xF)]
            remaining >>= 4
            position -= 1
        }
        return start + digits
    }
}
