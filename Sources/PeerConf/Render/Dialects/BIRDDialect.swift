/// BIRD 2. NOT YET WRITTEN: this dialect is being implemented; until then it renders nothing.
struct BIRDDialect: VendorDialect {
    let id = VendorID.bird
    let platform = "BIRD 2"
    let sampleParentInterface = "eth1"
    let capabilities = VendorCapabilities()
    let keyRules = KeyRules(maximumLength: 80, source: "unconfirmed")

    func quoted(description: String) -> String { description }
    func quoted(key: String) -> String { key }
    func interfaceName(parent: String, vlan: Int) -> String { vlan == 0 ? parent : "\(parent).\(vlan)" }
}
