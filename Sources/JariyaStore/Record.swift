import GRDB

/// Jariya's records map Swift's camelCase properties to snake_case columns.
protocol SnakeCaseRecord: Codable, FetchableRecord, MutablePersistableRecord {}

extension SnakeCaseRecord {
    /// Reads `agency_id` into `agencyID`-style properties.
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    /// Writes `agencyID`-style properties as `agency_id`.
    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}
