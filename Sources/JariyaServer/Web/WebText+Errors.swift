import JariyaApp
import JariyaCore
import JariyaStore

extension WebText {
    /// What an officer or trainer is told when the rules say no, in their
    /// language; nil for errors whose own message is the best there is.
    static func explain(_ error: Error, _ language: Language) -> String? {
        let thai = language == .thai
        switch error {
        case let error as AttemptError:
            switch error {
            case .attemptsUsed(let limit): return thai ? "ใช้สิทธิ์ทำแบบทดสอบครบ \(limit) ครั้งในปีงบประมาณนี้แล้ว" : error.description
            case .pretestFirst: return thai ? "โปรดทำแบบทดสอบก่อนเรียนก่อน" : error.description
            case .alreadyPassed: return thai ? "คุณสอบผ่านแบบทดสอบหลังเรียนในปีงบประมาณนี้แล้ว" : error.description
            case .closed: return thai ? "ส่งคำตอบชุดนี้ไปแล้ว แก้ไขไม่ได้" : error.description
            case .notFound: return thai ? "ไม่พบแบบทดสอบนี้" : error.description
            case .notAnOfficer: return thai ? "เฉพาะบุคลากรในทะเบียนเท่านั้นที่ทำแบบทดสอบได้" : error.description
            default: return nil
            }
        case let error as AttendanceError:
            switch error {
            case .wrongCode: return thai ? "รหัสไม่ตรงกับที่แสดงในห้องอบรมตอนนี้ โปรดสแกนหรือกรอกรหัสใหม่" : error.description
            case .outsideWindow: return thai ? "ลงเวลาได้ตั้งแต่ 30 นาทีก่อนเริ่มอบรมจนถึงเวลาสิ้นสุด" : error.description
            case .alreadyCheckedIn: return thai ? "คุณลงเวลาเข้าอบรมรอบนี้ไว้แล้ว" : error.description
            case .correctionNeedsReason: return thai ? "ผู้นี้มีสถานะแล้ว การเปลี่ยนสถานะเป็นการแก้ไข ต้องระบุเหตุผล" : error.description
            default: return nil
            }
        case let error as TooManyTries:
            return thai ? "ลองผิดหลายครั้งเกินไป โปรดรอ \(error.retryAfter) วินาทีแล้วลองใหม่" : error.description
        case let error as TextRefusal:
            switch error.problem {
            case .control: return thai ? "ช่อง \(error.field) มีอักขระควบคุมที่มองไม่เห็น โปรดพิมพ์ข้อความใหม่" : error.description
            case .tooLong(_, let limit): return thai ? "ช่อง \(error.field) ยาวเกินไป ได้ไม่เกิน \(limit) ตัวอักษร" : error.description
            }
        default:
            return nil
        }
    }
}
