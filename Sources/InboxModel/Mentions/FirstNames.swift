/// Common first names in the Netherlands and Belgium (Dutch, Frisian, Turkish,
/// Moroccan, Surinamese, Polish roots) and in English, lower-cased: how a reply tells a
/// person's display name ("Sanne Dekker") from an account's ("Kritische Klant", "BNR
/// Techdesk", "Giveaway Queen"), so it never greets a fragment. A name not listed is
/// greeted by the handle, which is never wrong, only less warm.
enum FirstNames {
    static let known: Set<String> = Set("""
        aafke aaliyah aart abdel abdelkader abdul abdullah adam adriaan adrie agnes ahmed aicha aisha albert alex
        alexander alexandra ali alice alicia alina alisha amber amina amir amira amy andrea andreas andrew andries
        angela angelique anita anja ank anke ann anna annabel anne anneke annelies annemarie annemieke annet annette
        annie anouk anthony antoinette anton arie arjan arjen arnold arthur astrid ayoub ayse aysel bart bas
        bastiaan bea beatrix ben benjamin bernard bert bertus bilal bjorn bob bora boris bouchra bram brenda brian
        britt bruno carla carlijn carlos carmen caroline casper cathy cees celine chantal charlotte chris christa
        christiaan christian christina christine cindy claire claudia cor cora corina corinne daan dana daniel
        daniela danielle danny dave david dean debby demi dennis derk desiree dewi diana dick diederik dies dik dina
        dirk dominique donna dorien dorothy douwe dylan eddy edith eefje eelco egbert elif elisa elisabeth eliza
        elizabeth ella elle ellen els elsa elske emily emine emma emre enzo eric erik erika esra esther eva evelien
        evert fabian fatima fatma femke fenna finn fleur floor floris frank frans freek frits gabriel gary geert
        gemma george gerard gerben gerda gerrit gert gijs gina greta guus hakan hamid hanna hannah hans harm harry
        hasan hatice hein hendrik henk henri henriette herman hilde hubert hugo ian ibrahim ilse imke inge ingrid
        irene iris isa isabel isabelle ivo jaap jack jacob jacqueline jake james jamie jan jana janine janneke
        jannes jasmijn jasper jeanine jelle jelmer jeroen jesse jessica jill jim joanna jochem joep johan johanna
        john jonas joost jop joran jordy jorien joris jos josef joseph josephine josé joyce judith julia julian
        julie justin kaj karel karim karin kate katja kees kelly ken kevin khadija kim klaas koen kristel lars laura
        lauren leo leon leonie lieke lien lies lieve linda lisa lise lize loes lois lotte lou louis lucas lucia luuk
        lydia maaike maarten madelief mahmut marcel marco margriet maria marianne marieke marijke marina mario
        marion marja marjan marjolein mark marleen marloes marten martijn martin mary mathijs matthijs max maxime
        mehmet meike melanie melissa merel michael michel michelle mick mila milan mirjam mo mohamed mohammed
        monique nadia najib naomi natasha nathalie nick nicole niels nienke nina noa noah noor nora olga olivia
        oscar otto patrick paul paula pauline peter petra philip pieter pim priya quinten rachid rashid rebecca
        remco renate rens ria rianne richard rick rik rina rob robert robin roel roos rosa ruben rutger ruud sam
        samira sander sandra sanne sara sarah sem senna sharon simon sjoerd sofie sophie stan stefan stephan steven
        susan suzanne sven tamara tanja teun thijs thomas tijn tim tina tineke tom ton truus twan wendy willem wilma
        wim wouter yara yasmina yusuf yvonne zeynep zoe
        """.split(whereSeparator: \.isWhitespace).map(String.init))
}
