import Foundation
import Testing
@testable import PeerConf

/// Scans every output mode for an MD5 key set through the environment. The key is
/// distinctive (it appears nowhere else), so any occurrence is a leak. The scan proves it
/// can fail: plain `render` and `--include-secrets` must contain the key.
@Suite("Secrets: no output mode leaks the MD5 key where it must not")
struct SecretScanTests {
    static let key = "Zq7-Canary.Secret-4711"
    static let variable = "PEERCONF_SCAN_KEY"
    static let environment = [variable: key]

    /// The key and distinctive parts of it, so that a key printed in pieces is found too.
    static let fragments = [key, "Zq7-Canary", "Canary.Secret", "Secret-4711"]

    static let definition = """
    virtual_interfaces:
      - name: vif-scan
        connection: dc-1
        vlan: 300
        local_subnets: [10.0.0.0/16, "2001:db8:100::/56"]
        router: {vendor: frr, interface: eth1}
        peers:
          - {name: p4, address_family: ipv4, local_gateway: 192.168.0.1/30, remote_gateway: 192.168.0.2/30,
             remote_subnets: [192.168.52.0/24], routing_mode: bgp, bgp_asn: 65010, bgp_md5_key_env: \(variable),
             bfd: {interval_ms: 300, multiplier: 3}}
          - {name: p6, address_family: ipv6, local_gateway: "2001:db8:ffff::1/64", remote_gateway: "2001:db8:ffff::2/64",
             remote_subnets: ["2001:db8:52::/48"], routing_mode: bgp, bgp_asn: 65010, bgp_md5_key_env: \(variable)}

    """

    static func assertClean(_ text: String, _ label: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for fragment in fragments {
            #expect(!text.contains(fragment), "\(label) contains the MD5 key (\(fragment))", sourceLocation: sourceLocation)
        }
    }

    static func assertClean(_ output: CommandRunner.Output, _ label: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        assertClean(output.stdout, "\(label) (standard output)", sourceLocation: sourceLocation)
        assertClean(output.stderr, "\(label) (standard error)", sourceLocation: sourceLocation)
    }

