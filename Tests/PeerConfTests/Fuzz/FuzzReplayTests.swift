import Foundation
import PeerConfFuzzing
import PropertyBased
import Testing
@testable import PeerConf

/// The fuzzer's invariants (`FuzzOracle`, run by `Tests/Fuzz/run.sh`) on its seeds and on
/// every input it ever found (`Tests/Fuzz/regressions/`), so a finding stays fixed.
@Suite("Fuzzing: seeds and former findings keep every invariant")
struct FuzzReplayTests {
    static let fuzzRoot = CommandRunner.packageRoot.appendingPathComponent("Tests/Fuzz")

    static func files(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().filter { $0 != "README.md" && !$0.hasPrefix(".") }.map { folder.appendingPathComponent($0) }
    }

    static var regressions: [URL] { files(in: fuzzRoot.appendingPathComponent("regressions")) }

    /// The corpus `run.sh` starts from.
    static var seeds: [URL] {
        let fixtures = CommandRunner.packageRoot.appendingPathComponent("Tests/PeerConfTests/Fixtures")
        return files(in: fixtures.appendingPathComponent("scenarios")) + files(in: fixtures).filter { $0.pathExtension == "json" }
            + [CommandRunner.packageRoot.appendingPathComponent("Examples/vif-prod-01.yaml")]
            + files(in: fuzzRoot.appendingPathComponent("seeds"))
    }

    @Test("every former finding in Tests/Fuzz/regressions keeps every invariant")
    func regressionInputs() throws {
        #expect(!Self.regressions.isEmpty)
        for file in Self.regressions {
            let outcome = FuzzOracle.check(try Data(contentsOf: file))
            #expect(outcome.violations.isEmpty, "\(file.lastPathComponent): \(outcome.violations)")
        }
    }

    @Test("every seed keeps every invariant; the valid ones render for the vendors")
    func seedInputs() throws {
        #expect(Self.seeds.count >= 20)
        var validated = 0, rendered = 0
        for file in Self.seeds {
            let outcome = FuzzOracle.check(try Data(contentsOf: file))
            #expect(outcome.violations.isEmpty, "\(file.lastPathComponent): \(outcome.violations)")
            if outcome.validated { validated += 1 }
            rendered += outcome.rendered
            if file.deletingLastPathComponent().lastPathComponent == "scenarios" {
                #expect(outcome.validated, "\(file.lastPathComponent) did not validate in the oracle")
            }
        }
        #expect(validated >= 17)
        #expect(rendered >= 15 * 11)
    }

    @Test("structured inputs (0xFF, then free text split at NUL) are valid definitions whatever the bytes, and keep every invariant", .shrinking(false))
    func structuredInputs() async {
        // ASCII (NUL separates fields), pieces of multi-byte characters (é, U+2028) and stray bytes.
        let bytes = Gen<UInt8?>.element(of: Array(0...127) + [0xC3, 0xA9, 0xE2, 0x80, 0xA8, 0xFE, 0xFF]).compactMap { $0 }
        await propertyCheck(count: 60, input: bytes.array(of: 0...300)) { bytes in
            let outcome = FuzzOracle.check(Data([FuzzOracle.structuredMarker] + bytes))
            #expect(outcome.validated, "\(FuzzOracle.structured(Data(bytes)))")
            #expect(outcome.violations.isEmpty, "\(outcome.violations)")
        }
    }

    // MARK: The oracle catches what it is meant to

