/// Keys to actions, per screen: data, not code, so `config.toml` can change any binding
/// and the help screen is generated from the same table (tig's keymaps).
struct Keymap: Equatable, Sendable {
    private(set) var bindings: [KeyContext: [Key: Action]]

    /// The bindings a fresh install has: mutt and tig habits.
    static let defaults: Keymap = {
        func table(_ pairs: [(String, Action)]) -> [Key: Action] {
            Dictionary(uniqueKeysWithValues: pairs.map { (Key(name: $0.0)!, $0.1) })
        }
        let movement: [(String, Action)] = [
            ("j", .moveDown), ("<Down>", .moveDown), ("k", .moveUp), ("<Up>", .moveUp), ("<PgDn>", .pageDown),
            ("<Space>", .pageDown), ("<PgUp>", .pageUp), ("-", .pageUp), ("g", .first), ("<Home>", .first),
            ("G", .last), ("<End>", .last),
        ]
        return Keymap(bindings: [
            .generic: table([("?", .help), ("M", .messages), ("^L", .redraw), ("q", .back), ("Q", .quit)]),
            .queue: table(movement + [
                ("<Enter>", .open), ("/", .search), ("n", .searchNext), ("N", .searchPrevious), ("l", .limit),
                ("t", .tag), (";", .tagAct), ("P", .positions), ("c", .classify), ("d", .dismiss), ("R", .report),
                ("A", .alerts),
            ]),
            .mention: table(movement + [
                ("c", .classify), ("d", .dismiss), ("r", .reply), ("e", .replyInEditor), ("p", .positions),
                ("s", .step), ("h", .handOff), ("a", .departmentAnswered), ("w", .note),
            ]),
            .positions: table(movement + [("<Enter>", .open), ("n", .newPosition), ("e", .revisePosition)]),
            .report: table(movement + [("<Tab>", .switchPeriod), ("w", .switchPeriod), ("R", .report)]),
        ])
    }()

    /// The action `key` asks for in `context`: the screen's own binding, else the generic one.
    func action(for key: Key, in context: KeyContext) -> Action? {
        bindings[context]?[key] ?? bindings[.generic]?[key]
    }

    /// Binds `key` to `action` in `context` (replacing what it did there); `nil` unbinds it.
    mutating func bind(_ key: Key, to action: Action?, in context: KeyContext) {
        bindings[context, default: [:]][key] = action
    }

    /// A config file's bindings for `context`: each action it binds loses its default
    /// keys there, so `x = "tag"` moves tagging to x instead of adding a second key;
    /// a nil action unbinds the key.
    mutating func rebind(_ chosen: [(Key, Action?)], in context: KeyContext) {
        let actions = Set(chosen.compactMap(\.1))
        bindings[context] = bindings[context]?.filter { !actions.contains($0.value) }
        for (key, action) in chosen { bind(key, to: action, in: context) }
    }

    /// The keys of each action in `context` (generic ones after), for the help screen:
    /// actions in the order of `Action.allCases`, keys in a stable order.
    func help(for context: KeyContext) -> [(keys: [String], action: Action)] {
        var rows: [(keys: [String], action: Action)] = []
        for table in [bindings[context] ?? [:], context == .generic ? [:] : bindings[.generic] ?? [:]] {
            for action in Action.allCases {
                let keys = table.filter { $0.value == action }.map(\.key.name).sorted { ($0.count, $0) < ($1.count, $1) }
                if !keys.isEmpty, !rows.contains(where: { $0.action == action }) { rows.append((keys, action)) }
            }
        }
        return rows
    }
}
