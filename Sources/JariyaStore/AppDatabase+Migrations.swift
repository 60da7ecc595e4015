import GRDB

extension AppDatabase {
    /// The schema's history. Migrations are named, append-only and plain SQL:
    /// never edit one that has shipped; add the next.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("2567-01 agencies, divisions, officers, users") { db in
            try db.execute(sql: """
                CREATE TABLE agency (
                    id INTEGER PRIMARY KEY,
                    code TEXT NOT NULL UNIQUE CHECK (code GLOB '[a-z0-9]*' AND length(code) BETWEEN 2 AND 32),
                    name TEXT NOT NULL CHECK (name <> ''),
                    short_name TEXT NOT NULL CHECK (short_name <> ''),
                    province TEXT NOT NULL DEFAULT '',
                    district TEXT NOT NULL DEFAULT '',
                    created_at DATETIME NOT NULL
                );

                CREATE TABLE division (
                    id INTEGER PRIMARY KEY,
                    agency_id INTEGER NOT NULL REFERENCES agency(id),
                    code TEXT NOT NULL CHECK (code <> ''),
                    name TEXT NOT NULL CHECK (name <> ''),
                    UNIQUE (agency_id, code),
                    UNIQUE (agency_id, name)
                );

                CREATE TABLE officer (
                    id INTEGER PRIMARY KEY,
                    agency_id INTEGER NOT NULL REFERENCES agency(id),
                    employee_code TEXT NOT NULL CHECK (employee_code <> ''),
                    prefix TEXT NOT NULL DEFAULT '',
                    first_name TEXT NOT NULL CHECK (first_name <> ''),
                    last_name TEXT NOT NULL CHECK (last_name <> ''),
                    staff_type TEXT NOT NULL CHECK (staff_type IN
                        ('career', 'permanent', 'mission-contract', 'general-contract', 'executive', 'council')),
                    position TEXT NOT NULL DEFAULT '',
                    active BOOLEAN NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
                    UNIQUE (agency_id, employee_code)
                );

                -- Who belonged to which division when, so that a report for a past
                -- quarter counts each officer where they were then. `valid_until`
                -- is exclusive; NULL means the membership is current.
                CREATE TABLE division_membership (
                    id INTEGER PRIMARY KEY,
                    agency_id INTEGER NOT NULL REFERENCES agency(id),
                    officer_id INTEGER NOT NULL REFERENCES officer(id),
                    division_id INTEGER NOT NULL REFERENCES division(id),
                    valid_from TEXT NOT NULL CHECK (valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
                    valid_until TEXT CHECK (valid_until IS NULL OR valid_until > valid_from)
                );
                CREATE UNIQUE INDEX division_membership_current
                    ON division_membership(officer_id) WHERE valid_until IS NULL;
                CREATE INDEX division_membership_officer ON division_membership(officer_id, valid_from);

                CREATE TABLE user (
                    id INTEGER PRIMARY KEY,
                    agency_id INTEGER NOT NULL REFERENCES agency(id),
                    username TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(username) >= 2),
                    display_name TEXT NOT NULL CHECK (display_name <> ''),
                    role TEXT NOT NULL CHECK (role IN ('officer', 'trainer', 'hr', 'admin')),
                    officer_id INTEGER UNIQUE REFERENCES officer(id),
                    password_hash TEXT NOT NULL CHECK (password_hash GLOB '$argon2id$*'),
                    active BOOLEAN NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
                    created_at DATETIME NOT NULL,
                    CHECK (role <> 'officer' OR officer_id IS NOT NULL)
                );
                """)
        }
        migrator.registerMigration("2567-02 published course and bank versions") { db in
            try db.execute(sql: """
                -- A published version is immutable: attempts and certificates point
                -- at the exact text they were taken on. Editing publishes a new version.
                CREATE TABLE bank_version (
                    id INTEGER PRIMARY KEY,
                    agency_id INTEGER NOT NULL REFERENCES agency(id),
                    bank_key TEXT NOT NULL CHECK (bank_key <> ''),
                    version INTEGER NOT NULL CHECK (version >= 1),
                    title TEXT NOT NULL,
                    question_count INTEGER NOT NULL CHECK (question_count >= 1),
                    content_sha256 TEXT NOT NULL CHECK (length(content_sha256) = 64),
                    source BLOB NOT NULL,
                    source_file TEXT NOT NULL,
                    published_by TEXT NOT NULL CHECK (published_by <> ''),
                    published_at DATETIME NOT NULL,
                    UNIQUE (agency_id, bank_key, version)
                );

                CREATE TABLE course_version (
                    id INTEGER PRIMARY KEY,
                    agency_id INTEGER NOT NULL REFERENCES agency(id),
                    course_key TEXT NOT NULL CHECK (course_key <> ''),
                    version INTEGER NOT NULL CHECK (version >= 1),
                    title TEXT NOT NULL,
                    summary TEXT NOT NULL,
                    module_count INTEGER NOT NULL CHECK (module_count >= 1),
                    pretest_bank_version_id INTEGER REFERENCES bank_version(id),
                    posttest_bank_version_id INTEGER REFERENCES bank_version(id),
                    content_sha256 TEXT NOT NULL CHECK (length(content_sha256) = 64),
                    source BLOB NOT NULL,
                    source_file TEXT NOT NULL,
                    published_by TEXT NOT NULL CHECK (published_by <> ''),
                    published_at DATETIME NOT NULL,
                    UNIQUE (agency_id, course_key, version)
                );

                CREATE TRIGGER bank_version_no_update BEFORE UPDATE ON bank_version
                BEGIN SELECT RAISE(ABORT, 'a published bank version is immutable; publish a new version'); END;
                CREATE TRIGGER bank_version_no_delete BEFORE DELETE ON bank_version
                BEGIN SELECT RAISE(ABORT, 'a published bank version is never deleted'); END;
                CREATE TRIGGER course_version_no_update BEFORE UPDATE ON course_version
                BEGIN SELECT RAISE(ABORT, 'a published course version is immutable; publish a new version'); END;
                CREATE TRIGGER course_version_no_delete BEFORE DELETE ON course_version
                BEGIN SELECT RAISE(ABORT, 'a published course version is never deleted'); END;
                """)
        }
        migrator.registerMigration("2567-03 login sessions and quiz attempts") { db in
            try db.execute(sql: """
                -- Only a hash of each session token is kept, so a copy of the
                -- database does not let anyone log in as the officers in it.
                CREATE TABLE login_session (
                    id INTEGER PRIMARY KEY,
                    agency_id INTEGER NOT NULL REFERENCES agency(id),
                    user_id INTEGER NOT NULL REFERENCES user(id),
                    token_sha256 TEXT NOT NULL UNIQUE CHECK (length(token_sha256) = 64),
                    created_at DATETIME NOT NULL,
                    expires_at DATETIME NOT NULL,
                    ended_at DATETIME
                );
                CREATE INDEX login_session_user ON login_session(user_id);

                -- An attempt freezes its questions and their order when it starts
                -- (`questions`, JSON), and its grade when it is submitted, once.
                CREATE TABLE attempt (
                    id INTEGER PRIMARY KEY,
                    agency_id INTEGER NOT NULL REFERENCES agency(id),
                    public_id TEXT NOT NULL UNIQUE CHECK (length(public_id) >= 16),
                    user_id INTEGER NOT NULL REFERENCES user(id),
                    officer_id INTEGER NOT NULL REFERENCES officer(id),
                    course_version_id INTEGER NOT NULL REFERENCES course_version(id),
                    bank_version_id INTEGER NOT NULL REFERENCES bank_version(id),
                    course_key TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('pretest', 'posttest')),
                    fiscal_year INTEGER NOT NULL CHECK (fiscal_year > 2500),
                    number INTEGER NOT NULL CHECK (number >= 1),
                    seed INTEGER NOT NULL,
                    questions TEXT NOT NULL,
                    pass_percent INTEGER NOT NULL CHECK (pass_percent BETWEEN 1 AND 100),
                    started_at DATETIME NOT NULL,
                    deadline DATETIME,
                    last_save_seq INTEGER NOT NULL DEFAULT 0,
                    submitted_at DATETIME,
                    submitted_by TEXT CHECK (submitted_by IN ('officer', 'deadline')),
                    earned_centipoints INTEGER,
                    possible_centipoints INTEGER,
                    percent_bp INTEGER CHECK (percent_bp BETWEEN 0 AND 10000),
                    passed BOOLEAN,
                    UNIQUE (officer_id, course_key, kind, fiscal_year, number),
                    CHECK ((submitted_at IS NULL) = (percent_bp IS NULL)),
                    CHECK ((submitted_at IS NULL) = (submitted_by IS NULL))
                );
                CREATE UNIQUE INDEX attempt_one_open ON attempt(officer_id, course_key, kind) WHERE submitted_at IS NULL;
                CREATE INDEX attempt_deadline ON attempt(deadline) WHERE submitted_at IS NULL;

                CREATE TABLE attempt_answer (
                    attempt_id INTEGER NOT NULL REFERENCES attempt(id),
                    question_id TEXT NOT NULL,
                    answer TEXT NOT NULL,
                    seq INTEGER NOT NULL CHECK (seq >= 1),
                    saved_at DATETIME NOT NULL,
                    PRIMARY KEY (attempt_id, question_id)
                );

                -- A submitted attempt's answers and grade are final.
                CREATE TRIGGER attempt_answer_closed_insert BEFORE INSERT ON attempt_answer
                WHEN (SELECT submitted_at FROM attempt WHERE id = NEW.attempt_id) IS NOT NULL
                BEGIN SELECT RAISE(ABORT, 'the attempt is submitted; its answers are final'); END;
                CREATE TRIGGER attempt_answer_closed_update BEFORE UPDATE ON attempt_answer
                WHEN (SELECT submitted_at FROM attempt WHERE id = OLD.attempt_id) IS NOT NULL
                BEGIN SELECT RAISE(ABORT, 'the attempt is submitted; its answers are final'); END;
                CREATE TRIGGER attempt_grade_final BEFORE UPDATE ON attempt
                WHEN OLD.submitted_at IS NOT NULL
                BEGIN SELECT RAISE(ABORT, 'a submitted attempt is final'); END;
                """)
        }
        migrator.registerMigration("2567-04 lecture sessions, the ledger, completions") { db in
            try db.execute(sql: """
                -- The agency's Ed25519 public key; the private key stays in a file
                -- outside the database, so whoever holds the database cannot sign.
                ALTER TABLE agency ADD COLUMN signing_public_key TEXT;

                CREATE TABLE training_session (
                    id INTEGER PRIMARY KEY,
                    agency_id INTEGER NOT NULL REFERENCES agency(id),
                    course_key TEXT NOT NULL CHECK (course_key <> ''),
                    title TEXT NOT NULL CHECK (title <> ''),
                    starts_at DATETIME NOT NULL,
                    ends_at DATETIME NOT NULL CHECK (ends_at > starts_at),
                    place TEXT NOT NULL,
                    trainer TEXT NOT NULL,
                    format TEXT NOT NULL CHECK (format IN ('onsite', 'online')),
                    budget_baht INTEGER CHECK (budget_baht IS NULL OR budget_baht >= 0),
                    fiscal_year INTEGER NOT NULL CHECK (fiscal_year > 2500),
                    quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
                    code_secret TEXT NOT NULL CHECK (length(code_secret) >= 32),
                    created_by TEXT NOT NULL,
                    created_at DATETIME NOT NULL
                );
                CREATE INDEX training_session_year ON training_session(agency_id, fiscal_year, starts_at);

                -- The evidence. Append-only: every fact is a new entry, hash-chained
                -- to the one before; corrections supersede, nothing is rewritten.
                CREATE TABLE ledger_entry (
                    agency_id INTEGER NOT NULL REFERENCES agency(id),
                    seq INTEGER NOT NULL CHECK (seq >= 1),
                    recorded_at_ms INTEGER NOT NULL,
                    actor TEXT NOT NULL CHECK (actor <> ''),
                    kind TEXT NOT NULL CHECK (kind <> ''),
                    officer_id INTEGER REFERENCES officer(id),
                    session_id INTEGER REFERENCES training_session(id),
                    payload TEXT NOT NULL,
                    reason TEXT NOT NULL DEFAULT '',
                    prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
                    hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64),
                    PRIMARY KEY (agency_id, seq)
                ) WITHOUT ROWID; -- stored in chain order, so verifying is one sequential scan
                CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE ON ledger_entry
                BEGIN SELECT RAISE(ABORT, 'the ledger is append-only; record a correction instead'); END;
                CREATE TRIGGER ledger_entry_no_delete BEFORE DELETE ON ledger_entry
                BEGIN SELECT RAISE(ABORT, 'the ledger is append-only; record a correction instead'); END;

                CREATE TABLE ledger_checkpoint (
                    agency_id INTEGER NOT NULL REFERENCES agency(id),
                    size INTEGER NOT NULL,
                    head TEXT NOT NULL,
                    taken_at TEXT NOT NULL,
                    public_key TEXT NOT NULL,
                    signature TEXT NOT NULL,
                    PRIMARY KEY (agency_id, size)
                );

                -- Where each officer stands at each session now: the latest
                -- attendance entry of the ledger, kept for quick questions.
                CREATE TABLE attendance (
                    session_id INTEGER NOT NULL REFERENCES training_session(id),
                    officer_id INTEGER NOT NULL REFERENCES officer(id),
                    status TEXT NOT NULL CHECK (status IN ('present', 'late', 'excused', 'absent')),
                    method TEXT NOT NULL CHECK (method IN ('roll', 'self', 'sheet')),
                    ledger_seq INTEGER NOT NULL,
                    recorded_at DATETIME NOT NULL,
                    PRIMARY KEY (session_id, officer_id)
                );
                CREATE INDEX attendance_officer ON attendance(officer_id);

                CREATE TABLE completion (
                    id INTEGER PRIMARY KEY,
                    agency_id INTEGER NOT NULL REFERENCES agency(id),
                    officer_id INTEGER NOT NULL REFERENCES officer(id),
                    course_key TEXT NOT NULL,
                    fiscal_year INTEGER NOT NULL,
                    completed_at DATETIME NOT NULL,
                    ledger_seq INTEGER NOT NULL,
                    revoked_at DATETIME,
                    revoked_seq INTEGER,
                    revoke_reason TEXT,
                    CHECK ((revoked_at IS NULL) = (revoked_seq IS NULL))
                );
                CREATE UNIQUE INDEX completion_once ON completion(officer_id, course_key, fiscal_year) WHERE revoked_at IS NULL;
                CREATE TRIGGER completion_no_delete BEFORE DELETE ON completion
                BEGIN SELECT RAISE(ABORT, 'a completion is revoked, never deleted'); END;
                CREATE TRIGGER completion_revoke_only BEFORE UPDATE ON completion
                WHEN OLD.revoked_at IS NOT NULL OR NEW.officer_id <> OLD.officer_id OR NEW.course_key <> OLD.course_key
                    OR NEW.fiscal_year <> OLD.fiscal_year OR NEW.completed_at <> OLD.completed_at OR NEW.ledger_seq <> OLD.ledger_seq
                BEGIN SELECT RAISE(ABORT, 'a completion can only be revoked, once'); END;
                """)
        }
        migrator.registerMigration("2567-05 certificates") { db in
            try db.execute(sql: """
                -- What a certificate prints beside the facts; HR and admins keep it.
                ALTER TABLE agency ADD COLUMN serial_prefix TEXT NOT NULL DEFAULT '';
                ALTER TABLE agency ADD COLUMN signer_name TEXT NOT NULL DEFAULT '';
                ALTER TABLE agency ADD COLUMN signer_position TEXT NOT NULL DEFAULT '';
                ALTER TABLE agency ADD COLUMN verify_base_url TEXT NOT NULL DEFAULT '';

                -- One signed certificate per completion. The facts are kept exactly
                -- as signed (JSON); revoking is the only change a row may see.
                CREATE TABLE certificate (
                    id INTEGER PRIMARY KEY,
                    agency_id INTEGER NOT NULL REFERENCES agency(id),
                    completion_id INTEGER NOT NULL REFERENCES completion(id),
                    officer_id INTEGER NOT NULL REFERENCES officer(id),
                    course_key TEXT NOT NULL,
                    course_version_id INTEGER NOT NULL REFERENCES course_version(id),
                    fiscal_year INTEGER NOT NULL CHECK (fiscal_year > 2500),
                    number INTEGER NOT NULL CHECK (number >= 1),
                    serial TEXT NOT NULL CHECK (serial <> ''),
                    code TEXT NOT NULL UNIQUE CHECK (length(code) = 9),
                    template TEXT NOT NULL CHECK (template <> ''),
                    facts TEXT NOT NULL,
                    public_key TEXT NOT NULL,
                    signature TEXT NOT NULL,
                    issued_at DATETIME NOT NULL,
                    ledger_seq INTEGER NOT NULL,
                    revoked_at DATETIME,
                    revoked_seq INTEGER,
                    revoke_reason TEXT,
                    UNIQUE (agency_id, fiscal_year, number),
                    UNIQUE (agency_id, serial),
                    CHECK ((revoked_at IS NULL) = (revoked_seq IS NULL)),
                    CHECK (revoked_at IS NULL OR length(trim(revoke_reason)) > 0)
                );
                CREATE UNIQUE INDEX certificate_live ON certificate(completion_id) WHERE revoked_at IS NULL;
                CREATE INDEX certificate_officer ON certificate(officer_id);
                CREATE TRIGGER certificate_no_delete BEFORE DELETE ON certificate
                BEGIN SELECT RAISE(ABORT, 'a certificate is revoked, never deleted'); END;
                CREATE TRIGGER certificate_revoke_only BEFORE UPDATE ON certificate
                WHEN OLD.revoked_at IS NOT NULL OR NEW.facts <> OLD.facts OR NEW.signature <> OLD.signature
                    OR NEW.serial <> OLD.serial OR NEW.code <> OLD.code OR NEW.completion_id <> OLD.completion_id
                    OR NEW.officer_id <> OLD.officer_id OR NEW.issued_at <> OLD.issued_at OR NEW.ledger_seq <> OLD.ledger_seq
                BEGIN SELECT RAISE(ABORT, 'a certificate can only be revoked, once'); END;
                """)
        }
        migrator.registerMigration("2567-06 report notes") { db in
            try db.execute(sql: """
                -- What the responsible officer writes into the compliance report:
                -- problems met and suggestions, kept per course and fiscal year.
                CREATE TABLE report_note (
                    agency_id INTEGER NOT NULL REFERENCES agency(id),
                    course_key TEXT NOT NULL,
                    fiscal_year INTEGER NOT NULL CHECK (fiscal_year > 2500),
                    problems TEXT NOT NULL DEFAULT '',
                    suggestions TEXT NOT NULL DEFAULT '',
                    updated_by TEXT NOT NULL,
                    updated_at DATETIME NOT NULL,
                    PRIMARY KEY (agency_id, course_key, fiscal_year)
                );
                """)
        }
        migrator.registerMigration("2567-07 report indexes") { db in
            try db.execute(sql: """
                -- The compliance report reduces every submitted test of a course and
                -- year to one row per officer and test; this index makes that a scan in order.
                CREATE INDEX attempt_by_course
                    ON attempt(agency_id, course_key, fiscal_year, kind, officer_id, submitted_at, percent_bp, passed)
                    WHERE submitted_at IS NOT NULL;
                """)
        }
        migrator.registerMigration("2567-08 test results by quarter") { db in
            try db.execute(sql: """
                -- Each officer's tests of a course and year, reduced as they are
                -- submitted to one row per fiscal quarter of submission (Bangkok
                -- time; 0 before the year, 5 and on after it): the first pre-test,
                -- the best post-test (score × 10⁹ + attempt id, so the latest of
                -- equal scores), whether any passed. A report through quarter Q reads
                -- these rows instead of a million attempts; submitted attempts are
                -- final, so the rows never need taking back.
                CREATE TABLE test_result (
                    agency_id INTEGER NOT NULL REFERENCES agency(id),
                    course_key TEXT NOT NULL,
                    fiscal_year INTEGER NOT NULL CHECK (fiscal_year > 2500),
                    kind TEXT NOT NULL CHECK (kind IN ('pretest', 'posttest')),
                    officer_id INTEGER NOT NULL REFERENCES officer(id),
                    quarter INTEGER NOT NULL CHECK (quarter >= 0),
                    first_at DATETIME NOT NULL,
                    first_bp INTEGER NOT NULL,
                    best_key INTEGER NOT NULL,
                    passed BOOLEAN NOT NULL,
                    last_at DATETIME NOT NULL,
                    PRIMARY KEY (agency_id, course_key, fiscal_year, kind, officer_id, quarter)
                ) WITHOUT ROWID;
                CREATE TRIGGER test_result_on_insert AFTER INSERT ON attempt WHEN NEW.submitted_at IS NOT NULL
                BEGIN \(testResultUpsert(row: "NEW.", from: "WHERE true")); END;
                CREATE TRIGGER test_result_on_submit AFTER UPDATE OF submitted_at ON attempt
                    WHEN OLD.submitted_at IS NULL AND NEW.submitted_at IS NOT NULL
                BEGIN \(testResultUpsert(row: "NEW.", from: "WHERE true")); END;
                \(testResultUpsert(row: "", from: "FROM attempt WHERE submitted_at IS NOT NULL ORDER BY id"));
                DROP INDEX attempt_by_course;
                """)
        }
        migrator.registerMigration("2567-09 course assignments and module reads") { db in
            try db.execute(sql: """
                -- HR assigns a course for a fiscal year to every officer (no
                -- division) or to one division's officers.
                CREATE TABLE course_assignment (
                    id INTEGER PRIMARY KEY,
                    agency_id INTEGER NOT NULL REFERENCES agency(id),
                    course_key TEXT NOT NULL,
                    fiscal_year INTEGER NOT NULL CHECK (fiscal_year > 2500),
                    division_id INTEGER REFERENCES division(id),
                    assigned_by TEXT NOT NULL,
                    assigned_at DATETIME NOT NULL
                );
                CREATE UNIQUE INDEX course_assignment_once
                    ON course_assignment(agency_id, course_key, fiscal_year, coalesce(division_id, 0));

                -- The first time an officer opened each module of a course in a fiscal year.
                CREATE TABLE module_read (
                    officer_id INTEGER NOT NULL REFERENCES officer(id),
                    course_key TEXT NOT NULL,
                    fiscal_year INTEGER NOT NULL CHECK (fiscal_year > 2500),
                    module_id TEXT NOT NULL,
                    first_read_at DATETIME NOT NULL,
                    PRIMARY KEY (officer_id, course_key, fiscal_year, module_id)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("2567-10 wrong check-in codes and failed logins") { db in
            try db.execute(sql: """
                -- Each wrong room code an officer typed: the back-off on
                -- guessing counts them, and the trainer's roll shows them. A
                -- refused try records no attendance, so it is not a ledger entry.
                CREATE TABLE checkin_refusal (
                    id INTEGER PRIMARY KEY,
                    agency_id INTEGER NOT NULL REFERENCES agency(id),
                    session_id INTEGER NOT NULL REFERENCES training_session(id),
                    officer_id INTEGER NOT NULL REFERENCES officer(id),
                    refused_at DATETIME NOT NULL
                );
                CREATE INDEX checkin_refusal_by_officer ON checkin_refusal(session_id, officer_id, refused_at);

                -- Failed logins counted per account and per address, kept here
                -- so a restart forgets nothing. The key is a SHA-256 of the
                -- normalised username or the address: one row per key, whatever
                -- length was typed. Rows an hour past their last failure count
                -- for nothing and are deleted as new failures arrive.
                CREATE TABLE login_failure (
                    key TEXT PRIMARY KEY CHECK (length(key) = 64),
                    failures INTEGER NOT NULL CHECK (failures > 0),
                    last_failure_at DATETIME NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX login_failure_by_age ON login_failure(last_failure_at);
                """)
        }
        return migrator
    }

    /// Folds submitted attempts into `test_result`: the columns are read as
    /// `row` + name (`NEW.` in a trigger), `from` ends the SELECT. The quarter
    /// counts months from the fiscal year's first October in Bangkok time,
    /// the zone the year's quarters are cut in.
    private static func testResultUpsert(row r: String, from: String) -> String {
        let submitted = "\(r)submitted_at"
        let month = "(CAST(strftime('%Y', \(submitted), '+7 hours') AS INTEGER) * 12 + CAST(strftime('%m', \(submitted), '+7 hours') AS INTEGER) - 1)"
        let yearStart = "((\(r)fiscal_year - 544) * 12 + 9)"
        return """
            INSERT INTO test_result (agency_id, course_key, fiscal_year, kind, officer_id, quarter, first_at, first_bp, best_key, passed, last_at)
            SELECT \(r)agency_id, \(r)course_key, \(r)fiscal_year, \(r)kind, \(r)officer_id, max(0, (\(month) - \(yearStart) + 3) / 3),
                   \(submitted), \(r)percent_bp, \(r)percent_bp * 1000000000 + \(r)id, coalesce(\(r)passed, 0), \(submitted)
            \(from)
            ON CONFLICT (agency_id, course_key, fiscal_year, kind, officer_id, quarter) DO UPDATE SET
                first_bp = CASE WHEN excluded.first_at < first_at THEN excluded.first_bp ELSE first_bp END,
                first_at = min(first_at, excluded.first_at),
                best_key = max(best_key, excluded.best_key),
                passed = max(passed, excluded.passed),
                last_at = max(last_at, excluded.last_at)
            """
    }
}
