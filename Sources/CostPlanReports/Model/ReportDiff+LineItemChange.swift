import CostPlan
import Foundation

extension ReportDiff {
    /// One line item of a component before and after (at desired scale), matched by name.
    public struct LineItemChange: Sendable {
        /// The line item's name (the head's when present).
        public let name: String
        public let before: LineItem?
        public let after: LineItem?
        public let status: ChangeStatus

        public init(before: LineItem?, after: LineItem?) {
            self.name = after?.name ?? before?.name ?? ""
            self.before = before
            self.after = after
            status = ChangeStatus.of(base: before != nil, head: after != nil, differs:
                before?.quantity != after?.quantity || before?.unitPrice != after?.unitPrice || before?.unit != after?.unit)
        }

        /// The unit (the head's when present).
        public var unit: String { after?.unit ?? before?.unit ?? "" }

        /// The monthly cost before: 0 when the item is absent, nil when it depends on usage.
        public var monthlyBefore: Decimal? { before == nil ? 0 : before?.monthly }

        /// The monthly cost after: 0 when the item is absent, nil when it depends on usage.
        public var monthlyAfter: Decimal? { after == nil ? 0 : after?.monthly }

        /// `after − before`; nil when either side depends on usage.
        public var delta: Decimal? {
            guard let before = monthlyBefore, let after = monthlyAfter else { return nil }
            return after - before
        }

        /// Pairs the items of two lists: first by name (the n-th item of a name with the n-th of the
        /// same name), then the rest by the rate they are priced with (so `2 × t3.large` pairs with
        /// `4 × t3.large`); in merged order: the head's, each item only in the base where it stood.
        static func pair(_ base: [LineItem], _ head: [LineItem]) -> [LineItemChange] {
            func occurrences(_ keys: [String]) -> [String] {
                var seen: [String: Int] = [:]
                return keys.map { key in
                    let n = seen[key, default: 0]
                    seen[key] = n + 1
                    return "\(key)\u{0}\(n)"
                }
            }
            func rateKey(_ item: LineItem) -> String {
                "\(item.rate.key.service)\u{1}\(item.rate.key.region)\u{1}\(item.rate.key.item)\u{1}\(item.rate.tierFrom.map(Money.plain) ?? "")\u{1}\(item.unit)"
            }
            // Pass 1: by name.
            let baseNames = occurrences(base.map(\.name)), headNames = occurrences(head.map(\.name))
            var baseKeys = baseNames
            let headKeys = headNames
            let common = Set(baseNames).intersection(headNames)
            // Pass 2: the unmatched items by rate; a match takes the head item's key on both sides.
            let looseBase = base.indices.filter { !common.contains(baseNames[$0]) }
            let looseHead = head.indices.filter { !common.contains(headNames[$0]) }
            let baseRates = occurrences(looseBase.map { rateKey(base[$0]) })
            let headRates = occurrences(looseHead.map { rateKey(head[$0]) })
            let headByRate = Dictionary(zip(headRates, looseHead), uniquingKeysWith: { a, _ in a })
            for (rate, index) in zip(baseRates, looseBase) {
                if let match = headByRate[rate] { baseKeys[index] = headKeys[match] }
            }
            let before = Dictionary(zip(baseKeys, base), uniquingKeysWith: { a, _ in a })
            let after = Dictionary(zip(headKeys, head), uniquingKeysWith: { a, _ in a })
            return mergedOrder(base: baseKeys, head: headKeys).map { LineItemChange(before: before[$0], after: after[$0]) }
        }
    }
}

/// The keys of both lists once each, in the head's order, with each key found only in the
/// base placed where it stood there, so a removed item sits just before the item that replaced it.
func mergedOrder(base: [String], head: [String]) -> [String] {
    let inHead = Set(head)
    var position: [String: Int] = [:]
    for (index, key) in base.enumerated() where position[key] == nil { position[key] = index }
    var result: [String] = [], next = 0
    func flush(upTo end: Int) {
        while next < end {
            if !inHead.contains(base[next]) { result.append(base[next]) }
            next += 1
        }
    }
    for key in head {
        if let index = position[key] {
            flush(upTo: index)
            next = max(next, index + 1)
        } else {
            // An added key: the removed keys standing here go first (what it replaces, then it).
            while next < base.count, !inHead.contains(base[next]) { result.append(base[next]); next += 1 }
        }
        result.append(key)
    }
    flush(upTo: base.count)
    return result
}
