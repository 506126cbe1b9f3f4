/// Reads peerconf's own format into drafts.
enum NativeDecoder {
    static func decode(_ root: SyntaxNode, diagnostics: inout DiagnosticCollector) -> DefinitionDraft {
        var draft = DefinitionDraft(format: .native, interfaces: [])
        guard let top = ObjectReader(root, path: .root, what: "the document", diagnostics: &diagnostics) else {
            return draft
        }
        top.checkKeys(known: NativeFormat.topKeys, rule: .unknownKey, diagnostics: &diagnostics)
        if let version = top.scalar("version", diagnostics: &diagnostics), version.text != "1" || version.isQuoted {
            diagnostics.report(.structure, at: version.path, version.location, "unsupported format version '\(version.text)'; this peerconf reads version 1")
        }
        switch (top.has("virtual_interface"), top.has("virtual_interfaces")) {
        case (true, true):
            diagnostics.report(.structure, at: .root, top.location, "use either 'virtual_interface' or 'virtual_interfaces', not both")
        case (false, false):
            diagnostics.report(.structure, at: .root, top.location, "the document needs a 'virtual_interface' object or a 'virtual_interfaces' list")
        case (true, false):
            if let object = top.object("virtual_interface", what: "'virtual_interface'", diagnostics: &diagnostics) {
                draft.interfaces = [interface(object, diagnostics: &diagnostics)]
            }
        case (false, true):
            if let list = top.objects("virtual_interfaces", what: "each virtual interface", diagnostics: &diagnostics) {
                if list.items.isEmpty {
                    diagnostics.report(.structure, at: FieldPath.root.appending("virtual_interfaces"), list.location, "'virtual_interfaces' is empty")
                }
                draft.interfaces = list.items.map { interface($0, diagnostics: &diagnostics) }
            }
        }
        return draft
    }

    private static func interface(_ object: ObjectReader, diagnostics: inout DiagnosticCollector) -> InterfaceDraft {
        object.checkKeys(known: NativeFormat.interfaceKeys, rule: .unknownKey, diagnostics: &diagnostics)
        var draft = InterfaceDraft(path: object.path, location: object.location, fieldNames: .native)
        draft.present = object.presentKeys
        draft.name = object.scalar("name", diagnostics: &diagnostics)
        draft.connection = object.scalar("connection", diagnostics: &diagnostics)
        draft.vlan = object.scalar("vlan", diagnostics: &diagnostics)
        draft.cloudASN = object.scalar("cloud_asn", diagnostics: &diagnostics)
        draft.localSubnets = object.list("local_subnets", diagnostics: &diagnostics)
        if let router = object.object("router", what: "'router'", diagnostics: &diagnostics) {
            router.checkKeys(known: NativeFormat.routerKeys, rule: .unknownKey, diagnostics: &diagnostics)
            draft.routerVendor = router.scalar("vendor", diagnostics: &diagnostics)
            draft.routerInterface = router.scalar("interface", diagnostics: &diagnostics)
        }
        if let peers = object.objects("peers", what: "each peer", diagnostics: &diagnostics) {
            draft.peersLocation = peers.location
            draft.peers = peers.items.map { peer($0, diagnostics: &diagnostics) }
        }
        return draft
    }

    private static func peer(_ object: ObjectReader, diagnostics: inout DiagnosticCollector) -> PeerDraft {
        object.checkKeys(known: NativeFormat.peerKeys, rule: .unknownKey, diagnostics: &diagnostics)
        var draft = PeerDraft(path: object.path, location: object.location, fieldNames: .native)
        draft.present = object.presentKeys
        draft.name = object.scalar("name", diagnostics: &diagnostics)
        draft.addressFamily = object.scalar("address_family", diagnostics: &diagnostics)
        draft.localGateway = object.scalar("local_gateway", diagnostics: &diagnostics)
        draft.remoteGateway = object.scalar("remote_gateway", diagnostics: &diagnostics)
        draft.remoteSubnets = object.list("remote_subnets", diagnostics: &diagnostics)
        draft.routingMode = object.scalar("routing_mode", diagnostics: &diagnostics)
        draft.bgpASN = object.scalar("bgp_asn", diagnostics: &diagnostics)
        draft.md5Key = object.scalar("bgp_md5_key", diagnostics: &diagnostics)
        draft.md5KeyEnvironment = object.scalar("bgp_md5_key_env", diagnostics: &diagnostics)
        draft.md5KeyFile = object.scalar("bgp_md5_key_file", diagnostics: &diagnostics)
        draft.description = object.scalar("description", diagnostics: &diagnostics)
        draft.anchorRoutes = object.scalar("anchor_routes", diagnostics: &diagnostics)
        if let bfd = object.object("bfd", what: "'bfd'", diagnostics: &diagnostics) {
            bfd.checkKeys(known: NativeFormat.bfdKeys, rule: .unknownKey, diagnostics: &diagnostics)
            draft.bfd = (bfd.location, bfd.path)
            draft.bfdInterval = bfd.scalar("interval_ms", diagnostics: &diagnostics)
            draft.bfdMultiplier = bfd.scalar("multiplier", diagnostics: &diagnostics)
        } else if let index = object.keys.firstIndex(of: "bfd"), object.entries[index].value.isNull {
            // `bfd:` with nothing after it reads as null in YAML; it means "BFD with defaults".
            draft.bfd = (object.entries[index].value.location, object.path.appending("bfd"))
        }
        return draft
    }
}
