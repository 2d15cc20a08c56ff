import Foundation

/// The project's own JSON Lines format (docs/formats.md): one `Mention` per line, with
/// `postedAt` as an ISO 8601 time. Unknown fields (such as the sample's `expectedKind`)
/// are ignored; optional ones may be left out.
struct WebcareFormat {
    private struct Record: Decodable {
        struct Author: Decodable {
            var handle: String
            var name: String?
            var followers: Int?
            var verified: Bool?
        }

        var platform: String
        var channel: String?
        var id: String
        var conversationID: String?
        var inReplyToID: String?
        var author: Author
        var text: String
        var postedAt: String
        var language: String?
        var link: String?
    }

    let check: RecordCheck
    private let decoder = JSONDecoder()

    init(check: RecordCheck) { self.check = check }

    func records(in line: Data) -> [DecodedRecord] {
        do {
            let record = try line.withUnsafeBytes { raw in Self.scan(raw.bindMemory(to: UInt8.self)) }
                ?? decoder.decode(Record.self, from: line)
            guard let platform = Platform(rawValue: record.platform) else {
                throw ImportProblem("platform", "unknown \(ImportProblem.quoted(record.platform)) (\(Platform.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let channel = try record.channel.map { name in
                guard let channel = MentionChannel(rawValue: name) else {
                    throw ImportProblem("channel", "unknown \(ImportProblem.quoted(name)) (\(MentionChannel.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                return channel
            } ?? .publicMention
            guard let postedAt = Timestamp.parse(record.postedAt) else {
                throw ImportProblem("postedAt", "not a time: \(ImportProblem.quoted(record.postedAt)) (ISO 8601, such as 2026-11-16T08:00:00Z)")
            }
            let author = Author(handle: record.author.handle, name: record.author.name ?? record.author.handle,
                                followers: record.author.followers ?? 0, verified: record.author.verified ?? false)
            let mention = Mention(platform: platform, channel: channel, id: record.id,
                                  conversationID: record.conversationID, inReplyToID: record.inReplyToID,
                                  author: author, text: record.text, postedAt: postedAt, language: record.language,
                                  link: record.link)
            return [DecodedRecord(check.record(mention))]
        } catch {
            return [DecodedRecord(.rejected(ImportProblem(error)))]
        }
    }

    /// The fast path for well-formed lines: the record read straight from the bytes,
    /// or nil for `JSONDecoder` to read it again and name what is wrong.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Record? {
        var scanner = JSONScanner(bytes)
        var platform: String?, channel: String??, id: String?, conversationID: String??, inReplyToID: String??
        var handle: String?, name: String??, followers: Int?, verified: Bool?
        var text: String?, postedAt: String?, language: String??, link: String??
        let isObject = scanner.object { scanner, key in
            switch key {
            case "platform": platform = scanner.string(); return platform != nil
            case "channel": channel = scanner.optionalString(); return channel != nil
            case "id": id = scanner.string(); return id != nil
            case "conversationID": conversationID = scanner.optionalString(); return conversationID != nil
            case "inReplyToID": inReplyToID = scanner.optionalString(); return inReplyToID != nil
            case "text": text = scanner.string(); return text != nil
            case "postedAt": postedAt = scanner.string(); return postedAt != nil
            case "language": language = scanner.optionalString(); return language != nil
            case "link": link = scanner.optionalString(); return link != nil
            case "author":
                return scanner.object { scanner, key in
                    switch key {
                    case "handle": handle = scanner.string(); return handle != nil
                    case "name": name = scanner.optionalString(); return name != nil
                    case "followers": followers = scanner.integer(); return followers != nil
                    case "verified": verified = scanner.boolean(); return verified != nil
                    default: return scanner.skipValue()
                    }
                }
            default: return scanner.skipValue()
            }
        }
        scanner.skipSpace()
        guard isObject, scanner.atEnd, let platform, let id, let handle, let text, let postedAt else { return nil }
        return Record(platform: platform, channel: channel ?? nil, id: id, conversationID: conversationID ?? nil,
                      inReplyToID: inReplyToID ?? nil,
                      author: Record.Author(handle: handle, name: name ?? nil, followers: followers, verified: verified),
                      text: text, postedAt: postedAt, language: language ?? nil, link: link ?? nil)
    }
}
