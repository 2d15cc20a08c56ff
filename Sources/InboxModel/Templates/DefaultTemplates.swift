/// The templates a team starts with: one per reply a flow step asks for, in
/// Dutch with "je", Dutch with "u", and English. Each fits a 140-character
/// tweet with realistic names and positions filled in (a test holds them to it),
/// and each makes the moves its step requires. Signed "^agent" as webcare
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
            "Hoi {name}, vervelend dat dit gebeurt en goed dat je het meldt. We bespreken het intern en komen snel bij je terug. ^{agent}",
            "Beste {name}, vervelend dat dit gebeurt en dank dat u het meldt. We bespreken het intern en komen snel bij u terug. ^{agent}",
            "Hi {name}, sorry this happened and thanks for telling us. We're discussing it internally and will get back to you soon. ^{agent}")
        case .complaintSecond: (
            "Hoi {name}, we hebben het uitgezocht: {solution}. Ben je hiermee geholpen? ^{agent}",
            "Beste {name}, we hebben het uitgezocht: {solution}. Bent u hiermee geholpen? ^{agent}",
            "Hi {name}, we looked into it: {solution}. Does this help you? ^{agent}")
        case .askEmail: (
            "Hoi {name}, dit past niet in een tweet. Wil je je e-mailadres via een DM sturen? Dan mailen we je vandaag. ^{agent}",
            "Beste {name}, dit past niet in een tweet. Wilt u uw e-mailadres via een DM sturen? Dan mailen we u vandaag. ^{agent}",
            "Hi {name}, this won't fit in a tweet. Could you send us your e-mail address by DM? We'll e-mail you today. ^{agent}")
        case .emailBody: (
            "Hoi {name}, zoals beloofd per e-mail: {solution}. Laat je weten of dit helpt? Groet, {agent}",
            "Beste {name}, zoals beloofd per e-mail: {solution}. Laat u weten of dit helpt? Groet, {agent}",
            "Hi {name}, as promised by e-mail: {solution}. Will you let us know if this helps? Kind regards, {agent}")
        case .askConfirmation: (
            "Hoi {name}, we hebben je gemaild over je klacht. Is het hiermee opgelost? Laat je het even weten? ^{agent}",
            "Beste {name}, we hebben u gemaild over uw klacht. Is het hiermee opgelost? Laat u het even weten? ^{agent}",
            "Hi {name}, we've e-mailed you about your complaint. Is it solved now? Will you let us know? ^{agent}")
        case .answer: (
            "Hoi {name}, {answer}. Nog een vraag? Laat het ons weten. ^{agent}",
            "Beste {name}, {answer}. Heeft u nog een vraag? Laat het ons weten. ^{agent}",
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
            "Beste {name}, dat klinkt niet goed. Wat is er precies gebeurd? ^{agent}",
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
            "Hoi {name}, dat is een serieuze beschuldiging. Waar heb je dit gelezen of gehoord? ^{agent}",
            "Beste {name}, dat is een serieuze beschuldiging. Waar heeft u dit gelezen of gehoord? ^{agent}",
            "Hi {name}, that is a serious allegation. Where did you read or hear this? ^{agent}")
        case .allegationReply: (
            "Hoi {name}, dank je. {position} Vragen? Stuur ons een DM. ^{agent}",
            "Beste {name}, dank u. {position} Vragen? Stuur ons een DM. ^{agent}",
            "Hi {name}, thank you. {position} Questions? Send us a DM. ^{agent}")
        case .escalationFollowUp: (
            "Hoi {name}, we blijven graag met je in gesprek. Heb je een suggestie hoe het beter kan? ^{agent}",
            "Beste {name}, we blijven graag met u in gesprek. Heeft u een suggestie hoe het beter kan? ^{agent}",
            "Hi {name}, we'd like to keep talking with you. Do you have a suggestion on how we can do better? ^{agent}")
        }
    }
}
