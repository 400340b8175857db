-- The year's plan as a county edits, checks, publishes and corrects it (issue 7): the counter window and the review
-- deadline beside the online window, the choice rule, the officer's estimate of age-eligible children (the server
-- has no population statistics of its own), who published a revision and why it corrects the one before, what it
-- changed (one Chinese line per changed field, written when it is published), and the county's own wording of the
-- public texts (service guide, material list, contacts) where it differs from the provincial template.
alter table enrollment_plan add column counter_opens date;
alter table enrollment_plan add column counter_closes date;
alter table enrollment_plan add column review_ends date;
-- How many schools a family may name (0: none); the schools that take choices are plan_choice_school, and none
-- listed means every private school with seats in the plan (the rule before plans held it).
alter table enrollment_plan add column max_choices integer not null default 2;
alter table enrollment_plan add column eligible_children integer;
alter table enrollment_plan add column eligible_children_source varchar(100);
alter table enrollment_plan add column drafted_by varchar(64);
alter table enrollment_plan add column published_by varchar(64);
alter table enrollment_plan add column correction_reason varchar(500);

create index enrollment_plan_year on enrollment_plan (plan_year, stage);

create table plan_choice_school (
    plan_id     bigint      not null references enrollment_plan (id),
    school_code varchar(16) not null,
    primary key (plan_id, school_code)
);

create table plan_change (
    plan_id  bigint       not null references enrollment_plan (id),
    position integer      not null,
    line     varchar(1000) not null,
    primary key (plan_id, position)
);

-- Keys are those of the policy bundle guide.properties (guide.conditions.text, materials.PUBLIC.MIGRANT ...) or
-- contact.* for the bureau's particulars; the body replaces the bundle's text for this plan.
create table plan_text (
    plan_id  bigint        not null references enrollment_plan (id),
    text_key varchar(80)   not null,
    body     varchar(4000) not null,
    primary key (plan_id, text_key)
);
