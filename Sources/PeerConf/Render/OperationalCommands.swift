/// A platform's show/display commands, for change tickets: what to look at before a change
/// and how to verify it afterwards. Each dialect fills these in from its platform's
/// documentation (and says which forms could not be confirmed); the ticket builder decides
/// when each command is used and what result to expect.
///
/// Commands are small closures over the values they need, so a dialect writes one line
/// per command and a platform whose syntax differs per address family or needs the
/// interface (or a session name) can say so directly.
public struct OperationalCommands: Sendable {
    /// One peer's link as the commands need it.
    public struct Link: Sendable {
        public var virtualInterface: String
        public var family: AddressFamily
        /// The cloud's gateway: the BGP neighbor and the ping target.
        public var neighbor: IPAddress
        /// The customer router's address on the link: the ping source.
        public var local: IPAddress
        /// The interface carrying the link as the dialect names it (subinterface, or the port
        /// for VLAN 0); nil when the definition names no `router.interface`.
        public var interface: String?
        /// The physical port facing the cloud (`router.interface`), when given.
        public var port: String?
        public var vlan: Int
        /// The platform's name of this peer's BGP session object (BGP group, BIRD protocol,
        /// RouterOS connection), as the configuration names it; empty for static peers.
        public var session: String

        public init(virtualInterface: String, family: AddressFamily, neighbor: IPAddress, local: IPAddress,
                    interface: String?, port: String?, vlan: Int, session: String) {
            self.virtualInterface = virtualInterface
            self.family = family
            self.neighbor = neighbor
            self.local = local
            self.interface = interface
            self.port = port
            self.vlan = vlan
            self.session = session
        }
    }

    /// BGP sessions of one address family, with their state.
    public var bgpSummary: @Sendable (AddressFamily) -> String
    /// One BGP neighbor in detail: state, remote and local AS, timers.
    public var neighbor: @Sendable (Link) -> String
    /// The routes the router advertises to the neighbor.
    public var advertisedRoutes: @Sendable (Link) -> String
    /// The routes received from the neighbor (after the inbound policy where the platform
    /// shows that by default).
    public var receivedRoutes: @Sendable (Link) -> String
    /// The routing table's entry for exactly this prefix.
    public var route: @Sendable (IPPrefix) -> String
    /// Ping of the cloud gateway from the customer's address (and interface where the
    /// syntax wants it).
    public var ping: @Sendable (Link) -> String
    /// BFD sessions with their state.
    public var bfdSessions: String
    /// State of the physical port (given by name), before the change.
    public var portStatus: @Sendable (String) -> String
    /// State and addresses of the interface carrying the link, after the change; only used
    /// when the definition names the port (`link.interface` is set).
    public var interfaceStatus: @Sendable (Link) -> String
    /// Where the commands are typed, e.g. "in exec mode" or "in a shell on the router".
    public var prompt: String
    /// How the configuration is applied, for the ticket's implementation step.
    public var applying: String
    /// How the rollback is applied (and any platform mechanism that undoes a change).
    public var rollingBack: String
    /// Platform-specific notes on risk for the ticket.
    public var notes: [String]
    /// Command forms that could not be confirmed against the platform's documentation.
    public var unconfirmed: [String]

    public init(
        bgpSummary: @escaping @Sendable (AddressFamily) -> String,
        neighbor: @escaping @Sendable (Link) -> String,
        advertisedRoutes: @escaping @Sendable (Link) -> String,
        receivedRoutes: @escaping @Sendable (Link) -> String,
        route: @escaping @Sendable (IPPrefix) -> String,
        ping: @escaping @Sendable (Link) -> String,
        bfdSessions: String,
        portStatus: @escaping @Sendable (String) -> String,
        interfaceStatus: @escaping @Sendable (Link) -> String,
        prompt: String,
        applying: String,
        rollingBack: String,
        notes: [String] = [],
        unconfirmed: [String] = []
    ) {
        self.bgpSummary = bgpSummary
        self.neighbor = neighbor
        self.advertisedRoutes = advertisedRoutes
        self.receivedRoutes = receivedRoutes
        self.route = route
        self.ping = ping
        self.bfdSessions = bfdSessions
        self.portStatus = portStatus
        self.interfaceStatus = interfaceStatus
        self.prompt = prompt
        self.applying = applying
        self.rollingBack = rollingBack
        self.notes = notes
        self.unconfirmed = unconfirmed
    }
}

extension AddressFamily {
    /// `ip` / `ipv6`, as Cisco-style `show ip route` / `show ipv6 route` spell it.
    var ipKeyword: String { self == .ipv4 ? "ip" : "ipv6" }
}
