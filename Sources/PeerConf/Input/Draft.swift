/// What the file says, shaped but not yet checked against the cloud's rules. Every value
/// keeps its position and field path; validation turns drafts into the typed model.
struct DraftScalar: Sendable {
    var text: String
    var isQuoted: Bool
    var location: SourceLocation
    var path: FieldPath

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
    var present: Set<String> = []
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
    var present: Set<String> = []
    var fieldNames: PeerFieldNames
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
