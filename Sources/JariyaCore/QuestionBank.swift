/// A question bank as a trainer wrote it in `Quizzes/*.xml` (`urn:jariya:quiz:1`).
public struct QuestionBank: Hashable, Sendable {
    /// The bank's identifier, named by courses.
    public var id: String
    /// The language of the text.
    public var language: String
    /// The Thai title.
    public var title: String
    /// The English title, when given.
    public var englishTitle: String?
    /// Declared topics, by identifier, with their Thai names.
    public var topics: [Topic]
    /// The questions.
    public var questions: [Question]
    /// Where the root element stands in the source file.
    public var line: Int

    /// A bank from its parts.
    public init(id: String, language: String, title: String, englishTitle: String?,
                topics: [Topic], questions: [Question], line: Int) {
        self.id = id
        self.language = language
        self.title = title
        self.englishTitle = englishTitle
        self.topics = topics
        self.questions = questions
        self.line = line
    }

    /// How many questions each topic holds; questions without a topic are not counted.
    public var questionsPerTopic: [String: Int] {
        questions.reduce(into: [:]) { counts, question in
            if let topic = question.topic { counts[topic, default: 0] += 1 }
        }
    }

    /// A topic questions can be grouped and drawn by.
    public struct Topic: Hashable, Sendable {
        /// Its identifier.
        public var id: String
        /// Its name, shown in reports ("weakest topics").
        public var name: String
        /// Where it is declared.
        public var line: Int

        /// A topic from its parts.
        public init(id: String, name: String, line: Int) {
            self.id = id
            self.name = name
            self.line = line
        }
    }
}

/// One question of a bank.
public struct Question: Hashable, Sendable {
    /// Unique within the bank.
    public var id: String
    /// What kind of answer it takes.
    public var type: QuestionType
    /// The topic it belongs to.
    public var topic: String?
    /// Points for a fully right answer.
    public var points: Int
    /// Whether choices may be shuffled per attempt.
    public var shuffle: Bool
    /// The question text.
    public var prompt: String
    /// Choices, for single and multiple.
    public var choices: [Choice]
    /// The right answer of a true-false question.
    public var answer: Bool?
    /// Accepted answers of a short question, compared after Thai normalisation.
    public var accepted: [String]
    /// Pairs of a matching question, each left matched to its right.
    public var pairs: [Pair]
    /// Why the answer is right, shown at review.
    public var explanation: String?
    /// Where the question starts in the source file.
    public var line: Int

    /// A question from its parts.
    public init(id: String, type: QuestionType, topic: String?, points: Int, shuffle: Bool, prompt: String,
                choices: [Choice], answer: Bool?, accepted: [String], pairs: [Pair], explanation: String?, line: Int) {
        self.id = id
        self.type = type
        self.topic = topic
        self.points = points
        self.shuffle = shuffle
        self.prompt = prompt
        self.choices = choices
        self.answer = answer
        self.accepted = accepted
        self.pairs = pairs
        self.explanation = explanation
        self.line = line
    }

    /// A choice of a single or multiple question.
    public struct Choice: Hashable, Sendable {
        /// The text shown.
        public var text: String
        /// Whether it is a right answer.
        public var correct: Bool
        /// Where it stands in the source file.
        public var line: Int

        /// A choice from its parts.
        public init(text: String, correct: Bool, line: Int) {
            self.text = text
            self.correct = correct
            self.line = line
        }
    }

    /// A left item and the right item it matches.
    public struct Pair: Hashable, Sendable {
        /// Shown in order.
        public var left: String
        /// Shuffled among the rights.
        public var right: String
        /// Where it stands in the source file.
        public var line: Int

        /// A pair from its parts.
        public init(left: String, right: String, line: Int) {
            self.left = left
            self.right = right
            self.line = line
        }
    }
}

/// The kinds of question a bank can hold.
public enum QuestionType: String, Hashable, Sendable, Codable, CaseIterable {
    /// One right choice.
    case single
    /// One or more right choices, with partial credit.
    case multiple
    /// A statement that is true or false.
    case trueFalse = "true-false"
    /// A short typed answer.
    case short
    /// Left items matched to right items.
    case matching
}
