/// The templates a team starts with: one per reply a flow step asks for, in
/// Dutch with "je", Dutch with "u", and English. Each fits a 140-character
/// tweet with realistic names and positions filled in (a test holds them to it),
/// and is written as `webcare-practice` asks: say what happens next, one question at
/// a time, "Hallo {name}" in the u-form (never "Beste" with a first name), and to an
/// accuser the team position first (a whole sentence), then the question, without
/// thanks or drama. Each makes the moves its step requires. Signed "^agent" as webcare
/// teams sign their tweets.
public enum DefaultTemplates {
    public static func template(for purpose: ReplyPurpose, style: ReplyStyle) -> ReplyTemplate {
        let texts = texts(for: purpose)
        return switch style {
        case .dutchInformal: ReplyTemplate(texts.je)
        case .dutchFormal: ReplyTemplate(texts.u)
        case .english: ReplyTemplate(texts.en)
        }
    }

    private static func texts(for purpose: ReplyPurpose) -> (je: String, u: String, en: String) {
        switch purpose {
        case .complaintFirst: (
            "Hoi {name}, wat vervelend! We zoeken het voor je uit en laten vandaag iets weten. ^{agent}",
            "Hallo {name}, wat vervelend! We zoeken het voor u uit en laten vandaag iets weten. ^{agent}",
            "Hi {name}, sorry to hear that! We're looking into it for you and will get back to you today. ^{agent}")
        case .complaintSecond: (
            "Hoi {name}, we hebben het uitgezocht: {solution}. Is het hiermee opgelost? ^{agent}",
            "Hallo {name}, we hebben het uitgezocht: {solution}. Is het hiermee opgelost? ^{agent}",
            "Hi {name}, we looked into it: {solution}. Is it solved now? ^{agent}")
        case .askEmail: (
            "Hoi {name}, dit past niet in een tweet. Wil je je e-mailadres via een DM sturen? Dan mailen we je vandaag. ^{agent}",
            "Hallo {name}, dit past niet in een tweet. Wilt u uw e-mailadres via een DM sturen? Dan mailen we u vandaag. ^{agent}",
            "Hi {name}, this won't fit in a tweet. Could you send us your e-mail address by DM? We'll e-mail you today. ^{agent}")
        case .emailBody: (
            "Hoi {name}, zoals beloofd per e-mail: {solution}. Laat je weten of dit helpt? Groet, {agent}",
            "Hallo {name}, zoals beloofd per e-mail: {solution}. Laat u weten of dit helpt? Groet, {agent}",
            "Hi {name}, as promised by e-mail: {solution}. Will you let us know if this helps? Kind regards, {agent}")
        case .askConfirmation: (
            "Hoi {name}, we hebben je gemaild over je klacht. Is het hiermee opgelost? Laat je het even weten? ^{agent}",
            "Hallo {name}, we hebben u gemaild over uw klacht. Is het hiermee opgelost? Laat u het even weten? ^{agent}",
            "Hi {name}, we've e-mailed you about your complaint. Is it solved now? Will you let us know? ^{agent}")
        case .answer: (
            "Hoi {name}, {answer}. Nog een vraag? Laat het ons weten. ^{agent}",
            "Hallo {name}, {answer}. Heeft u nog een vraag? Laat het ons weten. ^{agent}",
            "Hi {name}, {answer}. Any other question? Just let us know. ^{agent}")
        case .thank: (
            "Dank je wel, {name}! Fijn om te horen, we geven het door aan het team. ^{agent}",
            "Hartelijk dank, {name}! Fijn om te horen, we geven het door aan het team. ^{agent}",
            "Thank you, {name}! Great to hear, we'll pass it on to the team. ^{agent}")
        case .askMotivation: (
            "Leuk om te lezen, {name}! Wat maakte het voor jou zo goed? ^{agent}",
            "Fijn om te lezen, {name}! Wat maakte het voor u zo goed? ^{agent}",
            "Lovely to read, {name}! What made it so good for you? ^{agent}")
        case .askBackground: (
            "Hoi {name}, dat klinkt niet goed. Wat is er precies gebeurd? ^{agent}",
            "Hallo {name}, dat klinkt niet goed. Wat is er precies gebeurd? ^{agent}",
            "Hi {name}, that doesn't sound good. What happened exactly? ^{agent}")
        case .askWhy: (
            "Dank voor je uitleg, {name}. Waardoor ben je het zo gaan zien? ^{agent}",
            "Dank voor uw uitleg, {name}. Waardoor bent u het zo gaan zien? ^{agent}",
            "Thanks for explaining, {name}. What made you see it this way? ^{agent}")
        case .thankAndPromise: (
            "Dank je voor je feedback, {name}. We gaan ermee aan de slag en laten je weten wat we doen. ^{agent}",
            "Dank u voor uw feedback, {name}. We gaan ermee aan de slag en laten u weten wat we doen. ^{agent}",
            "Thanks for your feedback, {name}. We're acting on it and will let you know what we do. ^{agent}")
        case .askMotive: (
            "{position} Waar heb je dit gelezen of gehoord, {name}? ^{agent}",
            "{position} Waar heeft u dit gelezen of gehoord, {name}? ^{agent}",
            "{position} Where did you read or hear this, {name}? ^{agent}")
        case .allegationReply: (
            "{position} Heb je nog vragen, {name}? Stuur ons gerust een DM. ^{agent}",
            "{position} Heeft u nog vragen, {name}? Stuur ons gerust een DM. ^{agent}",
            "{position} Any questions, {name}? Feel free to send us a DM. ^{agent}")
        case .holding: (
            "Goede vraag, {name}! We leggen hem voor aan onze collega's en je hoort vandaag van ons. ^{agent}",
            "Goede vraag, {name}! We leggen hem voor aan onze collega's en u hoort vandaag van ons. ^{agent}",
            "Good question, {name}! We're checking with our colleagues and you'll hear from us today. ^{agent}")
        case .escalationFollowUp: (
            "Hoi {name}, we blijven graag met je in gesprek. Heb je een suggestie hoe het beter kan? ^{agent}",
            "Hallo {name}, we blijven graag met u in gesprek. Heeft u een suggestie hoe het beter kan? ^{agent}",
            "Hi {name}, we'd like to keep talking with you. Do you have a suggestion on how we can do better? ^{agent}")
        }
    }
}
