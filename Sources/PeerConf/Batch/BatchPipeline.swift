import Foundation
import Synchronization

/// One rendered output of a batch: a file for `--output-dir`, a document for standard output.
public struct BatchFile: Sendable {
    /// `<vif>/<name>`, relative to the output folder.
    public var relativePath: String
    public var text: String {
        get { content.string }
        set { content = .string(newValue) }
    }
    /// The text as it was made (a String, or bytes written and hashed as they are).
    public var content: FileText
    /// What the manifest records as the file's platform (`frr`, `netconf-junos`).
    public var label: String
    /// A line for standard error once the batch succeeded (NETCONF confirmed commits).
    public var note: String?

    public init(relativePath: String, text: String, label: String, note: String? = nil) {
        self.init(relativePath: relativePath, content: .string(text), label: label, note: note)
    }

    public init(relativePath: String, content: FileText, label: String, note: String? = nil) {
        self.relativePath = relativePath
        self.content = content
        self.label = label
        self.note = note
    }

    var generated: GeneratedFile { GeneratedFile(relativePath: relativePath, contents: text, vendor: label) }
}

/// Where a batch's outputs go.
public enum BatchDestination: Sendable {
    /// Kept in memory, in batch order (for standard output).
    case memory
    /// Streamed into a folder (`--output-dir`): temporaries as results arrive, renamed
    /// and the manifest written only when the whole batch succeeded. `prefetched`: the
    /// folder's manifest, already being read.
    case directory(String, updateManifest: Bool, prefetched: ManifestPrefetch? = nil)
    /// Compared with a folder as results arrive (`--check`), writing nothing.
    case check(String)
}

/// What a batch produced.
public struct BatchOutcome: Sendable {
    /// Every reason the batch could not render, in batch order. When there is any, nothing
    /// was written (the temporaries are gone) and `files` is empty.
    public var problems: [RenderProblem] = []
    /// `.memory`: every output, in batch order.
    public var files: [BatchFile] = []
    /// The outputs' notes, in batch order.
    public var notes: [String] = []
    /// How many outputs were rendered (written, kept or compared).
    public var fileCount = 0
    /// `.check`: what differs.
    public var check: CheckReport?
}

/// How a batch renders: called once per interface (to prepare what its targets share,
/// such as the vendor-neutral part of a view model), and what it returns once per target,
/// in order, on the same thread.
public typealias BatchStep<Target: Sendable> = @Sendable (BatchItem<Target>) -> (Target) -> Result<BatchFile, RenderFailure>

