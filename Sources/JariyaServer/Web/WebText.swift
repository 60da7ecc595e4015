/// The words of the web pages in Thai, the first language, and English, the
/// second. Course content stays in the language it was written in.
enum WebText {
    /// The reader's language.
    enum Language: String, Sendable {
        case thai = "th"
        case english = "en"

        /// The language a cookie value asks for; Thai unless it says English.
        init(cookie: String?) {
            self = cookie == "en" ? .english : .thai
        }

        /// The other language, for the switch.
        var other: Language { self == .thai ? .english : .thai }

        /// The switch's label, written in the language it switches to.
        var switchLabel: String { self == .thai ? "English" : "ภาษาไทย" }
    }

    /// Every key in a language; a key missing in English falls back to Thai.
    static func words(_ language: Language) -> [String: String] {
        language == .thai ? thai : thai.merging(english) { _, english in english }
    }

    private static let thai: [String: String] = [
        "appName": "จริยะ", "login": "เข้าสู่ระบบ", "logout": "ออกจากระบบ", "username": "ชื่อผู้ใช้", "password": "รหัสผ่าน",
        "loginLead": "ระบบอบรมมาตรฐานทางจริยธรรมและประมวลจริยธรรม", "wrongLogin": "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง",
        "tooManyLogins": "ลองเข้าสู่ระบบผิดหลายครั้งเกินไป โปรดรอสักครู่แล้วลองใหม่",
        "seconds": "วินาที",
        "tries": "ครั้ง",
        "lastTry": "ล่าสุด",
        "refusedCodes": "กรอกรหัสผิด",
        "myCourses": "หลักสูตรของฉัน", "myCertificates": "เกียรติบัตรของฉัน", "checkIn": "ลงเวลาเข้าอบรม", "hrHome": "งานบุคคล",
        "pretest": "แบบทดสอบก่อนเรียน", "posttest": "แบบทดสอบหลังเรียน", "modules": "บทเรียน", "attendance": "การเข้าอบรม",
        "certificate": "เกียรติบัตร", "notYet": "ยังไม่ได้ทำ", "done": "ทำแล้ว", "passed": "ผ่าน", "notPassed": "ยังไม่ผ่าน",
        "start": "เริ่มทำ", "resume": "ทำต่อ", "read": "อ่าน", "sessionsAttended": "เข้าอบรมแล้ว", "times": "ครั้ง",
        "noAttemptsLeft": "ใช้สิทธิ์สอบครบแล้ว", "best": "คะแนนที่ดีที่สุด", "completeOn": "ผ่านการอบรมเมื่อ",
        "download": "ดาวน์โหลด", "question": "ข้อ", "of": "จาก", "previous": "ก่อนหน้า", "next": "ถัดไป", "save": "บันทึก",
        "reviewAnswers": "ตรวจทานก่อนส่ง", "submit": "ส่งคำตอบ", "confirmSubmit": "ยืนยันการส่งคำตอบ", "answered": "ตอบแล้ว",
        "unanswered": "ยังไม่ได้ตอบ", "timeLeft": "เวลาที่เหลือ", "minutes": "นาที", "true": "ถูก", "false": "ผิด",
        "yourAnswer": "คำตอบของคุณ", "chooseMatch": "เลือกคู่", "result": "ผลการทดสอบ", "score": "คะแนน",
        "passMark": "เกณฑ์ผ่าน", "correctAnswer": "คำตอบที่ถูก", "explanation": "คำอธิบาย", "backToCourses": "กลับไปหลักสูตรของฉัน",
        "submitWarning": "เมื่อส่งแล้วจะแก้ไขคำตอบไม่ได้", "savedAutomatically": "ระบบบันทึกคำตอบให้ทุกครั้งที่กดถัดไป",
        "code": "รหัสจากห้องอบรม", "session": "รอบการอบรม", "checkedIn": "ลงเวลาเข้าอบรมแล้ว", "late": "มาสาย",
        "present": "มาตรงเวลา", "completedNow": "ผ่านเงื่อนไขของหลักสูตรแล้ว ได้รับเกียรติบัตร",
        "noCertificates": "ยังไม่มีเกียรติบัตร", "serial": "เลขที่", "issued": "ออกเมื่อ", "revoked": "ถูกเพิกถอน",
        "verify": "ตรวจสอบ", "complianceReport": "รายงานผลการดำเนินงานตามมาตรการ ประเด็นที่ (6)",
        "completionReport": "รายงานผู้ผ่านการอบรม", "fiscalYear": "ปีงบประมาณ", "throughQuarter": "ถึงไตรมาส", "show": "แสดง",
        "problems": "ปัญหาและอุปสรรค", "suggestions": "ข้อเสนอแนะ", "saved": "บันทึกแล้ว", "viewReport": "ดูรายงาน",
        "forbidden": "ไม่มีสิทธิ์เข้าถึงหน้านี้", "notFound": "ไม่พบหน้าที่ต้องการ", "badRequest": "ข้อมูลไม่ถูกต้อง",
        "conflict": "ทำรายการนี้ไม่ได้ในขณะนี้", "errorTitle": "เกิดข้อผิดพลาด", "home": "หน้าแรก",
        "coverage": "ความครอบคลุม", "headcount": "จำนวนคน", "trained": "เข้าอบรม", "completed": "ผ่านการอบรม",
        "division": "สำนัก/กอง", "percent": "ร้อยละ", "formats": "ดาวน์โหลดรายงาน", "all": "ทั้งหมด", "status": "สถานะ",
        "dashboard": "ภาพรวมการอบรม", "byQuarter": "ผลสะสมรายไตรมาส", "quarter": "ไตรมาส", "sessions": "จำนวนครั้งที่จัด",
        "notes": "บันทึกของผู้รับผิดชอบ",
        "inactive": "ปิดใช้งาน", "bankWord": "คลังข้อสอบ", "readWord": "อ่านแล้ว", "assignedBadge": "หลักสูตรที่ต้องอบรม ปีงบประมาณ", "assignments": "มอบหมายหลักสูตร",
        "assignTo": "มอบหมายให้", "everyone": "บุคลากรทุกคน", "assign": "มอบหมาย", "remove": "ยกเลิก", "assignedBy": "โดย",
        "noAssignments": "ยังไม่ได้มอบหมายหลักสูตรในปีงบประมาณนี้",
        "trainerHome": "วิทยากร", "adminHome": "ผู้ดูแลระบบ", "roster": "ทะเบียนบุคลากร", "uploadContent": "ตรวจและเผยแพร่หลักสูตรหรือคลังข้อสอบ",
        "uploadHelp": "เลือกไฟล์ XML ของหลักสูตร (Courses/) หรือคลังข้อสอบ (Quizzes/) ระบบจะตรวจแบบเดียวกับคำสั่ง jariya course check",
        "check": "ตรวจไฟล์", "kind": "ประเภท", "titleWord": "ชื่อ", "version": "ฉบับที่", "publishedOn": "เผยแพร่เมื่อ",
        "newSession": "เพิ่มรอบการอบรม", "course": "หลักสูตร", "day": "วันที่", "startsAt": "เริ่ม", "endsAt": "สิ้นสุด", "place": "สถานที่",
        "trainerName": "วิทยากร", "format": "รูปแบบ", "onsite": "ในห้องอบรม", "online": "ออนไลน์", "budget": "งบประมาณ (บาท)",
        "createSession": "บันทึกรอบการอบรม", "sessionsList": "รอบการอบรม", "problemsFound": "พบข้อผิดพลาด", "nothingPublished": "ยังไม่ได้เผยแพร่สิ่งใด",
        "uploadAgain": "แก้ไขแล้วตรวจอีกครั้ง", "fileValid": "ไฟล์ถูกต้อง ตรวจดูตัวอย่างแล้วกดเผยแพร่", "questionsWord": "ข้อ",
        "publish": "เผยแพร่", "cancel": "ยกเลิก", "showQR": "แสดง QR สำหรับลงเวลา", "attendedCount": "เข้าอบรมแล้ว", "marked": "บันทึกแล้ว:",
        "codeWord": "รหัส", "name": "ชื่อ-สกุล", "mark": "บันทึกการเข้าอบรม", "reason": "เหตุผลที่แก้ไข", "scanToCheckIn": "สแกนเพื่อลงเวลาเข้าอบรม",
        "orTypeCode": "หรือกรอกรหัส", "published": "เผยแพร่แล้ว:", "checkResult": "ผลการตรวจไฟล์", "agencyProfile": "ข้อมูลหน่วยงาน",
        "signerName": "ผู้ลงนามเกียรติบัตร", "signerPosition": "ตำแหน่งผู้ลงนาม", "serialPrefix": "อักษรนำเลขที่", "verifyBaseURL": "ที่อยู่เว็บสำหรับตรวจสอบเกียรติบัตร",
        "users": "ผู้ใช้", "role": "บทบาท", "activeWord": "ใช้งานได้", "addUser": "เพิ่มผู้ใช้", "officerCode": "รหัสพนักงาน (เจ้าหน้าที่)",
        "nothingImported": "ยังไม่ได้นำเข้าสิ่งใด", "notInFile": "ไม่มีในไฟล์", "confirmImport": "ยืนยันการนำเข้า", "uploadRoster": "นำเข้าทะเบียนบุคลากร",
        "rosterHelp": "ไฟล์ CSV (UTF-8) คอลัมน์: รหัสพนักงาน, ชื่อ-สกุล, ประเภทบุคลากร, ตำแหน่ง, สังกัด", "effective": "มีผลตั้งแต่",
        "deactivateMissing": "ปิดบัญชีผู้ที่ไม่มีในไฟล์", "previewChanges": "ดูการเปลี่ยนแปลง", "officersNow": "บุคลากรปัจจุบัน", "staffType": "ประเภท",
        "wouldImport": "จะนำเข้า", "imported": "นำเข้าแล้ว", "added": "เพิ่ม", "updated": "ปรับปรุง", "movedDivision": "ย้ายสังกัด", "unchanged": "ไม่เปลี่ยน",
    ]

