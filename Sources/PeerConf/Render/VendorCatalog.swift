/// The `peerconf vendors` listing: what each platform supports and refuses.
public enum VendorCatalog {
    public static func text() -> String {
        var lines: [String] = []
        for dialect in Dialects.all {
            let features = [
                ("BFD", dialect.capabilities.bfd), ("IPv6", dialect.capabilities.ipv6), ("VLAN 0", dialect.capabilities.untaggedInterface),
            ].map { "\($0.0) \($0.1 ? "yes" : "no")" }.joined(separator: ", ")
            lines.append("\(dialect.id.rawValue)  \(dialect.platform)")
            lines.append("  features: \(features)")
            var key = "MD5 key: at most \(dialect.keyRules.maximumLength) characters"
            var firstCharacters = Set(dialect.keyRules.forbiddenFirstCharacters.keys)
            var first: [String] = []
            let digits = Set("0123456789")
            if digits.isSubset(of: firstCharacters) {
                first.append("a digit")
                firstCharacters.subtract(digits)
            }
            first += firstCharacters.sorted().map { "'\($0)'" }
            if !first.isEmpty { key += "; cannot start with \(first.joined(separator: " "))" }
            let anywhere = dialect.keyRules.forbiddenCharacters.keys.sorted().map { "'\($0)'" }
            if !anywhere.isEmpty { key += "; cannot contain \(anywhere.joined(separator: " "))" }
            lines.append("  \(key) (\(dialect.keyRules.source))")
            if dialect.asnRange != 1...UInt32.max || !dialect.refusedASNs.isEmpty {
                var asn = "ASN: \(dialect.asnRange.lowerBound)-\(dialect.asnRange.upperBound)"
                let refused = dialect.refusedASNs.keys.sorted().map(String.init)
                if !refused.isEmpty { asn += ", not \(refused.joined(separator: ", "))" }
                lines.append("  \(asn)")
            }
            if dialect.capabilities.bfd && (dialect.bfdIntervalRange != 1...Int.max || dialect.bfdMultiplierRange != 1...Int.max) {
                let interval = dialect.bfdIntervalRange, multiplier = dialect.bfdMultiplierRange
                lines.append("  BFD: intervals \(interval.lowerBound)-\(interval.upperBound) ms, multipliers \(multiplier.lowerBound)-\(multiplier.upperBound)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
