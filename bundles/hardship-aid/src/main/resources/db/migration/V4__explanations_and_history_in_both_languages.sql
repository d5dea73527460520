-- The pages speak one language: a payment line keeps how its amount came about in English too (the Chinese one stays
-- in EXPLANATION), and a household's history row its step as data (JSON: the step's code and its values, such as
-- levels, a certificate number, amounts), rendered by the page in its language. NOTE keeps what a person wrote or,
-- for rows written before this migration, the Chinese sentence the pages still read.
ALTER TABLE HA_PAYMENT ADD COLUMN EXPLANATION_EN VARCHAR(400);
ALTER TABLE HA_HISTORY ADD COLUMN DETAIL VARCHAR(2000);
