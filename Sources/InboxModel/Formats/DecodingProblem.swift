import Foundation

extension ImportProblem {
    /// A `DecodingError` as the field it is about and what is wrong, in words a person
    /// fixing the file understands ("author.followers: expected a number, found a string").
    init(_ error: Error, prefix: String? = nil) {
        func path(_ keys: [CodingKey], _ last: CodingKey? = nil) -> String {
            var text = prefix ?? ""
            for key in keys + (last.map { [$0] } ?? []) {
                if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            return text.isEmpty ? "record" : text
        }
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            self.init(path(context.codingPath, key), "missing")
        case DecodingError.valueNotFound(let type, let context):
            self.init(path(context.codingPath), "is null, expected \(Self.noun(for: type))")
        case DecodingError.typeMismatch(let type, let context):
            self.init(path(context.codingPath), "expected \(Self.noun(for: type))\(Self.found(context.debugDescription))")
        case DecodingError.dataCorrupted(let context):
            if context.codingPath.isEmpty {
                self.init("record", "not valid JSON")
            } else {
                self.init(path(context.codingPath), context.debugDescription)
            }
        case let problem as ImportProblem:
            self = problem
        default:
            self.init("record", String(describing: error))
        }
    }

    private static func noun(for type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type, is Int64.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "a list"
        default: "an object"
        }
    }

    /// ", found a string" from Foundation's "… but found a string instead."
    private static func found(_ description: String) -> String {
        guard let range = description.range(of: "found ") else { return "" }
        let rest = description[range.upperBound...].replacingOccurrences(of: " instead.", with: "")
        return ", found \(rest)"
    }
}

extension DecodedRecord {
    /// Decodes `T` from `json` and makes records of it, or one rejection naming the field
    /// that stopped the decoder.
    static func decoding<T: Decodable>(_ type: T.Type, from json: Data, _ records: (T) -> [DecodedRecord])
        -> [DecodedRecord]
    {
        do {
            return records(try JSONDecoder().decode(type, from: json))
        } catch {
            return [DecodedRecord(.rejected(ImportProblem(error)))]
        }
    }
}
