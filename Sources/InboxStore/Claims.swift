import Foundation
import GRDB

extension Inbox {
    /// How long a claim lasts without renewal. An inbox renews well within it while the
    /// agent has the mention open; an agent whose ssh session drops loses it after this.
    public static let claimLease: TimeInterval = 90

    /// How long an inbox keeps renewing a claim without a key from its agent: a few
    /// minutes of reading is normal; longer, the agent is gone (or their connection is
    /// frozen) and the mention should go back to the team.
    public static let claimIdle: TimeInterval = 5 * 60

    /// Opens mention `number` for this agent: takes it when free, expired or already
    /// ours (which renews the lease). When another agent holds it, returns their claim
    /// and takes nothing: the caller shows who is on it.
    @discardableResult
    public func claim(_ number: Int64, at now: Date = Date(), lease: TimeInterval = claimLease) throws -> Claim {
        try write { db in try StoreOperations.claim(SQLiteRunner(db: db), agent: agent, number, at: now, lease: lease) }
    }

    /// Lets go of mention `number` if this agent holds it.
    public func release(_ number: Int64) throws {
        try write { db in try StoreOperations.release(SQLiteRunner(db: db), agent: agent, number) }
    }
}
