-- Background work shared by every instance (platform.jobs, docs/jobs.md).
--
-- scheduled_tasks is db-scheduler's own table (its PostgreSQL schema of version 16): one row per due execution of a
-- recurring job (task_instance 'recurring') or of a one-time job (task_name 'realsim-job', task_instance the job's
-- id). An instance picks a due row with SELECT ... FOR UPDATE SKIP LOCKED, so each execution runs on one instance;
-- while it runs the instance renews last_heartbeat, and a row whose heartbeat stopped is a dead execution that
-- another instance takes over.
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- One-time jobs: long work (an inventory import, a re-seal after a key rotation, later exports and bulk actions)
-- with its progress, for the people who started it and for whichever instance runs it. BACKGROUND jobs run through
-- scheduled_tasks; INLINE jobs run in the request that started them and hold a session-level advisory lock while
-- they do, so that another instance can tell a job whose instance died from one still running.
CREATE TABLE platform_job (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind          VARCHAR(60)  NOT NULL CHECK (kind ~ '^[a-z][a-z0-9-]*$'),
    subject       VARCHAR(100),
    mode          VARCHAR(16)  NOT NULL CHECK (mode IN ('BACKGROUND', 'INLINE')),
    status        VARCHAR(16)  NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    progress      BIGINT       NOT NULL DEFAULT 0 CHECK (progress >= 0),
    total         BIGINT       CHECK (total >= 0),
    checkpoint    TEXT,
    attempts      INT          NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    error_key     VARCHAR(100),
    error_detail  VARCHAR(300),
    owner_kind    VARCHAR(16)  CHECK (owner_kind IN ('USER', 'API_CLIENT')),
    owner_id      BIGINT,
    owner_name    VARCHAR(100),
    owner_role    VARCHAR(32)  CHECK (owner_role IN ('ADMIN', 'OPS', 'AGENT', 'ENTERPRISE_ADMIN')),
    agent_id      BIGINT,
    enterprise_id BIGINT,
    run_by        VARCHAR(200),
    created_at    TIMESTAMPTZ  NOT NULL,
    started_at    TIMESTAMPTZ,
    heartbeat_at  TIMESTAMPTZ,
    finished_at   TIMESTAMPTZ,
    CHECK ((status IN ('SUCCEEDED', 'FAILED')) = (finished_at IS NOT NULL)),
    CHECK ((status = 'FAILED') = (error_key IS NOT NULL)),
    CHECK ((owner_kind IS NULL) = (owner_id IS NULL) AND (owner_id IS NULL) = (owner_role IS NULL))
);
CREATE INDEX platform_job_kind_idx ON platform_job (kind, id DESC);
CREATE INDEX platform_job_running_idx ON platform_job (mode, status) WHERE status IN ('QUEUED', 'RUNNING');
CREATE INDEX platform_job_agent_idx ON platform_job (agent_id) WHERE agent_id IS NOT NULL;
CREATE INDEX platform_job_enterprise_idx ON platform_job (enterprise_id) WHERE enterprise_id IS NOT NULL;

-- What a background job reads (an uploaded file), in the database so that any instance can run it: parts of at
-- most 1 MiB, each sealed with the documents key (AEAD bound to the job and the part's number). Removed with the job
-- and as soon as the job has ended.
CREATE TABLE platform_job_input (
    job_id  BIGINT NOT NULL REFERENCES platform_job (id) ON DELETE CASCADE,
    part    INT    NOT NULL CHECK (part >= 0),
    content BYTEA  NOT NULL,
    PRIMARY KEY (job_id, part)
);
