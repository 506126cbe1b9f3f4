/// The YANG data models peerconf writes NETCONF payloads for (`--model`).
public enum NetconfModel: String, Sendable, Hashable, CaseIterable {
    /// OpenConfig interfaces, network-instance (BGP, static routes), routing-policy.
    case openconfig
    /// Junos native configuration (`<configuration>`).
    case junos
    /// Cisco IOS-XE native (`Cisco-IOS-XE-native`, `Cisco-IOS-XE-bgp`).
    case iosXE = "ios-xe"
    /// Cisco IOS-XR unified models (`Cisco-IOS-XR-um-*-cfg`).
    case iosXR = "ios-xr"
    /// Huawei VRP8 (`huawei-ifm`, `huawei-bgp`, `huawei-routing`, ...).
    case vrp

    /// How people call the model, for messages.
    public var title: String {
        switch self {
        case .openconfig: "OpenConfig"
        case .junos: "Junos native"
        case .iosXE: "Cisco IOS-XE native"
        case .iosXR: "Cisco IOS-XR unified models"
        case .vrp: "Huawei VRP8"
        }
    }

    /// The CLI vendor whose rules name the prefix lists, policies and groups, so a
    /// payload and the CLI rendering of the same vendor introduce the same names.
    /// OpenConfig, spoken by many platforms, uses FRR's (neutral ASCII) names.
    public var namingVendor: VendorID {
        switch self {
        case .openconfig: .frr
        case .junos: .junos
        case .iosXE: .iosXE
        case .iosXR: .iosXR
        case .vrp: .vrp
        }
    }

    /// The platform whose limits (ASN range, key length) the payload must respect; nil
    /// for OpenConfig, which is not one platform.
    var platform: VendorID? { self == .openconfig ? nil : namingVendor }

    /// A platform speaking the model, whose usual port name examples and tests use.
    public var sampleVendor: VendorID { self == .openconfig ? .eos : namingVendor }

    /// The folder of `../shared/yang` holding the model's modules (for validation).
    public var yangFolder: String {
        switch self {
        case .openconfig: "openconfig"
        case .junos: "junos"
        case .iosXE: "ios-xe"
        case .iosXR: "ios-xr"
        case .vrp: "huawei"
        }
    }

    /// The vendor's native model, for a virtual interface whose `router.vendor` names it.
    public static func native(for vendor: VendorID) -> NetconfModel? {
        allCases.first { $0 != .openconfig && $0.namingVendor == vendor }
    }

    var builder: any PayloadBuilder {
        switch self {
        case .openconfig: OpenConfigBuilder()
        case .junos: JunosBuilder()
        case .iosXE: IOSXEBuilder()
        case .iosXR: IOSXRBuilder()
        case .vrp: VRPBuilder()
        }
    }
}

/// Writes one model's payload (the children of `<config>`) for one intent.
protocol PayloadBuilder: Sendable {
    var model: NetconfModel { get }
    /// What this model (or the module set peerconf validates against) cannot express,
    /// naming the model and the field. Platform limits come from the CLI dialect.
    func problems(with context: PayloadContext) -> [RenderProblem]
    func build(_ context: PayloadContext, into config: XMLTree.Element, writer: PayloadWriter)
}

/// Model-specific names that differ between devices speaking the same model.
public struct NetconfSettings: Sendable, Hashable {
    /// OpenConfig: the default network instance ("DEFAULT" on most platforms).
    public var networkInstance: String
    /// OpenConfig: the name of the static-routes protocol instance.
    public var staticProtocolName: String
    /// OpenConfig: the name of the BGP protocol instance.
    public var bgpProtocolName: String

    public init(networkInstance: String = "DEFAULT", staticProtocolName: String = "DEFAULT", bgpProtocolName: String = "BGP") {
        self.networkInstance = networkInstance
        self.staticProtocolName = staticProtocolName
        self.bgpProtocolName = bgpProtocolName
    }
}

/// What a builder reads: the intent, the names it introduces, the key as it may appear.
struct PayloadContext {
    let intent: RouterIntent
    let model: NetconfModel
    let secrets: SecretPolicy
    let settings: NetconfSettings
    /// The BGP peers with their sessions, IPv4 first.
    let bgpPeers: [(peer: PeerIntent, bgp: BGPIntent)]
    private let dialect: any VendorDialect
    private let names = NameCache()

    init(intent: RouterIntent, model: NetconfModel, secrets: SecretPolicy, settings: NetconfSettings) {
        self.intent = intent
        self.model = model
        self.secrets = secrets
        self.settings = settings
        bgpPeers = intent.peers.compactMap { peer in peer.bgp.map { (peer, $0) } }
        dialect = Dialects.dialect(for: model.namingVendor)
    }

