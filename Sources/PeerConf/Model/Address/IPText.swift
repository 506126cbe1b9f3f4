/// The byte-level parsers shared by all address types.
///
/// Everything works on the UTF-8 bytes of the input. Each byte is visited a bounded
/// number of times (a few forward scans for '/', '%' and ':', then one parsing pass that
/// never backs up), so parsing is linear in the input length whatever the input.
/// Any non-ASCII byte is an invalid character, so the ASCII-only rule needs no separate
/// check, and no ASCII byte can hide inside a multi-byte UTF-8 sequence.
enum IPText {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    private static let colon = UInt8(ascii: ":")
    private static let dot = UInt8(ascii: ".")
    private static let slash = UInt8(ascii: "/")
    private static let percent = UInt8(ascii: "%")
    private static let zero = UInt8(ascii: "0")
    private static let nine = UInt8(ascii: "9")

    /// Calls `body` with contiguous UTF-8 bytes of `text`, copying only for the rare
    /// bridged or non-contiguous string.
    static func withUTF8<R>(
        _ text: some StringProtocol,
        _ body: (Bytes) throws(IPParseError) -> R
    ) throws(IPParseError) -> R {
        // withContiguousStorageIfAvailable is rethrows, which would erase the error type,
        // so the typed error travels through it inside a Result.
        let result = text.utf8.withContiguousStorageIfAvailable { bytes in
            Result { () throws(IPParseError) -> R in try body(bytes) }
        }
        if let result {
            return try result.get()
        }
        var copy = String(text)
        return try copy.withUTF8 { bytes in
            Result { () throws(IPParseError) -> R in try body(bytes) }
        }.get()
    }

    // MARK: - Composite forms

    /// `address[/length]` with the length required.
    static func parseInterfaceAddress(
        _ bytes: Bytes,
        family: AddressFamily?
    ) throws(IPParseError) -> IPInterfaceAddress {
        let all = 0..<bytes.count
        let slashIndex = firstIndex(of: slash, in: bytes, all)
        let address = try parseIPAddress(bytes, 0..<(slashIndex ?? bytes.count), family: family)
        guard let slashIndex else { throw .missingPrefixLength }
        let length = try parsePrefixLength(bytes, (slashIndex + 1)..<bytes.count, max: address.bitWidth)
        // Cannot fail: the length was range-checked against this very address.
        return IPInterfaceAddress(address: address, prefixLength: length)!
    }

    /// An address of either family, decided by the presence of ':' before any zone.
    static func parseIPAddress(
        _ bytes: Bytes,
        _ range: Range<Int>,
        family expected: AddressFamily?
    ) throws(IPParseError) -> IPAddress {
        let address = try parseAddressPart(bytes, range) { address throws(IPParseError) -> IPAddress in
            if firstIndex(of: colon, in: bytes, address) != nil {
                return .v6(IPv6Address(try parseIPv6(bytes, address)))
            }
            return .v4(IPv4Address(try parseIPv4(bytes, address)))
        }
        if let expected, address.family != expected {
            throw .wrongFamily(expected: expected, found: address.family)
        }
        return address
    }

    /// Splits off a `%zone` suffix, parses what precedes it with `parse`, and only then
    /// rejects the zone: a `zoneIdentifier` error thus always means the address itself
    /// was fine.
    static func parseAddressPart<T>(
        _ bytes: Bytes,
        _ range: Range<Int>,
        _ parse: (Range<Int>) throws(IPParseError) -> T
    ) throws(IPParseError) -> T {
        let zoneStart = firstIndex(of: percent, in: bytes, range) ?? range.upperBound
        guard zoneStart > range.lowerBound else { throw .empty }
        let value = try parse(range.lowerBound..<zoneStart)
        if zoneStart < range.upperBound {
            throw .zoneIdentifier(string(bytes, (zoneStart + 1)..<range.upperBound))
        }
        return value
    }

    /// Decimal, no sign, no leading zero (except "0" itself), at most `max`.
    static func parsePrefixLength(
        _ bytes: Bytes,
        _ range: Range<Int>,
        max: Int
    ) throws(IPParseError) -> Int {
        // Built only when thrown: every prefix of a file passes through here.
        func invalid() -> IPParseError { .prefixLengthInvalid(string(bytes, range)) }
        guard !range.isEmpty else { throw invalid() }
        if range.count > 1 && bytes[range.lowerBound] == zero { throw invalid() }
        // More digits than this cannot be represented; such text is reported as not a
        // number rather than inventing an out-of-range value for it.
        guard range.count <= 18 else { throw invalid() }
        var length = 0
        for index in range {
            guard let digit = decimalValue(bytes[index]) else { throw invalid() }
            length = length * 10 + digit
        }
        guard length <= max else { throw .prefixLengthOutOfRange(length, max: max) }
        return length
    }

    // MARK: - IPv4

