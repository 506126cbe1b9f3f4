import Foundation
import Testing

/// The live proof (issue 6): peerconf's output, unmodified, runs in a real router that
/// talks to an independent router playing the cloud side, in two network namespaces joined
/// by a veth pair. Each test writes a definition, renders it with the built `peerconf`
/// binary, writes the cloud side's configuration from the same definition and runs
/// `Tests/Live/live-bgp.sh`, which starts the routers, checks what they did and always
/// cleans up. The harness prints its timeline (and, on failure, every session state and
/// learned prefix); the tests print it too.
///
/// Needs root, `ip netns`, FRR, BIRD 2, nstat and ping. Elsewhere the tests skip loudly;
/// with PEERCONF_REQUIRE_TOOLS=1 (CI) a skip is a failure. Serialized: each run starts
/// routers and namespaces, and running them side by side would only compete for the CPU.
@Suite("Live proof: generated configurations run in real routers", .serialized)
struct LiveBGPTests {
    // MARK: The lab, as the definitions describe it

    static let harness = CommandRunner.packageRoot.appendingPathComponent("Tests/Live/live-bgp.sh")
    static let key = "Live-Key.2026"
    /// A key with special characters: `#` and `!` (comment characters in FRR's files), `$`,
    /// `?`, braces, `|`, `;` and a trailing backslash. (BIRD strings cannot hold `"`.)
    static let specialKey = #"K3y~$?{}|;#!x\"#
    static let cloudASN = 64512
    static let customerASN = 65010
    /// `router.interface` eth0 with VLAN 100: the generated configuration names eth0.100,
    /// and the harness names the customer end of the veth like that.
    static let link = "eth0.100"

    enum Family: String { case ipv4, ipv6 }

    struct Peer {
        var family: Family
        var mode = "bgp"

        var cloudGateway: String { family == .ipv4 ? "192.168.0.1" : "2001:db8:ffff::1" }
        var customerGateway: String { family == .ipv4 ? "192.168.0.2" : "2001:db8:ffff::2" }
        var prefixLength: Int { family == .ipv4 ? 30 : 64 }
        /// The customer's (on-premises) subnets: what the cloud must learn, exactly.
        var remoteSubnets: [String] {
            family == .ipv4 ? ["192.168.52.0/24", "192.168.54.0/24"] : ["2001:db8:52::/48", "2001:db8:54::/48"]
        }
        /// The cloud's subnets of this family: what the customer must learn, exactly.
        var cloudSubnets: [String] { LiveBGPTests.localSubnets.filter { $0.contains(":") == (family == .ipv6) } }
        /// Also offered by the cloud side although the definition does not list it: the
        /// customer's generated inbound policy must drop it.
        var strayPrefix: String { family == .ipv4 ? "198.51.100.0/24" : "2001:db8:bad::/48" }
        var name: String { "peer-\(family == .ipv4 ? "v4" : "v6")" }
    }

    /// The cloud's subnets, both families in every definition.
    static let localSubnets = ["10.0.0.0/16", "10.1.0.0/24", "2001:db8:100::/56", "2001:db8:200::/64"]

    static func definition(_ peers: [Peer]) -> String {
        var yaml = """
            version: 1
            virtual_interface:
              name: vif-live
              vlan: 100
              cloud_asn: \(cloudASN)
              local_subnets: [\(localSubnets.map { "\"\($0)\"" }.joined(separator: ", "))]
              router:
                vendor: frr
                interface: eth0
              peers:

            """
        for peer in peers {
            yaml += """
                    - name: \(peer.name)
                      address_family: \(peer.family.rawValue)
                      local_gateway: "\(peer.cloudGateway)/\(peer.prefixLength)"
                      remote_gateway: "\(peer.customerGateway)/\(peer.prefixLength)"
                      remote_subnets: [\(peer.remoteSubnets.map { "\"\($0)\"" }.joined(separator: ", "))]
                      routing_mode: \(peer.mode)

                """
            if peer.mode == "bgp" {
                yaml += """
                          bgp_asn: \(customerASN)
                          bgp_md5_key_env: DC_MD5_KEY
                          description: Live proof \(peer.family.rawValue)

                    """
            }
        }
        return yaml
    }

    // MARK: The cloud side, configured from the same definition

