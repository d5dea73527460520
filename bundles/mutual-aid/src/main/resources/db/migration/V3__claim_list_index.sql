-- The claims list reads a page of ids from this index alone (subtree, status, newest first), then joins
-- only those rows; it replaces the (ORG_PATH, STATUS) index, which it covers.
CREATE INDEX IX_MA_CLAIM_ORG_STATUS_ID ON MA_CLAIM (ORG_PATH, STATUS, ID);
DROP INDEX IX_MA_CLAIM_ORG;
