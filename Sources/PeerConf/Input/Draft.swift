/// What the file says, shaped but not yet checked against the cloud's rules. Every value
/// keeps its position and field path; validation turns drafts into the typed model.
struct DraftScalar: Sendable {
    var text: String
    var isQuoted: Bool
    var location: SourceLocation
    /// The path of the object or list holding the value, and the value's key or index
    /// in it: the full path is built only when a finding needs it, which saves building
    /// one for every value of a large file.
    var parentPath: FieldPath
    var lastComponent: FieldPath.Component

    init(text: String, isQuoted: Bool, location: SourceLocation, parentPath: FieldPath, lastComponent: FieldPath.Component) {
        self.text = text
        self.isQuoted = isQuoted
        self.location = location
        self.parentPath = parentPath
        self.lastComponent = lastComponent
    }

    init(text: String, isQuoted: Bool, location: SourceLocation, parentPath: FieldPath, key: String) {
        self.init(text: text, isQuoted: isQuoted, location: location, parentPath: parentPath, lastComponent: .key(key))
    }

    var path: FieldPath { parentPath.appending(lastComponent) }

    /// The value's key in its object ("bgp_asn"); nil for a list entry.
    var key: String? {
        if case .key(let key) = lastComponent { return key }
        return nil
    }

    func located<Value>(_ value: Value) -> Located<Value> {
        Located(value, at: location, path: path)
    }
}

struct DraftList: Sendable {
    var items: [DraftScalar]
    var location: SourceLocation
    var path: FieldPath
}

struct DefinitionDraft: Sendable {
    var format: InputFormat
    var interfaces: [InterfaceDraft]
}

struct InterfaceDraft: Sendable {
    var path: FieldPath
    var location: SourceLocation
    var name: DraftScalar?
    var connection: DraftScalar?
    var vlan: DraftScalar?
    var cloudASN: DraftScalar?
    var localSubnets: DraftList?
    var routerVendor: DraftScalar?
    var routerInterface: DraftScalar?
    var peers: [PeerDraft] = []
    var peersLocation: SourceLocation?
    /// Keys written in the file with a non-null value, even when malformed: a malformed
    /// required field has already been reported and must not also count as missing.
    var present = PresentKeys()
    /// The names the fields carry in this input format (native or API), for messages.
    var fieldNames: InterfaceFieldNames
}

struct PeerDraft: Sendable {
    var path: FieldPath
    var location: SourceLocation
    var name: DraftScalar?
    var addressFamily: DraftScalar?
    var localGateway: DraftScalar?
    var remoteGateway: DraftScalar?
    var remoteSubnets: DraftList?
    var routingMode: DraftScalar?
    var bgpASN: DraftScalar?
    var md5Key: DraftScalar?
    var md5KeyEnvironment: DraftScalar?
    var md5KeyFile: DraftScalar?
    var description: DraftScalar?
    var anchorRoutes: DraftScalar?
    /// The `bfd` object's position when present, and its fields.
    var bfd: (location: SourceLocation, path: FieldPath)?
    var bfdInterval: DraftScalar?
    var bfdMultiplier: DraftScalar?
    var present = PresentKeys()
    var fieldNames: PeerFieldNames
}

/// The keys of an object written with a non-null value: a dozen at most, so a list
/// searched in order costs less than a set built for every object.
struct PresentKeys: Sendable {
    private var keys: [String] = []

    init() {}

    init(_ keys: [String]) {
        self.keys = keys
    }

    func contains(_ key: String) -> Bool {
        keys.contains(key)
    }

    /// Counts `key` as present (a value supplied from outside the object).
    mutating func insert(_ key: String) {
        keys.append(key)
    }
}

/// Field names differ between the native format and the cloud API; validation speaks
/// the user's language in its messages and paths.
struct InterfaceFieldNames: Sendable {
    var vlan: String
    var localSubnets: String
    var cloudASN: String
    var peers: String

    static let native = InterfaceFieldNames(vlan: "vlan", localSubnets: "local_subnets", cloudASN: "cloud_asn", peers: "peers")
    static let api = InterfaceFieldNames(vlan: "vlan", localSubnets: "local_ep_group", cloudASN: "bgp_asn", peers: "vif_peers")
}

struct PeerFieldNames: Sendable {
    /// The fields every peer must have, named as in this format.
    var required: [String] { [name, addressFamily, localGateway, remoteGateway, remoteSubnets, routingMode] }

    var name: String
    var addressFamily: String
    var localGateway: String
    var remoteGateway: String
    var remoteSubnets: String
    var routingMode: String
    var bgpASN: String
    var md5Key: String

    static let native = PeerFieldNames(
        name: "name", addressFamily: "address_family", localGateway: "local_gateway",
        remoteGateway: "remote_gateway", remoteSubnets: "remote_subnets", routingMode: "routing_mode",
        bgpASN: "bgp_asn", md5Key: "bgp_md5_key"
    )
    static let api = PeerFieldNames(
        name: "name", addressFamily: "address_family", localGateway: "local_gateway_ip",
        remoteGateway: "remote_gateway_ip", remoteSubnets: "remote_ep_group", routingMode: "route_mode",
        bgpASN: "bgp_asn", md5Key: "bgp_md5"
    )
}

public enum InputFormat: String, Sendable, CaseIterable {
    /// peerconf's own YAML/JSON format.
    case native
    /// The cloud's v3 API JSON (`virtual_interface` with `vif_peers`, or `vif_peer`).
    case api
}
