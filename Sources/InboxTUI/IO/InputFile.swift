import ArgumentParser
import Foundation

/// A file named on the command line, opened for reading; `-` is standard input.
struct InputFile {
    let label: String
    let descriptor: Int32
    /// A regular file never blocks; a pipe or terminal may, and the importer commits
    /// before it waits on one.
    let isRegularFile: Bool

    /// Opens every file before any is read, so a typo stops the command before it
    /// imports half of its inputs. Exit status 2 when one cannot be opened.
    static func openAll(_ paths: [String]) throws -> [InputFile] {
        var opened: [InputFile] = []
        for path in paths {
            let descriptor = path == "-" ? 0 : Foundation.open(path, O_RDONLY)
            guard descriptor >= 0 else {
                StandardStreams.error("webcare: \(path): \(String(cString: strerror(errno)))")
                opened.forEach { $0.close() }
                throw ExitCode(2)
            }
            var status = stat()
            fstat(descriptor, &status)
            if status.st_mode & S_IFMT == S_IFDIR {
                StandardStreams.error("webcare: \(path): is a directory")
                throw ExitCode(2)
            }
            opened.append(InputFile(label: path == "-" ? "stdin" : path, descriptor: descriptor,
                                    isRegularFile: status.st_mode & S_IFMT == S_IFREG))
        }
        return opened
    }

    func close() {
        if descriptor != 0 { _ = Foundation.close(descriptor) }
    }
}
