/// A BGP autonomous system number (RFC 6793: 4 bytes).
public struct ASN: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let value: UInt32

    public init(_ value: UInt32) { self.value = value }

    /// The cloud's own ASN and the default of a virtual gateway.
    public static let cloudDefault = ASN(64512)

    /// asplain, which every supported platform accepts.
    public var description: String { String(value) }

    /// asdot+ notation (RFC 5396), e.g. "1.10" for 65546.
    public var asdot: String { value < 65536 ? String(value) : "\(value >> 16).\(value & 0xFFFF)" }

    public var isFourByte: Bool { value > 65535 }

    public static func < (lhs: ASN, rhs: ASN) -> Bool { lhs.value < rhs.value }

    public enum ParseError: Error, Equatable {
        case notANumber
        case outOfRange
        case asdotPartOutOfRange
    }

    /// Parses asplain ("65010") or asdot ("1.10"). Decimal digits only, no signs, no
    /// leading zeros (so "010" is not silently read as 10), range 1-4294967295.
    public static func parse(_ text: String) -> Result<ASN, ParseError> {
        // asplain ("65010") or asdot ("1.10"): at most one dot, canonical decimals around it.
        let high: Substring
        var low: Substring?
        if let dot = text.firstIndex(of: ".") {
            let rest = text[text.index(after: dot)...]
            guard !rest.contains(".") else { return .failure(.notANumber) }
            high = text[..<dot]
            low = rest
        } else {
            high = text[...]
        }
        guard isCanonicalDecimal(high), low.map(isCanonicalDecimal) ?? true else { return .failure(.notANumber) }
        if let low {
            guard let high = UInt32(high), let low = UInt32(low) else { return .failure(.asdotPartOutOfRange) }
            guard high <= 65535, low <= 65535 else { return .failure(.asdotPartOutOfRange) }
            let value = high << 16 | low
            return value == 0 ? .failure(.outOfRange) : .success(ASN(value))
        }
        guard let value = UInt64(high), value >= 1, value <= UInt64(UInt32.max) else {
            return .failure(.outOfRange)
        }
        return .success(ASN(UInt32(value)))
    }

    private static func isCanonicalDecimal(_ text: Substring) -> Bool {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        // Twenty digits already exceed UInt64; longer strings are out of range, not garbage.
        return text.utf8.count == 1 || text.utf8.first != UInt8(ascii: "0")
    }

    /// Reserved or special-purpose values a customer should not use (RFC 7607, 6793,
    /// 5398, 7300), with the reason.
    public var reservation: String? {
        switch value {
        case 23456: "23456 is AS_TRANS, reserved for 2-byte/4-byte ASN transition (RFC 6793)"
        case 64496...64511: "\(value) is reserved for documentation (RFC 5398)"
        case 65535: "65535 is reserved (RFC 7300)"
        case 65536...65551: "\(value) is reserved for documentation (RFC 5398)"
        case 4294967295: "4294967295 is reserved (RFC 7300)"
        default: nil
        }
    }
}
