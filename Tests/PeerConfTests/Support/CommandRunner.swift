import Foundation
import Testing

/// Runs the built `peerconf` executable, as a user would.
struct CommandRunner {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The products folder holds the test resources bundle and the executables.
    static let executable: URL = {
        let products = Bundle.module.bundleURL.deletingLastPathComponent()
        return products.appendingPathComponent("peerconf")
    }()

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL = packageRoot) throws -> Output {
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "DC_MD5_KEY")
        env.merge(environment) { $1 }
        return try launch(executable, arguments, environment: env, in: directory)
    }

    /// Runs another program found on PATH.
    static func runTool(_ name: String, _ arguments: [String]) throws -> Output {
        try launch(URL(fileURLWithPath: "/usr/bin/env"), [name] + arguments, environment: nil, in: nil)
    }

    private static func launch(_ executable: URL, _ arguments: [String], environment: [String: String]?, in directory: URL?) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Read before waiting so a large output cannot fill the pipe and block the child.
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    /// Whether a helper tool (vtysh, bird, yanglint, python3 modules) may be skipped here.
    /// CI sets PEERCONF_REQUIRE_TOOLS=1, which turns every such skip into a failure.
    static var toolsRequired: Bool { ProcessInfo.processInfo.environment["PEERCONF_REQUIRE_TOOLS"] == "1" }
}

/// A temporary folder removed when the test ends.
struct TemporaryDirectory: ~Copyable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("peerconf-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
