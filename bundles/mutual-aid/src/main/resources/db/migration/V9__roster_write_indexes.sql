-- A confirmed roster writes one insured person and one enrolment per row (100,000 for a large union), and every
-- index of those tables is written once per row. These three are read by no query:
-- MA_MEMBER's organisation and username indexes (lists reach insured persons through their enrolments, and the
-- username moved to the member register in V6; USER_ID has its own index), and MA_ENROLMENT's organisation index,
-- whose column leads the figures index IX_MA_ENROLMENT_FIGURES (V4), which serves the same subtree conditions.
DROP INDEX IX_MA_MEMBER_ORG;
DROP INDEX IX_MA_MEMBER_USER;
DROP INDEX IX_MA_ENROLMENT_ORG;
