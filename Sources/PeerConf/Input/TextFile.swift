import Foundation

/// Reads a whole file as UTF-8 text, refusing what is not a definition: directories,
/// devices and pipes, oversized files, binary files (a NUL byte), invalid UTF-8. The
/// checks on the file's kind and size come before the read, so a 10 GB file or a
/// device costs nothing; the content checks name the line and column of the first bad
/// byte.
enum TextFile {
    struct Failure: Error, Sendable {
        var reason: String
        /// Where in the file the problem is (1-based), when it is at a byte.
        var line = 1
        var column = 1
        /// The file is over a size limit (rule `limit`), rather than unreadable.
        var isLimit = false
    }

    static func read(_ path: String, limit: Int) -> Result<String, Failure> {
        var status = stat()
        guard stat(path, &status) == 0 else {
            return .failure(Failure(reason: String(cString: strerror(errno)).lowercased()))
        }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return .failure(Failure(reason: "it is a directory"))
        case S_IFREG: break
        default: return .failure(Failure(reason: "it is not a regular file"))
        }
        guard Int(status.st_size) <= limit else {
            return .failure(Failure(reason: "it is \(status.st_size) bytes; the limit is \(limit) bytes", isLimit: true))
        }
        // Non-blocking: should the path be swapped for a pipe after `stat`, or be a file
        // that waits for data (`/proc/kmsg`), reading fails instead of hanging. The
        // opened file is checked again.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .failure(Failure(reason: "permission denied or unreadable"))
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var opened = stat()
        guard fstat(descriptor, &opened) == 0, opened.st_mode & S_IFMT == S_IFREG else {
            return .failure(Failure(reason: "it is not a regular file"))
        }
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            return .failure(Failure(reason: "read error"))
        }
        guard data.count <= limit else {
            return .failure(Failure(reason: "it is larger than the limit of \(limit) bytes", isLimit: true))
        }
        return text(data)
    }

    /// `data` as text, or where it stops being text.
    static func text(_ data: Data) -> Result<String, Failure> {
        let nul = data.withUnsafeBytes { bytes -> Int? in
            guard let base = bytes.baseAddress, let found = memchr(base, 0, bytes.count) else { return nil }
            return UnsafeRawPointer(found) - base
        }
        if let offset = nul {
            let (line, column) = position(of: offset, in: data)
            return .failure(Failure(reason: "it contains a NUL byte (byte offset \(offset)): a binary file, not a text definition", line: line, column: column))
        }
        if let text = String(validating: data, as: UTF8.self) {
            return .success(text)
        }
        let offset = firstInvalidUTF8(in: data)
        let (line, column) = position(of: offset, in: data)
        return .failure(Failure(reason: "it is not UTF-8 text (invalid byte 0x\(String(data[data.startIndex + offset], radix: 16, uppercase: true)) at byte offset \(offset)); save it as UTF-8", line: line, column: column))
    }

    /// The offset of the first byte that does not belong to a valid UTF-8 sequence.
    private static func firstInvalidUTF8(in data: Data) -> Int {
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return max(0, data.count - 1)
            case .error: return min(offset, data.count - 1)
            }
        }
    }

    /// 1-based line and column (in characters) of a byte offset; the text before it is
    /// valid UTF-8.
    private static func position(of offset: Int, in data: Data) -> (line: Int, column: Int) {
        let before = data.prefix(offset)
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? data.startIndex
        let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let column = String(decoding: data[lineStart..<(data.startIndex + offset)], as: UTF8.self).unicodeScalars.count + 1
        return (line, column)
    }
}