    /// Every file under `directory`, with its relative path.
    static func files(under directory: URL) throws -> [(String, String)] {
        try FileManager.default.subpathsOfDirectory(atPath: directory.path).sorted().compactMap { path in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: directory.appendingPathComponent(path).path, isDirectory: &isDirectory)
            return isDirectory.boolValue ? nil : (path, try String(contentsOf: directory.appendingPathComponent(path), encoding: .utf8))
        }
    }

    @Test("render, --output-dir, manifest, --check, ticket, validate (text and JSON), vendors")
    func everyOutputMode() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("scan.yaml", Self.definition).path
        let out = directory.url.appendingPathComponent("configs")

        // The scan can fail: standard output goes to the router and carries the key.
        let plain = try CommandRunner.run(["render", file, "--all-vendors"], environment: Self.environment)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stdout.components(separatedBy: Self.key).count - 1 >= 2 * VendorID.allCases.count, "plain render must carry the key for every vendor and peer")

        Self.assertClean(try CommandRunner.run(["render", file, "--all-vendors", "--redact-secrets"], environment: Self.environment), "render --redact-secrets")
        Self.assertClean(try CommandRunner.run(["render", file, "--all-vendors", "--rollback", "--redact-secrets"], environment: Self.environment), "render --rollback --redact-secrets")

        // Files for version control, the manifest, and --check in both outcomes.
        let write = try CommandRunner.run(["render", file, "--all-vendors", "--output-dir", out.path], environment: Self.environment)
        #expect(write.status == 0)
        Self.assertClean(write, "render --output-dir")
        let written = try Self.files(under: out)
        #expect(written.count == VendorID.allCases.count + 1)
        for (path, text) in written { Self.assertClean(text, "--output-dir file \(path)") }
        Self.assertClean(try CommandRunner.run(["render", file, "--all-vendors", "--output-dir", out.path, "--check"], environment: Self.environment), "render --check (up to date)")
        try "edited\n".write(to: out.appendingPathComponent("vif-scan/frr.cfg"), atomically: true, encoding: .utf8)
        let stale = try CommandRunner.run(["render", file, "--all-vendors", "--output-dir", out.path, "--check"], environment: Self.environment)
        #expect(stale.status == 3)
        Self.assertClean(stale, "render --check (stale)")

        // The deploy step: --include-secrets writes the key (so the scan can find it) but not into the manifest.
        let deploy = directory.url.appendingPathComponent("deploy")
        #expect(try CommandRunner.run(["render", file, "--vendor", "frr", "--output-dir", deploy.path, "--include-secrets"], environment: Self.environment).status == 0)
        let deployed = try Self.files(under: deploy)
        #expect(deployed.map(\.0) == ["vif-scan/frr.cfg"])
        #expect(deployed[0].1.contains(Self.key), "--include-secrets must write the key")
        let withKeysInGitDir = try CommandRunner.run(["render", file, "--vendor", "frr", "--output-dir", out.path, "--include-secrets"], environment: Self.environment)
        #expect(withKeysInGitDir.status == 0)
        Self.assertClean(try String(contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8), "manifest.json after --include-secrets")

        // Tickets, in both formats, on standard output and to a file, for every vendor.
        for vendor in VendorID.allCases {
            for format in ["markdown", "html"] {
                let ticket = try CommandRunner.run(["ticket", file, "--vendor", vendor.rawValue, "--format", format], environment: Self.environment)
                #expect(ticket.status == 0, "\(ticket.stderr)")
                #expect(ticket.stdout.contains("<BGP-MD5-KEY:vif-scan/p4>") || ticket.stdout.contains("&lt;BGP-MD5-KEY:vif-scan/p4&gt;"))
                Self.assertClean(ticket, "ticket \(vendor.rawValue) \(format)")
            }
        }
        let ticketFile = directory.url.appendingPathComponent("ticket.html").path
        Self.assertClean(try CommandRunner.run(["ticket", file, "--format", "html", "--output", ticketFile], environment: Self.environment), "ticket --output")
        Self.assertClean(try String(contentsOfFile: ticketFile, encoding: .utf8), "ticket file")

        // Diagnostics: a valid definition, a key the cloud refuses, a literal key, a platform limit.
        for format in ["text", "json"] {
            Self.assertClean(try CommandRunner.run(["validate", file, "--format", format], environment: Self.environment), "validate \(format)")
        }
        let literal = try directory.write("literal.yaml", Self.definition.replacingOccurrences(of: "bgp_md5_key_env: \(Self.variable)", with: "bgp_md5_key: \"\(Self.key)\""))
        for format in ["text", "json"] {
            let output = try CommandRunner.run(["validate", literal.path, "--format", format])
            #expect(output.stdout.contains("plaintext-secret") || output.stdout.contains("in plaintext"))
            Self.assertClean(output, "validate \(format) with a literal key")
        }
        Self.assertClean(try CommandRunner.run(["ticket", literal.path]), "ticket with a literal key")
        let weakKey = "zqcanarysecretlowercaseonly"
        let weak = try CommandRunner.run(["validate", file, "--format", "json"], environment: [Self.variable: weakKey])
        #expect(weak.status == 1)
        #expect(!weak.stdout.contains(weakKey) && !weak.stderr.contains(weakKey))
        let refused = try CommandRunner.run(["render", file, "--vendor", "bird"], environment: [Self.variable: Self.key + "\""])
        #expect(refused.status == 1)
        Self.assertClean(refused, "render refused by a platform limit")
        Self.assertClean(try CommandRunner.run(["ticket", file, "--vendor", "bird"], environment: [Self.variable: Self.key + "\""]), "ticket refused by a platform limit")

        Self.assertClean(try CommandRunner.run(["vendors"], environment: Self.environment), "vendors")
    }
}

