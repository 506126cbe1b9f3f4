import Foundation

/// `manifest.json` of an output folder: one entry per generated file with its vendor and
/// the SHA-256 of its content, sorted by file, one entry per line (so a changed file
/// changes one line of the manifest in a diff), byte-stable.
///
/// A large batch lists 160,000 files (over 20 MB), so reading, merging and writing avoid
/// per-entry Foundation objects and whole-manifest dictionaries: the manifest peerconf
/// wrote is read line by line (`CanonicalManifestReader`), entries are merged as two
/// sorted lists, and the JSON is appended into one string.
public struct OutputManifest: Sendable, Equatable {
    public static let fileName = "manifest.json"
    public static let version = 1

    public struct Entry: Sendable, Hashable {
        public var file: String
        public var vendor: String
        /// SHA-256 of the file's bytes, 64 lowercase hex digits.
        public var digest: String

        public init(file: String, vendor: String, digest: String) {
            self.file = file
            self.vendor = vendor
            self.digest = digest
        }
    }

    public struct ReadError: Error, Sendable {
        public var reason: String
    }

    /// Sorted by file; one entry per file.
    public private(set) var entries: [Entry]

    /// Keeps the last entry given for each file.
    public init(entries: [Entry]) {
        self.entries = Self.sortedKeepingLast(entries)
    }

    /// `entries` already sorted by file, each file once.
    private init(sortedUniqueEntries entries: [Entry]) {
        self.entries = entries
    }

    /// This manifest with `newer` replacing the entries for the same files.
    public func merging(_ newer: [Entry]) -> OutputManifest {
        let newer = Self.sortedKeepingLast(newer)
        var merged: [Entry] = []
        merged.reserveCapacity(entries.count + newer.count)
        var old = entries[...], new = newer[...]
        while let first = old.first, let replacement = new.first {
            if first.file < replacement.file {
                merged.append(first)
                old = old.dropFirst()
            } else {
                if first.file == replacement.file { old = old.dropFirst() }
                merged.append(replacement)
                new = new.dropFirst()
            }
        }
        merged += old
        merged += new
        return OutputManifest(sortedUniqueEntries: merged)
    }

    /// Sorted by file; of several entries for one file, the last given.
    ///
    /// Swift's sort is stable, so entries for one file keep their order and one
    /// comparison of files decides each step (sorting positions with the position as a
    /// tie-break compared two strings per step, through two lookups: 90 ms of the end of a
    /// 110,000-file batch).
    private static func sortedKeepingLast(_ entries: [Entry]) -> [Entry] {
        let sorted = entries.sorted { $0.file < $1.file }
        var result: [Entry] = []
        result.reserveCapacity(sorted.count)
        for entry in sorted {
            if let last = result.last, last.file == entry.file {
                result[result.count - 1] = entry
            } else {
                result.append(entry)
            }
        }
        return result
    }

    /// The manifest's exact bytes (UTF-8), ending with a newline.
    public var json: String {
        var bytes: [UInt8] = []
        writeJSON { bytes += $0 }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The bytes of `json` in pieces of about 64 KB, in order: a 160,000-file manifest is
    /// over 20 MB, which a writer need not hold at once. Built as bytes: appending to a
    /// String keeps its UTF-8 bookkeeping up to date at every one of the million appends.
    func writeJSON(_ emit: ([UInt8]) -> Void) {
        let header = "{\n  \"version\": \(Self.version),\n  \"digest_algorithm\": \"sha256\",\n"
        guard !entries.isEmpty else { return emit(Array((header + "  \"files\": []\n}\n").utf8)) }
        let pieceSize = 64 * 1024
        var piece = Array(header.utf8)
        piece.reserveCapacity(pieceSize + 1024)
        piece += "  \"files\": [\n".utf8
        for (index, entry) in entries.enumerated() {
            piece += "    {\"file\": ".utf8
            Self.appendQuoted(entry.file, to: &piece)
            piece += ", \"vendor\": ".utf8
            Self.appendQuoted(entry.vendor, to: &piece)
            piece += ", \"digest\": ".utf8
            Self.appendQuoted(entry.digest, to: &piece)
            piece += (index == entries.count - 1 ? "}\n" : "},\n").utf8
            if piece.count >= pieceSize {
                emit(piece)
                piece.removeAll(keepingCapacity: true)
            }
        }
        piece += "  ]\n}\n".utf8
        emit(piece)
    }

    /// The manifest in `directory`, nil when there is none.
    public static func read(from directory: String) throws(ReadError) -> OutputManifest? {
        let url = URL(fileURLWithPath: GeneratedFiles.manifestPath(directory))
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        guard let data = try? Data(contentsOf: url) else {
            throw ReadError(reason: "\(fileName) cannot be read")
        }
        return try parse(data)
    }

    public static func parse(_ data: Data) throws(ReadError) -> OutputManifest {
        // The layout peerconf writes, read without building a JSON object tree; anything
        // else (edited by hand, reformatted, escaped characters) takes the general path.
        if let fields = CanonicalManifestReader.fields(in: data) {
            var entries: [Entry] = []
            entries.reserveCapacity(fields.count)
            for (file, vendor, digest) in fields {
                entries.append(try entry(file: file, vendor: vendor, digest: digest))
            }
            let sortedUnique = zip(entries, entries.dropFirst()).allSatisfy { $0.file < $1.file }
            return sortedUnique ? OutputManifest(sortedUniqueEntries: entries) : OutputManifest(entries: entries)
        }
        let invalid = ReadError(reason: "\(fileName) is not a peerconf manifest")
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              Set(object.keys) == ["version", "digest_algorithm", "files"],
              (object["version"] as? NSNumber)?.intValue == version,
              object["digest_algorithm"] as? String == "sha256",
              let files = object["files"] as? [Any] else {
            throw invalid
        }
        var entries: [Entry] = []
        for item in files {
            guard let fields = item as? [String: Any], Set(fields.keys) == ["file", "vendor", "digest"],
                  let file = fields["file"] as? String, let vendor = fields["vendor"] as? String,
                  let digest = fields["digest"] as? String else {
                throw invalid
            }
            entries.append(try entry(file: file, vendor: vendor, digest: digest))
        }
        return OutputManifest(entries: entries)
    }

    /// An entry whose path stays inside the folder and whose digest is a SHA-256 in hex.
    private static func entry(file: String, vendor: String, digest: String) throws(ReadError) -> Entry {
        guard isPathInsideFolder(file) else {
            throw ReadError(reason: "\(fileName) lists '\(file)', which is not a path inside the folder")
        }
        guard digest.utf8.count == 64, digest.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            throw ReadError(reason: "\(fileName) has a digest for '\(file)' that is not a SHA-256 in hex")
        }
        return Entry(file: file, vendor: vendor, digest: digest)
    }

