-- Who created an item, by user id, so that marking it DONE can notify them (api.notification's
-- Recipient.user). Items created before V3 have none and notify nobody. Derby and PostgreSQL.
ALTER TABLE FIXTURE_ITEM ADD COLUMN CREATED_BY_ID BIGINT;
