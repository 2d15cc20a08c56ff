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

    static func run(_ arguments: [String], stdin: Data = Data()) throws -> Outcome {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
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

    static func run(_ arguments: [String], stdin: String) throws -> Outcome {
        try run(arguments, stdin: Data(stdin.utf8))
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
