import Foundation
import Testing
@testable import PeerConf

/// The libxml2 wrapper owns its C memory: hundreds of NETCONF documents rendered in one
/// process under valgrind leave no block definitely lost. Skipped loudly without
/// valgrind and objcopy (failed under PEERCONF_REQUIRE_TOOLS=1).
@Suite("NETCONF rendering leaks no memory (valgrind)")
struct NetconfLeakTests {
    /// The check the README documents. `--undef-value-errors=no`: the Swift runtime's
    /// metadata initialisation reads uninitialised padding, which is noise here; leaks
    /// are what this check is about.
    static let valgrindArguments = ["--leak-check=full", "--errors-for-leak-kinds=definite", "--undef-value-errors=no", "--error-exitcode=1"]

    @Test("20 definitions x 5 models as confirmed-commit sessions (700 libxml2 documents) under valgrind")
    func noDefiniteLeaks() throws {
        var missing: [String] = []
        for tool in ["valgrind", "objcopy"] where (try? CommandRunner.runTool("sh", ["-c", "command -v \(tool)"]))?.status != 0 {
            missing.append(tool)
        }
        guard missing.isEmpty else {
            print("SKIPPED: NETCONF leak check NOT run: \(missing.joined(separator: " and ")) not installed (apt-get install valgrind binutils)")
            #expect(!CommandRunner.toolsRequired, "valgrind and objcopy are required in CI")
            return
        }
        let directory = try TemporaryDirectory()
        // valgrind 3.19 cannot read the DWARF 5 debug info of a Swift debug build: check a
        // copy without it (symbols stay).
        let binary = directory.url.appendingPathComponent("peerconf")
        let strip = try CommandRunner.runTool("objcopy", ["--strip-debug", CommandRunner.executable.path, binary.path])
        #expect(strip.status == 0, "\(strip.stderr)")
        let template = try String(contentsOf: Bundle.module.url(forResource: "Fixtures/scenarios/dual-stack", withExtension: "yaml")!, encoding: .utf8)
            .replacingOccurrences(of: "PARENT", with: "GigabitEthernet0/0/1")
        var files: [String] = []
        for index in 1...20 {
            files.append(try directory.write("vif-\(index).yaml", template.replacingOccurrences(of: "name: vif-dual", with: "name: vif-dual-\(index)")).path)
        }
        let out = directory.url.appendingPathComponent("out").path
        let log = directory.url.appendingPathComponent("valgrind.log").path
        let command = Self.valgrindArguments + ["--log-file=\(log)", binary.path, "netconf"] + files
            + ["--all-models", "--session", "--confirmed-commit", "300", "--output-dir", out]
        let result = try CommandRunner.runTool("env", ["PEERCONF_TEST_KEY=Str0ng-Key.2026", "valgrind"] + command)
        let report = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(result.status == 0, "valgrind found definite leaks or the command failed:\n\(result.stderr)\n\(report.suffix(4000))")
        #expect(result.stderr.contains("wrote 100 files"), "\(result.stderr)")
        #expect(report.contains("definitely lost: 0 bytes in 0 blocks") || report.contains("All heap blocks were freed"), "\(report.suffix(2000))")
    }
}
