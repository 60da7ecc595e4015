/// One question as drawn into an attempt: which question, and the order its
/// choices (or, for matching, its right-hand items) are shown in. Frozen when
/// the attempt starts, so a reload shows exactly the same test.
public struct DrawnQuestion: Hashable, Sendable, Codable {
    /// The question's id in its bank.
    public var questionID: String
    /// Indexes into the question's choices (or pairs' rights), in display order.
    public var order: [Int]

    /// A drawn question from its parts.
    public init(questionID: String, order: [Int]) {
        self.questionID = questionID
        self.order = order
    }
}

/// What an officer answered to one question, in the question's own indexes
/// (never display positions), so scoring does not depend on the shuffle.
public enum Answer: Hashable, Sendable, Codable {
    /// Indexes of the chosen choices (one for single).
    case choices([Int])
    /// true or false.
    case truth(Bool)
    /// Typed text.
    case text(String)
    /// For each left item (by index), the index of the pair whose right was chosen.
    case matches([Int])
}

/// Percentages and scores are integers in basis points: 10000 = 100%.
public typealias BasisPoints = Int

/// An attempt's score.
public struct Score: Hashable, Sendable, Codable {
    /// Points earned, in hundredths of a point so partial credit stays exact.
    public var earnedCentipoints: Int
    /// Points available, in hundredths.
    public var possibleCentipoints: Int
    /// earned / possible, in basis points, rounded down.
    public var percent: BasisPoints

    /// A score from earned and possible hundredths of points.
    public init(earnedCentipoints: Int, possibleCentipoints: Int) {
        self.earnedCentipoints = earnedCentipoints
        self.possibleCentipoints = possibleCentipoints
        percent = possibleCentipoints == 0 ? 0 : earnedCentipoints * 10_000 / possibleCentipoints
    }

    /// Whether the score reaches a pass mark given in whole percent.
    public func passes(_ passPercent: Int) -> Bool { percent >= passPercent * 100 }
}
