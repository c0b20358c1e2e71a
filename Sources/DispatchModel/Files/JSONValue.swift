/// A JSON value that remembers the line it started on, so errors can name it.
public struct JSONNode: Sendable, Equatable {
    /// The value.
    public var value: JSONValue
    /// 1-based line where the value starts (0 for values built in memory).
    public var line: Int

    /// A node at `line`.
    public init(_ value: JSONValue, line: Int = 0) {
        self.value = value
        self.line = line
    }
}

/// A JSON value; objects keep their keys in file order.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONNode])
    case object([(key: String, node: JSONNode)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x.map(\.value) == y.map(\.value)
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.node.value == $1.node.value }
        default: return false
        }
    }

    /// A short name of the value's type, for error messages.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The member named `key`, if this is an object that has one.
    public subscript(key: String) -> JSONNode? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.node
    }
}

/// Builds object values in code with readable literals.
extension JSONValue {
    /// An object from ordered key–value pairs; `nil` values are left out.
    public static func object(_ pairs: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        .object(pairs.compactMap { key, value in value.map { (key: key, node: JSONNode($0)) } })
    }

    /// An array of values.
    public static func array(_ values: [JSONValue]) -> JSONValue {
        .array(values.map { JSONNode($0) })
    }
}
