import Foundation

/// Runs the built `webcare` binary as a user or script would, feeding stdin and capturing
/// both outputs and the exit status.
struct WebcareProcess {
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
        let stdoutBytes: Data
    }

    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("webcare")
    }

    /// No test reads the configuration of whoever runs the suite.
    static let isolated = ["XDG_CONFIG_HOME": "/nonexistent/webcare-test-config"]

    /// Runs the binary (or `executable`) with `arguments`, in the environment of the
    /// suite plus `environment`, and without the user's config.toml.
    static func run(_ arguments: [String], stdin: Data = Data(), environment: [String: String] = [:],
                    executable: String? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = executable.map { URL(fileURLWithPath: $0) } ?? binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(isolated) { $1 }.merging(environment) { $1 }
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(stdin)
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                       stderr: String(decoding: err, as: UTF8.self), stdoutBytes: out)
    }

    static func run(_ arguments: [String], stdin: String, environment: [String: String] = [:],
                    executable: String? = nil) throws -> Outcome {
        try run(arguments, stdin: Data(stdin.utf8), environment: environment, executable: executable)
    }

    /// A copy of the binary at `path` (mode 0755), for a user who cannot enter the
    /// checkout or to run it from elsewhere. Written through a close-on-exec descriptor,
    /// and run once before it is handed over: a process another test forks at the
    /// moment of copying holds the file open for writing until it execs, and running the
    /// copy then fails with "Text file busy"; the trial run waits that moment out.
    static func copyBinary(to path: String) throws {
        let data = try Data(contentsOf: binary)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o755)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let written = data.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        guard written == data.count else { throw POSIXError(.EIO) }
        chmod(path, 0o755)
        for _ in 0..<200 {
            let trial = Process()
            trial.executableURL = URL(fileURLWithPath: path)
            trial.arguments = ["--help"]
            trial.standardOutput = FileHandle.nullDevice
            trial.standardError = FileHandle.nullDevice
            do {
                try trial.run()
                trial.waitUntilExit()
                return
            } catch {
                usleep(10_000)
            }
        }
        throw POSIXError(.ETXTBSY)
    }

    /// Any processes whose command line contains `text` (found in /proc).
    static func pids(containing text: String) throws -> [pid_t] {
        try FileManager.default.contentsOfDirectory(atPath: "/proc").compactMap { entry -> pid_t? in
            guard let pid = pid_t(entry), pid != getpid(),
                  let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return nil }
            return String(decoding: data, as: UTF8.self).contains(text) ? pid : nil
        }
    }

    /// Children, grandchildren … of `parent` (from the parent ids in /proc).
    static func descendants(of parent: pid_t) -> [pid_t] {
        let parents: [(pid: pid_t, parent: pid_t)] = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [])
            .compactMap { entry in
                guard let pid = pid_t(entry), let data = FileManager.default.contents(atPath: "/proc/\(entry)/stat") else { return nil }
                // pid (name) state ppid …; the name may hold spaces, so read after the last ')'.
                let text = String(decoding: data, as: UTF8.self)
                guard let close = text.lastIndex(of: ")") else { return nil }
                let fields = text[text.index(after: close)...].split(separator: " ")
                return fields.count > 1 ? pid_t(fields[1]).map { (pid, $0) } : nil
            }
        var found: [pid_t] = []
        var frontier = [parent]
        while let next = frontier.popLast() {
            let children = parents.filter { $0.parent == next }.map(\.pid)
            found += children
            frontier += children
        }
        return found
    }

    /// The webcare processes whose command line names `argument` (found in /proc).
    static func pids(of argument: String) throws -> [pid_t] {
        try FileManager.default.contentsOfDirectory(atPath: "/proc").compactMap { entry -> pid_t? in
            guard let pid = pid_t(entry),
                  let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return nil }
            let arguments = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            guard arguments.first == binary.path, arguments.contains(argument) else { return nil }
            return pid
        }
    }
}
