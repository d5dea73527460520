-- Insured persons are members of the portal's member register (会员库): REGISTER_ID is the register's member id.
-- NAME, PHONE, ORG_ID and ORG_PATH become a copy of the register's values, refreshed when the register changes
-- (a MemberListener), so that the claims lists keep their one-table joins. Rows written before the register
-- existed are put into it once when the module starts (RegisterLink), which fills REGISTER_ID.
-- USERNAME is no longer read: the register links accounts; USER_ID is the copy of the register's link (for the
-- claims' "own claim" checks inside a transaction).
ALTER TABLE MA_MEMBER ADD COLUMN REGISTER_ID BIGINT;
ALTER TABLE MA_MEMBER ADD COLUMN USER_ID BIGINT;
ALTER TABLE MA_MEMBER ADD CONSTRAINT UQ_MA_MEMBER_REGISTER UNIQUE (REGISTER_ID);
CREATE INDEX IX_MA_MEMBER_USER_ID ON MA_MEMBER (USER_ID);
