import NIOCore
import PostgresNIO

/// Rows gathered column by column, each column one PostgreSQL array in the binary wire
/// format, for `INSERT … SELECT * FROM unnest($1::text[], …)`: one statement of a fixed
/// text for any number of rows, so the server parses and plans it once per connection
/// (a multi-row VALUES of 25 parameters a row costs it more to parse and plan than to
/// write), and the values go over as they are, with no text to escape or parse.
struct PostgresArrayColumns: MentionColumnSink {
    /// One column: its elements as the array format lays them out (length, bytes; -1 for
    /// null), the header written when the array is taken.
    struct Column {
        var type: PostgresDataType
        var elements: ByteBuffer
        var count: Int32 = 0
        var hasNull = false

        /// The whole array: dimensions, null flag and element type, then the elements.
        var array: PostgresData {
            var buffer = ByteBufferAllocator().buffer(capacity: elements.readableBytes + 20)
            buffer.writeInteger(Int32(1))
            buffer.writeInteger(Int32(hasNull ? 1 : 0))
            buffer.writeInteger(Int32(bitPattern: type.rawValue))
            buffer.writeInteger(count)
            buffer.writeInteger(Int32(1))
            buffer.writeImmutableBuffer(elements)
            return PostgresData(type: Self.arrayType(of: type), formatCode: .binary, value: buffer)
        }

        static func arrayType(of element: PostgresDataType) -> PostgresDataType {
            switch element {
            case .int8: .int8Array
            case .float8: .float8Array
            case .bool: .boolArray
            default: .textArray
            }
        }
    }

    private(set) var columns: [Column] = []
    /// The column the next value goes to.
    private var next = 0
    private let allocator = ByteBufferAllocator()

    /// Every column as an array, in the order the row wrote them.
    var arrays: [PostgresData] { columns.map(\.array) }

    /// The statement's parameters, one a column, each cast to its array's type:
    /// `$1::text[], $2::bigint[], …`, what `unnest(…)` takes.
    var parameters: String {
        columns.enumerated().map { index, column in
            let type = switch column.type {
            case .int8: "bigint[]"
            case .float8: "double precision[]"
            case .bool: "boolean[]"
            default: "text[]"
            }
            return "$\(index + 1)::\(type)"
        }.joined(separator: ", ")
    }

    /// Ends a row: the next value goes to column `column` of the next row. Rows may be
    /// written in passes of a few columns each, all rows per pass.
    mutating func endRow(restartingAt column: Int = 0) {
        next = column
    }

    private mutating func element(_ type: PostgresDataType, byteCount: Int?, _ write: (inout ByteBuffer) -> Void) {
        if next == columns.count {
            columns.append(Column(type: type, elements: allocator.buffer(capacity: 4096)))
        }
        columns[next].count += 1
        if let byteCount {
            columns[next].elements.writeInteger(Int32(byteCount))
            write(&columns[next].elements)
        } else {
            columns[next].elements.writeInteger(Int32(-1))
            columns[next].hasNull = true
        }
        next += 1
    }

    mutating func text(_ value: String?) {
        element(.text, byteCount: value?.utf8.count) { $0.writeString(value!) }
    }

    mutating func integer(_ value: Int64?) {
        element(.int8, byteCount: value == nil ? nil : 8) { $0.writeInteger(value!) }
    }

    mutating func real(_ value: Double) {
        element(.float8, byteCount: 8) { $0.writeInteger(value.bitPattern) }
    }

    mutating func flag(_ value: Bool) {
        element(.bool, byteCount: 1) { $0.writeInteger(UInt8(value ? 1 : 0)) }
    }
}