    /// Relative, `/`-separated, every component non-empty and neither `.` nor `..`.
    /// Checked byte by byte: a 160,000-entry manifest is read before a batch starts.
    static func isPathInsideFolder(_ path: String) -> Bool {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        var length = 0, dots = 0
        func componentIsValid() -> Bool { length > 0 && !(dots == length && length <= 2) }
        for byte in path.utf8 {
            if byte == slash {
                guard componentIsValid() else { return false }
                length = 0
                dots = 0
            } else {
                length += 1
                if byte == dot { dots += 1 }
            }
        }
        return componentIsValid()
    }

    /// A JSON string literal.
    static func quoted(_ text: String) -> String { JSONValue.quote(text) }

    /// Appends `quoted(text)`; text with nothing to escape (every path and digest
    /// peerconf writes) is appended as it is.
    private static func appendQuoted(_ text: String, to output: inout [UInt8]) {
        if needsEscaping(text) {
            output += quoted(text).utf8
        } else {
            output.append(UInt8(ascii: "\""))
            output += text.utf8
            output.append(UInt8(ascii: "\""))
        }
    }

    private static func needsEscaping(_ text: String) -> Bool {
        let special: (UInt8) -> Bool = { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        // In place for native strings (a tight loop over the bytes), 480,000 times per
        // 160,000-file manifest.
        return text.utf8.withContiguousStorageIfAvailable { $0.contains(where: special) } ?? text.utf8.contains(where: special)
    }
}

/// Reads the entries of a manifest laid out exactly as `OutputManifest.json` writes it,
/// with no escaped characters; nil for anything else, which the JSON parser then reads.
enum CanonicalManifestReader {
    static func fields(in data: Data) -> [(file: String, vendor: String, digest: String)]? {
        data.withUnsafeBytes { raw in
            var reader = Cursor(bytes: raw.bindMemory(to: UInt8.self))
            guard reader.skip("{\n  \"version\": \(OutputManifest.version),\n  \"digest_algorithm\": \"sha256\",\n  \"files\": [") else { return nil }
            var fields: [(file: String, vendor: String, digest: String)] = []
            if reader.skip("]\n}\n") { return reader.atEnd ? fields : nil }
            guard reader.skip("\n") else { return nil }
            // Vendors repeat: one string per vendor, shared by its entries.
            var vendors: [String: String] = [:]
            while true {
                guard reader.skip("    {\"file\": "), let file = reader.string(),
                      reader.skip(", \"vendor\": "), let vendorText = reader.string(),
                      reader.skip(", \"digest\": "), let digest = reader.string(),
                      reader.skip("}") else { return nil }
                let vendor = vendors[vendorText] ?? vendorText
                vendors[vendor] = vendor
                fields.append((file, vendor, digest))
                if reader.skip(",\n") { continue }
                guard reader.skip("\n  ]\n}\n"), reader.atEnd else { return nil }
                return fields
            }
        }
    }

    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        var atEnd: Bool { position == bytes.count }

        /// Consumes `literal` when the bytes continue with it.
        mutating func skip(_ literal: StaticString) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard bytes.count - position >= count,
                  memcmp(bytes.baseAddress! + position, literal.utf8Start, count) == 0 else { return false }
            position += count
            return true
        }

        mutating func skip(_ literal: String) -> Bool {
            var literal = literal
            return literal.withUTF8 { utf8 in
                guard bytes.count - position >= utf8.count,
                      memcmp(bytes.baseAddress! + position, utf8.baseAddress!, utf8.count) == 0 else { return false }
                position += utf8.count
                return true
            }
        }

        /// A quoted string without escapes or control characters, as valid UTF-8.
        mutating func string() -> String? {
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { return nil }
            let start = position + 1
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
                if bytes[end] < 0x20 || bytes[end] == UInt8(ascii: "\\") { return nil }
                end += 1
            }
            guard end < bytes.count else { return nil }
            position = end + 1
            return String(validating: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }
}
