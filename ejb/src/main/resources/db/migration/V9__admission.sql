-- Admission rounds (录取批次): a county's draw for one year and stage. The canonical input and its SHA-256 are
-- published before the lottery ceremony; the seed is recorded with who typed it and when; the canonical result
-- and its SHA-256 are published after the draw. Anyone can replay the draw from the two files (docs/admission.md).
-- The files are stored as the exact bytes that were hashed (bytea), so what is downloaded is what was published.
create sequence admission_round_seq start with 1 increment by 50;
create table admission_round (
    id               bigint       primary key,
    county_code      varchar(6)   not null,
    plan_year        integer      not null,
    stage            varchar(10)  not null,
    round_number     integer      not null,
    plan_id          bigint       not null references enrollment_plan (id),
    plan_reference   varchar(64)  not null,
    status           varchar(12)  not null,
    -- county-year-stage while the round is PREPARED or DRAWN, else null: at most one open round per stage
    -- (a unique column that is null once closed, because partial indexes do not exist on H2).
    open_key         varchar(32),
    child_count      integer      not null,
    input_text       bytea        not null,
    input_sha256     varchar(64)  not null,
    prepared_by      varchar(64)  not null,
    prepared_at      timestamp(6) with time zone not null,
    seed_hex         varchar(128),
    seed_entered_by  varchar(64),
    seed_entered_at  timestamp(6) with time zone,
    result_text      bytea,
    result_sha256    varchar(64),
    admitted         integer,
    reallocated      integer,
    unplaced         integer,
    published_by     varchar(64),
    published_at     timestamp(6) with time zone,
    cancelled_by     varchar(64),
    cancelled_at     timestamp(6) with time zone,
    cancel_reason    varchar(200),
    version          bigint       not null default 0,
    constraint admission_round_open unique (open_key),
    constraint admission_round_number unique (county_code, plan_year, stage, round_number)
);

-- One row per child of a drawn round: where the draw placed the child and the explanation in Chinese as the
-- family and the officer read it. Unplaced children (school null) are the follow-up list.
create sequence admission_placement_seq start with 1 increment by 50;
create table admission_placement (
    id              bigint        primary key,
    round_id        bigint        not null references admission_round (id),
    case_number     varchar(24)   not null,
    route           varchar(12)   not null,
    school_code     varchar(64),
    choice_number   integer       not null,
    hops            integer       not null,
    unplaced_reason varchar(20),
    explanation     varchar(4000) not null,
    constraint admission_placement_case unique (round_id, case_number)
);
create index admission_placement_school on admission_placement (round_id, school_code);
