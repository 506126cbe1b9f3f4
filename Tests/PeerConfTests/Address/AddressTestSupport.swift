@testable import PeerConf

/// Deterministic generator (SplitMix64) so property tests are reproducible.
struct AddressTestRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func nextUInt128() -> UInt128 {
        UInt128(next()) << 64 | UInt128(next())
    }

    /// Random IPv6 value in which each group is zero with probability 1/2, so zero runs
    /// of every length and position (and their ties) actually occur.
    mutating func nextSparseUInt128() -> UInt128 {
        var value = nextUInt128()
        for group in 0..<8 where Bool.random(using: &self) {
            value &= ~(UInt128(0xFFFF) << UInt128(16 * group))
        }
        return value
    }
}

/// Deliberately naive reference implementations, written with string splitting instead
/// of byte scanning, used to cross-check the real parsers and formatter.
enum AddressReference {
    static func ipv4(_ text: String) -> UInt32? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var value: UInt32 = 0
        for octet in octets {
            // asciiValue rejects combining sequences such as "1\u{301}" that a Character
            // range check would let through.
            guard (1...3).contains(octet.count),
                  octet.allSatisfy({ ($0.asciiValue ?? 0) >= 48 && ($0.asciiValue ?? 0) <= 57 }),
                  octet == "0" || octet.first != "0",
                  let number = UInt32(octet), number <= 255
            else { return nil }
            value = value << 8 | number
        }
        return value
    }

    static func ipv6(_ text: String) -> UInt128? {
        guard !text.isEmpty else { return nil }
        var hexPart = Substring(text)
        var ipv4Groups: [UInt16] = []
        if text.contains(".") {
            guard let lastColon = text.lastIndex(of: ":"),
                  let ipv4 = ipv4(String(text[text.index(after: lastColon)...]))
            else { return nil }
            ipv4Groups = [UInt16(ipv4 >> 16), UInt16(ipv4 & 0xFFFF)]
            hexPart = text[...lastColon]
            // "1:2:3:4:5:6:" loses its separator colon; "1::" keeps its double colon.
            if !hexPart.hasSuffix("::") { hexPart = hexPart.dropLast() }
        }
        let halves = hexPart.split(separator: "::", omittingEmptySubsequences: false)
        guard halves.count <= 2 else { return nil }
        var parsedHalves: [[UInt16]] = []
        for half in halves {
            if half.isEmpty {
                parsedHalves.append([])
                continue
            }
            var groups: [UInt16] = []
            for group in half.split(separator: ":", omittingEmptySubsequences: false) {
                guard (1...4).contains(group.count),
                      group.allSatisfy({ $0.asciiValue != nil && $0.isHexDigit }),
                      let number = UInt16(group, radix: 16)
                else { return nil }
                groups.append(number)
            }
            parsedHalves.append(groups)
        }
        parsedHalves[parsedHalves.count - 1] += ipv4Groups
        let all: [UInt16]
        if parsedHalves.count == 1 {
            guard parsedHalves[0].count == 8 else { return nil }
            all = parsedHalves[0]
        } else {
            let written = parsedHalves[0].count + parsedHalves[1].count
            guard written <= 7 else { return nil }
            all = parsedHalves[0] + Array(repeating: 0, count: 8 - written) + parsedHalves[1]
        }
        return all.reduce(UInt128(0)) { $0 << 16 | UInt128($1) }
    }

    static func groups(_ value: UInt128) -> [UInt16] {
        (0..<8).map { UInt16((value >> UInt128(112 - 16 * $0)) & 0xFFFF) }
    }

    static func dotted(_ value: UInt32) -> String {
        [24, 16, 8, 0].map { String((value >> UInt32($0)) & 0xFF) }.joined(separator: ".")
    }

    /// RFC 5952 by exhaustive search: the longest zero run wins, searching lengths from
    /// 8 down to 2 and positions left to right, which also settles ties leftmost.
    static func canonical(_ value: UInt128) -> String {
        if value >> 32 == 0xFFFF {
            return "::ffff:" + dotted(UInt32(value & 0xFFFF_FFFF))
        }
        let hex = groups(value).map { String($0, radix: 16) }
        for length in stride(from: 8, through: 2, by: -1) {
            for start in 0...(8 - length) where hex[start..<(start + length)].allSatisfy({ $0 == "0" }) {
                return hex[..<start].joined(separator: ":") + "::"
                    + hex[(start + length)...].joined(separator: ":")
            }
        }
        return hex.joined(separator: ":")
    }

    /// All eight groups, four digits each, upper case: valid but maximally non-canonical.
    static func uncompressedUppercase(_ value: UInt128) -> String {
        groups(value).map { group in
            let digits = String(group, radix: 16, uppercase: true)
            return String(repeating: "0", count: 4 - digits.count) + digits
        }.joined(separator: ":")
    }

    /// The first six groups in hex followed by the last 32 bits as a dotted quad.
    static func withEmbeddedIPv4(_ value: UInt128) -> String {
        groups(value)[0..<6].map { String($0, radix: 16) }.joined(separator: ":")
            + ":" + dotted(UInt32(value & 0xFFFF_FFFF))
    }
}
