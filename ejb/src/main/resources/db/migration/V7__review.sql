-- Review and supervision (资格审核, 办理意见, 督导): who reviews a case, which sources did not confirm it, the
-- proof a returned case waits for, every decision with its comment, the maintained list of rejection reasons,
-- and the indexes that keep the reviewers' queue fast at a million cases.

-- The sources the latest check could not confirm, as ",HUKOU,SOCIAL_INSURANCE,": the queue filters on it.
alter table enrollment_case add column failed_sources varchar(400);
-- The staff member who took the case into review (backlog per reviewer).
alter table enrollment_case add column reviewer varchar(64);
-- While a case is returned for a proof: the day it is due.
alter table enrollment_case add column proof_deadline date;

-- The queue (docs/PERFORMANCE.md, measured at a million cases): a county's cases in submission order (the
-- page stops after its rows, the other filters checked on the rows it walks), a school's through the zones it
-- serves, a province's or a city's in submission order; the counts per status from the index alone (every
-- column a filter reads is in it, so no row is fetched).
create index enrollment_case_review_county on enrollment_case (county_code, submitted_at, id);
create index enrollment_case_review_zone on enrollment_case (zone_code, submitted_at, id);
create index enrollment_case_review_submitted on enrollment_case (submitted_at, id);
create index enrollment_case_review_counts on enrollment_case
    (county_code, status, stage, category, application_type, channel, submitted_at, zone_code, failed_sources);
-- Backlog per reviewer for a supervisor's region, from the index alone (1.3 s → 53 ms at 580,000 cases).
create index enrollment_case_reviewer on enrollment_case (county_code, status, reviewer);

-- 不予通过的理由: the list reviewers choose from, maintained by the county (a row deactivated, never deleted:
-- old decisions keep naming it).
create table review_reason (
    code             varchar(32)  primary key,
    label            varchar(100) not null,
    position         integer      not null,
    active           boolean      not null,
    comment_required boolean      not null
);
insert into review_reason (code, label, position, active, comment_required) values
    ('OUT_OF_ZONE', '实际居住地不在本招生片区', 1, true, false),
    ('AGE', '儿童年龄不符合入学条件', 2, true, false),
    ('FALSE_DECLARATION', '申报信息与核验结果不一致，经核实不实', 3, true, true),
    ('DUPLICATE', '重复报名，已有其他有效申请', 4, true, false),
    ('PROOF_OVERDUE', '退回补充材料后逾期未补充', 5, true, false),
    ('PROOF_INVALID', '补充的证明材料无效或与申报不符', 6, true, true),
    ('NOT_ELIGIBLE', '不符合本县入学政策规定的其他条件', 7, true, true),
    ('OTHER', '其他原因（须在办理意见中说明）', 8, true, true);

-- Every reviewer's decision on a case: what, why (reason and 办理意见), for returned cases the proofs asked and
-- the deadline, who and when, how long the case had waited since submission. The idempotency key makes a
-- repeated submission of the same decision (a double click, a retried request) a no-op.
create sequence review_decision_seq start with 1 increment by 50;
create table review_decision (
    id                  bigint       primary key,
    case_id             bigint       not null references enrollment_case (id),
    idempotency_key     varchar(100) not null unique,
    decision            varchar(16)  not null,
    reason_code         varchar(32)  references review_reason (code),
    reviewer_comment    varchar(500),
    proofs              varchar(400),
    deadline            date,
    actor               varchar(64)  not null,
    county_code         varchar(6)   not null,
    decided_at          timestamp(6) with time zone not null,
    seconds_to_decision bigint       not null,
    case_version        bigint       not null
);
create index review_decision_case on review_decision (case_id, decided_at);
create index review_decision_region on review_decision (county_code, decided_at);
