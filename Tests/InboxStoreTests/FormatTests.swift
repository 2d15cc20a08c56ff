import Foundation
@testable import InboxModel
import Testing
@testable import InboxStore

@Suite("Import formats: each maps to Mention values, skips what is not a mention")
struct FormatTests {
    static let formats = sampleData + "/formats"

    /// Imports `file` into a fresh inbox and returns it with the totals.
    func imported(_ file: String, own: [String] = ["NetVia"], mapping: [String: String] = [:]) throws
        -> (Inbox, ImportTotals, [String], TemporaryDirectory)
    {
        let dir = try TemporaryDirectory()
        let inbox = try Inbox(path: dir.database, agent: "alice")
        let (totals, messages) = try inbox.importFile(Self.formats + "/" + file, own: own, mapping: mapping)
        return (inbox, totals, messages, dir)
    }

    @Test("Twitter v2 response: includes.users gives the author, retweets and own posts are skipped, entities decoded")
    func twitterV2() throws {
        let (inbox, totals, messages, _dir) = try imported("twitter-v2-search.json")
        _ = _dir
        #expect(messages.isEmpty)
        #expect(totals.imported == 3 && totals.skipped == [.retweet: 1, .ownPost: 1] && totals.rejected == 0)
        let first = try inbox.mention("twitter:1859912345678901234").mention
        #expect(first == Mention(
            platform: .twitter, channel: .publicMention, id: "1859912345678901234",
            conversationID: "1859912345678901234",
            author: Author(handle: "jdevries_zwolle", name: "Jeroen de Vries", followers: 318),
            text: "@NetVia al sinds vanochtend geen tv & internet in Zwolle-Zuid. Wat is er aan de hand?",
            postedAt: Date(timeIntervalSince1970: 1_794_820_324), language: "nl",
            link: "https://twitter.com/jdevries_zwolle/status/1859912345678901234"))
        let answer = try inbox.mention("1859913999999999999").mention
        #expect(answer.inReplyToID == "1859913111111111111")
        #expect(answer.text.contains("niks <3 voor"))
        let hashtag = try inbox.mention("1859914444444444444").mention
        #expect(hashtag.channel == .hashtag && hashtag.author.followers == 2140)
    }

    @Test("Twitter v2 stream lines: one tweet per line with its users")
    func twitterV2Stream() throws {
        let (inbox, totals, _, _dir) = try imported("twitter-v2-stream.jsonl")
        _ = _dir
        #expect(totals.imported == 2)
        let fan = try inbox.mention("1859920000000000002").mention
        #expect(fan.author == Author(handle: "samokafor", name: "Sam Okafor", followers: 2_100_000, verified: true))
    }

    @Test("Twitter v1.1: followers_count, extended_tweet.full_text over text, HTML entities, retweets skipped")
    func twitterV1() throws {
        let (inbox, totals, _, _dir) = try imported("twitter-v1-statuses.jsonl")
        _ = _dir
        #expect(totals.imported == 2 && totals.skipped == [.retweet: 1])
        let bill = try inbox.mention("1859930000000000001").mention
        #expect(bill.author.followers == 12)
        #expect(bill.text == "@NetVia Waarom is mijn factuur deze maand €20 hoger? Ik heb niks veranderd & niks gebeld")
        #expect(bill.postedAt == Date(timeIntervalSince1970: 1_794_824_400))
        let long = try inbox.mention("1859930000000000002").mention
        #expect(long.text.hasSuffix("iemand opneemt? <Ik wil gewoon opzeggen>"))
    }

    @Test("Facebook webhook: feed comments and page mentions; the page's own comment and reactions skipped")
    func facebook() throws {
        let (inbox, totals, _, _dir) = try imported("facebook-webhook.json", own: [])
        _ = _dir
        #expect(totals.imported == 2 && totals.skipped == [.ownPost: 1, .notSaid: 1])
        let comment = try inbox.mention("facebook:555000111_900100200").mention
        #expect(comment.channel == .comment && comment.conversationID == "104857600000001_555000111")
        #expect(comment.author.name == "Ingrid Smit" && comment.postedAt == Date(timeIntervalSince1970: 1_794_825_600))
        let pageMention = try inbox.mention("facebook:7001002005_123123123").mention
        #expect(pageMention.channel == .publicMention && pageMention.author.handle == "7001002005")
    }

    static let exportMapping = ["Source": "platform", "Type": "channel", "Message ID": "id", "Thread": "conversationID",
                                "Author": "author.handle", "Author Name": "author.name", "Reach": "author.followers",
                                "Verified": "author.verified", "Message": "text", "Date": "postedAt",
                                "Language": "language", "URL": "link"]

    @Test("CSV with a header mapping; a quoted field may span lines and the record keeps its first line")
    func csv() throws {
        let (inbox, totals, _, _dir) = try imported("monitoring-export.csv", mapping: Self.exportMapping)
        _ = _dir
        #expect(totals.imported == 3)
        let multiline = try inbox.mention("instagram:ig-77003").mention
        #expect(multiline.text == "@netvia zelfde hier, app crasht bij het inloggen\nna de laatste update")
        #expect(multiline.conversationID == "ig-77001" && multiline.channel == .comment)
        #expect(try inbox.mention("li-77002").mention.author.followers == 2310)
    }

    @Test("CSV without a mapping names the columns it misses")
    func csvHeaderProblem() throws {
        let (_, totals, messages, _dir) = try imported("monitoring-export.csv")
        _ = _dir
        #expect(totals.rejected == 1 && totals.imported == 0)
        #expect(messages == ["in:1: header: no column for platform, id, author.handle, text, postedAt (map one with --map 'Column=field', set one for every row with --set field=value, or use a --preset)"])
    }

    @Test("Meta webhooks as Meta sends them: numeric ids, no from, times in ms or from the entry, Messenger, Instagram")
    func metaWebhooks() throws {
        let (inbox, totals, messages, _dir) = try imported("meta-webhooks.jsonl", own: [])
        _ = _dir
        #expect(messages.isEmpty)
        #expect(totals.imported == 9 && totals.skipped == [.notSaid: 3, .ownPost: 1] && totals.rejected == 0)
        let comment = try inbox.mention("facebook:555000222_900100400").mention
        #expect(comment.author.handle == "7001002010" && comment.author.name == "Bram Jansen")
        #expect(comment.postedAt == Date(timeIntervalSince1970: 1_794_840_000), "milliseconds read as such")
        let tagged = try inbox.mention("facebook:7001002011_123123999").mention
        #expect(tagged.author.handle == "unknown" && tagged.channel == .publicMention)
        #expect(tagged.postedAt == Date(timeIntervalSince1970: 1_794_840_060), "the entry's time")
        #expect(try inbox.mention("facebook:104857600000001_555000444").mention.postedAt
                == Date(timeIntervalSince1970: 1_794_840_180))
        let dm = try inbox.mention("facebook:m_AbCdEfGh123").mention
        #expect(dm.channel == .directMessage && dm.author.handle == "6543210987654321")
        let instagram = try inbox.mention("instagram:17950000000000001").mention
        #expect(instagram.platform == .instagram && instagram.author.handle == "lotte.fit"
                && instagram.conversationID == "17900000000000001")
        #expect(try inbox.mention("instagram:17950000000000999").mention.text == FacebookWebhookFormat.noText)
        #expect(try inbox.mention("instagram:aWdfZAG1faW").mention.channel == .directMessage)
    }

    @Test("Twitter shapes tools write: v1.1 and premium search pages, v2 without includes, twarc2's flattened tweets")
    func twitterShapes() throws {
        let (inbox, totals, messages, _dir) = try imported("twitter-shapes.jsonl")
        _ = _dir
        #expect(messages.isEmpty)
        #expect(totals.imported == 5 && totals.skipped == [.retweet: 2] && totals.rejected == 0)
        #expect(try inbox.mention("1859950000000000001").mention.author.followers == 310)
        let bare = try inbox.mention("1859950000000000007").mention
        #expect(bare.author.handle == "unknown" && bare.postedAt == Date(timeIntervalSince1970: 1_732_281_610.856),
                "without author_id and created_at: the author unknown, the time from the id")
        #expect(try inbox.mention("1859950000000000003").mention.author.handle == "sietske_d")
        let unknown = try inbox.mention("1859950000000000004").mention
        #expect(unknown.author.handle == "3300000020" && unknown.author.name == "unknown (3300000020)")
        let flat = try inbox.mention("1859950000000000006").mention
        #expect(flat.author.handle == "chrisdoyle" && flat.author.followers == 870 && flat.language == "en")
    }

    @Test("a Dutch spreadsheet: byte order mark, ';', day-first local times, followers in local forms, Excel's ids, an unbalanced quote")
    func dutchSpreadsheet() throws {
        let dir = try TemporaryDirectory()
        let inbox = try Inbox(path: dir.database, agent: "alice")
        let options = CSVOptions(mapping: ["Bericht-ID": "id", "Gebruiker": "author.handle", "Naam": "author.name",
                                           "Volgers": "author.followers", "Bericht": "text", "Datum": "postedAt"],
                                 constants: ["platform": "twitter"], timeZone: TimeZone(identifier: "Europe/Amsterdam"))
        let (totals, messages) = try inbox.importFile(Self.formats + "/dutch-spreadsheet.csv", csv: options)
        #expect(totals.imported == 4 && totals.rejected == 2 && totals.read == 6)
        #expect(messages.count == 2 && messages[0].hasPrefix("in:4: id: '5,70306E+17' is in scientific notation"))
        #expect(messages[1].hasPrefix("in:5: record: a quote opens a field that never closes"))
        let joke = try inbox.mention("twitter:1860000000000000001").mention
        #expect(joke.author.followers == 1234 && joke.author.handle == "joke_bos")
        #expect(joke.postedAt == Date(timeIntervalSince1970: 1_795_508_100), "09:15 in Amsterdam is 08:15 UTC")
        #expect(try inbox.mention("1860000000000000002").mention.author.followers == 12_000)
        #expect(try inbox.mention("1860000000000000005").mention.author.followers == 0, "'veel' is unknown, not a rejection")
        #expect(try inbox.mention("1860000000000000006").mention.postedAt == Date(timeIntervalSince1970: 1_795_508_640))
    }

    @Test("a time without a zone is refused unless --timezone says which")
    func timeWithoutZone() throws {
        let dir = try TemporaryDirectory()
        let inbox = try Inbox(path: dir.database, agent: "alice")
        let options = CSVOptions(mapping: ["Bericht-ID": "id", "Gebruiker": "author.handle", "Bericht": "text",
                                           "Datum": "postedAt"], constants: ["platform": "twitter"])
        let (totals, messages) = try inbox.importFile(Self.formats + "/dutch-spreadsheet.csv", csv: options)
        #expect(totals.imported == 1, "only the row with a zone")
        #expect(messages.first == "in:2: postedAt: '24-11-2026 09:15' has no time zone: say which with --timezone (such as Europe/Amsterdam, or UTC)")
    }

    @Test("twarc's CSV with --preset twarc: replies in their thread, retweets skipped")
    func twarcCSV() throws {
        let dir = try TemporaryDirectory()
        let inbox = try Inbox(path: dir.database, agent: "alice")
        let (totals, messages) = try inbox.importFile(Self.formats + "/twarc-export.csv", csv: CSVOptions().over(.twarc))
        #expect(messages.isEmpty)
        #expect(totals.imported == 2 && totals.skipped == [.retweet: 1])
        let reply = try inbox.mention("twitter:1860100000000000002").mention
        #expect(reply.inReplyToID == "1860100000000000001" && reply.author.handle == "paddepoel_p"
                && reply.author.followers == 88 && reply.language == "nl")
    }

    @Test("follower counts as spreadsheets write them", arguments: [
        ("1234", 1234), ("1,234", 1234), ("1.234", 1234), ("1.234.567", 1_234_567), ("1234.0", 1234), ("1234,00", 1234),
        ("12K", 12_000), ("1,2K", 1200), ("3.4M", 3_400_000), (" 88 ", 88),
    ])
    func followerCounts(text: String, count: Int) {
        #expect(CSVFormat.count(text) == count)
    }

    @Test func followerCountsNobodyReads() {
        for text in ["veel", "1.5", "12,34", "-3", "1e9", "99999999999", "", "K"] {
            #expect(CSVFormat.count(text) == nil, "\(text)")
        }
    }

    @Test("LinkedIn: comment objects and organization notifications as the Community Management API returns them")
    func linkedIn() throws {
        let (inbox, totals, messages, _dir) = try imported("linkedin.jsonl")
        _ = _dir
        #expect(messages.isEmpty)
        #expect(totals.imported == 4 && totals.skipped == [.notSaid: 1])
        let reply = try inbox.mention("linkedin:urn:li:comment:(urn:li:activity:7130000000000000000,7140000000000000002)")
        #expect(reply.mention.author.handle == "Z9y8X7w6" && reply.mention.channel == .comment)
        #expect(reply.mention.postedAt == Date(timeIntervalSince1970: 1_795_511_400))
        #expect(reply.mention.inReplyToID == "urn:li:comment:(urn:li:activity:7130000000000000000,7140000000000000001)")
        let notified = try inbox.mention("linkedin:urn:li:comment:(urn:li:activity:7130000000000000100,7140000000000000003)")
        #expect(notified.mention.text.hasPrefix("Is de storing in Almere") && notified.mention.author.handle == "Q1w2E3r4")
    }

    @Test("a deletion notice for a tweet we hold removes its words and author's details, and the case's history says so")
    func deletions() throws {
        let (inbox, totals, messages, _dir) = try imported("twitter-deletions.jsonl")
        _ = _dir
        #expect(messages.isEmpty)
        #expect(totals.imported == 2 && totals.skipped == [.platformNotice: 2] && totals.read == 4)
        let erased = try inbox.mention("1859960000000000001")
        #expect(erased.mention.text == MentionWriter.erasedText && erased.mention.author.name.isEmpty
                && erased.mention.author.followers == 0 && erased.mention.link == nil)
        #expect(try inbox.history(of: erased.number).map(\.agent) == ["twitter"])
        #expect(try inbox.queue(filter: QueueFilter(parsing: "onbeschoft"), now: t(0)).isEmpty,
                "the words are gone from the text index too")
        #expect(try inbox.queue(filter: QueueFilter(parsing: "verhuis"), now: t(0)).count == 1)
    }

    @Test("an edited tweet updates the mention it edits, the earlier words kept in its case's history")
    func edits() throws {
        let (inbox, totals, messages, _dir) = try imported("twitter-edits.jsonl")
        _ = _dir
        #expect(messages.isEmpty)
        #expect(totals.imported == 2 && totals.edited == 1 && totals.read == 3)
        let noor = try inbox.mention("1859970000000000001")
        #expect(noor.mention.text == "@NetVia storing in Utrecht-Oost? Al sinds 13:00 geen internet")
        #expect(noor.suggestedKind == .complaint && inbox.classifier.suggest(for: "@NetVia hoe reset ik mijn modem?").kind
                != .complaint, "the suggestion is for the new words")
        #expect(try inbox.history(of: noor.number).map(\.event)
                == [.note("#\(noor.number) was edited by its author; it said before: @NetVia hoe reset ik mijn modem?")])
        #expect(try inbox.queue(filter: QueueFilter(parsing: "oost"), now: t(0)).count == 1)
        #expect(try inbox.mention("1859970000000000012").mention.author.handle == "bas_b",
                "an edit of a tweet we do not hold is a mention of its own")
    }

    @Test("an unreadable first line loses only itself: a broken JSON line, or text that is no CSV header",
          arguments: ["{\"created_at\": \"broken", "capture started 2026-11-16 10:00"])
    func unreadableFirstLine(first: String) throws {
        let dir = try TemporaryDirectory()
        let inbox = try Inbox(path: dir.database, agent: "alice")
        let sample = try String(contentsOfFile: sampleData + "/mentions.jsonl", encoding: .utf8)
        let path = dir.path + "/capture.jsonl"
        try ([first] + sample.split(separator: "\n").prefix(3).map(String.init)).joined(separator: "\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let (totals, messages) = try inbox.importFile(path)
        #expect(totals.imported == 3 && totals.rejected == 1 && totals.read == 4)
        #expect(messages.count == 1 && messages[0].hasPrefix("in:1: record: not"))
    }

    @Test("a Twitter archive's tweets.js: a reply we sent before webcare goes on its case, and an answer to it joins")
    func twitterArchive() throws {
        let (inbox, _, _, _dir) = try imported("twitter-v1-statuses.jsonl")
        _ = _dir
        let (totals, messages) = try inbox.importFile(Self.formats + "/twitter-archive-tweets.js")
        #expect(messages.isEmpty)
        #expect(totals.linked == 1 && totals.skipped == [.ownPost: 2] && totals.read == 3)
        let henk = try inbox.mention("1859930000000000001")
        let thread = try inbox.thread(ofCase: henk.caseNumber, now: t(0))
        #expect(thread.count == 2 && { if case .reply(let entry) = thread[1] { entry.agent == MentionWriter.archiveAgent }
                                      else { false } }(), "our reply after the tweet it answers, though sent before it arrived")
        // Henk answers the reply the archive holds: his answer joins his case.
        let answer = Mention(platform: .twitter, channel: .publicMention, id: "1859990000000000009",
                             inReplyToID: "1859990000000000001",
                             author: Author(handle: "henkmulder", name: "Henk Mulder", followers: 12),
                             text: "@NetVia DM gestuurd", postedAt: t(100))
        try inbox.add([answer])
        #expect(try inbox.mention("1859990000000000009").caseNumber == henk.caseNumber)
        // Read again, the archive links nothing twice.
        #expect(try inbox.importFile(Self.formats + "/twitter-archive-tweets.js").totals.linked == 1)
        #expect(try inbox.thread(ofCase: henk.caseNumber, now: t(0)).filter {
            if case .reply = $0 { true } else { false }
        }.count == 1)
    }

    @Test("a stream capture mixing shapes: each line read on its own, notices skipped, a broken line alone rejected")
    func mixedStream() throws {
        let (inbox, totals, messages, _dir) = try imported("mixed-stream.jsonl")
        _ = _dir
        #expect(totals.imported == 4 && totals.skipped == [.platformNotice: 3] && totals.rejected == 1)
        #expect(totals.read == 8, "every line counted once")
        #expect(messages == ["in:3: record: not valid JSON"])
        #expect(try inbox.mention("1859940000000000004").mention.author.handle == "lies_v",
                "the line after the notice and the broken line is read")
        #expect(try inbox.mention("instagram:ig-9001").mention.platform == .instagram)
    }

    @Test("each file is detected as its format", arguments: [
        ("twitter-v2-search.json", MentionFormat.twitterV2), ("twitter-v2-stream.jsonl", .twitterV2),
        ("twitter-v1-statuses.jsonl", .twitterV1), ("facebook-webhook.json", .facebook),
        ("monitoring-export.csv", .csv), ("../mentions.jsonl", .webcare), ("linkedin.jsonl", .linkedin),
        ("meta-webhooks.jsonl", .facebook), ("twitter-archive-tweets.js", .twitterArchive),
    ])
    func detection(file: String, format: MentionFormat) throws {
        let descriptor = open(Self.formats + "/" + file, O_RDONLY)
        defer { close(descriptor) }
        var reader = RecordReader(lines: LineReader(descriptor: descriptor), fileName: file, format: nil,
                                  check: RecordCheck(), csv: CSVOptions(mapping: Self.exportMapping))
        _ = try reader.next()
        #expect(reader.format == format)
    }
}
