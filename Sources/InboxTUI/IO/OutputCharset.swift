import Foundation

/// Whether the locale says the terminal shows UTF-8 (LANG, LC_ALL, LC_CTYPE): reports draw
/// bars in Unicode blocks then, and in plain ASCII in a C locale.
enum OutputCharset {
    static let isUTF8: Bool = {
        setlocale(LC_CTYPE, "")
        return String(cString: nl_langinfo(nl_item(CODESET))) == "UTF-8"
    }()
}
