import Foundation
import PeerConf
import Workload

/// The rest of the suite (after the validation rows of main.swift): render throughput per
/// vendor and NETCONF model, the template path against a direct Swift builder, the
/// end-to-end batch with the release `peerconf`, and its cold start.
enum Suite {
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Median of `runs` timings of `body`, after one warm-up run.
    static func timed(runs: Int, _ body: () -> Void) -> Double {
        body()
        var times: [Double] = []
        for _ in 0..<runs {
            let start = ContinuousClock.now
            body()
            times.append(seconds(ContinuousClock.now - start))
        }
        return times.sorted()[times.count / 2]
    }

    static func row(_ name: String, _ value: String) { print("| \(name) | \(value) |") }

    static func run(definition: Definition, peerconf: String, quick: Bool, work: String) {
        let intents = try! IntentBuilder.intents(for: definition).get()
        let runs = quick ? 1 : 3
        let options = RenderOptions(secrets: .redact)

        for vendor in VendorID.allCases {
            let time = timed(runs: runs, Rounds.render(intents, vendor: vendor))
            row("render \(vendor.rawValue), 1 core", String(format: "%.0f renders/s (%.0f µs each)", Double(intents.count) / time, time / Double(intents.count) * 1e6))
        }
        for model in NetconfModel.allCases {
            let time = timed(runs: runs, Rounds.netconf(intents, model: model))
            row("netconf \(model.rawValue), 1 core", String(format: "%.0f renders/s (%.0f µs each)", Double(intents.count) / time, time / Double(intents.count) * 1e6))
        }

        // Template path against the same text built directly in Swift.
        let frr = Dialects.dialect(for: .frr)
        let frrTemplates = try! TemplateSet(vendor: .frr)
        var mismatches = 0
        for intent in intents {
            let viaTemplate = try! ConfigRenderer.render(intent, dialect: frr, templates: frrTemplates, options: options).get().text
            if viaTemplate != FRRDirect.render(intent, dialect: frr) { mismatches += 1 }
        }
        let templateTime = timed(runs: runs + 2, Rounds.render(intents, vendor: .frr))
        let directTime = timed(runs: runs + 2) {
            for intent in intents { _ = FRRDirect.render(intent, dialect: frr) }
        }
        row("frr template path vs direct Swift builder", String(format: "%.1f µs vs %.1f µs per render: %.2f× (output %@)",
            templateTime / Double(intents.count) * 1e6, directTime / Double(intents.count) * 1e6, templateTime / directTime,
            mismatches == 0 ? "byte-identical" : "DIFFERS for \(mismatches) interfaces"))

        endToEnd(peerconf: peerconf, quick: quick, work: work)
        coldStart(peerconf: peerconf, runs: quick ? 5 : 21)
    }

    // MARK: - The release executable

    /// `work` is where the inputs and outputs go: on the disk the figures are about (not a
    /// tmpfs), and not /tmp on machines where it is slow to create files in.
    static func endToEnd(peerconf: String, quick: Bool, work root: String) {
        let work = "\(root)/peerconf-bench-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: work) }
        try! FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let inputs = writeInputs(in: work)
        let environment = [SyntheticDefinitions.keyVariable: SyntheticDefinitions.keyValue]
        var totals: [Double] = [], memories: [Int] = []
        var renderRow = "", netconfRow = "", writingFloor = ""
        let floor = fileSystemFloor(in: "\(work)/floor")
        for run in 0..<(quick ? 1 : 3) {
            let out = "\(work)/out-\(run)"
            let render = Child.run(peerconf, ["render"] + inputs + ["--all-vendors", "--output-dir", out], environment: environment)
            let netconf = Child.run(peerconf, ["netconf"] + inputs + ["--all-models", "--output-dir", out], environment: environment)
            guard render.status == 0, netconf.status == 0 else {
                print("end-to-end failed: render \(render.status), netconf \(netconf.status)")
                return
            }
            let written = (try? FileManager.default.subpathsOfDirectory(atPath: out).count) ?? 0
            if run == 0 { writingFloor = fileWritingFloor(like: out, in: "\(work)/floor-bytes") }
            removeAndSettle(out)
            totals.append(render.seconds + netconf.seconds)
            memories.append(max(render.maxRSSKiB, netconf.maxRSSKiB))
            renderRow = String(format: "%.2f s, %@, peak %.0f MB", render.seconds, render.cpu, Double(render.maxRSSKiB) / 1024)
            netconfRow = String(format: "%.2f s, %@, peak %.0f MB (%d files and folders under the output folder)", netconf.seconds, netconf.cpu, Double(netconf.maxRSSKiB) / 1024, written)
        }
        let median = totals.sorted()[totals.count / 2]
        row("file system: creating 160,000 empty files in the same folders, 1 thread", String(format: "%.2f s (%@)", floor, work))
        row("file system: writing the same files' bytes, no rendering, one thread per core", writingFloor)
        row("end to end: render 10 × 1,000 interfaces --all-vendors --output-dir (last run)", renderRow)
        row("end to end: netconf 10 × 1,000 interfaces --all-models --output-dir (last run)", netconfRow)
        row("end to end: 10,000 interfaces × (11 vendors + 5 models), 160,000 files", String(format: "%.2f s wall (median of %d), peak memory %.0f MB", median, totals.count, Double(memories.max()!) / 1024))
    }

