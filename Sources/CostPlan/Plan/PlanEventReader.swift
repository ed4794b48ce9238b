import CYaml

/// Reads the plain documents plans are made of straight from libyaml's events into `PlanNode`s:
/// no Yams node tree, tags or per-event objects in between, which were most of a cold estimate's
/// plan parse. Anything else (a syntax error, an anchor or alias, a key that is not a scalar, a
/// key written twice, no document or several, more values than the budget) returns nil, and
/// `PlanDocument` composes the text with Yams as before, with its messages and limits.
struct PlanEventReader {
    private var parser: UnsafeMutablePointer<yaml_parser_t>
    private var budget: Int
    private let scalarValue: (String, Bool) -> PlanNode.Value

    /// The root of `text`, each scalar typed by `scalarValue(text, quoted)`; nil to leave the
    /// document to Yams. `budget` is the most values accepted (keys are not counted, as in
    /// `PlanDocument`).
    static func root(of text: String, budget: Int, scalarValue: @escaping (String, Bool) -> PlanNode.Value) -> PlanNode? {
        var text = text
        return text.withUTF8 { bytes in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            return withUnsafeMutablePointer(to: &parser) { pointer in
                var reader = PlanEventReader(parser: pointer, budget: budget, scalarValue: scalarValue)
                return reader.document()
            }
        }
    }

    /// Stream start, document start, the root, document end, stream end: one document exactly.
    private mutating func document() -> PlanNode? {
        guard skip(YAML_STREAM_START_EVENT), skip(YAML_DOCUMENT_START_EVENT), var first = next(),
              let root = node(from: &first), skip(YAML_DOCUMENT_END_EVENT), skip(YAML_STREAM_END_EVENT) else { return nil }
        return root
    }

    /// The next event; nil on a syntax error. The caller deletes it.
    private mutating func next() -> yaml_event_t? {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { return nil }
        return event
    }

    /// Reads the next event and tells whether it is of `type`.
    private mutating func skip(_ type: yaml_event_type_t) -> Bool {
        guard var event = next() else { return false }
        defer { yaml_event_delete(&event) }
        return event.type == type
    }

    /// The node `event` starts, read to its end (the event is deleted).
    private mutating func node(from event: inout yaml_event_t) -> PlanNode? {
        defer { yaml_event_delete(&event) }
        budget -= 1
        guard budget >= 0 else { return nil }
        let line = Int(event.start_mark.line) + 1
        switch event.type {
        case YAML_SCALAR_EVENT:
            guard event.data.scalar.anchor == nil else { return nil }
            let quoted = event.data.scalar.style.rawValue >= YAML_SINGLE_QUOTED_SCALAR_STYLE.rawValue
            return PlanNode(scalarValue(Self.text(of: event), quoted), line: line)
        case YAML_SEQUENCE_START_EVENT:
            guard event.data.sequence_start.anchor == nil else { return nil }
            var items: [PlanNode] = []
            while var child = next() {
                if child.type == YAML_SEQUENCE_END_EVENT {
                    yaml_event_delete(&child)
                    return PlanNode(.list(items), line: line)
                }
                guard let item = node(from: &child) else { return nil }
                items.append(item)
            }
            return nil
        case YAML_MAPPING_START_EVENT:
            guard event.data.mapping_start.anchor == nil else { return nil }
            return mapping(line: line)
        default:
            return nil   // an alias
        }
    }

    /// The entries of the mapping just started, read to its end.
    private mutating func mapping(line: Int) -> PlanNode? {
        var entries: [(key: String, node: PlanNode)] = []
        var keys = Set<String>()
        while var keyEvent = next() {
            let type = keyEvent.type
            let key = type == YAML_SCALAR_EVENT && keyEvent.data.scalar.anchor == nil ? Self.text(of: keyEvent) : nil
            yaml_event_delete(&keyEvent)
            if type == YAML_MAPPING_END_EVENT { return PlanNode(.map(entries), line: line) }
            guard let key, keys.insert(key).inserted, var valueEvent = next(),
                  let value = node(from: &valueEvent) else { return nil }
            entries.append((key, value))
        }
        return nil
    }

    /// A scalar event's text (libyaml hands out UTF-8).
    private static func text(of event: yaml_event_t) -> String {
        String(decoding: UnsafeBufferPointer(start: event.data.scalar.value, count: event.data.scalar.length), as: UTF8.self)
    }
}
