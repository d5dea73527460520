-- Household documents move to the portal's attachments (org.unionportal.api.attachment). HA_DOCUMENT is no longer
-- written: at each start the module copies every row not yet handed over into the attachments and marks it with
-- the attachment that now holds it (DocumentHandover). Until then the row itself is listed and served, so nothing is
-- hidden while the copy runs, and a row that cannot be copied stays readable. Deleting a document deletes both.
ALTER TABLE HA_DOCUMENT ADD COLUMN ATTACHMENT_ID BIGINT;
CREATE INDEX HA_DOCUMENT_ATTACHMENT ON HA_DOCUMENT (ATTACHMENT_ID);
