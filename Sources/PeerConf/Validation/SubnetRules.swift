/// Remote (customer) and local (cloud) subnet lists.
enum SubnetRules {
    /// Blocks that can never be a customer subnet behind a Direct Connect link.
    static let reservedBlocks: [(prefix: IPPrefix, name: String)] = [
        ("127.0.0.0/8", "loopback"), ("169.254.0.0/16", "link-local"), ("224.0.0.0/3", "multicast and reserved"),
        ("::1/128", "loopback"), ("fe80::/10", "link-local"), ("ff00::/8", "multicast"),
    ].map { (try! IPPrefix.parse($0.0), $0.1) }

    /// The blocks of `reservedBlocks` alone, searched for every remote subnet without
    /// copying the names.
    static let reservedPrefixes = reservedBlocks.map(\.prefix)

    static let sharedAddressSpace = try! IPPrefix.parse("100.64.0.0/10")

    /// Parses every entry; reports syntax, host bits and duplicates. Returns the entries
    /// that parsed (so later rules still check them) and whether all of them did.
    static func parse(_ list: DraftList, family: AddressFamily?, field: String, diagnostics: inout DiagnosticCollector) -> SubnetList {
        var prefixes: [IPPrefix] = []
        var itemIndices: [Int] = []
        prefixes.reserveCapacity(list.items.count)
        itemIndices.reserveCapacity(list.items.count)
        var failed = false
        for (itemIndex, item) in list.items.enumerated() {
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
            prefixes.append(prefix)
            itemIndices.append(itemIndex)
        }
        var subnets = SubnetList(list: list, prefixes: prefixes, itemIndices: itemIndices, complete: !failed)
        if subnets.removeDuplicates(field: field, diagnostics: &diagnostics) {
            subnets.complete = false
        }
        return subnets
    }

    static func checkCount(_ list: DraftList, field: String, range: ClosedRange<Int>, rule: Rule, diagnostics: inout DiagnosticCollector) {
        guard !range.contains(list.items.count) else { return }
        let expectation = range.lowerBound == 0 ? "at most \(range.upperBound)" : "\(range.lowerBound) to \(range.upperBound)"
        diagnostics.report(rule, at: list.path, list.location, "\(field) must have \(expectation) entries, found \(list.items.count)")
    }

    /// Findings about remote subnets on their own: reserved space and nesting.
    static func checkRemote(_ subnets: SubnetList, field: String, diagnostics: inout DiagnosticCollector) {
        for (index, prefix) in subnets.prefixes.enumerated() {
            if let reserved = reservedPrefixes.firstIndex(where: { $0.contains(prefix) }) {
                let block = reservedBlocks[reserved]
                let item = subnets.field(index)
                diagnostics.report(.reservedSubnet, at: item.path, item.location, "\(prefix) is \(block.name) space (\(block.prefix)) and cannot be a remote subnet")
            }
            if prefix.overlaps(sharedAddressSpace) {
                let item = subnets.field(index)
                diagnostics.report(.sharedAddressSpace, at: item.path, item.location,
                                   "\(prefix) overlaps 100.64.0.0/10; the cloud warns that OBS, DNS and API Gateway may become unavailable")
            }
        }
        // Each entry inside another is reported once, naming the first entry of the list
        // that holds it (not the closest one), as the pairwise rule always did.
        subnets.forEachNested { inner, outer in
            let item = subnets.field(inner)
            diagnostics.report(.subnetNested, at: item.path, item.location,
                               "\(subnets.prefixes[inner]) lies inside \(subnets.prefixes[outer]) (entry [\(outer)] of \(field)); advertising both is redundant")
        }
    }
}
