/// Finds an author's mentions (their earlier mentions beside the one open, the positive
/// ones that make them an ambassador) through a contentless FTS5 table holding one
/// token per mention, instead of a B-tree index on (platform, author_handle).
///
/// Authors arrive in no order, so a B-tree index takes a random page for every imported
/// mention and writes it again at every commit; FTS5 gathers the tokens of a transaction
/// in memory and writes them as one sorted segment, merging segments later.
enum AuthorIndex {
    /// SQL for the author's token: the hex of "platform:handle", letters and digits only,
    /// so the ascii tokenizer keeps it whole, and different for every author (case
    /// included, as the handle is compared as stored).
    static func key(platform: String, handle: String) -> String {
        "hex(\(platform) || ':' || \(handle))"
    }

    /// SQL condition on `m.id`: the mention is by the author whose platform and handle
    /// the SQL operands give.
    static func isBy(platform: String, handle: String) -> String {
        """
        m.id IN (SELECT rowid FROM mention_author_fts
            WHERE mention_author_fts MATCH '"' || \(key(platform: platform, handle: handle)) || '"')
        """
    }
}
