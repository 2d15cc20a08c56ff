/// Splits CSV (RFC 4180) into fields a line at a time: a delimiter (a comma, or the `;`
/// or tab the header used), double quotes around fields, `""` for a quote inside one, and
/// quoted fields running over several lines.
struct CSVRow {
    private let delimiter: UInt8

    init(delimiter: UInt8 = 0x2C) {
        self.delimiter = delimiter
    }

    private(set) var fields: [String] = []
    private var field: [UInt8] = []
    private var quoted = false
    /// Inside a quoted field when the line ended: the row needs the next line.
    private(set) var isOpen = false

    /// Adds one line (without its line break). Returns false if the row continues on the
    /// next line, inside quotes.
    mutating func add(line: ArraySlice<UInt8>) -> Bool {
        if isOpen { field.append(0x0A) }
        var i = line.startIndex
        while i < line.endIndex {
            let byte = line[i]
            if quoted {
                if byte == 0x22 {
                    if i + 1 < line.endIndex, line[i + 1] == 0x22 {
                        field.append(0x22)
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == delimiter {
                endField()
            } else if byte == 0x22, field.isEmpty {
                quoted = true
            } else {
                field.append(byte)
            }
            i += 1
        }
        isOpen = quoted
        if !isOpen { endField() }
        return !isOpen
    }

    private mutating func endField() {
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
    }

    /// The fields of the finished row; the parser is ready for the next one.
    mutating func take() -> [String] {
        defer { fields.removeAll() }
        return fields
    }
}
