/// Reads the cloud's v3 API JSON (`virtual_interface` with `vif_peers`, a list of them,
/// or a single `vif_peer`) and, optionally, a `virtual_gateway` document into drafts.
/// API responses carry no MD5 key and `null` means absent.
enum APIDecoder {
    static let topKeys = ["virtual_interface", "virtual_interfaces", "vif_peer", "request_id", "page_info"]

    static let interfaceKeys = [
        "id", "name", "admin_state_up", "bandwidth", "create_time", "description", "direct_connect_id",
        "service_type", "status", "tenant_id", "type", "vgw_id", "vlan", "route_limit", "enable_nqa",
        "enable_bfd", "lag_id", "device_id", "enterprise_project_id", "local_gateway_v4_ip",
        "remote_gateway_v4_ip", "ies_id", "reason", "rate_limit", "address_family", "local_gateway_v6_ip",
        "remote_gateway_v6_ip", "lgw_id", "gateway_id", "remote_ep_group", "service_ep_group",
        "bgp_route_limit", "priority", "vif_peers", "extend_attribute", "tags", "route_mode", "bgp_asn",
        "bgp_md5",
    ]

    static let peerKeys = [
        "id", "tenant_id", "name", "description", "address_family", "local_gateway_ip", "remote_gateway_ip",
        "route_mode", "bgp_asn", "bgp_md5", "remote_ep_group", "service_ep_group", "device_id",
        "bgp_route_limit", "bgp_status", "status", "vif_id", "receive_route_num", "enable_nqa", "enable_bfd",
        "enable_gre", "gre_status", "local_gre_tunnel_ip", "remote_gre_tunnel_ip",
    ]

    static let gatewayKeys = [
        "id", "vpc_id", "tenant_id", "name", "description", "type", "local_ep_group", "local_ep_group_ipv6",
        "admin_state_up", "status", "bgp_asn", "enterprise_project_id", "device_id", "redundant_device_id",
        "public_border_group",
    ]

    /// Whether a document looks like an API object rather than the native format.
    static func looksLikeAPI(_ root: SyntaxNode) -> Bool {
        if root["vif_peer"] != nil || root["request_id"] != nil { return true }
        let interfaceMarkers = ["vif_peers", "direct_connect_id", "vgw_id"]
        if let interface = root["virtual_interface"] {
            return interfaceMarkers.contains { interface[$0] != nil }
        }
        if case .sequence(let items, _)? = root["virtual_interfaces"], let first = items.first {
            return interfaceMarkers.contains { first[$0] != nil }
        }
        return false
    }

    struct Gateway {
        var localSubnets: DraftList?
        var cloudASN: DraftScalar?
    }

    static func decode(_ root: SyntaxNode, gateway: Gateway?, vlan: Int?, diagnostics: inout DiagnosticCollector) -> DefinitionDraft {
        var draft = DefinitionDraft(format: .api, interfaces: [])
        guard let top = ObjectReader(root, path: .root, what: "the document", diagnostics: &diagnostics) else {
            return draft
        }
        top.checkKeys(known: topKeys, rule: .apiKeyIgnored, diagnostics: &diagnostics)
        if let object = top.object("virtual_interface", what: "'virtual_interface'", diagnostics: &diagnostics) {
            draft.interfaces = [interface(object, gateway: gateway, diagnostics: &diagnostics)]
        } else if let list = top.objects("virtual_interfaces", what: "each virtual interface", diagnostics: &diagnostics) {
            draft.interfaces = list.items.map { interface($0, gateway: gateway, diagnostics: &diagnostics) }
        } else if let object = top.object("vif_peer", what: "'vif_peer'", diagnostics: &diagnostics) {
            // A lone peer has no virtual interface around it: the VLAN must come from the
            // command line, the rest from the gateway document or defaults.
            var interface = InterfaceDraft(path: .root, location: object.location, fieldNames: .api)
            interface.peers = [peer(object, diagnostics: &diagnostics)]
            interface.peersLocation = object.location
            if let vlan {
                interface.vlan = DraftScalar(text: String(vlan), isQuoted: false, location: object.location, parentPath: .root, key: "vlan")
                interface.present.insert("vlan")
            } else {
                diagnostics.report(.missingField, at: FieldPath.root.appending("vlan"), object.location,
                                   "a 'vif_peer' document does not say which VLAN carries the peer; pass --vlan N or use the 'virtual_interface' document")
                interface.present.insert("vlan")
            }
            apply(gateway, to: &interface)
            draft.interfaces = [interface]
        } else {
            diagnostics.report(.structure, at: .root, top.location, "an API document needs a 'virtual_interface', 'virtual_interfaces' or 'vif_peer' object")
        }
        return draft
    }

