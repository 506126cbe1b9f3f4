import Foundation

/// Runs the built `peerconf` and measures its peak resident memory. A run that has not
/// ended after a minute is stopped and reported with status -1 (a hang, not slowness).
///
/// The memory comes from a small Python parent's `RUSAGE_CHILDREN`: Linux carries a
/// process's peak across `exec` from the memory it was started in, so a child spawned
/// straight from the (large) test process would report the test process's size.
enum ResourceMeter {
    struct Measurement {
        var status: Int32
        /// Peak resident set size of peerconf, in KiB.
        var maximumResidentKiB: Int
        var stdout: String
    }

    static let script = """
    import resource, subprocess, sys
    try:
        run = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=60)
        status, stdout = run.returncode, run.stdout
    except subprocess.TimeoutExpired as stopped:
        status, stdout = -1, stopped.stdout or b""
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    sys.stdout.write(f"{status} {peak}\\n")
    sys.stdout.write(stdout.decode("utf-8", "replace"))
    """

    /// nil when python3 is not installed.
    static func run(_ arguments: [String]) throws -> Measurement? {
        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, CommandRunner.executable.path] + arguments
        process.currentDirectoryURL = CommandRunner.packageRoot
        let stdout = Pipe()
        process.standardOutput = stdout
        try process.run()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard let newline = text.firstIndex(of: "\n") else { return nil }
        let fields = text[..<newline].split(separator: " ")
        guard fields.count == 2, let status = Int32(fields[0]), let peak = Int(fields[1]) else { return nil }
        return Measurement(status: status, maximumResidentKiB: peak, stdout: String(text[text.index(after: newline)...]))
    }
}
