-- The figures page counts enrolments by organisation and plan over a year from this index alone
-- (no base rows read): 300,000 enrolments in well under a second instead of seconds.
CREATE INDEX IX_MA_ENROLMENT_FIGURES ON MA_ENROLMENT (ORG_PATH, COVER_START, COVER_END, STATUS, PLAN_CODE);
