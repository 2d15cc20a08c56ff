extension ClassifierCue {
    /// Dutch cues: whole words unless a cue ends in "*" (Dutch compounds: "storing*"
    /// finds storingen and storingsmelding). The complaint list is the everyday
    /// vocabulary of klantenservice: storingen, vertraging en uitval, facturen,
    /// bezorging, wachten, personeel.
    static let dutch: [ClassifierCue] =
        list(.kind(.allegation), weight: 3, .dutch, [
            "oplicht*", "opgelicht", "lieg*", "leugen*", "gelogen", "voorgelogen", "fraude*", "frauduleu*", "bedrieg*",
            "bedrog", "bedrogen", "misleid*", "criminel*", "crimineel", "maffia", "zakkenvuller*", "graaiers",
            "graaien", "verkopen jullie", "datalek", "in de doofpot", "doofpot", "beschuldig*", "corrupt*",
            "illegaal", "dieven", "dief", "diefstal", "gestolen", "stelen", "witwassen", "verdoezel*", "zonder toestemming",
            "in eigen zak", "afzetter*", "afzetterij", "nepkorting*", "verkopen onze", "verkocht onze", "schwalbe",
        ])
        + list(.kind(.complaint), weight: 2, .dutch, [
            "storing*", "werkt niet", "de hele week", "doet het niet meer", "werkt nog steeds niet", "doet het niet", "kapot",
            "al # dagen", "al # weken", "al # uur", "al dagen", "al weken", "nog steeds", "geen internet",
            "geen bereik", "geen verbinding", "geen tv", "eruit", "ligt eruit", "ligt er", "terugbetal*",
            "geld terug", "refund", "dubbel afgeschreven", "twee keer afgeschreven", "afgeschreven", "factuur", "niet geleverd",
            "niet bezorgd", "niet ontvangen", "niks ontvangen", "niet aangekomen", "wachtrij", "in de wacht",
            "niemand neemt op", "niemand belt", "belt terug", "monteur", "traag", "valt steeds weg", "valt weg",
            "valt uit", "vertraging", "vertraagd", "uitgevallen", "uitval", "geannuleerd", "annulering", "kwijt",
            "beschadigd", "verkeerde", "foutmelding", "geblokkeerd", "geweigerd", "niet opgelost",
            "geen antwoord", "geen reactie", "reageert niet", "wacht nog", "wacht al", "gewacht",
            "niet inloggen", "kan niet", "lukt niet", "crasht", "hangt", "blijft hangen", "zomaar", "stil",
            "doorweekt", "mist", "ontbreekt", "verschoven", "beloofd", "zonder uitleg", "ijskoud", "te laat",
            "urenlang", "al uren", "# uur", "niemand", "opgehangen", "verbroken", "gestrand", "aansluiting gemist",
            "geen compensatie", "niet doorheen", "kom er niet doorheen",
        ])
        + list(.kind(.complaint), weight: 1, .dutch, [
            "weer", "alweer", "probleem", "problemen", "hulp", "wachten", "fout", "niks", "klacht*", "waarom",
        ])
        + list(.kind(.negative), weight: 2, .dutch, [
            "slecht*", "nooit meer", "waardeloos", "waardeloze", "belachelijk*", "schandalig*", "schande",
            "teleurgesteld*", "teleurstell*", "bagger", "drama", "triest", "zwak", "overstappen", "stap ik over", "opzeggen", "ga opzeggen",
            "klantonvriendelijk", "onbeschoft*", "brutaal", "rommel", "zooi", "lachertje", "hopeloos", "ramp",
            "belabberd*", "beroerd", "verschrikkelijk*", "vreselijk*", "achteruit", "lelijk", "onduidelijk",
            "beter verwacht", "ben het zat", "zo zat", "spuugzat", "klaar met", "boos", "woedend", "irritant",
            "niet goed genoeg", "amateurs", "amateuristisch", "krap", "ergens anders", "incompetent", "prutsers", "gepruts",
        ])
        + list(.kind(.question), weight: 2, .dutch, [
            "hoe", "waar", "wanneer", "kan ik", "kun je", "kunnen jullie", "is het mogelijk", "weet iemand",
            "vraag", "vraagje", "hebben jullie", "wat is", "wat zijn", "wat kost", "welke", "hoeveel", "durftevragen",
            "dtv", "mag ik", "mogen", "leveren jullie", "zijn er", "werkt het", "krijg ik", "hoe lang",
            "hoe laat", "enig idee", "pakken jullie", "rijden er", "komt de",
        ])
        + list(.kind(.positive), weight: 2, .dutch, [
            "top", "topper*", "bedankt", "dank je", "dankjewel", "dank jullie", "dank aan", "dankzij", "super",
            "geweldig*", "fantastisch*", "chapeau", "complimenten", "compliment", "klasse", "snel opgelost",
            "goed geholpen", "top geholpen", "fijn", "fijne", "blij", "tevreden", "aanrader", "werkt weer",
            "dank voor", "held", "helden", "netjes", "vriendelijk", "lief", "goed gedaan", "razendsnel", "heerlijk",
            "mooi", "mooie", "perfect", "prima", "opgelost", "geregeld", "op tijd", "verbaasd", "redde", "gered",
            "toppers", "pluim", "hulde", "goed opgepakt", "opgepakt", "heel goed", "erg goed", "snel", "snelle", "duidelijk",
        ])
        + list(.noReply, weight: 2, .dutch, ["haha", "hahaha", "hihi", "lol", "rt"])
}
