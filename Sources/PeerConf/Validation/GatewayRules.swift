/// The link between the cloud (local gateway) and the customer router (remote gateway).
enum GatewayRules {
    static func parse(_ scalar: DraftScalar, family: AddressFamily?, field: String, diagnostics: inout DiagnosticCollector) -> IPInterfaceAddress? {
        let address: IPInterfaceAddress
        do {
            address = try IPInterfaceAddress.parse(scalar.text, family: family)
        } catch {
            diagnostics.report(.gatewayAddress, at: scalar.path, scalar.location, "\(field) '\(scalar.text.truncatedForMessage)' is not a valid address with prefix length: \(error.message)")
            return nil
        }
        if case .v6(let v6) = address.address, v6.isIPv4Mapped {
            diagnostics.report(.gatewayAddress, at: scalar.path, scalar.location, "\(field) '\(scalar.text.truncatedForMessage)' is an IPv4-mapped IPv6 address; use an IPv4 peer for IPv4 addresses")
            return nil
        }
        return address
    }

    /// Rules about the pair; both addresses are already parsed and of the peer's family.
    static func checkPair(local: IPInterfaceAddress, localField: DraftScalar, remote: IPInterfaceAddress, remoteField: DraftScalar,
                          diagnostics: inout DiagnosticCollector) {
        if local.prefixLength != remote.prefixLength {
            diagnostics.report(.gatewayPrefixLengthMismatch, at: remoteField.path, remoteField.location,
                               "remote gateway has prefix length /\(remote.prefixLength) but the local gateway has /\(local.prefixLength); both ends of the link use the same prefix length")
        }
        if local.address == remote.address {
            diagnostics.report(.gatewayIdentical, at: remoteField.path, remoteField.location,
                               "remote gateway \(remote.address) is the same address as the local gateway; the cloud and the customer router need different addresses")
        }
        switch local.family {
        case .ipv4:
            checkIPv4(local: local, localField: localField, remote: remote, remoteField: remoteField, diagnostics: &diagnostics)
        case .ipv6:
            checkIPv6(local: local, localField: localField, remote: remote, remoteField: remoteField, diagnostics: &diagnostics)
        }
    }

    private static func checkIPv4(local: IPInterfaceAddress, localField: DraftScalar, remote: IPInterfaceAddress, remoteField: DraftScalar,
                                  diagnostics: inout DiagnosticCollector) {
        if local.prefixLength == remote.prefixLength, local.network != remote.network {
            diagnostics.report(.gatewayNotSameSubnet, at: remoteField.path, remoteField.location,
                               "remote gateway \(remote) is not in the local gateway's subnet \(local.network); the cloud requires both in the same subnet")
        }
        for (address, field) in [(local, localField), (remote, remoteField)] where address.prefixLength < 31 {
            if address.isNetworkAddress {
                diagnostics.report(.gatewayNetworkOrBroadcast, at: field.path, field.location, "\(address.address) is the network address of \(address.network); use a host address")
            } else if address.isBroadcastAddress {
                diagnostics.report(.gatewayNetworkOrBroadcast, at: field.path, field.location, "\(address.address) is the broadcast address of \(address.network); use a host address")
            }
        }
        if local.prefixLength != 30 {
            let note = local.prefixLength == 31 ? " (/31 works on routers that support RFC 3021)" : ""
            diagnostics.report(.gatewayPrefixLengthRecommended, at: localField.path, localField.location,
                               "the link uses /\(local.prefixLength)\(note); the cloud recommends a /30")
        }
    }

    private static func checkIPv6(local: IPInterfaceAddress, localField: DraftScalar, remote: IPInterfaceAddress, remoteField: DraftScalar,
                                  diagnostics: inout DiagnosticCollector) {
        if local.prefixLength == remote.prefixLength, local.network != remote.network {
            diagnostics.report(.gatewayIPv6NotSameSubnet, at: remoteField.path, remoteField.location,
                               "remote gateway \(remote) is not in the local gateway's subnet \(local.network); the BGP neighbor will not be directly connected (eBGP multihop and a route to the neighbor would be needed)")
        }
        for (address, field) in [(local, localField), (remote, remoteField)] where address.prefixLength < 127 && address.isNetworkAddress {
            diagnostics.report(.gatewaySubnetRouterAnycast, at: field.path, field.location,
                               "\(address.address) has all host bits zero: it is the subnet-router anycast address of \(address.network) (RFC 4291); use a host address such as \(suggestedHost(in: address.network))")
        }
    }

    private static func suggestedHost(in network: IPPrefix) -> String {
        guard case .v6(let base) = network.address else { return network.description }
        return "\(IPv6Address(base.value | 1))/\(network.prefixLength)"
    }
}
