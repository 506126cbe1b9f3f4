import Foundation

/// A generated file for an output folder: where it goes, what it holds, and which
/// platform it is for (recorded in the manifest).
public struct GeneratedFile: Sendable, Hashable {
    /// Relative to the output folder, `/`-separated, e.g. `vif-prod-01/frr.cfg`.
    public var relativePath: String
    public var contents: String
    /// The vendor (or vendor/model) the file is for, e.g. `frr`.
    public var vendor: String

    public init(relativePath: String, contents: String, vendor: String) {
        self.relativePath = relativePath
        self.contents = contents
        self.vendor = vendor
    }

    public var manifestEntry: OutputManifest.Entry {
        OutputManifest.Entry(file: relativePath, vendor: vendor, digest: SHA256.hex(contents))
    }
}

/// Output folders kept in version control: generated files plus `manifest.json`, written so
/// that several commands (render, netconf) can share one folder, and checked without
/// writing (`--check`, for CI).
public enum GeneratedFiles {
    /// Writes `files` atomically (see `OutputDirectory`) and then the manifest, merged with
    /// the one already in `directory`: entries for the files written here are replaced,
    /// every other entry is kept. With `updateManifest: false` (files that carry real keys)
    /// the manifest is left as it is.
    public static func write(_ files: [GeneratedFile], to directory: String, updateManifest: Bool = true) throws(OutputDirectory.WriteError) {
        for file in files where file.relativePath == OutputManifest.fileName {
            throw OutputDirectory.WriteError(path: file.relativePath, reason: "a generated file cannot be named like the manifest")
        }
        var outputs = files.map { OutputDirectory.File(relativePath: $0.relativePath, contents: $0.contents) }
        if updateManifest {
            let existing: OutputManifest
            do {
                existing = try OutputManifest.read(from: directory) ?? OutputManifest(entries: [])
            } catch {
                throw OutputDirectory.WriteError(path: manifestPath(directory), reason: "\(error.reason); move it away or fix it, peerconf does not overwrite it")
            }
            let merged = existing.merging(files.map(\.manifestEntry))
            // Written last: the manifest never lists a file before it is in place.
            outputs.append(OutputDirectory.File(relativePath: OutputManifest.fileName, contents: merged.json))
        }
        try OutputDirectory.write(outputs, to: directory)
    }

    /// Compares what a run would write with `directory`, writing nothing.
    public static func check(_ files: [GeneratedFile], against directory: String) -> CheckReport {
        let findings = files.compactMap { checkFile($0, in: directory) }
        return CheckReport(findings: findings + checkManifest(files.map(\.manifestEntry), against: directory))
    }

    /// Whether `file` is in `directory` with exactly this content (nil when it is).
    public static func checkFile(_ file: GeneratedFile, in directory: String) -> CheckReport.Finding? {
        switch read(file.relativePath, in: directory) {
        case nil: .init(kind: .missing, file: file.relativePath)
        case let bytes? where !bytes.elementsEqual(file.contents.utf8): .init(kind: .stale, file: file.relativePath)
        default: nil
        }
    }

    /// The manifest's findings, given the entries of every file a run would write: the
    /// manifest itself, and the files other commands generated (whose digests it holds).
    public static func checkManifest(_ produced: [OutputManifest.Entry], against directory: String) -> [CheckReport.Finding] {
        var findings: [CheckReport.Finding] = []
        let producedFiles = Set(produced.map(\.file))
        let existing: OutputManifest?
        do {
            existing = try OutputManifest.read(from: directory)
        } catch {
            return [.init(kind: .stale, file: OutputManifest.fileName, detail: error.reason)]
        }
        guard let existing else {
            return [.init(kind: .missing, file: OutputManifest.fileName)]
        }
        if read(OutputManifest.fileName, in: directory) != Array(existing.merging(produced).json.utf8) {
            findings.append(.init(kind: .stale, file: OutputManifest.fileName))
        }
        // Files other commands generated: the manifest says what they held.
        for entry in existing.entries where !producedFiles.contains(entry.file) {
            switch read(entry.file, in: directory) {
            case nil: findings.append(.init(kind: .missing, file: entry.file, detail: "listed in \(OutputManifest.fileName)"))
            case let bytes? where SHA256.hex(bytes) != entry.digest:
                findings.append(.init(kind: .changed, file: entry.file, detail: "its content differs from the digest in \(OutputManifest.fileName)"))
            default: break
            }
        }
        return findings
    }

    static func manifestPath(_ directory: String) -> String {
        URL(fileURLWithPath: directory).appendingPathComponent(OutputManifest.fileName).path
    }

    private static func read(_ relativePath: String, in directory: String) -> [UInt8]? {
        let url = URL(fileURLWithPath: directory).appendingPathComponent(relativePath)
        return (try? Data(contentsOf: url)).map { Array($0) }
    }
}

/// What `--check` found: files that are missing or differ from what would be written,
/// and manifest entries whose files changed since they were generated.
public struct CheckReport: Sendable, Equatable {
    public struct Finding: Sendable, Hashable, CustomStringConvertible {
        public enum Kind: String, Sendable {
            /// Would be written but is not there.
            case missing
            /// Is there with other content than would be written.
            case stale
            /// Listed in the manifest (by another command) with another digest.
            case changed
        }

        public var kind: Kind
        public var file: String
        public var detail: String?

        public init(kind: Kind, file: String, detail: String? = nil) {
            self.kind = kind
            self.file = file
            self.detail = detail
        }

        /// `stale: vif-a/frr.cfg`, with the detail in parentheses.
        public var description: String {
            "\(kind.rawValue): \(file)" + (detail.map { " (\($0))" } ?? "")
        }
    }

    /// Sorted by file, then kind.
    public var findings: [Finding]

    public init(findings: [Finding]) {
        self.findings = findings.sorted { ($0.file, $0.kind.rawValue) < ($1.file, $1.kind.rawValue) }
    }

    public var isUpToDate: Bool { findings.isEmpty }
}
