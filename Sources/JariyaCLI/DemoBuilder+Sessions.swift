import Foundation
import JariyaCore
import JariyaStore

extension DemoBuilder {
    /// One lecture in each quarter of FY2567, through the store's own
    /// attendance paths: most officers come to the lecture of their quarter,
    /// some late, some excused, a few absent, and one roll-call mistake is
    /// corrected the next day with its reason in the ledger. Sessions are
    /// scheduled now; the check-ins are returned as events to run in time order.
    func holdLectures(_ db: AppDatabase, agency: Agency, officers: [OfficerListing], rule: CompletionRule?) throws -> [DemoEvent] {
        let agencyID = agency.id ?? 0
        let plans: [(CivilDate, String, Int?)] = [
            (CivilDate(year: 2023, month: 11, day: 15), "อบรมบรรยาย ครั้งที่ 1: มาตรฐานทางจริยธรรม 7 ประการ", nil),
            (CivilDate(year: 2024, month: 2, day: 7), "อบรมบรรยาย ครั้งที่ 2: ผลประโยชน์ทับซ้อนและการรับของขวัญ", 2_500),
            (CivilDate(year: 2024, month: 5, day: 9), "อบรมบรรยาย ครั้งที่ 3: การใช้และยืมทรัพย์สินของทางราชการ", nil),
            (CivilDate(year: 2024, month: 8, day: 1), "อบรมบรรยาย ครั้งที่ 4: ประมวลจริยธรรมในงานประจำวัน", 3_000),
        ]
        var random = SeededGenerator(seed: 6)
        var events: [DemoEvent] = []
        for (quarter, (day, title, budget)) in plans.enumerated() {
            guard let starts = day.instant(hour: 9, minute: 0), let ends = day.instant(hour: 12, minute: 0) else { continue }
            let session = try db.createSession(TrainingSession(
                agencyId: agencyID, courseKey: "code-of-ethics", title: title, startsAt: starts, endsAt: ends,
                place: "ห้องประชุมสภา อบต.ยอดแก้ว", trainer: quarter % 2 == 0 ? "นายชัยวัฒน์ นามวงศ์ หัวหน้าสำนักปลัด" : "ว่าที่ร้อยตรีณัฐพงษ์ ศรีหาวงศ์ นิติกร",
                format: quarter == 2 ? "online" : "onsite", budgetBaht: budget,
                codeSecret: Hex.string((0..<32).map { _ in UInt8.random(in: 0...255, using: &random) }),
                createdBy: "trainer", createdAt: starts.addingTimeInterval(-14 * 86_400)))
            for (index, listing) in officers.enumerated() where index % 4 == quarter {
                let roll = Double.random(in: 0..<1, using: &random)
                let status: AttendanceStatus = roll < 0.72 ? .present : roll < 0.84 ? .late : roll < 0.93 ? .excused : .absent
                let method: CheckInMethod = status == .present && index % 3 == 0 ? .selfCheckIn : .roll
                let at = starts.addingTimeInterval(status == .late ? 1_500 : Double(index % 20) * 30)
                events.append(DemoEvent(at: at) {
                    _ = try db.recordAttendance(sessionID: session.id ?? 0, agencyID: agencyID, employeeCode: listing.officer.employeeCode,
                                                status: status, method: method,
                                                actor: method == .selfCheckIn ? listing.officer.employeeCode.lowercased() : "trainer",
                                                reason: nil, now: at, rule: rule)
                })
            }
            if quarter == 1, let first = officers.enumerated().first(where: { $0.offset % 4 == quarter })?.element {
                let next = ends.addingTimeInterval(86_400)
                events.append(DemoEvent(at: next) {
                    _ = try db.recordAttendance(sessionID: session.id ?? 0, agencyID: agencyID, employeeCode: first.officer.employeeCode,
                                                status: .excused, method: .roll, actor: "trainer",
                                                reason: "ลงชื่อแทนกันโดยผิดพลาด ผู้นี้ลาป่วยในวันอบรม (ตรวจกับใบลา)", now: next, rule: rule)
                })
            }
        }
        return events
    }
}

/// Something that happened in the demo's year, run in time order so the
/// ledger reads as the year went.
struct DemoEvent {
    let at: Date
    let run: () throws -> Void
}
