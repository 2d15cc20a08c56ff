import Foundation

/// Where the inbox database is: `--db PATH`, else `$WEBCARE_DB`, else
/// `$XDG_DATA_HOME/webcare/inbox.sqlite` (`~/.local/share/webcare/inbox.sqlite`).
public enum DatabaseLocation {
    public static let fileName = "inbox.sqlite"

    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> String
    {
        if let option, !option.isEmpty { return option }
        if let path = environment["WEBCARE_DB"], !path.isEmpty { return path }
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            dataHome = xdg
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            dataHome = home + "/.local/share"
        }
        return dataHome + "/webcare/" + fileName
    }

    /// Creates the directory that will hold `path` when it is missing, readable by its
    /// owner only: the database holds customers' personal data.
    public static func prepareDirectory(for path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        guard !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) else { return }
        try PrivateFile.directory(directory)
    }
}
