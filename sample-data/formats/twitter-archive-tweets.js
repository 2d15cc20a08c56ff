window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "edit_info" : { "initial" : { "editTweetIds" : [ "1859990000000000001" ], "editableUntil" : "2026-11-16T12:00:00.000Z", "editsRemaining" : "5", "isEditEligible" : true } },
      "retweeted" : false,
      "source" : "<a href=\"https://example.org\" rel=\"nofollow\">Webcare desk</a>",
      "entities" : { "hashtags" : [ ], "symbols" : [ ], "user_mentions" : [ { "name" : "Henk Mulder", "screen_name" : "henkmulder", "indices" : [ "0", "11" ], "id_str" : "44000001", "id" : "44000001" } ], "urls" : [ ] },
      "display_text_range" : [ "0", "104" ],
      "favorite_count" : "0",
      "in_reply_to_status_id_str" : "1859930000000000001",
      "id_str" : "1859990000000000001",
      "in_reply_to_user_id" : "44000001",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1859990000000000001",
      "in_reply_to_status_id" : "1859930000000000001",
      "created_at" : "Mon Nov 16 11:00:00 +0000 2026",
      "favorited" : false,
      "full_text" : "@henkmulder Hoi Henk, vervelend! Stuur je ons een DM met je klantnummer? Dan kijken we mee. ^Lotte",
      "lang" : "nl",
      "in_reply_to_screen_name" : "henkmulder",
      "in_reply_to_user_id_str" : "44000001"
    }
  },
  {
    "tweet" : {
      "id_str" : "1859990000000000002",
      "created_at" : "Mon Nov 16 12:00:00 +0000 2026",
      "full_text" : "Storing in Utrecht-Oost opgelost. Excuses voor het ongemak!",
      "lang" : "nl"
    }
  },
  {
    "tweet" : {
      "id_str" : "1859990000000000003",
      "in_reply_to_status_id_str" : "1700000000000000001",
      "created_at" : "Mon Nov 16 12:30:00 +0000 2026",
      "full_text" : "@iemand Graag gedaan!",
      "lang" : "nl"
    }
  }
]