    /// BIRD 2 as the cloud's gateway: its subnets (and one stray prefix) originated, one BGP
    /// session per peer, importing and exporting everything.
    static func cloudBIRD(_ peers: [Peer], key: String) -> String {
        precondition(!key.contains("\""), "a BIRD string cannot hold a double quote")
        var config = "router id 192.168.0.1;\nprotocol device {\n}\n"
        for peer in peers where peer.mode == "bgp" {
            let suffix = peer.family == .ipv4 ? "4" : "6"
            config += "protocol static cloud_subnets\(suffix) {\n  \(peer.family.rawValue);\n"
            for prefix in peer.cloudSubnets + [peer.strayPrefix] { config += "  route \(prefix) blackhole;\n" }
            config += "}\n"
            config += """
                protocol bgp cloud_\(peer.name.replacingOccurrences(of: "-", with: "_")) {
                  local \(peer.cloudGateway) as \(cloudASN);
                  neighbor \(peer.customerGateway) as \(customerASN);
                  password "\(key)";
                  connect delay time 1;
                  connect retry time 2;
                  \(peer.family.rawValue) { import all; export all; };
                }

                """
        }
        return config
    }

    /// FRR as the cloud's gateway (against a BIRD customer): the same, in frr.conf.
    static func cloudFRR(_ peers: [Peer], key: String) -> String {
        var config = ""
        for peer in peers {
            for prefix in peer.cloudSubnets + [peer.strayPrefix] {
                config += "\(peer.family == .ipv4 ? "ip" : "ipv6") route \(prefix) Null0\n"
            }
        }
        config += "router bgp \(cloudASN)\n bgp router-id 192.168.0.1\n no bgp ebgp-requires-policy\n no bgp default ipv4-unicast\n"
        for peer in peers {
            config += " neighbor \(peer.customerGateway) remote-as \(customerASN)\n"
            config += " neighbor \(peer.customerGateway) password \(key)\n"
            config += " neighbor \(peer.customerGateway) timers connect 1\n"
        }
        for peer in peers {
            config += " address-family \(peer.family.rawValue) unicast\n"
            for prefix in peer.cloudSubnets + [peer.strayPrefix] { config += "  network \(prefix)\n" }
            config += "  neighbor \(peer.customerGateway) activate\n exit-address-family\n"
        }
        return config + "exit\n"
    }

    // MARK: Running it

    /// Whether the lab can run here; otherwise a loud skip, and a failure in CI.
    static func labAvailable() -> Bool {
        var missing: [String] = []
        if geteuid() != 0 { missing.append("root") }
        for tool in ["ip", "vtysh", "bird", "birdc", "nstat", "ping", "timeout"]
        where (try? CommandRunner.runTool("sh", ["-c", "command -v \(tool)"]))?.status != 0 {
            missing.append(tool)
        }
        for daemon in ["zebra", "staticd", "bgpd"] where !FileManager.default.isExecutableFile(atPath: "/usr/lib/frr/\(daemon)") {
            missing.append("/usr/lib/frr/\(daemon)")
        }
        if missing.isEmpty, (try? CommandRunner.runTool("ip", ["netns", "list"]))?.status != 0 { missing.append("ip netns") }
        if missing.isEmpty { return true }
        #expect(!CommandRunner.toolsRequired, "the live proof needs \(missing.joined(separator: ", ")) (PEERCONF_REQUIRE_TOOLS=1)")
        print("SKIPPED: the live BGP proof did not run; missing: \(missing.joined(separator: ", "))")
        return false
    }

    /// Renders `definition` for `vendor` with the built binary, exactly as a user would.
    static func render(_ definition: URL, vendor: String, key: String) throws -> String {
        let result = try CommandRunner.run(["render", definition.path, "--vendor", vendor], environment: ["DC_MD5_KEY": key])
        try #require(result.status == 0, "peerconf render --vendor \(vendor) failed:\n\(result.stderr)")
        return result.stdout
    }