    /// Strict dotted quad over exactly `range` (no zone, no prefix).
    static func parseIPv4(_ bytes: Bytes, _ range: Range<Int>) throws(IPParseError) -> UInt32 {
        var value: UInt32 = 0
        var octetCount = 0
        var sawEmptyOctet = false
        var octetStart = range.lowerBound
        var octetValue = 0
        var index = range.lowerBound
        while true {
            if index == range.upperBound || bytes[index] == dot {
                let digits = index - octetStart
                if digits == 0 {
                    sawEmptyOctet = true
                } else {
                    // Leading zeros first: "0300" is rejected for its octal look,
                    // whatever its value.
                    if digits > 1 && bytes[octetStart] == zero {
                        throw .ipv4LeadingZero(string(bytes, octetStart..<index))
                    }
                    if octetValue > 255 {
                        throw .ipv4OctetOutOfRange(string(bytes, octetStart..<index))
                    }
                    octetCount += 1
                    value = value &<< 8 | UInt32(octetValue)
                }
                if index == range.upperBound { break }
                index += 1
                octetStart = index
                octetValue = 0
                continue
            }
            guard let digit = decimalValue(bytes[index]) else {
                throw .invalidCharacter(character(bytes, at: index))
            }
            // Saturates just above 255 so arbitrarily long octets cannot overflow.
            if octetValue <= 255 {
                octetValue = octetValue * 10 + digit
            }
            index += 1
        }
        guard octetCount == 4 && !sawEmptyOctet else {
            throw .ipv4WrongOctetCount(octetCount)
        }
        return value
    }

    // MARK: - IPv6

    /// Strict RFC 4291 text over exactly `range` (no zone, no prefix; `range` is non-empty).
    static func parseIPv6(_ bytes: Bytes, _ range: Range<Int>) throws(IPParseError) -> UInt128 {
        let end = range.upperBound
        // Groups before "::" (all groups if there is none) and after it, accumulated
        // right-aligned; counts keep growing past 8 only so errors can report them.
        var head: UInt128 = 0
        var headCount = 0
        var tail: UInt128 = 0
        var tailCount = 0
        var sawDoubleColon = false
        var sawEmbeddedIPv4 = false

        var index = range.lowerBound
        while index < end {
            if bytes[index] == colon {
                var runEnd = index + 1
                while runEnd < end && bytes[runEnd] == colon { runEnd += 1 }
                switch runEnd - index {
                case 1:
                    // A single colon only ever separates two groups.
                    if index == range.lowerBound || runEnd == end {
                        throw .ipv6InvalidColonPlacement
                    }
                case 2:
                    if sawDoubleColon { throw .ipv6MultipleDoubleColons }
                    sawDoubleColon = true
                default:
                    throw .ipv6InvalidColonPlacement
                }
                index = runEnd
                continue
            }

            var groupEnd = index
            var group: UInt16 = 0
            while groupEnd < end, let digit = hexValue(bytes[groupEnd]) {
                // Wrapping: an over-long group is rejected below, so its value is irrelevant.
                group = group &<< 4 | digit
                groupEnd += 1
            }

            if groupEnd < end && bytes[groupEnd] == dot {
                // The digits read so far were the first octet of a dotted quad, which must
                // run to the end of the address.
                if firstIndex(of: colon, in: bytes, groupEnd..<end) != nil {
                    throw .ipv6EmbeddedIPv4Misplaced
                }
                let ipv4 = UInt128(try parseIPv4(bytes, index..<end))
                if sawDoubleColon {
                    tail = tail << 32 | ipv4
                    tailCount += 2
                } else {
                    head = head << 32 | ipv4
                    headCount += 2
                }
                sawEmbeddedIPv4 = true
                break
            }
            if groupEnd == index {
                throw .invalidCharacter(character(bytes, at: index))
            }
            if groupEnd - index > 4 {
                throw .ipv6GroupTooLong(string(bytes, index..<groupEnd))
            }
            if sawDoubleColon {
                tail = tail << 16 | UInt128(group)
                tailCount += 1
            } else {
                head = head << 16 | UInt128(group)
                headCount += 1
            }
            // Whatever follows must be a colon; anything else fails as an invalid
            // character on the next iteration.
            index = groupEnd
        }

        let written = headCount + tailCount
        if sawDoubleColon {
            if written == 8 { throw .ipv6DoubleColonWithoutCompression }
            if written > 8 {
                throw sawEmbeddedIPv4 ? .ipv6EmbeddedIPv4Misplaced : .ipv6WrongGroupCount(written)
            }
            // The "::" zeros sit between head and tail.
            return headCount == 0 ? tail : head << UInt128(16 * (8 - headCount)) | tail
        }
        if written != 8 {
            throw sawEmbeddedIPv4 ? .ipv6EmbeddedIPv4Misplaced : .ipv6WrongGroupCount(written)
        }
        return head
    }

    // MARK: - Byte helpers

    private static func decimalValue(_ byte: UInt8) -> Int? {
        (zero...nine).contains(byte) ? Int(byte - zero) : nil
    }

    private static func hexValue(_ byte: UInt8) -> UInt16? {
        switch byte {
        case zero...nine: UInt16(byte - zero)
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt16(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt16(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private static func firstIndex(of byte: UInt8, in bytes: Bytes, _ range: Range<Int>) -> Int? {
        range.first { bytes[$0] == byte }
    }

    static func string(_ bytes: Bytes, _ range: Range<Int>) -> String {
        String(decoding: Bytes(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The Unicode scalar starting at `index`. Parsers only call this at the first byte
    /// they reject, and every byte before it was ASCII, so `index` is a scalar boundary.
    static func character(_ bytes: Bytes, at index: Int) -> Character {
        var iterator = Bytes(rebasing: bytes[index...]).makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) {
            return Character(scalar)
        }
        return "\u{FFFD}"
    }
}