extension SecretScanTests {
    @Test("diff and change tickets: the old and the new key stay out unless --include-secrets")
    func changes() throws {
        let directory = try TemporaryDirectory()
        let old = try directory.write("old.yaml", Self.definition).path
        let new = try directory.write("new.yaml", Self.definition.replacingOccurrences(of: "bgp_md5_key_env: \(Self.variable),\n", with: "bgp_md5_key_env: NEW_SCAN_KEY,\n")
            .replacingOccurrences(of: "192.168.52.0/24]", with: "192.168.52.0/24, 192.168.60.0/24]")).path
        var environment = Self.environment
        environment["NEW_SCAN_KEY"] = "Wx4-Other.Secret-0815"
        let newFragments = ["Wx4-Other.Secret-0815", "Other.Secret"]
        for vendor in VendorID.allCases {
            var outputs: [(String, CommandRunner.Output)] = [
                ("diff \(vendor.rawValue)", try CommandRunner.run(["diff", old, new, "--vendor", vendor.rawValue], environment: environment)),
                ("diff --reverse \(vendor.rawValue)", try CommandRunner.run(["diff", old, new, "--vendor", vendor.rawValue, "--reverse"], environment: environment)),
            ]
            for format in ["markdown", "html"] {
                outputs.append(("ticket --from \(vendor.rawValue) \(format)",
                                try CommandRunner.run(["ticket", "--from", old, new, "--vendor", vendor.rawValue, "--format", format], environment: environment)))
            }
            for (label, output) in outputs {
                #expect(output.status == 0, "\(label): \(output.stderr)")
                Self.assertClean(output, label)
                for fragment in newFragments { #expect(!(output.stdout + output.stderr).contains(fragment), "\(label) leaks the new key") }
            }
        }
        // The scan can fail: --include-secrets prints the new key.
        let included = try CommandRunner.run(["diff", old, new, "--vendor", "frr", "--include-secrets"], environment: environment)
        #expect(included.stdout.contains("Wx4-Other.Secret-0815"))
    }
}

extension SecretScanTests {
    @Test("NETCONF: placeholders on request and in files; the real key only where it goes to the device")
    func netconf() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("scan.yaml", Self.definition).path
        let out = directory.url.appendingPathComponent("netconf")
        // IOS-XE and VRP refuse this definition (port eth1 is not theirs; IOS-XE's model has
        // no BFD timers): clear errors, also scanned. OpenConfig, Junos and IOS-XR write.
        for model in NetconfModel.allCases {
            let written = try CommandRunner.run(["netconf", file, "--model", model.rawValue, "--output-dir", out.path], environment: Self.environment)
            Self.assertClean(written, "netconf --model \(model.rawValue) --output-dir")
        }
        let files = try Self.files(under: out)
        #expect(files.count == 4, "\(files.map(\.0))")   // three payloads and the manifest
        for (path, contents) in files {
            Self.assertClean(contents, "netconf file \(path)")
        }
        for model in NetconfModel.allCases {
            for extra in [[String](), ["--rollback"], ["--session", "--confirmed-commit", "120"]] {
                let output = try CommandRunner.run(["netconf", file, "--model", model.rawValue, "--redact-secrets"] + extra, environment: Self.environment)
                Self.assertClean(output, "netconf --model \(model.rawValue) --redact-secrets \(extra.joined(separator: " "))")
            }
        }
        let check = try CommandRunner.run(["netconf", file, "--model", "junos", "--output-dir", out.path, "--check"], environment: Self.environment)
        Self.assertClean(check, "netconf --check")
        // The scan can fail: the payload for the device carries the key.
        let plain = try CommandRunner.run(["netconf", file, "--model", "junos"], environment: Self.environment)
        #expect(plain.stdout.contains(Self.key))
    }
}
