-- The claims list pages newest first, all statuses (the page's default) or one status (the work queue).
-- Derby does not read an ascending index backwards, so both orders are indexes of their own, descending
-- on ID and carrying the subtree, so that a page reads only its rows and never sorts the table.
-- They replace the (ORG_PATH, STATUS, ID) index: counting a subtree's claims of a status reads the
-- status's entries instead.
CREATE INDEX IX_MA_CLAIM_NEWEST ON MA_CLAIM (ID DESC, ORG_PATH, STATUS);
CREATE INDEX IX_MA_CLAIM_STATUS_NEWEST ON MA_CLAIM (STATUS, ID DESC, ORG_PATH);
DROP INDEX IX_MA_CLAIM_ORG_STATUS_ID;