    @Test("an extra line, a changed command, a broken quote and a comment word are violations")
    func comparisonCatches() {
        let neutral = "interface QQi0.100\n description QQd0x0\n set description \"QQd0x1\" end\n neighbor QQv0-QQp0x0 remote-as 64512\n"
        // The same text with real values: fine.
        #expect(FuzzOracle.compare("interface eth1.100\n description a b c\n set description \"x y\" end\n neighbor vif-1-p remote-as 64512\n",
                                   neutral: neutral, vendor: .frr).isEmpty)
        // A description that adds a line.
        #expect(!FuzzOracle.compare("interface eth1.100\n description a\nshutdown\n set description \"x\" end\n neighbor v-p remote-as 64512\n",
                                    neutral: neutral, vendor: .frr).isEmpty)
        // A changed command.
        #expect(!FuzzOracle.compare("interface eth1.100\n description a\n set description \"x\" end\n neighbor v-p remote-as 1\n",
                                    neutral: neutral, vendor: .frr).isEmpty)
        // A quoted value that closes early.
        #expect(!FuzzOracle.compare("interface eth1.100\n description a\n set description \"x\" y\" end\n neighbor v-p remote-as 64512\n",
                                    neutral: neutral, vendor: .frr).isEmpty)
        // An unquoted name that became two words.
        #expect(!FuzzOracle.compare("interface eth1.100\n description a\n set description \"x\" end\n neighbor v p remote-as 64512\n",
                                    neutral: neutral, vendor: .frr).isEmpty)
        // A word starting a comment in rest-of-line text (FRR), fine where it is not one.
        #expect(!FuzzOracle.compare("interface eth1.100\n description a !b\n set description \"x\" end\n neighbor v-p remote-as 64512\n",
                                    neutral: neutral, vendor: .frr).isEmpty)
        #expect(FuzzOracle.compare("interface eth1.100\n description a !b\n set description \"x\" end\n neighbor v-p remote-as 64512\n",
                                   neutral: neutral, vendor: .iosXE).isEmpty)
        // RouterOS escapes quotes inside strings.
        #expect(FuzzOracle.compare("interface eth1.100\n description a\n set description \"x\\\" y\" end\n neighbor v-p remote-as 64512\n",
                                   neutral: neutral, vendor: .routerOS).isEmpty)
    }

    @Test("the neutral definition replaces every free-text field")
    func neutralization() throws {
        let definition = try Scenarios.definition("special-description", vendor: .frr)
        let neutral = FuzzOracle.neutralized(definition)
        let vif = neutral.virtualInterfaces[0]
        #expect(vif.name == "QQv0" && vif.router?.interface == "QQi0")
        #expect(vif.peers[0].name == "QQp0x0" && vif.peers[0].description == "QQd0x0")
        #expect(vif.peers[0].routing.bgp?.md5Key.revealed == "QQk0x0Ab1")
    }

    @Test("findings are one line: text from the file cannot forge a finding or send terminal escapes")
    func oneLineFindings() {
        let result = DefinitionLoader.load(text: "virtual_interface:\n  \"x\\nfake.yaml:1:1: error: forged\": 1\n  \"\\e[31mred\": 2\n  vlan: 1\n",
                                           source: "t.yaml", options: LoadOptions(environment: [:]))
        let lines = result.diagnostics.map(DiagnosticFormatter.text)
        #expect(lines.contains { $0.contains("unknown key 'x\\u{A}fake.yaml:1:1: error: forged'") }, "\(lines)")
        #expect(lines.contains { $0.contains("'\\u{1B}[31mred'") }, "\(lines)")
        #expect(lines.allSatisfy { !$0.contains("\n") && !$0.contains("\u{1B}") })
        #expect(DiagnosticFormatter.printable("a\u{202E}b\u{2028}c") == "a\\u{202E}b\\u{2028}c")
    }

    /// Printable ASCII skips the per-scalar check: every ASCII character is escaped
    /// exactly when the Unicode definition says so, alone and inside other text.
    @Test("every ASCII character: escaped exactly when it is a control character")
    func asciiEscapes() {
        for value in UInt8(0)...0x7F {
            let scalar = Unicode.Scalar(value)
            let expected = DiagnosticFormatter.needsEscape(scalar) ? "\\u{\(String(value, radix: 16, uppercase: true))}" : String(scalar)
            #expect(DiagnosticFormatter.printable(String(scalar)) == expected, "\(value)")
            #expect(DiagnosticFormatter.printable("a\(scalar)é") == "a\(expected)é", "\(value)")
        }
        #expect(DiagnosticFormatter.needsEscape("\u{7F}") && !DiagnosticFormatter.needsEscape("~") && DiagnosticFormatter.needsEscape("\u{1F}"))
    }
}
