/// Huawei VRP. NOT YET WRITTEN: this dialect is being implemented; until then it renders nothing.
struct VRPDialect: VendorDialect {
    let id = VendorID.vrp
    let platform = "Huawei VRP"
    let sampleParentInterface = "GigabitEthernet0/1/0"
    let capabilities = VendorCapabilities()
    let keyRules = KeyRules(maximumLength: 80, source: "unconfirmed")

    func quoted(description: String) -> String { description }
    func quoted(key: String) -> String { key }
    func interfaceName(parent: String, vlan: Int) -> String { vlan == 0 ? parent : "\(parent).\(vlan)" }
}
