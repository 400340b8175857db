-- OneEnroll core schema: regions, schools, catchment zones, enrollment plans, staff accounts.
-- Portable between PostgreSQL and H2 (MODE=PostgreSQL): no vendor types beyond bytea and timestamptz.
-- Personal data (ID numbers, phones) is stored only sealed (SM4-GCM) with a keyed SM3 digest for look-ups.

create sequence school_seq start with 1 increment by 50;
create sequence zone_seq start with 1 increment by 50;
create sequence plan_seq start with 1 increment by 50;
create sequence staff_seq start with 1 increment by 50;

create table region (
    code        varchar(9)  primary key,
    name        varchar(64) not null,
    level       varchar(10) not null,
    parent_code varchar(9)
);
create index region_parent on region (parent_code);

create table school (
    id          bigint       primary key,
    code        varchar(16)  not null unique,
    name        varchar(100) not null,
    ownership   varchar(10)  not null,
    county_code varchar(6)   not null,
    town_code   varchar(9)   not null,
    community   varchar(64)  not null,
    compound    varchar(64),
    building    varchar(64),
    detail      varchar(64),
    phone       varchar(20),
    version     bigint       not null default 0
);
create index school_county on school (county_code);

create table school_capacity (
    school_id bigint      not null references school (id),
    stage     varchar(10) not null,
    seats     integer     not null,
    classes   integer     not null,
    primary key (school_id, stage)
);

create table catchment_zone (
    id          bigint       primary key,
    code        varchar(32)  not null unique,
    name        varchar(100) not null,
    county_code varchar(6)   not null,
    stage       varchar(10)  not null,
    version     bigint       not null default 0
);
create index zone_county on catchment_zone (county_code);

create table zone_school (
    zone_id   bigint not null references catchment_zone (id),
    school_id bigint not null references school (id),
    primary key (zone_id, school_id)
);

create table zone_unit (
    zone_id  bigint       not null references catchment_zone (id),
    unit_key varchar(200) not null,
    primary key (zone_id, unit_key)
);
create index zone_unit_key on zone_unit (unit_key);

create table enrollment_plan (
    id            bigint      primary key,
    county_code   varchar(6)  not null,
    plan_year     integer     not null,
    stage         varchar(10) not null,
    revision      integer     not null,
    status        varchar(12) not null,
    online_opens  timestamp(6) with time zone not null,
    online_closes timestamp(6) with time zone not null,
    results_on    date,
    term_starts   date,
    lottery_rule  varchar(32) not null,
    published_at  timestamp(6) with time zone,
    version       bigint      not null default 0,
    unique (county_code, plan_year, stage, revision)
);

create table plan_category_order (
    plan_id  bigint      not null references enrollment_plan (id),
    position integer     not null,
    category varchar(32) not null,
    primary key (plan_id, position)
);

create table plan_points_item (
    plan_id   bigint       not null references enrollment_plan (id),
    position  integer      not null,
    item_code varchar(32)  not null,
    label     varchar(100) not null,
    points    integer      not null,
    primary key (plan_id, position)
);

create table plan_seat (
    plan_id     bigint      not null references enrollment_plan (id),
    school_code varchar(16) not null,
    seats       integer     not null,
    primary key (plan_id, school_code)
);

create table staff_account (
    id                 bigint       primary key,
    username           varchar(32)  not null unique,
    display_name       varchar(64)  not null,
    password_hash      varchar(200) not null,
    region_code        varchar(6)   not null,
    school_code        varchar(16),
    phone_sealed       bytea,
    phone_digest       bytea,
    national_id_sealed bytea,
    national_id_digest bytea,
    active             boolean      not null,
    created_at         timestamp(6) with time zone not null,
    version            bigint       not null default 0
);
create unique index staff_phone_digest on staff_account (phone_digest);
create unique index staff_national_id_digest on staff_account (national_id_digest);

create table staff_role (
    staff_id bigint      not null references staff_account (id),
    role     varchar(32) not null,
    primary key (staff_id, role)
);