    static func decodeGateway(_ root: SyntaxNode, diagnostics: inout DiagnosticCollector) -> Gateway? {
        guard let top = ObjectReader(root, path: .root, what: "the gateway document", diagnostics: &diagnostics) else { return nil }
        guard let object = top.object("virtual_gateway", what: "'virtual_gateway'", diagnostics: &diagnostics) else {
            diagnostics.report(.structure, at: .root, top.location, "the gateway document needs a 'virtual_gateway' object (the API's GET virtual-gateways/{id} response)")
            return nil
        }
        object.checkKeys(known: gatewayKeys, rule: .apiKeyIgnored, diagnostics: &diagnostics)
        let ipv4 = object.list("local_ep_group", diagnostics: &diagnostics)
        let ipv6 = object.list("local_ep_group_ipv6", diagnostics: &diagnostics)
        var subnets: DraftList?
        if let first = ipv4 ?? ipv6 {
            subnets = DraftList(items: (ipv4?.items ?? []) + (ipv6?.items ?? []), location: first.location, path: first.path)
        }
        return Gateway(localSubnets: subnets, cloudASN: object.scalar("bgp_asn", diagnostics: &diagnostics))
    }

    private static func apply(_ gateway: Gateway?, to interface: inout InterfaceDraft) {
        guard let gateway else { return }
        interface.localSubnets = gateway.localSubnets
        interface.cloudASN = gateway.cloudASN
    }

    private static func interface(_ object: ObjectReader, gateway: Gateway?, diagnostics: inout DiagnosticCollector) -> InterfaceDraft {
        object.checkKeys(known: interfaceKeys, rule: .apiKeyIgnored, diagnostics: &diagnostics)
        var draft = InterfaceDraft(path: object.path, location: object.location, fieldNames: .api)
        draft.present = object.presentKeys
        draft.name = object.scalar("name", diagnostics: &diagnostics)
        draft.connection = object.scalar("direct_connect_id", diagnostics: &diagnostics)
        draft.vlan = object.scalar("vlan", diagnostics: &diagnostics)
        apply(gateway, to: &draft)
        if let peers = object.objects("vif_peers", what: "each peer", diagnostics: &diagnostics) {
            draft.peersLocation = peers.location
            draft.peers = peers.items.map { peer($0, diagnostics: &diagnostics) }
        }
        return draft
    }

    private static func peer(_ object: ObjectReader, diagnostics: inout DiagnosticCollector) -> PeerDraft {
        object.checkKeys(known: peerKeys, rule: .apiKeyIgnored, diagnostics: &diagnostics)
        var draft = PeerDraft(path: object.path, location: object.location, fieldNames: .api)
        draft.present = object.presentKeys
        draft.name = object.scalar("name", diagnostics: &diagnostics)
        draft.description = object.scalar("description", diagnostics: &diagnostics)
        draft.addressFamily = object.scalar("address_family", diagnostics: &diagnostics)
        draft.localGateway = object.scalar("local_gateway_ip", diagnostics: &diagnostics)
        draft.remoteGateway = object.scalar("remote_gateway_ip", diagnostics: &diagnostics)
        draft.remoteSubnets = object.list("remote_ep_group", diagnostics: &diagnostics)
        draft.routingMode = object.scalar("route_mode", diagnostics: &diagnostics)
        draft.bgpASN = object.scalar("bgp_asn", diagnostics: &diagnostics)
        draft.md5Key = object.scalar("bgp_md5", diagnostics: &diagnostics)
        return draft
    }
}