    /// The end-to-end run's ten definition files of 1,000 interfaces (distinct seeds and
    /// names), written into `directory`; their paths.
    static func writeInputs(in directory: String) -> [String] {
        try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return (0..<10).map { file -> String in
            let path = "\(directory)/defs-\(file).yaml"
            let text = SyntheticDefinitions(seed: 2026 + UInt64(file)).yaml(interfaces: 1_000, connectionPrefix: "dc-bench-\(file)-", namePrefix: "vif-\(file)-")
            try! text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
    }

    /// The time the file system alone takes to create as many files as the end-to-end run
    /// writes (10,000 folders of 16), with no content: the floor under that figure.
    /// Deletes `path` and waits for the file system to finish with it. Each run starts
    /// in the same state, with the previous run's memory free again on a tmpfs; on a disk
    /// mounted with `discard`, deleting 2.5 GB keeps the disk busy well after `rm`
    /// returns, which without the `sync` would be measured as the next run's time.
    static func removeAndSettle(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
        sync()
    }

    static func fileSystemFloor(in directory: String) -> Double {
        defer { removeAndSettle(directory) }
        let start = ContinuousClock.now
        mkdir(directory, 0o755)
        for folder in 0..<10_000 {
            let path = "\(directory)/vif-\(folder)"
            mkdir(path, 0o755)
            for file in 0..<16 {
                let descriptor = open("\(path)/\(file).cfg", O_WRONLY | O_CREAT | O_EXCL, 0o644)
                if descriptor >= 0 { close(descriptor) }
            }
        }
        return seconds(ContinuousClock.now - start)
    }

    /// The time the file system takes to write files of the same paths and sizes as the
    /// run's output folder `like` (open, one write, close; no rendering, no temporary, no
    /// digest), on as many threads as peerconf uses: what a run cannot go below here.
    static func fileWritingFloor(like output: String, in directory: String) -> String {
        defer { removeAndSettle(directory) }
        let paths = ((try? FileManager.default.subpathsOfDirectory(atPath: output)) ?? []).sorted()
        let files: [(path: String, size: Int)] = paths.compactMap { path in
            var status = stat()
            guard stat("\(output)/\(path)", &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
            return (path, Int(status.st_size))
        }
        let bytes = [UInt8](repeating: UInt8(ascii: "x"), count: files.map(\.size).max() ?? 0)
        let jobs = BatchPipeline.defaultJobs
        let start = ContinuousClock.now
        mkdir(directory, 0o755)
        DispatchQueue.concurrentPerform(iterations: jobs) { job in
            var folder = ""
            for (path, size) in files[files.count * job / jobs ..< files.count * (job + 1) / jobs] {
                let target = "\(directory)/\(path)"
                let parent = String(target[..<target.lastIndex(of: "/")!])
                if parent != folder {
                    mkdir(parent, 0o755)
                    folder = parent
                }
                let descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                guard descriptor >= 0 else { continue }
                _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, size) }
                close(descriptor)
            }
        }
        let total = files.reduce(0) { $0 + $1.size }
        return String(format: "%.2f s (%d files, %.2f GB, %d threads)", seconds(ContinuousClock.now - start), files.count, Double(total) / 1e9, jobs)
    }

    static func coldStart(peerconf: String, runs: Int) {
        var times: [Double] = []
        for _ in 0..<runs {
            let child = Child.run(peerconf, ["render", "Examples/vif-prod-01.yaml", "--vendor", "frr"], environment: ["DC_MD5_KEY": "Example-Key.2026"])
            guard child.status == 0 else {
                print("cold start failed (exit \(child.status)); run the bench from the package folder")
                return
            }
            times.append(child.seconds)
        }
        let sorted = times.sorted()
        row("cold start: render Examples/vif-prod-01.yaml --vendor frr", String(format: "%.1f ms median of %d (min %.1f, max %.1f)%@", sorted[runs / 2] * 1000, runs, sorted[0] * 1000, sorted[runs - 1] * 1000, linkage))
    }

    /// How the binaries were linked, which moves the cold start by a third: binding the
    /// symbols of the shared Swift libraries at every start took about 6 of 16 ms here.
    /// The bench is built by the same `swift build` as `peerconf`, so its own process tells.
    static var linkage: String {
        #if os(Linux)
        guard let maps = try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8) else { return "" }
        return maps.contains("libswiftCore.so")
            ? "; shared Swift libraries: build with --static-swift-stdlib (README, Performance)"
            : "; Swift runtime linked in"
        #else
        return ""
        #endif
    }
}

/// A child process with its wall time, CPU time and peak resident memory (`wait4`'s
/// rusage, for exactly that child); standard output and error go to /dev/null.
enum Child {
    struct Result {
        var status: Int32
        var seconds: Double
        var maxRSSKiB: Int
        /// CPU seconds in the process and in the kernel for it. Steadier than the wall
        /// time on a machine whose speed drifts, and with it they show how busy the cores
        /// were (2 cores x wall is the most there is).
        var userSeconds = 0.0
        var systemSeconds = 0.0

        var cpu: String {
            String(format: "%.2f user + %.2f system CPU-s", userSeconds, systemSeconds)
        }
    }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String]) -> Result {
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        env["PEERCONF_PROGRESS"] = "0"
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        let start = ContinuousClock.now
        guard posix_spawn(&pid, executable, &actions, nil, argv, envp) == 0 else {
            return Result(status: -1, seconds: 0, maxRSSKiB: 0)
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let elapsed = Suite.seconds(ContinuousClock.now - start)
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: exitStatus, seconds: elapsed, maxRSSKiB: usage.ru_maxrss,
                      userSeconds: Self.seconds(usage.ru_utime), systemSeconds: Self.seconds(usage.ru_stime))
    }

    static func seconds(_ time: timeval) -> Double {
        Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000
    }
}
