import Foundation

/// A directory where a team shares one inbox on one box: owned by the team's group,
/// setgid so every file created in it (the database's -wal and -shm too) belongs to the
/// group, open to the group and closed to everyone else, because the database holds
/// customers' personal data.
public enum SharedDirectory {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Directory mode: rwx for owner and group, setgid, nothing for others.
    public static let directoryMode: mode_t = 0o2770
    /// Database mode: rw for owner and group. SQLite gives its -wal and -shm files the
    /// database's mode.
    public static let databaseMode: mode_t = 0o660

    /// Prepares `directory` for `group` (a group name; nil: the directory's group if it
    /// exists, else the caller's primary group) and returns the database path in it.
    public static func prepare(_ directory: String, group: String?) throws -> String {
        let gid = try groupID(group, directory: directory)
        if !FileManager.default.fileExists(atPath: directory) {
            guard mkdir(directory, 0o700) == 0 else { throw failure("cannot create \(directory)") }
        }
        guard chown(directory, uid_t.max, gid) == 0 else { throw failure("cannot give \(directory) to group \(gid)") }
        guard chmod(directory, directoryMode) == 0 else { throw failure("cannot set the mode of \(directory)") }
        let path = (directory as NSString).appendingPathComponent(DatabaseLocation.fileName)
        let descriptor = open(path, O_CREAT | O_RDWR, databaseMode)
        guard descriptor >= 0 else { throw failure("cannot create \(path)") }
        defer { close(descriptor) }
        // The umask may have taken group write away; the group must be able to write.
        guard fchown(descriptor, uid_t.max, gid) == 0, fchmod(descriptor, databaseMode) == 0 else {
            throw failure("cannot give \(path) to the group")
        }
        return path
    }

    private static func groupID(_ name: String?, directory: String) throws -> gid_t {
        if let name {
            guard let entry = getgrnam(name) else { throw Failure(description: "no group '\(name)'") }
            return entry.pointee.gr_gid
        }
        var status = stat()
        if stat(directory, &status) == 0 { return status.st_gid }
        return getgid()
    }

    private static func failure(_ what: String) -> Failure {
        Failure(description: "\(what): \(String(cString: strerror(errno)))")
    }
}