/// Renders a batch's virtual interfaces concurrently and hands their outputs on in batch
/// order, so what is written (and every message) is the same bytes whatever the number of
/// jobs.
///
/// Structured concurrency: one task group; at most `jobs` interfaces render at once, and at
/// most `4 x jobs` finished ones wait for an earlier, slower one, so memory stays flat
/// however large the batch. With a folder destination each task writes its own files
/// (to temporaries) right after rendering them, so the text of an output lives only as
/// long as its write; what stays in memory per output is its manifest entry.
public enum BatchPipeline {
    /// The default number of interfaces rendered at once: one per core.
    public static var defaultJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    public static func run<Target>(
        _ plan: BatchPlan<Target>,
        to destination: BatchDestination,
        jobs: Int = defaultJobs,
        progress: ((_ done: Int, _ total: Int) -> Void)? = nil,
        render: @escaping BatchStep<Target>
    ) async throws(OutputDirectory.WriteError) -> BatchOutcome {
        let staging: StagedOutput?
        if case .directory(let directory, let updateManifest, let prefetched) = destination {
            staging = try StagedOutput(directory: directory, updateManifest: updateManifest, prefetched: prefetched)
        } else {
            staging = nil
        }
        // Once anything fails, tasks stop writing temporaries (they still render, so that
        // every problem of the batch is reported at once).
        let failed = FailureFlag()
        if !plan.problems.isEmpty { failed.set() }

        let work: @Sendable (BatchItem<Target>) -> ItemResult = { item in
            var result = ItemResult()
            var folders = StagedOutput.Folders()
            let renderTarget = render(item)
            for target in item.targets {
                switch renderTarget(target) {
                case .failure(let failure):
                    failed.set()
                    result.problems += failure.problems
                case .success(let file):
                    result.notes += file.note.map { [$0] } ?? []
                    result.count += 1
                    switch destination {
                    case .memory:
                        result.files.append(file)
                    case .check(let directory):
                        let generated = file.generated
                        result.entries.append(generated.manifestEntry)
                        if let finding = GeneratedFiles.checkFile(generated, in: directory) {
                            result.findings.append(finding)
                        }
                    case .directory:
                        guard !failed.isSet else { continue }
                        do throws(OutputDirectory.WriteError) {
                            result.staged.append(try staging!.stage(file.relativePath, vendor: file.label, content: file.content,
                                                                    tag: item.index, folders: &folders))
                        } catch {
                            failed.set()
                            result.writeError = result.writeError ?? error
                        }
                    }
                }
            }
            return result
        }

        var outcome = BatchOutcome()
        var staged: [StagedOutput.Staged] = []
        var entries: [OutputManifest.Entry] = []
        var findings: [CheckReport.Finding] = []
        var writeError: OutputDirectory.WriteError?
        var planProblems = zip(plan.problemPositions, plan.problems).makeIterator()
        var pendingProblem = planProblems.next()
        let items = plan.items
        let total = items.count

        // In batch order: the consumer's view is the same as a single loop's.
        func deliver(_ index: Int, _ result: ItemResult) {
            while let (position, problem) = pendingProblem, position <= index {
                outcome.problems.append(problem)
                pendingProblem = planProblems.next()
            }
            outcome.problems += result.problems
            outcome.files += result.files
            outcome.notes += result.notes
            outcome.fileCount += result.count
            staged += result.staged
            entries += result.entries
            findings += result.findings
            if writeError == nil { writeError = result.writeError }
            progress?(index + 1, total)
        }

        let jobs = max(1, jobs)
        let window = jobs * 4
        await withTaskGroup(of: (Int, ItemResult).self) { group in
            var nextToStart = 0
            var nextToDeliver = 0
            var running = 0
            var finished: [Int: ItemResult] = [:]
            while true {
                while running < jobs, nextToStart < total, nextToStart - nextToDeliver < window {
                    let item = items[nextToStart]
                    group.addTask { (item.index, work(item)) }
                    nextToStart += 1
                    running += 1
                }
                guard let (index, result) = await group.next() else { break }
                running -= 1
                finished[index] = result
                while let ready = finished.removeValue(forKey: nextToDeliver) {
                    deliver(nextToDeliver, ready)
                    nextToDeliver += 1
                }
            }
        }
        while let (_, problem) = pendingProblem {
            outcome.problems.append(problem)
            pendingProblem = planProblems.next()
        }

        if let writeError {
            staging?.discard(staged)
            throw writeError
        }
        if !outcome.problems.isEmpty {
            staging?.discard(staged)
            outcome.files = []
            outcome.notes = []
            return outcome
        }
        if let staging {
            try staging.commit(staged, jobs: jobs)
        }
        if case .check(let directory) = destination {
            outcome.check = CheckReport(findings: findings + GeneratedFiles.checkManifest(entries, against: directory))
        }
        return outcome
    }

    private struct ItemResult: Sendable {
        var problems: [RenderProblem] = []
        var files: [BatchFile] = []
        var notes: [String] = []
        var count = 0
        var staged: [StagedOutput.Staged] = []
        var entries: [OutputManifest.Entry] = []
        var findings: [CheckReport.Finding] = []
        var writeError: OutputDirectory.WriteError?
    }
}

private final class FailureFlag: Sendable {
    private let value = Atomic<Bool>(false)
    func set() { value.store(true, ordering: .relaxed) }
    var isSet: Bool { value.load(ordering: .relaxed) }
}
