import Foundation
import JariyaAPI
import JariyaCore

/// `json`: every input is decoded as each JSON body the API accepts (the
/// JariyaAPI request types) with the decoder the server uses (`APIJSON`), as
/// each response the CLI reads, and as the JSON files `jariya` verifies
/// (a certificate's embedded facts, a ledger checkpoint). What decodes must
/// encode and decode again to the same value, and the pure steps the server
/// takes right after decoding must hold up.
enum JSONTarget {
    static func run(_ bytes: [UInt8], _ checks: inout Checks) -> Bool {
        let data = Data(bytes)
        var accepted = false

        // Request bodies, with the server's decoder (APIJSON: real calendar dates only).
        let requests = Coders(iso8601Dates: true, strictDates: true)
        accepted = exact(AnswerView.self, data, requests, &checks) != nil || accepted
        accepted = exact(LoginRequest.self, data, requests, &checks) != nil || accepted
        accepted = exact(StartAttemptRequest.self, data, requests, &checks) != nil || accepted
        if let save = exact(SaveAnswerRequest.self, data, requests, &checks) {
            accepted = true
            checkAnswer(save.answer, &checks)
        }
        if let create = stable(CreateSessionRequest.self, data, requests, &checks) {
            accepted = true
            checkSession(create, &checks)
        }
        accepted = exact(MarkAttendanceRequest.self, data, requests, &checks) != nil || accepted
        if let code = exact(CheckInRequest.self, data, requests, &checks) {
            accepted = true
            _ = RotatingCode.accepts(code.code, secret: "fuzz", at: Date(timeIntervalSince1970: 1_700_000_000))
        }

        // Responses, as the CLI's client reads them.
        let server = Coders(iso8601Dates: true)
        accepted = stable(LoginView.self, data, server, &checks) != nil || accepted
        accepted = stable(AttemptView.self, data, server, &checks) != nil || accepted
        accepted = stable(SaveView.self, data, server, &checks) != nil || accepted
        accepted = stable(ResultView.self, data, server, &checks) != nil || accepted
        accepted = stable(MyCoursesView.self, data, server, &checks) != nil || accepted
        accepted = exact(CertificatesView.self, data, server, &checks) != nil || accepted
        accepted = exact(SigningKeysView.self, data, server, &checks) != nil || accepted

        // Files the CLI verifies, with a plain decoder as it uses.
        let plain = Coders(iso8601Dates: false)
        if let certificate = exact(SignedCertificate.self, data, plain, &checks) {
            accepted = true
            let embedded = SignedCertificate(embedded: data.base64EncodedString())
            checks.expect(embedded == certificate, "SignedCertificate(embedded:) reads the base64 of the same JSON differently")
            _ = certificate.isSigned(by: certificate.publicKey)
            _ = certificate.facts.issuedDate
        }
        if let checkpoint = exact(JariyaCore.Checkpoint.self, data, plain, &checks) {
            accepted = true
            _ = checkpoint.isSigned(by: checkpoint.publicKey)
        }
        return accepted
    }

    /// A decoder and encoder that agree on dates.
    struct Coders {
        let decoder: JSONDecoder
        let encoder: JSONEncoder

        init(iso8601Dates: Bool, strictDates: Bool = false) {
            decoder = strictDates ? APIJSON.decoder() : JSONDecoder()
            encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            if iso8601Dates { encoder.dateEncodingStrategy = .iso8601 }
            if iso8601Dates && !strictDates { decoder.dateDecodingStrategy = .iso8601 }
        }
    }

    /// Decodes a value twice (the same both times), then checks that it encodes
    /// and decodes back to itself.
    static func exact<Value: Codable & Equatable>(_ type: Value.Type, _ data: Data, _ coders: Coders, _ checks: inout Checks) -> Value? {
        guard let value = try? coders.decoder.decode(type, from: data) else { return nil }
        let again = try? coders.decoder.decode(type, from: data)
        checks.expect(again == value, "\(type) decoded twice from the same bytes differs")
        guard let encoded = encode(value, coders, &checks) else { return value }
        let back = try? coders.decoder.decode(type, from: encoded)
        checks.expect(back == value, "\(type) does not survive encoding and decoding: \(InputFacts.excerpt(String(decoding: encoded, as: UTF8.self), 200))")
        return value
    }

    /// For values holding dates, which the ISO 8601 form keeps to the second:
    /// what was decoded encodes, decodes again and encodes to the same bytes.
    static func stable<Value: Codable>(_ type: Value.Type, _ data: Data, _ coders: Coders, _ checks: inout Checks) -> Value? {
        guard let value = try? coders.decoder.decode(type, from: data) else { return nil }
        guard let encoded = encode(value, coders, &checks) else { return value }
        guard let back = try? coders.decoder.decode(type, from: encoded) else {
            checks.expect(false, "\(type) encodes to JSON it cannot decode: \(InputFacts.excerpt(String(decoding: encoded, as: UTF8.self), 200))")
            return value
        }
        let reencoded = encode(back, coders, &checks)
        checks.expect(reencoded == encoded, "\(type) encodes differently after a round trip")
        return value
    }

    static func encode<Value: Encodable>(_ value: Value, _ coders: Coders, _ checks: inout Checks) -> Data? {
        do {
            return try coders.encoder.encode(value)
        } catch {
            checks.expect(false, "\(Value.self) decoded but does not encode: \(error)")
            return nil
        }
    }

    /// What the quiz engine does first with a saved answer's text.
    static func checkAnswer(_ answer: AnswerView, _ checks: inout Checks) {
        if let text = answer.text {
            let key = ThaiText.answerKey(text)
            checks.expect(key == ThaiText.answerKey(key), "ThaiText.answerKey is not idempotent on \"\(InputFacts.excerpt(text))\"")
        }
    }

    /// What creating a session does with the body before the database: clean
    /// the texts, place the start in its fiscal quarter (`TrainingSession.init`)
    /// and both times on Bangkok calendar days (reports, pages).
    static func checkSession(_ body: CreateSessionRequest, _ checks: inout Checks) {
        for text in [body.title, body.place, body.trainer] {
            let clean = ThaiText.clean(text)
            checks.expect(clean == ThaiText.clean(clean), "ThaiText.clean is not idempotent on \"\(InputFacts.excerpt(text))\"")
        }
        let quarter = FiscalQuarter(containing: body.startsAt)
        checks.expect((1...4).contains(quarter.number), "a session starting at \(body.startsAt.timeIntervalSince1970) s is in quarter \(quarter.number)")
        for instant in [body.startsAt, body.endsAt] {
            let day = CivilDate(instant, in: .bangkok)
            checks.expectPending(.sessionDayOutsideCalendar, day.isValid,
                                 "the API takes a session time \(instant.timeIntervalSince1970) s from 1970, on Bangkok day \(day), outside the years 1–9999 CivilDate handles")
            if day.isValid { _ = ThaiDate.short(day) }
        }
    }
}
