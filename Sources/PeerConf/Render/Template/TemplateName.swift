/// The names peerconf's view model provides (Templates/README.md documents each). The
/// parser turns a tag's name into one of these once, so rendering looks a value up by a
/// small number (a slot in `TemplateFields`, a case in a row's switch) instead of hashing
/// or comparing text. Names a dialect adds (`extraContext`) stay text: they are few.
public enum TemplateName: Int, CaseIterable, Sendable {
    // Top level.
    case tool, version, source, virtualInterface, vlan, peerSummaries, interface, noInterface
    case missingInterfaceNote, staticRoutes, ipv4StaticRoutes, ipv6StaticRoutes, hasStaticRoutes
    case hasIPv4StaticRoutes, hasIPv6StaticRoutes, anchors, ipv4Anchors, ipv6Anchors
    case hasIPv4Anchors, hasIPv6Anchors, hasBGP, localASN, neighbors, ipv4Neighbors
    case ipv6Neighbors, hasIPv6, needsRouterID
    // The interface and its addresses.
    case name, parent, tagged, untagged, description, addresses, ipv4Addresses, ipv6Addresses
    case cidr, address, length, netmask, peerName, family, isIPv4, isIPv6
    // A neighbor.
    case localAddress, remoteASN, key, hasDescription, advertised, accepted, acceptAll
    case acceptListed, bfd, interval, multiplier, advertisedPrefixesName, exportPolicyName
    case acceptedPrefixesName, importPolicyName, groupName
    // A prefix.
    case network, wildcard, seq, nextHop

    /// The name as templates write it.
    public var text: String { Self.texts[rawValue] }

    public init?(text: String) {
        guard let name = Self.byText[text] else { return nil }
        self = name
    }

    // Case names as text, from the enum's own reflection data: one list, no second copy
    // to keep in step.
    private static let texts: [String] = allCases.map { String(describing: $0) }
    private static let byText: [String: TemplateName] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.text, $0) })
}
