import InboxModel
print(ReplyLength(of: CommandLine.arguments.dropFirst().joined(separator: " ")).weightedLength)
