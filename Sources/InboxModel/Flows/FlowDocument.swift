import Foundation

/// docs/flows.md, printed from the machines themselves (`webcare flows`), so
/// the document a team reads is the behaviour the code has.
public enum FlowDocument {
    public static func markdown() -> String {
        var out = """
        # Webcare flows

        Generated from the state machines in `Sources/InboxModel/Flows` by `webcare flows`;
        do not edit by hand (a test fails when this file and the code disagree; re-record
        with `swift run webcare flows > docs/flows.md`). The domain spec is
        `../shared/flows.md`; this is how webcare implements it.

        ## Common to every kind

        - **classify** confirms or overrides the suggested kind and starts that kind's flow;
          classifying as another kind restarts the flow as the new kind (notes and
          hand-offs stay).
        - **dismiss** is the way out for everything that gets no reply: \(DismissReason.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")).
          The reason is always recorded; `other` needs a note saying why.
        - **hand-off** passes the case to a named department with the mention's original
          text unchanged; **department-answered** brings their answer back. One hand-off
          at a time, and a mention cannot be closed while a department has it.
        - **note** adds an internal note at any time, also on a closed mention.
        - **author-wrote** continues the dialogue; on a closed mention it reopens the flow
          where its kind resumes (an allegation counts to ten again).
        - **close** ends the flow with an outcome: resolved, answered, thanked, unresolved,
          or no reply with a reason.
        - Every reply is checked before it goes out: the channel it came in on (a DM stays
          a DM; a complaint's e-mail step goes by e-mail), the moves its step requires, and
          the channel's length limit (140 under twitter-text v1 on Twitter).
        - An allegation is not drafted or answered until \(HouseRules.minimumAllegationWait) s after it was
          opened (a team may set more, never less), nor without a team position.

        The tables below were found by running each machine on a public Twitter mention,
        every event a minute after the state was reached.

        """
        for kind in MentionKind.allCases {
            out += "\n" + section(FlowGraph(kind: kind))
        }
        out += "\n" + templates()
        return out
    }

    private static func section(_ graph: FlowGraph) -> String {
        var out = "## \(graph.kind.rawValue.capitalized) (\(graph.kind.dutchName))\n\n"
        out += "| state | what the agent is told |\n|---|---|\n"
        for (state, guidance) in zip(graph.states, graph.guidance) {
            out += "| `\(state)` | \(guidance) |\n"
        }
        out += "\n```mermaid\nstateDiagram-v2\n    [*] --> \(mermaid(graph.states[0].code))\n"
        for transition in graph.transitions where transition.from != transition.to {
            out += "    \(mermaid(transition.from)) --> \(mermaid(transition.to)): \(transition.event)\n"
        }
        out += "```\n\n| from | event | to | actions |\n|---|---|---|---|\n"
        for transition in graph.transitions {
            let actions = transition.actions.isEmpty ? "" : transition.actions.joined(separator: "; ")
            out += "| `\(transition.from)` | \(transition.event) | `\(transition.to)` | \(actions) |\n"
        }
        out += "\nRefused, with the reason the agent reads:\n\n| state | event | reason |\n|---|---|---|\n"
        for refusal in graph.refusals {
            out += "| `\(refusal.state)` | \(refusal.event) | \(refusal.reason) |\n"
        }
        return out
    }

    private static func mermaid(_ state: String) -> String {
        state.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "-", with: "_")
    }

    private static func templates() -> String {
        var out = "## Default templates\n\nEvery step that sends something, in \(ReplyStyle.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")).\n"
        for purpose in ReplyPurpose.allCases {
            out += "\n### \(purpose.rawValue): \(ReplyMove.phrase(for: purpose.moves))\n\n"
            for style in ReplyStyle.allCases {
                out += "- \(style.rawValue): \(DefaultTemplates.template(for: purpose, style: style).text)\n"
            }
        }
        return out
    }
}