    private static let english: [String: String] = [
        "appName": "Jariya", "login": "Log in", "logout": "Log out", "username": "Username", "password": "Password",
        "loginLead": "Ethics standards and code-of-ethics training", "wrongLogin": "Wrong username or password",
        "tooManyLogins": "Too many failed logins; wait a moment and try again",
        "seconds": "seconds",
        "tries": "times",
        "lastTry": "last",
        "refusedCodes": "wrong codes",
        "myCourses": "My courses", "myCertificates": "My certificates", "checkIn": "Check in", "hrHome": "HR",
        "pretest": "Pre-test", "posttest": "Post-test", "modules": "Modules", "attendance": "Attendance",
        "certificate": "Certificate", "notYet": "Not yet", "done": "Done", "passed": "Passed", "notPassed": "Not passed",
        "start": "Start", "resume": "Resume", "read": "Read", "sessionsAttended": "Sessions attended", "times": "",
        "noAttemptsLeft": "No attempts left", "best": "Best score", "completeOn": "Completed on",
        "download": "Download", "question": "Question", "of": "of", "previous": "Previous", "next": "Next", "save": "Save",
        "reviewAnswers": "Review before submitting", "submit": "Submit", "confirmSubmit": "Submit my answers", "answered": "Answered",
        "unanswered": "Not answered", "timeLeft": "Time left", "minutes": "minutes", "true": "True", "false": "False",
        "yourAnswer": "Your answer", "chooseMatch": "Choose", "result": "Result", "score": "Score",
        "passMark": "Pass mark", "correctAnswer": "Correct answer", "explanation": "Explanation", "backToCourses": "Back to my courses",
        "submitWarning": "Once submitted, answers cannot be changed", "savedAutomatically": "Your answer is saved each time you press Next",
        "code": "Code shown in the room", "session": "Session", "checkedIn": "Checked in", "late": "late",
        "present": "on time", "completedNow": "You have completed the course; your certificate is issued",
        "noCertificates": "No certificates yet", "serial": "Serial", "issued": "Issued", "revoked": "Revoked",
        "verify": "Verify", "complianceReport": "Issue (6) compliance report",
        "completionReport": "Completion report", "fiscalYear": "Fiscal year", "throughQuarter": "Through quarter", "show": "Show",
        "problems": "Problems", "suggestions": "Suggestions", "saved": "Saved", "viewReport": "View report",
        "forbidden": "You may not open this page", "notFound": "Page not found", "badRequest": "Bad request",
        "conflict": "This cannot be done now", "errorTitle": "Something went wrong", "home": "Home",
        "coverage": "Coverage", "headcount": "Headcount", "trained": "Trained", "completed": "Completed",
        "division": "Division", "percent": "Percent", "formats": "Download the report", "all": "All", "status": "Status",
        "dashboard": "Training overview", "byQuarter": "By quarter", "quarter": "Quarter", "sessions": "Sessions held",
        "notes": "Notes of the responsible officer",
        "inactive": "Inactive", "bankWord": "Question bank", "readWord": "Read", "assignedBadge": "Required in fiscal year", "assignments": "Course assignments",
        "assignTo": "Assign to", "everyone": "Every officer", "assign": "Assign", "remove": "Remove", "assignedBy": "by",
        "noAssignments": "No course is assigned for this fiscal year yet",
        "trainerHome": "Trainer", "adminHome": "Admin", "roster": "Roster", "uploadContent": "Check and publish a course or question bank",
        "uploadHelp": "Choose a course (Courses/) or question-bank (Quizzes/) XML file; it is checked as jariya course check checks it",
        "check": "Check", "kind": "Kind", "titleWord": "Title", "version": "Version", "publishedOn": "Published",
        "newSession": "New session", "course": "Course", "day": "Day", "startsAt": "Starts", "endsAt": "Ends", "place": "Place",
        "trainerName": "Trainer", "format": "Format", "onsite": "On site", "online": "Online", "budget": "Budget (baht)",
        "createSession": "Save the session", "sessionsList": "Sessions", "problemsFound": "Problems found.", "nothingPublished": "Nothing was published.",
        "uploadAgain": "Fix and check again", "fileValid": "The file is valid; check the preview, then publish", "questionsWord": "questions",
        "publish": "Publish", "cancel": "Cancel", "showQR": "Show the check-in QR", "attendedCount": "Attended", "marked": "Saved:",
        "codeWord": "Code", "name": "Name", "mark": "Mark", "reason": "Reason for the change", "scanToCheckIn": "Scan to check in",
        "orTypeCode": "or type the code", "published": "Published:", "checkResult": "Check result", "agencyProfile": "Agency profile",
        "signerName": "Certificate signer", "signerPosition": "Signer's position", "serialPrefix": "Serial prefix", "verifyBaseURL": "Verification web address",
        "users": "Users", "role": "Role", "activeWord": "Active", "addUser": "Add a user", "officerCode": "Employee code (officers)",
        "nothingImported": "Nothing was imported.", "notInFile": "Not in the file", "confirmImport": "Import", "uploadRoster": "Import the roster",
        "rosterHelp": "A CSV file (UTF-8) with columns: employee code, name, staff type, position, division", "effective": "Effective from",
        "deactivateMissing": "Deactivate officers missing from the file", "previewChanges": "Preview the changes", "officersNow": "Officers now", "staffType": "Staff type",
        "wouldImport": "Would import", "imported": "Imported", "added": "added", "updated": "updated", "movedDivision": "moved division", "unchanged": "unchanged",
    ]
}
