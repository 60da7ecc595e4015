import Crypto
import Foundation
import JariyaCLI
import JariyaCore
import JariyaDocuments
import JariyaStore

/// `jariya certificate issue` over COUNT completions, as HR would run it at
/// the end of a quarter: signing the certificates (one transaction) and
/// writing every PDF, on one core. The agency is set up through the same
/// commands a user types; attendance is recorded through the store.
func certificateBatch(_ count: Int, content: String) async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jariya-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("bench.sqlite").path
    let csv = folder.appendingPathComponent("roster.csv")
    try Data(try rosterText(count).utf8).write(to: csv)
    for command in [
        ["init", "--code", "bench", "--name", "องค์การบริหารส่วนตำบลยอดแกง", "--short-name", "อบต.ยอดแกง"],
        ["agency", "set", "--serial-prefix", "ยก", "--signer-name", "นายสมชาย ใจดี",
         "--signer-position", "นายกองค์การบริหารส่วนตำบลยอดแกง", "--verify-base-url", "https://yodkaeng.go.th/jariya"],
        ["roster", "import", csv.path, "--effective", "2023-10-01"],
        ["course", "publish", "\(content)/Quizzes/ethics-basics.xml", "\(content)/Courses/code-of-ethics.xml"],
    ] {
        guard await Jariya.run(command + ["--db", path]) == 0 else { throw BenchFailure("jariya \(command[0]) failed") }
    }
    // Completions without a key at hand: the batch signs them all.
    let db = try AppDatabase.open(path: path)
    let agencyID = try db.agency(code: "bench").id ?? 0
    let start = CivilDate(year: 2024, month: 3, day: 15).instant(hour: 9, minute: 0) ?? Date()
    let session = try db.createSession(TrainingSession(agencyId: agencyID, courseKey: "code-of-ethics", title: "อบรมบรรยาย", startsAt: start,
                                                       endsAt: start.addingTimeInterval(3 * 3600), place: "ห้องประชุม", trainer: "วิทยากร",
                                                       format: "onsite", budgetBaht: nil, codeSecret: String(repeating: "x", count: 32),
                                                       createdBy: "bench", createdAt: start))
    let rule = CompletionRule(attendedSessions: 1, passed: [], taken: [])
    for number in 1...count {
        _ = try db.recordAttendance(sessionID: session.id ?? 0, agencyID: agencyID, employeeCode: "B\(number)", status: .present,
                                    method: .roll, actor: "trainer", reason: nil, now: start, rule: rule)
    }
    let out = folder.appendingPathComponent("out")
    var code: Int32 = 0
    let time = await asyncSeconds {
        code = await Jariya.run(["certificate", "issue", "--course", "code-of-ethics", "--out", out.path, "--content", content, "--db", path])
    }
    let files = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".pdf") }
    let bytes = try files.reduce(0) { $0 + (try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent($1).path)[.size] as? Int ?? 0) }
    guard code == 0, files.count == count else { throw BenchFailure("certificate issue made \(files.count) of \(count) PDFs") }
    print("certificate issue: \(count) signed and written as PDF in \(String(format: "%.2f", time)) s on one core: "
          + "\(Int(Double(count) / time)) certificates per second, \(bytes / count / 1024) KiB each")
}

func rosterText(_ count: Int) throws -> String {
    let names = ["นางสาวกฤษณ์ธิดา ศรีสุข", "นางน้ำทิพย์ ปู่ป้ำ", "ว่าที่ร้อยตรีเกียรติศักดิ์ ฟื้นฟูวงศ์", "นายขวัญชัย ใจดี"]
    let lines = (1...count).map { "B\($0),\(names[$0 % names.count]),พนักงานส่วนตำบล,นักจัดการงานทั่วไป,สำนักปลัด" }
    return "รหัสพนักงาน,ชื่อ-สกุล,ประเภทบุคลากร,ตำแหน่ง,สังกัด\n" + lines.joined(separator: "\n") + "\n"
}

func asyncSeconds(_ work: () async -> Void) async -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    await work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Rendering alone: the same certificate drawn COUNT times in memory, per template.
func certificateRender(_ count: Int, content: String) throws {
    let folder = URL(fileURLWithPath: content).appendingPathComponent("Certificates")
    let key = Curve25519.Signing.PrivateKey()
    for name in ["standard", "formal-portrait"] {
        let template = try CertificateTemplate.load(named: name, from: folder)
        let facts = CertificateFacts(serial: "ยก-2567-0001", code: "7F3K-92QX", agency: "bench", agencyName: "องค์การบริหารส่วนตำบลยอดแกง",
                                     officerName: "นางสาวกฤษณ์ธิดา ศรีสุข", courseKey: "code-of-ethics", courseVersion: 1,
                                     courseTitle: "มาตรฐานทางจริยธรรมและประมวลจริยธรรมสำหรับพนักงานส่วนท้องถิ่น", fiscalYear: 2567, issuedOn: "2024-03-15")
        let print = CertificatePrint(certificate: try SignedCertificate.sign(facts, key: key), signerName: "นายสมชาย ใจดี",
                                     signerPosition: "นายกองค์การบริหารส่วนตำบลยอดแกง", verifyURL: "https://yodkaeng.go.th/jariya/verify/7F3K-92QX")
        _ = try CertificateRenderer.pdf(print, template: template)
        let time = try seconds { for _ in 1...count { _ = try CertificateRenderer.pdf(print, template: template) } }
        Swift.print("\(name): \(count) rendered in memory in \(String(format: "%.2f", time)) s, \(Int(Double(count) / time)) per second")
    }
}
