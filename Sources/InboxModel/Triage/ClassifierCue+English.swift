extension ClassifierCue {
    /// English cues: whole words unless a cue ends in "*", so "held hostage" is no
    /// praise, "thier" no thief and "Crookes" no crook. The complaint list is the
    /// everyday vocabulary of customer service: outages, delays and cancellations,
    /// billing, delivery, waiting, staff.
    static let english: [ClassifierCue] =
        list(.kind(.allegation), weight: 3, .english, [
            "scam", "scams", "scammed", "scammers", "scamming", "fraud", "fraudulent", "fraudsters", "liar", "liars",
            "lying", "lied", "crook", "crooks", "thief", "thieves", "theft", "stealing", "stole", "stolen", "steal",
            "cover up", "cover-up", "covering up", "sold our", "sell our", "selling our", "accuse", "accusing",
            "rip off", "ripoff", "ripping off", "corrupt", "corruption", "illegal", "illegally", "robbery", "robbing",
            "criminals", "criminal", "laundering", "deceiving", "deceive", "deceptive", "misleading", "con artists",
            "pocketing", "without permission", "without my permission", "without consent", "extortion", "cheating",
        ])
        + list(.kind(.complaint), weight: 2, .english, [
            "not working", "doesn't work", "does not work", "don't work", "isn't working", "stopped working",
            "broken", "broke", "outage", "down again", "is down", "been down", "still down", "down since",
            "still no", "still not", "still waiting", "still nothing", "for # days", "for # weeks", "for # hours",
            "# hours", "# days", "# weeks", "charged twice", "double charged", "overcharged", "charged me",
            "charged for", "never arrived", "didn't arrive", "did not arrive", "hasn't arrived", "not arrived",
            "never showed", "never came", "no show", "on hold", "no internet", "no signal", "no service", "no wifi",
            "no connection", "keeps dropping", "keeps crashing", "crashes", "crashed", "keeps freezing", "freezing",
            "refund", "refunds", "my money back", "money back", "delayed", "delays",
            "cancelled", "canceled", "cancellation", "damaged", "stuck", "nobody answers", "no one answers",
            "no answer", "no reply", "no response", "nobody picks up", "call back", "callback",
            "blocked", "declined", "locked out", "cannot log in", "can't log in", "fix this", "sort this",
            "sort it out", "speeds", "bill went up", "price went up", "without notice", "no refund", "not received",
            "never received", "nothing arrived", "where is my", "where's my", "packed", "overbooked", "missed my",
            "lost my", "ripped", "soaked", "faulty", "defective", "for hours", "# hrs", "hours late", "stranded",
            "can't get through", "cant get through", "no one", "nobody", "dont work",
            "doesnt work", "isnt working", "lost luggage", "lost bag", "missed connection",
            "on hold for", "still on hold", "hung up", "disconnected", "rebooked", "diverted", "no compensation",
        ])
        + list(.kind(.complaint), weight: 1, .english, [
            "error", "cannot", "can't", "unable", "problem", "problems", "issue", "issues", "help", "again", "still",
            "wait", "waiting", "waited", "wrong", "slow", "late", "lost", "missing", "promised", "delay", "drops",
            "dropping", "complaint", "complain", "why", "hours", "hour", "hold", "cant", "delayed again",
        ])
        + list(.kind(.negative), weight: 2, .english, [
            "worst", "terrible", "awful", "horrible", "never again", "disappointed", "disappointing", "useless",
            "joke", "pathetic", "switching to", "cancel my", "ridiculous", "bad", "hate", "rubbish", "shambles", "disgrace",
            "disgraceful", "shocking", "appalling", "hopeless", "nightmare", "rude", "unacceptable", "fed up",
            "sick of", "tired of", "done with", "worse", "poor", "downhill", "cramped", "ugly", "confusing",
            "expected better", "moving my", "leaving", "never flying", "never using", "not impressed", "annoying",
            "annoyed", "furious", "angry", "mess", "incompetent", "clueless", "garbage", "trash", "crap", "sucks",
            "not good enough", "shame on you", "not satisfied", "unhappy", "gone downhill", "frustrated",
            "frustrating", "fail", "failed", "epic fail", "thanks for nothing", "waste of time", "waste of money",
            "unhelpful", "no help", "ugh", "wtf", "smh", "disgusted", "outraged", "embarrassing",
            "never fly", "worst airline", "worst service", "lousy", "sad", "upset", "not ok", "not okay",
        ])
        + list(.kind(.question), weight: 2, .english, [
            "how do i", "how can i", "how to", "how long", "how much", "where can i", "where do i", "when will",
            "when does", "when is", "can i", "can you", "could you", "is it possible", "does anyone", "do you",
            "question", "which", "what is", "what's the", "what are", "is there", "are there", "will my", "any idea",
            "anyone know", "do i need", "am i able", "is the",
        ])
        + list(.kind(.positive), weight: 2, .english, [
            "great", "thanks", "thank you", "thx", "cheers", "amazing", "awesome", "excellent", "love", "loved",
            "lovely", "brilliant", "well done", "kudos", "happy", "impressed", "fantastic", "best service", "shoutout",
            "shout out", "works again", "helpful", "friendly", "kind", "pleased", "nice one", "good job", "smooth",
            "quick", "quickly", "on time", "perfect", "wonderful", "superb", "legend", "legends", "star",
            "appreciate", "appreciated", "grateful", "went out of her way", "went out of his way", "saved",
            "solved", "sorted", "fixed", "early", "delighted", "amazed", "recommend", "great service", "good service", "really well", "very well",
        ])
        + list(.noReply, weight: 2, .english, ["lol", "lmao", "haha", "hahaha", "rofl", "rt"])
}
