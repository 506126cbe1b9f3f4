/// Remote (customer) and local (cloud) subnet lists.
enum SubnetRules {
    /// Blocks that can never be a customer subnet behind a Direct Connect link.
    static let reservedBlocks: [(prefix: IPPrefix, name: String)] = [
        ("127.0.0.0/8", "loopback"), ("169.254.0.0/16", "link-local"), ("224.0.0.0/3", "multicast and reserved"),
        ("::1/128", "loopback"), ("fe80::/10", "link-local"), ("ff00::/8", "multicast"),
    ].map { (try! IPPrefix.parse($0.0), $0.1) }

    static let sharedAddressSpace = try! IPPrefix.parse("100.64.0.0/10")

    struct Entry {
        var prefix: IPPrefix
        var field: DraftScalar
    }

    /// Parses every entry; reports syntax, host bits and duplicates. Returns the entries
    /// that parsed (so later rules still check them) and whether all of them did.
    static func parse(_ list: DraftList, family: AddressFamily?, field: String, diagnostics: inout DiagnosticCollector) -> (entries: [Entry], complete: Bool) {
        var entries: [Entry] = []
        var firstIndex: [IPPrefix: Int] = [:]
        var failed = false
        for item in list.items {
            let prefix: IPPrefix
            do {
                prefix = try IPPrefix.parse(item.text, family: family)
            } catch {
                failed = true
                if case .hostBitsSet(let suggestion) = error {
                    diagnostics.report(.subnetHostBits, at: item.path, item.location, "\(field) entry '\(item.text.truncatedForMessage)' has host bits set; did you mean \(suggestion)?")
                } else {
                    diagnostics.report(.subnetSyntax, at: item.path, item.location, "\(field) entry '\(item.text.truncatedForMessage)' is not a valid CIDR block: \(error.message)")
                }
                continue
            }
            if case .v6(let address) = prefix.address, address.isIPv4Mapped, prefix.prefixLength >= 96 {
                failed = true
                diagnostics.report(.subnetSyntax, at: item.path, item.location, "\(field) entry '\(item.text.truncatedForMessage)' is IPv4-mapped IPv6 space; write IPv4 subnets in IPv4 form")
                continue
            }
            if let previous = firstIndex[prefix] {
                failed = true
                diagnostics.report(.subnetDuplicate, at: item.path, item.location, "\(prefix) is listed twice in \(field) (also entry [\(previous)])")
                continue
            }
            firstIndex[prefix] = entries.count
            entries.append(Entry(prefix: prefix, field: item))
        }
        return (entries, !failed)
    }

    static func checkCount(_ list: DraftList, field: String, range: ClosedRange<Int>, rule: Rule, diagnostics: inout DiagnosticCollector) {
        guard !range.contains(list.items.count) else { return }
        let expectation = range.lowerBound == 0 ? "at most \(range.upperBound)" : "\(range.lowerBound) to \(range.upperBound)"
        diagnostics.report(rule, at: list.path, list.location, "\(field) must have \(expectation) entries, found \(list.items.count)")
    }

    /// Findings about remote subnets on their own: reserved space and nesting.
    static func checkRemote(_ entries: [Entry], field: String, diagnostics: inout DiagnosticCollector) {
        for entry in entries {
            if let reserved = reservedBlocks.first(where: { $0.prefix.contains(entry.prefix) }) {
                diagnostics.report(.reservedSubnet, at: entry.field.path, entry.field.location, "\(entry.prefix) is \(reserved.name) space (\(reserved.prefix)) and cannot be a remote subnet")
            }
            if entry.prefix.overlaps(sharedAddressSpace) {
                diagnostics.report(.sharedAddressSpace, at: entry.field.path, entry.field.location,
                                   "\(entry.prefix) overlaps 100.64.0.0/10; the cloud warns that OBS, DNS and API Gateway may become unavailable")
            }
        }
        for (index, inner) in entries.enumerated() {
            for (otherIndex, outer) in entries.enumerated() where otherIndex != index && outer.prefix.contains(inner.prefix) {
                diagnostics.report(.subnetNested, at: inner.field.path, inner.field.location,
                                   "\(inner.prefix) lies inside \(outer.prefix) (entry [\(otherIndex)] of \(field)); advertising both is redundant")
                break
            }
        }
    }
}
