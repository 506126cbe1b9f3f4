import Foundation
import Testing
import Workload
@testable import PeerConf

/// The parallel, streaming batch of `render` and `netconf` with `--output-dir`: the same
/// bytes as the single-threaded path, nothing half-written, nothing left behind on error.
@Suite("batch pipeline: parallel, streaming, byte-identical (the built executable)")
struct BatchPipelineTests {
    static let environment = [SyntheticDefinitions.keyVariable: SyntheticDefinitions.keyValue]

    /// Generated files of 100 interfaces each (dual stack, static and BGP, 1-50 subnets).
    static func writeBatch(in directory: borrowing TemporaryDirectory, files: Int = 2, interfaces: Int = 100) throws -> [String] {
        try (0..<files).map { file in
            let text = SyntheticDefinitions(seed: 7 + UInt64(file)).yaml(interfaces: interfaces, connectionPrefix: "dc-test-\(file)-", namePrefix: "vif-\(file)-")
            return try directory.write("batch-\(file).yaml", text).path
        }
    }

    /// Every file under `root` (relative path -> bytes), hidden ones included.
    static func tree(_ root: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[path] = try Data(contentsOf: URL(fileURLWithPath: root + "/" + path)) }
        }
        return files
    }

    @Test("--jobs 4 writes exactly the files and manifest of --jobs 1, which are the library's single-threaded renders")
    func byteIdentical() throws {
        let directory = try TemporaryDirectory()
        let files = try Self.writeBatch(in: directory)
        var trees: [[String: Data]] = []
        for jobs in ["1", "4"] {
            let out = directory.url.appendingPathComponent("out-\(jobs)").path
            let render = try CommandRunner.run(["render"] + files + ["--all-vendors", "--output-dir", out, "--jobs", jobs], environment: Self.environment)
            #expect(render.status == 0, "\(render.stderr)")
            #expect(render.stderr == "peerconf: wrote 2200 files under \(out) and manifest.json\n")
            let netconf = try CommandRunner.run(["netconf"] + files + ["--all-models", "--output-dir", out, "--jobs", jobs], environment: Self.environment)
            #expect(netconf.status == 0, "\(netconf.stderr)")
            #expect(netconf.stderr == "peerconf: wrote 1000 files under \(out)\n")
            trees.append(try Self.tree(out))
        }
        #expect(trees[0].count == 2200 + 1000 + 1)
        #expect(trees[0].keys.sorted() == trees[1].keys.sorted())
        let differing = trees[0].keys.filter { trees[0][$0] != trees[1][$0] }
        #expect(differing.isEmpty, "differ: \(differing.sorted().prefix(5))")

        // The reference: the library's one-interface-after-another renderers, in memory.
        let options = LoadOptions(environment: Self.environment)
        var expected: [String: String] = [:]
        for file in files {
            let definition = try #require(DefinitionLoader.load(file: file, options: options).definition)
            for vendor in VendorID.allCases {
                for config in try ConfigRenderer.render(definition, vendor: vendor, options: RenderOptions(secrets: .redact)).get() {
                    expected[config.relativePath] = config.text
                }
            }
            for model in NetconfModel.allCases {
                for document in try NetconfRenderer.render(definition, model: model, options: NetconfOptions(secrets: .redact)).get() {
                    expected[document.relativePath] = document.text
                }
            }
        }
        let written = trees[1].filter { $0.key != OutputManifest.fileName }
        #expect(written.count == expected.count)
        #expect(written.allSatisfy { expected[$0.key].map { Data($0.utf8) } == $0.value })
        let manifest = try OutputManifest.parse(try #require(trees[1][OutputManifest.fileName]))
        #expect(manifest.entries.count == expected.count)
        #expect(manifest.entries.allSatisfy { expected[$0.file].map(SHA256.hex) == $0.digest })

        // Standard output (kept in memory) is the same for any number of jobs too.
        let one = try CommandRunner.run(["render", files[0], "--vendor", "junos", "--jobs", "1"], environment: Self.environment)
        let many = try CommandRunner.run(["render", files[0], "--vendor", "junos", "--jobs", "3"], environment: Self.environment)
        #expect(one.status == 0 && one.stdout == many.stdout && !one.stdout.isEmpty)

        // --check over the whole batch: up to date, then one edited file is reported.
        let out = directory.url.appendingPathComponent("out-4").path
        let check = try CommandRunner.run(["render"] + files + ["--all-vendors", "--output-dir", out, "--check", "--jobs", "1"], environment: Self.environment)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        try "edited\n".write(toFile: out + "/vif-1-50/eos.cfg", atomically: true, encoding: .utf8)
        let stale = try CommandRunner.run(["netconf"] + files + ["--all-models", "--output-dir", out, "--check", "--jobs", "3"], environment: Self.environment)
        #expect(stale.status == 3)
        #expect(stale.stdout == "changed: vif-1-50/eos.cfg (its content differs from the digest in manifest.json)\n")
    }

    @Test("a platform error late in the batch leaves the previous files as they were and no temporary behind")
    func failureHalfway() throws {
        let directory = try TemporaryDirectory()
        var files = try Self.writeBatch(in: directory)
        let out = directory.url.appendingPathComponent("out").path
        let first = try CommandRunner.run(["render"] + files + ["--all-vendors", "--output-dir", out], environment: Self.environment)
        #expect(first.status == 0, "\(first.stderr)")
        let before = try Self.tree(out)

        // The last file now takes its keys from a variable holding a '"', which BIRD cannot
        // take: every other output of the batch renders (and streams) before the error.
        // (Only the last interface's peers: the errors stay short enough for a pipe.)
        var last = try String(contentsOfFile: files[1], encoding: .utf8).replacingOccurrences(of: "Synthetic peer", with: "Changed peer")
        let lastInterface = try #require(last.range(of: "  - name: vif-1-99\n"))
        last.replaceSubrange(lastInterface.lowerBound..., with: last[lastInterface.lowerBound...]
            .replacingOccurrences(of: "routing_mode: static", with: "routing_mode: bgp\n        bgp_asn: 65001\n        bgp_md5_key_env: PEERCONF_BENCH_KEY")
            .replacingOccurrences(of: "bgp_md5_key_env: \(SyntheticDefinitions.keyVariable)", with: "bgp_md5_key_env: BAD_KEY"))
        files[1] = try directory.write("batch-1.yaml", last).path
        var environment = Self.environment
        environment["BAD_KEY"] = "Bad\"Key-2026"
        let failed = try CommandRunner.run(["render"] + files + ["--all-vendors", "--output-dir", out], environment: environment)
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("peerconf: error: bird: "), "\(failed.stderr.prefix(500))")
        #expect(!failed.stderr.contains("Bad\"Key-2026"))
        #expect(try Self.tree(out) == before)

        // A write error (a file where an interface's folder goes) also restores nothing
        // half-done: exit 2, previous files intact, no temporaries.
        let fresh = directory.url.appendingPathComponent("fresh").path
        try FileManager.default.createDirectory(atPath: fresh, withIntermediateDirectories: true)
        try "in the way\n".write(toFile: fresh + "/vif-1-99", atomically: true, encoding: .utf8)
        let blocked = try CommandRunner.run(["render"] + files + ["--vendor", "frr", "--output-dir", fresh], environment: Self.environment.merging(["BAD_KEY": "Good-Key"]) { $1 })
        #expect(blocked.status == 2, "\(blocked.stderr)")
        #expect(blocked.stderr.contains("vif-1-99"))
        #expect(try Self.tree(fresh).keys.sorted() == ["vif-1-99"])
    }

    @Test("no progress bar when standard error is not a terminal")
    func noProgressWhenPiped() throws {
        let directory = try TemporaryDirectory()
        let files = try Self.writeBatch(in: directory)
        let out = directory.url.appendingPathComponent("out").path
        let output = try CommandRunner.run(["netconf"] + files + ["--model", "openconfig", "--output-dir", out], environment: Self.environment)
        #expect(output.status == 0)
        #expect(output.stderr == "peerconf: wrote 200 files under \(out)\n")
    }
}
