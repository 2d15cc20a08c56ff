import GRDB

/// An import that stopped part-way (a full disk, an I/O error): what had been committed
/// by then stays, and running the same import again adds the rest, since what is
/// already there counts as a duplicate.
public struct ImportInterrupted: Error, CustomStringConvertible {
    /// What was committed before it stopped.
    public var committed: ImportTotals
    public var cause: any Error

    public var description: String {
        let stored = "\(committed.imported) mention\(committed.imported == 1 ? "" : "s") were committed before it stopped"
        if let error = cause as? DatabaseError, error.resultCode == .SQLITE_FULL {
            return "the disk is full: \(stored); free some space and run the same import again: "
                + "it adds what is missing and leaves what is there"
        }
        let reason = (cause as? DatabaseError).flatMap(\.message) ?? "\(cause)"
        return "stopped: \(reason); \(stored); running the same import again completes it"
    }
}
