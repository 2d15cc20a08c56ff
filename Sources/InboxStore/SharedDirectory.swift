import Foundation

/// A directory where a team shares one inbox on one box: owned by the team's group,
/// setgid so every file created in it (the database's -wal and -shm too) belongs to the
/// group, open to the group and closed to everyone else, because the database holds
/// customers' personal data.
public enum SharedDirectory {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Directory mode: rwx for owner and group, setgid (files belong to the group),
    /// sticky (a member cannot remove or replace another's files, the database among
    /// them), nothing for others.
    public static let directoryMode: mode_t = 0o3770
    /// Database mode: rw for owner and group. SQLite gives its -wal and -shm files the
    /// database's mode.
    public static let databaseMode: mode_t = 0o660

    /// Prepares `directory` for `group` (a group name; nil: the directory's group if it
    /// exists, else the caller's primary group) and returns the database path in it.
    ///
    /// Safe to run again, also as root: nothing is followed through a symlink, and a
    /// database, -wal or -shm that is not a regular file owned by the directory's owner
    /// or the caller is refused rather than changed.
    public static func prepare(_ directory: String, group: String?) throws -> String {
        let gid = try groupID(group, directory: directory)
        if mkdir(directory, 0o700) != 0, errno != EEXIST { throw failure("cannot create \(directory)") }
        let handle = open(directory, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard handle >= 0 else {
            throw errno == ELOOP || errno == ENOTDIR
                ? Failure(description: "\(directory) is not a directory (or is a symbolic link); refusing to use it")
                : failure("cannot open \(directory)")
        }
        defer { close(handle) }
        var status = stat()
        guard fstat(handle, &status) == 0 else { throw failure("cannot read \(directory)") }
        guard status.st_uid == geteuid() || geteuid() == 0 else {
            throw Failure(description: "\(directory) belongs to user \(status.st_uid); only they or root can set it up")
        }
        let owners: Set<uid_t> = [status.st_uid, geteuid()]
        guard fchown(handle, uid_t.max, gid) == 0 else { throw failure("cannot give \(directory) to group \(gid)") }
        guard fchmod(handle, directoryMode) == 0 else { throw failure("cannot set the mode of \(directory)") }
        let path = (directory as NSString).appendingPathComponent(DatabaseLocation.fileName)
        for file in [path, path + "-wal", path + "-shm"] {
            if file != path, !exists(file) { continue }
            do {
                try PrivateFile.ensure(file, mode: databaseMode, group: gid, owners: owners)
            } catch {
                throw Failure(description: error.description)
            }
        }
        return path
    }

    private static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
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
