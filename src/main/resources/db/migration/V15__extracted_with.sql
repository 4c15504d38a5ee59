-- The extractor (rules version and data hash) each article's claims were extracted with. Articles with
-- another one, or none (everything written before this version), are re-extracted in the background.
alter table article add column extracted_with varchar(64);
-- The extractor the last complete pass of re-extraction reached every article with: while it is
-- today's, an instance has nothing to look for and reads no article (one row, not the catalogue).
create table extraction_state (
    id          int          not null primary key,
    fingerprint varchar(64)  not null,
    completed_at timestamp   not null
);