    /// A name the configuration introduces, as the same vendor's CLI output spells it.
    /// A payload refers to each name several times (a prefix list in its definition and
    /// its policy): the dialect spells it once per document.
    func name(_ raw: String) -> String {
        if let spelled = names.spelled[raw] { return spelled }
        let spelled = dialect.identifier(raw)
        names.spelled[raw] = spelled
        return spelled
    }

    private final class NameCache {
        var spelled: [String: String] = [:]
    }

    /// The MD5 key, or its placeholder when secrets are redacted.
    func key(for peer: PeerIntent, _ bgp: BGPIntent) -> String {
        secrets.text(for: bgp.md5Key, peer: peer, in: intent)
    }

    /// Addresses, static routes and anchors are listed IPv4 first, as in the intent.
    var families: [AddressFamily] { intent.peers.map(\.family) }
}

/// Writes the payload either as configuration (merged) or as its removal: the same
/// builder code describes both, so a rollback removes exactly what the configuration
/// creates.
///
/// - Path nodes (containers, and list entries peerconf only passes through such as the
///   parent interface or the BGP instance) appear in both, with their keys only when
///   removing.
/// - Leaves appear only in the configuration.
/// - Entries peerconf creates (`created`) appear in the configuration with their
///   content, and in the removal as their keys with `nc:operation="remove"` (which,
///   unlike `delete`, does not fail when the entry is already gone).
struct PayloadWriter {
    let tree: XMLTree
    /// The `nc` prefix (NETCONF base namespace) declared on `<config>` for removals.
    let nc: XMLTree.Namespace?

    var removing: Bool { nc != nil }

    /// A container or an entry on the path.
    @discardableResult
    func node(_ name: String, in parent: XMLTree.Element, namespace: String? = nil) -> XMLTree.Element {
        tree.add(name, to: parent, namespace: namespace)
    }

    /// A list key (or other identifying leaf): written in both modes.
    func key(_ name: String, _ value: String, in parent: XMLTree.Element) {
        tree.add(name, to: parent, text: value)
    }

    /// An identityref key, with its prefix declared on the leaf.
    func identityKey(_ name: String, _ identity: Identity, in parent: XMLTree.Element) {
        tree.addIdentity(name, to: parent, prefix: identity.prefix, namespace: identity.namespace, identity: identity.name)
    }

    /// A leaf the configuration sets; nothing when removing.
    func leaf(_ name: String, _ value: String, in parent: XMLTree.Element) {
        guard !removing else { return }
        tree.add(name, to: parent, text: value)
    }

    /// An identityref leaf the configuration sets; nothing when removing.
    func identityLeaf(_ name: String, _ identity: Identity, in parent: XMLTree.Element) {
        guard !removing else { return }
        identityKey(name, identity, in: parent)
    }

    /// An empty leaf (`type empty`) or presence flag; nothing when removing.
    func flag(_ name: String, in parent: XMLTree.Element) {
        guard !removing else { return }
        tree.add(name, to: parent)
    }

    /// Content that exists only in the configuration (settings on shared entries).
    func configurationOnly(_ body: () -> Void) {
        guard !removing else { return }
        body()
    }

    /// An entry the configuration creates. `keys` writes its keys (both modes);
    /// `content` the rest (configuration only).
    @discardableResult
    func created(_ name: String, in parent: XMLTree.Element, namespace: String? = nil,
                 keys: (XMLTree.Element) -> Void = { _ in }, content: (XMLTree.Element) -> Void) -> XMLTree.Element {
        let element = tree.add(name, to: parent, namespace: namespace)
        keys(element)
        if let nc {
            tree.setAttribute("operation", "remove", on: element, namespace: nc)
        } else {
            content(element)
        }
        return element
    }

    /// A leaf the configuration sets on a shared entry and the removal clears (the
    /// value stays in the removal: typed leaves such as non-empty strings must carry one).
    func createdLeaf(_ name: String, _ value: String, in parent: XMLTree.Element) {
        let element = tree.add(name, to: parent, text: value)
        if let nc { tree.setAttribute("operation", "remove", on: element, namespace: nc) }
    }

    /// A leaf-list entry the configuration adds (removed alone, the list stays).
    func createdValue(_ name: String, _ value: String, in parent: XMLTree.Element) {
        let element = tree.add(name, to: parent, text: value)
        if let nc { tree.setAttribute("operation", "remove", on: element, namespace: nc) }
    }

    func comment(_ text: String, in parent: XMLTree.Element) {
        tree.addComment(text, to: parent)
    }
}

/// A YANG identity value: module namespace, the prefix declared for it, its name.
struct Identity {
    var prefix: String
    var namespace: String
    var name: String
}

extension IPPrefix {
    /// The network address alone ("10.0.0.0").
    var networkText: String { address.description }
}
