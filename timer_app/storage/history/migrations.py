"""The history schema, as numbered migrations on `PRAGMA user_version` (“Written as it
happens” in docs/design.md).

Migration N takes a database at version N-1 to version N in one transaction: it
either all happens or none of it does. A file written by a newer version of the
app (a version we do not know) is never migrated down: the store opens it
read-only and says so. Never edit a shipped migration; add the next one.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from timer_app.storage.history import schema_v8


@dataclass(frozen=True)
class Migration:
    version: int
    why: str
    statements: tuple[str, ...]
    # Rebuilds a table others point at: foreign keys off while it runs (dropping
    # the old table would cascade-delete its children), checked before commit.
    rebuilds_a_parent: bool = False


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "sessions, their exercises and reps",
        (
            """CREATE TABLE sessions (
                id INTEGER PRIMARY KEY,
                routine_id TEXT NOT NULL,
                routine_title TEXT NOT NULL,
                content_hash TEXT NOT NULL DEFAULT '',
                source_path TEXT,
                started_at_utc TEXT NOT NULL,        -- ISO 8601, UTC
                started_offset_min INTEGER NOT NULL, -- local offset from UTC at the start
                time_zone TEXT,                      -- IANA name, when known
                local_date TEXT NOT NULL,            -- the day it counts for (YYYY-MM-DD)
                ended_at_utc TEXT,
                ended_offset_min INTEGER,
                status TEXT NOT NULL CHECK (status IN
                    ('in_progress', 'completed', 'ended_early', 'interrupted')),
                active_seconds REAL NOT NULL DEFAULT 0,
                pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10),
                pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10),
                notes TEXT NOT NULL DEFAULT '',
                reps_total INTEGER NOT NULL DEFAULT 0,
                resume_step INTEGER,
                resume_exercise INTEGER,
                resume_set INTEGER,
                resume_rep INTEGER,
                resume_side TEXT
            )""",
            "CREATE INDEX sessions_by_date ON sessions (local_date)",
            "CREATE INDEX sessions_by_status ON sessions (status)",
            """CREATE TABLE session_exercises (
                session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
                exercise_index INTEGER NOT NULL,
                name TEXT NOT NULL,
                reps_total INTEGER NOT NULL DEFAULT 0,
                outcome TEXT CHECK (outcome IN ('done', 'skipped')),  -- NULL: not reached
                active_seconds REAL NOT NULL DEFAULT 0,
                PRIMARY KEY (session_id, exercise_index)
            ) WITHOUT ROWID""",
            """CREATE TABLE reps (
                session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
                step_index INTEGER NOT NULL,
                exercise_index INTEGER NOT NULL,
                set_number INTEGER NOT NULL,
                rep_number INTEGER NOT NULL,
                side TEXT CHECK (side IN ('left', 'right')),
                outcome TEXT NOT NULL CHECK (outcome IN ('done', 'skipped')),
                held_seconds REAL NOT NULL DEFAULT 0,
                planned_seconds REAL,
                PRIMARY KEY (session_id, step_index)
            ) WITHOUT ROWID""",
        ),
    ),
    Migration(
        2,
        '"Stop – it hurts" reports',
        (
            """CREATE TABLE stop_reports (
                id INTEGER PRIMARY KEY,
                session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
                exercise_index INTEGER,
                exercise_name TEXT NOT NULL DEFAULT '',
                reason TEXT NOT NULL CHECK (reason IN
                    ('sharp_pain', 'pain_spread', 'numbness_or_weakness', 'other')),
                note TEXT NOT NULL DEFAULT '',
                reported_at_utc TEXT NOT NULL,
                reported_offset_min INTEGER NOT NULL
            )""",
            "CREATE INDEX stop_reports_by_session ON stop_reports (session_id)",
        ),
    ),
    Migration(
        3,
        "partial exercises and holds; where the pain is felt",
        (
            # SQLite cannot change a CHECK: the two tables are rebuilt with
            # 'partial' allowed (some of the planned reps, or part of a hold).
            """CREATE TABLE session_exercises_v3 (
                session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
                exercise_index INTEGER NOT NULL,
                name TEXT NOT NULL,
                reps_total INTEGER NOT NULL DEFAULT 0,  -- planned: all sets, all sides
                -- NULL: not reached
                outcome TEXT CHECK (outcome IN ('done', 'partial', 'skipped')),
                active_seconds REAL NOT NULL DEFAULT 0,
                PRIMARY KEY (session_id, exercise_index)
            ) WITHOUT ROWID""",
            # Before version 3 one rep done made an exercise 'done': an exercise
            # with fewer reps done than planned was partial, and says so now.
            """INSERT INTO session_exercises_v3
                SELECT e.session_id, e.exercise_index, e.name, e.reps_total,
                    CASE WHEN e.outcome = 'done' AND e.reps_total > (
                        SELECT count(*) FROM reps r WHERE r.session_id = e.session_id
                            AND r.exercise_index = e.exercise_index AND r.outcome = 'done')
                    THEN 'partial' ELSE e.outcome END,
                    e.active_seconds
                FROM session_exercises e""",
            "DROP TABLE session_exercises",
            "ALTER TABLE session_exercises_v3 RENAME TO session_exercises",
            """CREATE TABLE reps_v3 (
                session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
                step_index INTEGER NOT NULL,
                exercise_index INTEGER NOT NULL,
                set_number INTEGER NOT NULL,
                rep_number INTEGER NOT NULL,
                side TEXT CHECK (side IN ('left', 'right')),
                -- partial: a hold left part-way, held_seconds says how long it was held
                outcome TEXT NOT NULL CHECK (outcome IN ('done', 'partial', 'skipped')),
                held_seconds REAL NOT NULL DEFAULT 0,
                planned_seconds REAL,
                PRIMARY KEY (session_id, step_index)
            ) WITHOUT ROWID""",
            """INSERT INTO reps_v3 (session_id, step_index, exercise_index, set_number,
                    rep_number, side, outcome, held_seconds, planned_seconds)
                SELECT session_id, step_index, exercise_index, set_number,
                    rep_number, side, outcome, held_seconds, planned_seconds FROM reps""",
            "DROP TABLE reps",
            "ALTER TABLE reps_v3 RENAME TO reps",
            # "Where do you feel it most?" before and after (NULL: not asked/answered).
            """ALTER TABLE sessions ADD COLUMN pain_where_before TEXT CHECK (pain_where_before
                IN ('back', 'buttock', 'thigh', 'below_knee', 'foot'))""",
            """ALTER TABLE sessions ADD COLUMN pain_where_after TEXT CHECK (pain_where_after
                IN ('back', 'buttock', 'thigh', 'below_knee', 'foot'))""",
        ),
    ),
    Migration(
        4,
        '"Stop – it hurts" without a reason: Esc still keeps the stop, as not_given',
        (
            # SQLite cannot change a CHECK: the table is rebuilt, rows and ids kept.
            # (Added by the stop-and-safety work, coordinated with the history owner.)
            """CREATE TABLE stop_reports_v4 (
                id INTEGER PRIMARY KEY,
                session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
                exercise_index INTEGER,
                exercise_name TEXT NOT NULL DEFAULT '',
                reason TEXT NOT NULL CHECK (reason IN ('sharp_pain', 'pain_spread',
                    'numbness_or_weakness', 'other', 'not_given')),
                note TEXT NOT NULL DEFAULT '',
                reported_at_utc TEXT NOT NULL,
                reported_offset_min INTEGER NOT NULL
            )""",
            """INSERT INTO stop_reports_v4 (id, session_id, exercise_index, exercise_name,
                    reason, note, reported_at_utc, reported_offset_min)
                SELECT id, session_id, exercise_index, exercise_name,
                    reason, note, reported_at_utc, reported_offset_min FROM stop_reports""",
            "DROP TABLE stop_reports",
            "ALTER TABLE stop_reports_v4 RENAME TO stop_reports",
            "CREATE INDEX stop_reports_by_session ON stop_reports (session_id)",
        ),
    ),
    Migration(
        5,
        "programmes over weeks: enrolment, its events, morning checks, each session's stage",
        (
            # One enrolment is current at most (stopped_on NULL); stopped ones are kept.
            """CREATE TABLE programme_enrolments (
                id INTEGER PRIMARY KEY,
                programme_id TEXT NOT NULL,
                started_on TEXT NOT NULL,            -- local day (YYYY-MM-DD)
                stage_index INTEGER NOT NULL CHECK (stage_index >= 0),
                stage_started_on TEXT NOT NULL,
                flare_up_until TEXT,                 -- a flare-up's last day, inclusive
                stopped_on TEXT                      -- NULL: the current enrolment
            )""",
            """CREATE UNIQUE INDEX programme_one_current
                ON programme_enrolments (coalesce(stopped_on, '')) WHERE stopped_on IS NULL""",
            """CREATE TABLE programme_events (
                id INTEGER PRIMARY KEY,
                enrolment_id INTEGER NOT NULL
                    REFERENCES programme_enrolments (id) ON DELETE CASCADE,
                kind TEXT NOT NULL CHECK (kind IN ('started', 'advanced', 'went_back',
                    'marker_yes', 'marker_not_yet', 'flare_up', 'stopped')),
                local_date TEXT NOT NULL,
                stage_index INTEGER NOT NULL,        -- the stage after the event
                routine_id TEXT,                     -- a flare-up's routine
                until_date TEXT,                     -- a flare-up's last day
                recorded_at_utc TEXT NOT NULL
            )""",
            # The next-morning check; answer NULL: asked, closed without an answer.
            """CREATE TABLE morning_checks (
                local_date TEXT PRIMARY KEY,
                answer TEXT CHECK (answer IN ('better', 'same', 'worse')),
                recorded_at_utc TEXT NOT NULL
            ) WITHOUT ROWID""",
            "ALTER TABLE sessions ADD COLUMN programme_id TEXT",
            "ALTER TABLE sessions ADD COLUMN programme_stage INTEGER",
            "ALTER TABLE sessions ADD COLUMN programme_flare_up INTEGER NOT NULL DEFAULT 0",
            # Each new session takes the stage current when it starts, so the
            # recorder (core) need not know about programmes.
            """CREATE TRIGGER sessions_programme_stage AFTER INSERT ON sessions
                WHEN EXISTS (SELECT 1 FROM programme_enrolments WHERE stopped_on IS NULL)
                BEGIN
                    UPDATE sessions SET
                        programme_id = (SELECT programme_id FROM programme_enrolments
                            WHERE stopped_on IS NULL),
                        programme_stage = (SELECT stage_index FROM programme_enrolments
                            WHERE stopped_on IS NULL),
                        programme_flare_up = coalesce((SELECT flare_up_until >= NEW.local_date
                            FROM programme_enrolments WHERE stopped_on IS NULL), 0)
                    WHERE id = NEW.id;
                END""",
        ),
    ),
    Migration(
        6,
        "standing breaks taken, counted per day (issue 17)",
        (
            # One row per break taken; the History page counts them per local day.
            """CREATE TABLE standing_breaks (
                id INTEGER PRIMARY KEY,
                local_date TEXT NOT NULL,            -- the day it counts for (YYYY-MM-DD)
                taken_at_utc TEXT NOT NULL,
                taken_offset_min INTEGER NOT NULL
            )""",
            "CREATE INDEX standing_breaks_by_date ON standing_breaks (local_date)",
        ),
    ),
    Migration(
        7,
        "a programme's stage moved by the therapist's new file (issue 16)",
        (
            # The stage the therapist's file named when it was last followed: the
            # same file read again never moves the patient a second time.
            "ALTER TABLE programme_enrolments ADD COLUMN file_stage INTEGER",
            # 1: the stage change came from the therapist's new file, not the patient.
            "ALTER TABLE programme_events ADD COLUMN from_file INTEGER NOT NULL DEFAULT 0",
        ),
    ),
    Migration(
        8,
        "partly_done: a session finished with part of it skipped is not completed",
        schema_v8.STATEMENTS,
        rebuilds_a_parent=True,
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version


class NewerSchemaError(Exception):
    """The file was written by a newer version of the app."""

    def __init__(self, found: int) -> None:
        super().__init__(f"schema version {found}, newer than {LATEST_VERSION}")
        self.found = found


def schema_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(conn: sqlite3.Connection, target: int = LATEST_VERSION) -> list[int]:
    """Bring the database up to `target`; returns the versions applied.

    `conn` must be in autocommit mode (`isolation_level=None`) so the transactions
    here are the only ones. Raises `NewerSchemaError` for a newer file.
    """
    current = schema_version(conn)
    if current > LATEST_VERSION:
        raise NewerSchemaError(current)
    applied = []
    for migration in MIGRATIONS:
        if current < migration.version <= target:
            _apply(conn, migration)
            applied.append(migration.version)
    return applied


def _apply(conn: sqlite3.Connection, migration: Migration) -> None:
    # The pragma is a no-op inside a transaction: switched before it begins.
    keys_were_on = migration.rebuilds_a_parent and conn.execute("PRAGMA foreign_keys").fetchone()[0]
    if keys_were_on:
        conn.execute("PRAGMA foreign_keys = OFF")
    try:
        _run(conn, migration)
    finally:
        if keys_were_on:
            conn.execute("PRAGMA foreign_keys = ON")


def _run(conn: sqlite3.Connection, migration: Migration) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Rows an old file already had orphaned are not this migration's doing (and
        # must not stop it for good); any new one is, and undoes it.
        orphans = _orphans(conn) if migration.rebuilds_a_parent else 0
        for statement in migration.statements:
            conn.execute(statement)
        if migration.rebuilds_a_parent and _orphans(conn) > orphans:
            raise sqlite3.IntegrityError(f"migration {migration.version} lost rows' sessions")
        # user_version is part of the transaction: a failed migration leaves it.
        conn.execute(f"PRAGMA user_version = {int(migration.version)}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _orphans(conn: sqlite3.Connection) -> int:
    return len(conn.execute("PRAGMA foreign_key_check").fetchall())
