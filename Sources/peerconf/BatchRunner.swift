import ArgumentParser
import Foundation
import PeerConf

/// Options every batch command takes.
struct BatchOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Virtual interfaces rendered at once (default: one per core). The output is the same bytes for any N.", valueName: "n"))
    var jobs: Int = BatchPipeline.defaultJobs

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs takes a number from 1.") }
    }
}

/// The part of `render` and `netconf` that runs a batch: plan, pipeline, progress bar,
/// write errors.
enum BatchRunner {
    static func plan<Target>(_ build: () throws(BatchTargetMissing) -> BatchPlan<Target>) throws -> BatchPlan<Target> {
        do {
            return try build()
        } catch {
            FileHandle.standardError.write(Data("peerconf: \(error.message)\n".utf8))
            throw ExitCode(.inputFailure)
        }
    }

    /// Starts reading the manifest of the output folder a batch will update, so that it
    /// is read while the definitions load; nil when the batch will not update one.
    static func prefetchManifest(outputDir: String?, check: Bool, updateManifest: Bool) -> ManifestPrefetch? {
        guard let outputDir, !check, updateManifest else { return nil }
        return ManifestPrefetch(directory: outputDir)
    }

    static func run<Target>(
        _ plan: BatchPlan<Target>, outputDir: String?, check: Bool, updateManifest: Bool, prefetched: ManifestPrefetch?, options: BatchOptions,
        step: @escaping BatchStep<Target>
    ) async throws -> BatchOutcome {
        let destination: BatchDestination = switch (outputDir, check) {
        case (nil, _): .memory
        case (let directory?, true): .check(directory)
        case (let directory?, false): .directory(directory, updateManifest: updateManifest, prefetched: prefetched)
        }
        let bar = ProgressBar.forStandardError(total: plan.items.count)
        defer { bar?.finish() }
        do {
            return try await BatchPipeline.run(plan, to: destination, jobs: options.jobs, progress: bar.map { bar in { done, _ in bar.update(done) } }, render: step)
        } catch {
            bar?.finish()
            FileHandle.standardError.write(Data("peerconf: error: \(error)\n".utf8))
            throw ExitCode(.inputFailure)
        }
    }

    static func report(_ problems: [RenderProblem]) {
        for problem in problems {
            FileHandle.standardError.write(Data("peerconf: error: \(problem)\n".utf8))
        }
    }
}

/// A one-line progress bar on standard error, only when it is a terminal and the batch is
/// long enough to wait for; redrawn at most ten times a second, erased at the end (so
/// the messages after it start on a clean line).
final class ProgressBar {
    /// Batches shorter than this finish before a bar would be useful.
    static let minimumItems = 200

    private let total: Int
    private let start = ContinuousClock.now
    private var lastDraw: ContinuousClock.Instant?
    private var drawn = false
    private var finished = false
    private let width = 30

    private init(total: Int) { self.total = total }

    /// Nil when standard error is not a terminal (piped, redirected, CI logs) or the batch
    /// is short. `PEERCONF_PROGRESS=0` turns it off on a terminal too.
    static func forStandardError(total: Int) -> ProgressBar? {
        guard total >= minimumItems, isatty(STDERR_FILENO) == 1,
              ProcessInfo.processInfo.environment["PEERCONF_PROGRESS"] != "0" else { return nil }
        return ProgressBar(total: total)
    }

    func update(_ done: Int) {
        guard !finished else { return }
        let now = ContinuousClock.now
        if let lastDraw, now - lastDraw < .milliseconds(100), done < total { return }
        lastDraw = now
        let filled = total == 0 ? width : done * width / total
        let elapsed = now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let line = "\r[\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] \(done)/\(total) virtual interfaces, \(String(format: "%.1f", seconds)) s"
        FileHandle.standardError.write(Data(line.utf8))
        drawn = true
    }

    func finish() {
        guard !finished else { return }
        finished = true
        if drawn {
            // Erase the line: carriage return, clear to end of line.
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        }
    }
}
