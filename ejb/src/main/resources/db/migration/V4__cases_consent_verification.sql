-- Enrollment cases (intake), the guardian's authorisation for the data checks, and every verification run
-- with its evidence lines. What a reviewer filters on is in clear; what identifies a person (ID numbers,
-- phones, the declaration, the records the sources returned) is sealed (SM4-GCM) with keyed SM3 digests.
create sequence case_seq start with 1 increment by 50;
create sequence case_transition_seq start with 1 increment by 100;
create sequence consent_seq start with 1 increment by 50;
create sequence verification_seq start with 1 increment by 50;

-- The next case number per county, plan year and stage ("620123-2027-X"): one row, locked while a number is taken.
create table case_counter (
    counter_key varchar(16) primary key,
    next_value  bigint      not null
);

create table enrollment_case (
    id                  bigint       primary key,
    case_number         varchar(24)  not null unique,
    county_code         varchar(6)   not null,
    plan_year           integer      not null,
    stage               varchar(10)  not null,
    application_type    varchar(10)  not null,
    channel             varchar(10)  not null,
    entered_by          varchar(64),
    status              varchar(24)  not null,
    child_name          varchar(64)  not null,
    child_id_sealed     bytea        not null,
    child_id_digest     bytea        not null,
    -- The child's digest while the case is active, null once withdrawn: one active case per child and year.
    active_child_digest bytea,
    contact_phone_sealed bytea,
    contact_phone_digest bytea,
    home_town_code      varchar(9)   not null,
    declaration_sealed  bytea        not null,
    category            varchar(32),
    category_confirmed  boolean      not null default false,
    zone_code           varchar(32),
    verification_count  integer      not null default 0,
    created_at          timestamp(6) with time zone not null,
    submitted_at        timestamp(6) with time zone,
    status_changed_at   timestamp(6) with time zone not null,
    version             bigint       not null default 0
);
create unique index enrollment_case_active_child on enrollment_case (plan_year, active_child_digest);
create index enrollment_case_child on enrollment_case (child_id_digest);
create index enrollment_case_queue on enrollment_case (county_code, plan_year, stage, status, submitted_at);
create index enrollment_case_status_changed on enrollment_case (status, status_changed_at);

-- Every change of a case's status: who, when, from what to what, and why.
create table case_transition (
    id          bigint       primary key,
    case_id     bigint       not null references enrollment_case (id),
    occurred_at timestamp(6) with time zone not null,
    actor       varchar(64)  not null,
    from_status varchar(24),
    to_status   varchar(24)  not null,
    note        varchar(200)
);
create index case_transition_case on case_transition (case_id, occurred_at);

-- 授权: the guardian allowed these sources to be asked about these people for this case.
create table consent (
    id                bigint       primary key,
    case_id           bigint       not null references enrollment_case (id),
    guardian_name     varchar(64)  not null,
    guardian_digest   bytea        not null,
    guardian_masked   varchar(18)  not null,
    scope             varchar(400) not null,
    statement_version varchar(16)  not null,
    channel           varchar(10)  not null,
    recorded_by       varchar(64)  not null,
    granted_at        timestamp(6) with time zone not null,
    withdrawn_at      timestamp(6) with time zone
);
create index consent_case on consent (case_id);

-- One verification of a case: when, the status it left the case in, the derived category, and the whole
-- result (records, filled fields, reasons, next actions) sealed for reviewers and the parent's status page.
create table verification_run (
    id                 bigint       primary key,
    case_id            bigint       not null references enrollment_case (id),
    run_number         integer      not null,
    trigger_reason     varchar(32)  not null,
    started_at         timestamp(6) with time zone not null,
    finished_at        timestamp(6) with time zone not null,
    status             varchar(24)  not null,
    category           varchar(32),
    category_confirmed boolean      not null,
    zone_code          varchar(32),
    filled_count       integer      not null,
    offline_sources    varchar(400) not null,
    result_sealed      bytea        not null,
    unique (case_id, run_number)
);

-- One evidence line per source and person asked: what statistics and the review queue filter on, in clear;
-- the person only as digest and masked number.
create table verification_evidence (
    run_id          bigint       not null references verification_run (id),
    position        integer      not null,
    source          varchar(32)  not null,
    subject_digest  bytea        not null,
    subject_masked  varchar(18)  not null,
    subject_relation varchar(24) not null,
    outcome         varchar(16)  not null,
    failure         varchar(16),
    mismatched      varchar(400),
    fields_used     varchar(1000) not null,
    asked_at        timestamp(6) with time zone not null,
    latency_ms      bigint       not null,
    attempts        integer      not null,
    query_id        bigint       not null,
    primary key (run_id, position)
);
create index verification_evidence_source on verification_evidence (source, outcome);
