import Testing
@testable import PeerConf

@Suite("Operational commands: every dialect names what each command is about")
struct OperationalCommandsTests {
    static func link(_ family: AddressFamily, interface: String?) -> OperationalCommands.Link {
        let neighbor = family == .ipv4 ? "192.168.0.1" : "2001:db8:ffff::1"
        let local = family == .ipv4 ? "192.168.0.2" : "2001:db8:ffff::2"
        return OperationalCommands.Link(
            virtualInterface: "vif-x", family: family, neighbor: try! IPAddress.parse(neighbor), local: try! IPAddress.parse(local),
            interface: interface, port: interface == nil ? nil : "port0", vlan: 100, session: "vif-x-p4")
    }

    @Test(arguments: VendorID.allCases)
    func commands(_ vendor: VendorID) {
        let operations = Dialects.dialect(for: vendor).operations
        for family in AddressFamily.allCases {
            let link = Self.link(family, interface: "sub0.100")
            let neighbor = link.neighbor.description
            // BIRD and RouterOS name sessions by their protocol / connection name.
            let session = [VendorID.bird, .routerOS].contains(vendor)
            #expect(operations.neighbor(link).contains(neighbor) || (vendor == .bird && operations.neighbor(link).contains("vif-x-p4")))
            #expect(operations.advertisedRoutes(link).contains(session ? "vif-x-p4" : neighbor))
            #expect(operations.receivedRoutes(link).contains(vendor == .bird ? "vif-x-p4" : neighbor))
            #expect(operations.ping(link).contains(neighbor))
            #expect(operations.ping(Self.link(family, interface: nil)).contains(link.local.description), "\(vendor) ping without an interface names the source address")
            let prefix = try! IPPrefix.parse(family == .ipv4 ? "10.0.0.0/16" : "2001:db8:100::/56")
            let route = operations.route(prefix)
            #expect(route.contains(prefix.address.description), "\(vendor): \(route)")
            #expect(!operations.bgpSummary(family).isEmpty && !operations.bfdSessions.isEmpty)
            #expect(!operations.interfaceStatus(link).isEmpty && operations.portStatus("port0").contains("port0"))
        }
        // Family-specific forms differ where the platform spells the family.
        let v4 = operations.route(try! IPPrefix.parse("10.0.0.0/16")), v6 = operations.route(try! IPPrefix.parse("2001:db8::/32"))
        #expect(v4 != v6)
        #expect(!operations.prompt.isEmpty && !operations.applying.isEmpty && !operations.rollingBack.isEmpty)
    }
}