    /// Runs the harness, bounded by `timeout` (SIGTERM, on which it cleans up; SIGKILL 10 s
    /// later), and returns its exit status and everything it printed.
    static func harness(_ arguments: [String], timeout: Int = 60) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["timeout", "--kill-after=10", "\(timeout)", "bash", harness.path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        let started = Date()
        // The test runner's threads block most signals, and a child inherits the mask of
        // the thread that starts it: the harness, and the daemons it starts, would never
        // see SIGTERM (no clean stop, no cleanup on timeout). Start it with none blocked.
        do {
            var none = sigset_t(), runnerMask = sigset_t()
            sigemptyset(&none)
            pthread_sigmask(SIG_SETMASK, &none, &runnerMask)
            defer { pthread_sigmask(SIG_SETMASK, &runnerMask, nil) }
            try process.run()
        }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: output, as: UTF8.self)
        print("live-bgp.sh \(arguments.prefix(2).joined(separator: " ")) ... (\(String(format: "%.1f", Date().timeIntervalSince(started))) s, exit \(process.terminationStatus)):\n\(text)")
        return (process.terminationStatus, text)
    }

    enum Customer { case frr, bird }

    /// Renders the definition of `peers` for the customer side, writes the cloud side and
    /// runs the harness in `mode`; the harness's checks are the assertions.
    func prove(_ peers: [Peer], mode: String, customer: Customer = .frr, key: String = LiveBGPTests.key, cloudKey: String? = nil,
               extra: [String] = []) throws {
        guard Self.labAvailable() else { return }
        let directory = try TemporaryDirectory()
        let definition = try directory.write("vif-live.yaml", Self.definition(peers))
        var arguments = ["--mode", mode, "--link", Self.link]
        let rendered = try Self.render(definition, vendor: customer == .frr ? "frr" : "bird", key: key)
        switch customer {
        case .frr:
            let config = try directory.write("frr.conf", rendered)
            // A router has an IPv4 loopback address FRR takes its BGP router id from. Without
            // any IPv4 address (an IPv6-only router) FRR's id is 0.0.0.0 and the cloud side
            // refuses the session ("Bad BGP identifier"): the generated configuration sets
            // no router id.
            arguments += ["--customer-loopback", "10.255.255.2/32"]
            let cloud = try directory.write("cloud-bird.conf", Self.cloudBIRD(peers, key: cloudKey ?? key))
            arguments += ["--customer", "frr", "--customer-config", config.path, "--cloud", "bird", "--cloud-config", cloud.path]
        case .bird:
            let snippet = try directory.write("vif-live.conf", rendered)
            let cloud = try directory.write("cloud-frr.conf", Self.cloudFRR(peers, key: cloudKey ?? key))
            arguments += ["--customer", "bird", "--customer-config", snippet.path, "--cloud", "frr", "--cloud-config", cloud.path]
            // BIRD does not configure interfaces: the OS does, as the snippet's comment says.
            for peer in peers { arguments += ["--customer-address", "\(peer.customerGateway)/\(peer.prefixLength)"] }
        }
        for peer in peers { arguments += ["--cloud-address", "\(peer.cloudGateway)/\(peer.prefixLength)"] }
        let bgpPeers = peers.filter { $0.mode == "bgp" }
        if mode != "static" {
            arguments += ["--sessions", "\(bgpPeers.count)"]
            #expect(rendered.contains(key), "the rendered configuration must carry the MD5 key")
        }
        if mode == "bgp" {
            arguments += ["--cloud-receives", bgpPeers.flatMap(\.remoteSubnets).joined(separator: " "),
                          "--customer-receives", bgpPeers.flatMap(\.cloudSubnets).joined(separator: " "),
                          "--wait", "15"]
        }
        let result = try Self.harness(arguments + extra)
        #expect(result.status == 0, "the live run failed:\n\(result.output)")
        #expect(result.output.contains("PASSED (\(mode)"), "the harness did not report PASSED:\n\(result.output)")
    }

    // MARK: The scenarios

    @Test("BGP IPv4: FRR runs the generated frr.conf, BIRD is the cloud; Established, exact prefixes both ways")
    func bgpIPv4() throws {
        try prove([Peer(family: .ipv4)], mode: "bgp")
    }

    @Test("BGP IPv6: FRR runs the generated frr.conf, BIRD is the cloud; Established, exact prefixes both ways")
    func bgpIPv6() throws {
        try prove([Peer(family: .ipv6)], mode: "bgp")
    }

    @Test("Dual stack with a key full of special characters: both sessions Established, exact prefixes")
    func dualStack() throws {
        try prove([Peer(family: .ipv4), Peer(family: .ipv6)], mode: "bgp", key: Self.specialKey)
    }

    @Test("Static IPv4: the generated static routes reach an address in a cloud subnet (ping), nothing else")
    func staticIPv4() throws {
        // 10.0.0.1 and 10.1.0.200 lie in the cloud's subnets; 10.2.0.1 does not. The static
        // routes must be exactly the IPv4 cloud subnets (no IPv6 ones: the peer is IPv4).
        let v4 = Peer(family: .ipv4, mode: "static")
        try prove([v4], mode: "static", extra: [
            "--customer-receives", v4.cloudSubnets.joined(separator: " "),
            "--cloud-host", "10.0.0.1/32", "--cloud-host", "10.1.0.200/32", "--cloud-host", "10.2.0.1/32",
            "--ping", "10.0.0.1", "--ping", "10.1.0.200", "--no-ping", "10.2.0.1",
        ])
    }

    @Test("A different key on the cloud side: never Established within 8 s, MD5 failure counters rise")
    func wrongKey() throws {
        try prove([Peer(family: .ipv4)], mode: "wrong-key", cloudKey: "Other-Key.2026", extra: ["--wait", "8"])
    }

    @Test("BIRD runs the generated snippet (included unmodified), FRR is the cloud; dual stack, exact prefixes")
    func birdCustomer() throws {
        try prove([Peer(family: .ipv4), Peer(family: .ipv6)], mode: "bgp", customer: .bird)
    }
}
