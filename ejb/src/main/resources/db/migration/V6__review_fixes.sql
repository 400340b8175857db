-- Fixes from reviewing V4/V5 before any release:
-- a check a restart interrupts is resumed at most a few times before the case goes to the counter;
-- a feedback item the provincial platform refuses as invalid no longer holds back the case's later ones;
-- the authorising guardian's name is sealed like every other name but the child's.
alter table enrollment_case add column verification_resumes integer not null default 0;
alter table case_feedback add column refused_at timestamp(6) with time zone;
alter table consent drop column guardian_name;
alter table consent add column guardian_name_sealed bytea;
