import Foundation
import Testing
@testable import PeerConf

/// The output of the Linux routing suites must be accepted by the real software:
/// `vtysh --dryrun` (FRR's own parser) and `bird -p` (BIRD's). Every scenario, as
/// configuration and as rollback.
@Suite("Real parsers accept the output")
struct RealParserTests {
    static let allCases = Scenarios.names.flatMap { [($0, false), ($0, true)] }.map { "\($0.0)\($0.1 ? " rollback" : "")" }

    /// Whether `tool` runs here; a missing tool is a loud skip, and a failure in CI.
    static func available(_ tool: String) -> Bool {
        if (try? CommandRunner.runTool("sh", ["-c", "command -v \(tool)"]))?.status == 0 { return true }
        #expect(!CommandRunner.toolsRequired, "\(tool) is required (PEERCONF_REQUIRE_TOOLS=1); install it (.ci/run does)")
        print("SKIPPED: \(tool) not found; the real-parser check did not run")
        return false
    }

    static func split(_ name: String) -> (scenario: String, rollback: Bool) {
        name.hasSuffix(" rollback") ? (String(name.dropLast(9)), true) : (name, false)
    }

    @Test("vtysh --dryrun accepts every FRR output", arguments: allCases)
    func frr(_ name: String) throws {
        guard Self.available("vtysh") else { return }
        let (scenario, rollback) = Self.split(name)
        let output = try Scenarios.render(scenario, vendor: .frr, rollback: rollback)
        #expect(!output.isError, "\(output.text)")
        let directory = try TemporaryDirectory()
        let file = try directory.write("frr.conf", output.text)
        let result = try CommandRunner.runTool("vtysh", ["--dryrun", "-f", file.path])
        #expect(result.status == 0, "vtysh rejected \(name):\n\(result.stdout)\(result.stderr)")
    }

    @Test("bird -p accepts every BIRD output, alone and included from a bird.conf", arguments: allCases)
    func bird(_ name: String) throws {
        guard Self.available("bird") else { return }
        let (scenario, rollback) = Self.split(name)
        let output = try Scenarios.render(scenario, vendor: .bird, rollback: rollback)
        if output.isError { return }   // a key BIRD cannot take: covered by the golden .error file
        let directory = try TemporaryDirectory()
        let file = try directory.write("vif.conf", output.text)
        let main = try directory.write("bird.conf", "protocol device {\n}\ninclude \"\(file.path)\";\n")
        let included = try CommandRunner.runTool("bird", ["-p", "-c", main.path])
        #expect(included.status == 0, "bird rejected \(name) included from bird.conf:\n\(included.stderr)")
        if !rollback {
            let alone = try CommandRunner.runTool("bird", ["-p", "-c", file.path])
            #expect(alone.status == 0, "bird rejected \(name):\n\(alone.stderr)")
        }
    }

    /// A combining mark after `"` or `!` makes one Swift character of the two; the
    /// routers read bytes. (BIRD's string once closed early on it.)
    @Test("a description with a combining mark after a quote and after a '!' is accepted, still one string")
    func combiningMarks() throws {
        let description = "Peer \"\u{301}quoted\" !\u{301}bang #\u{301}tag"
        let cases: [(vendor: VendorID, tool: String, arguments: [String], expected: String)] = [
            (.bird, "bird", ["-p", "-c"], "\"Peer '\u{301}quoted' !\u{301}bang #\u{301}tag\""),
            (.frr, "vtysh", ["--dryrun", "-f"], "description Peer \"\u{301}quoted\" _\u{301}bang _\u{301}tag\n"),
        ]
        for (vendor, tool, arguments, expected) in cases where Self.available(tool) {
            var definition = try Scenarios.definition("bgp-ipv4", vendor: vendor)
            definition.virtualInterfaces[0].peers[0].description = description
            let text = try ConfigRenderer.render(definition, vendor: vendor).get()[0].text
            #expect(text.contains(expected), "\(text)")
            let directory = try TemporaryDirectory()
            let file = try directory.write("\(vendor.rawValue).conf", text)
            let result = try CommandRunner.runTool(tool, arguments + [file.path])
            #expect(result.status == 0, "\(tool) rejected:\n\(result.stdout)\(result.stderr)\n\(text)")
        }
    }

    @Test("two virtual interfaces' BIRD files can be included side by side")
    func birdSideBySide() throws {
        guard Self.available("bird") else { return }
        let directory = try TemporaryDirectory()
        var includes = "protocol device {\n}\n"
        for scenario in ["dual-stack", "bfd", "static-ipv4", "bgp-ipv6"] {
            let file = try directory.write("\(scenario).conf", try Scenarios.render(scenario, vendor: .bird).text)
            includes += "include \"\(file.path)\";\n"
        }
        let main = try directory.write("bird.conf", includes)
        let result = try CommandRunner.runTool("bird", ["-p", "-c", main.path])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("vtysh --dryrun rejects a broken line (the check can fail)")
    func frrCheckCanFail() throws {
        guard Self.available("vtysh") else { return }
        let directory = try TemporaryDirectory()
        let file = try directory.write("frr.conf", "router bgp 65010\n neighbor 192.168.0.1 remote-as banana\n")
        #expect(try CommandRunner.runTool("vtysh", ["--dryrun", "-f", file.path]).status != 0)
    }
}
