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
        return migrator
    }
}
