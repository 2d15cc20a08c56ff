/// Twitter's APIs escape `&`, `<` and `>` in tweet text as HTML entities; the text an
/// agent reads and a reply counts against has them back.
enum HTMLEntities {
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
