import Foundation

/// Who is acting: the Unix account of the process's real user id. Not `$USER` or
/// `$LOGNAME`, which anyone can set to another agent's name.
public enum AgentIdentity {
    public static var current: String { name(of: getuid()) }

    /// The account name of `uid`, or "uid N" when the password database has no entry
    /// (a container running as an unnamed id).
    public static func name(of uid: uid_t) -> String {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        let status = getpwuid_r(uid, &entry, &buffer, buffer.count, &result)
        guard status == 0, result != nil, let name = entry.pw_name else { return "uid \(uid)" }
        return String(cString: name)
    }
}
