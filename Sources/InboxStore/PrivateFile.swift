import Foundation

/// Files and directories that hold customers' personal data, created with their final
/// mode from the first byte, whatever the umask, and never through a symlink.
///
/// Creating with the wide default mode and narrowing it afterwards leaves a window in
/// which anyone on the box can open the file; following a symlink another user planted
/// at the name makes us create or change a file of their choosing. Everything here is
/// created with `O_EXCL` (or `mkdir`) at a mode no wider than the final one, then set to
/// exactly that mode through the descriptor, and existing paths are opened with
/// `O_NOFOLLOW` and checked to be what they claim.
public enum PrivateFile {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Creates `path` with `mode` (and `group`) when nothing is there; answers false,
    /// touching nothing, when something already is.
    @discardableResult
    public static func create(_ path: String, mode: mode_t, group: gid_t? = nil) throws(Failure) -> Bool {
        let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode & 0o777)
        guard descriptor >= 0 else {
            if errno == EEXIST { return false }
            throw failure(path)
        }
        defer { close(descriptor) }
        if let group, fchown(descriptor, uid_t.max, group) != 0 { throw failure(path) }
        guard fchmod(descriptor, mode) == 0 else { throw failure(path) }
        return true
    }

    /// Makes sure `path` is a regular file owned by one of `owners` with `mode` and `group`:
    /// creates it when missing, and refuses a symlink, a directory, a device, a file
    /// with other hard links or someone else's file instead of changing it.
    public static func ensure(_ path: String, mode: mode_t, group: gid_t? = nil, owners: Set<uid_t> = [geteuid()]) throws(Failure) {
        if try create(path, mode: mode, group: group) { return }
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ELOOP { throw Failure(description: "\(path) is a symbolic link; refusing to follow it") }
            throw failure(path)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure(path) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw Failure(description: "\(path) is not a regular file; refusing to use it") }
        guard owners.contains(status.st_uid) else {
            throw Failure(description: "\(path) belongs to user \(status.st_uid), not to \(owners.sorted()); refusing to use it")
        }
        guard status.st_nlink == 1 else {
            throw Failure(description: "\(path) has \(status.st_nlink) hard links; refusing to use it")
        }
        if let group, fchown(descriptor, uid_t.max, group) != 0 { throw failure(path) }
        guard fchmod(descriptor, mode) == 0 else { throw failure(path) }
    }

    /// Creates directory `path` (and missing parents, each 0700) with `mode`, or checks
    /// that an existing one is a directory and not a symlink.
    public static func directory(_ path: String, mode: mode_t = 0o700) throws(Failure) {
        var status = stat()
        if lstat(path, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else {
                throw Failure(description: "\(path) is not a directory (or is a symbolic link)")
            }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path, lstat(parent, &status) != 0 { try directory(parent) }
        guard mkdir(path, mode & 0o777) == 0 || errno == EEXIST else { throw failure(path) }
        guard chmod(path, mode) == 0 else { throw failure(path) }
    }

    /// A new directory only this user can enter, at an unpredictable name under the
    /// temporary directory (mkdtemp): nobody can have made it first.
    public static func temporaryDirectory(prefix: String) throws(Failure) -> String {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/" + prefix + "-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw failure(base)
        }
        return String(cString: made)
    }

    /// A new file only this user can read, at an unpredictable name in `directory`
    /// ending in `suffix` (mkstemps), holding `contents`.
    public static func temporaryFile(in directory: String, prefix: String, suffix: String,
                                     contents: String) throws(Failure) -> String {
        var template = Array((directory + "/" + prefix + "-XXXXXX" + suffix).utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, Int32(suffix.utf8.count)) }
        guard descriptor >= 0 else { throw failure(directory) }
        defer { close(descriptor) }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var bytes = Array(contents.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else {
                unlink(path)
                throw failure(path)
            }
            bytes = bytes.dropFirst(written)
        }
        return path
    }

    static func failure(_ path: String) -> Failure {
        Failure(description: "\(path): \(String(cString: strerror(errno)))")
    }
}
