/// Step 5 of the allegation flow: draft carefully, always respectful. The
/// machine cannot judge tone, but it can catch the two ways an angry reply
/// shows on the surface: shouting in capitals and stacked exclamation marks.
enum RespectCheck {
    static func problem(in text: String) -> String? {
        if text.contains("!!") { return "keep it respectful: no stacked exclamation marks" }
        let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
        let capitals = letters.filter { $0.properties.isUppercase }.count
        if letters.count >= 12 && capitals * 2 > letters.count {
            return "keep it respectful: no shouting in capitals"
        }
        return nil
    }
}
