"""Migration 8's statements: a session that reached its end with part of it skipped is
`partly_done`, no longer `completed` ("Nothing is done unless it was done").

The status column has a CHECK naming every status, and SQLite cannot change a CHECK:
the sessions table is rebuilt with 'partly_done' allowed, every row and id kept, its
indexes and its programme trigger made again. Exercises, reps and stop reports point
at sessions with ON DELETE CASCADE, so `migrations._apply` turns foreign keys off for
this one (dropping the old table would otherwise delete them all) and checks them
before it commits.

Older records are told the truth too, by the rule the recorder now follows
(`core.history.finished_status`): a `completed` session with an exercise not done in
full (partial, skipped, or never reached) becomes `partly_done`, or `ended_early`
when not one of its exercises was even partly done.
"""

from __future__ import annotations

# Every column of the table at version 7, in its order (kept, so nothing moves).
_COLUMNS = (
    "id", "routine_id", "routine_title", "content_hash", "source_path", "started_at_utc",
    "started_offset_min", "time_zone", "local_date", "ended_at_utc", "ended_offset_min",
    "status", "active_seconds", "pain_before", "pain_after", "notes", "reps_total",
    "resume_step", "resume_exercise", "resume_set", "resume_rep", "resume_side",
    "pain_where_before", "pain_where_after", "programme_id", "programme_stage",
    "programme_flare_up",
)  # fmt: skip

# The status an older row gets: a session with no exercise rows keeps its own.
_TRUE_STATUS = """CASE
    WHEN s.status <> 'completed' OR NOT EXISTS (SELECT 1 FROM session_exercises e
        WHERE e.session_id = s.id AND e.outcome IS NOT 'done') THEN s.status
    WHEN EXISTS (SELECT 1 FROM session_exercises e
        WHERE e.session_id = s.id AND e.outcome IN ('done', 'partial')) THEN 'partly_done'
    ELSE 'ended_early'
END"""

STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE sessions_v8 (
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
        -- partly_done: reached the end with some exercise partly done or skipped
        status TEXT NOT NULL CHECK (status IN
            ('in_progress', 'completed', 'partly_done', 'ended_early', 'interrupted')),
        active_seconds REAL NOT NULL DEFAULT 0,
        pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10),
        pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10),
        notes TEXT NOT NULL DEFAULT '',
        reps_total INTEGER NOT NULL DEFAULT 0,
        resume_step INTEGER,
        resume_exercise INTEGER,
        resume_set INTEGER,
        resume_rep INTEGER,
        resume_side TEXT,
        pain_where_before TEXT CHECK (pain_where_before
            IN ('back', 'buttock', 'thigh', 'below_knee', 'foot')),
        pain_where_after TEXT CHECK (pain_where_after
            IN ('back', 'buttock', 'thigh', 'below_knee', 'foot')),
        programme_id TEXT,
        programme_stage INTEGER,
        programme_flare_up INTEGER NOT NULL DEFAULT 0
    )""",
    f"INSERT INTO sessions_v8 ({', '.join(_COLUMNS)}) SELECT "
    + ", ".join(_TRUE_STATUS if c == "status" else f"s.{c}" for c in _COLUMNS)
    + " FROM sessions s",
    "DROP TABLE sessions",
    "ALTER TABLE sessions_v8 RENAME TO sessions",
    "CREATE INDEX sessions_by_date ON sessions (local_date)",
    "CREATE INDEX sessions_by_status ON sessions (status)",
    # As migration 5 made it: each new session takes the stage current at its start.
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
)
