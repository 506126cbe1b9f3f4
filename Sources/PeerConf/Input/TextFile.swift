import Foundation

/// Reads a whole file as UTF-8 text, refusing what is not a definition: directories,
/// oversized files, invalid UTF-8. Checks come before the read so a 10 GB file or a
/// device costs nothing.
enum TextFile {
    struct Failure: Error, Sendable {
        var reason: String
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
            return .failure(Failure(reason: "it is \(status.st_size) bytes; the limit is \(limit) bytes"))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(Failure(reason: "permission denied or unreadable"))
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            return .failure(Failure(reason: "read error"))
        }
        guard data.count <= limit else {
            return .failure(Failure(reason: "it is larger than the limit of \(limit) bytes"))
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            return .failure(Failure(reason: "it is not UTF-8 text"))
        }
        return .success(text)
    }
}
