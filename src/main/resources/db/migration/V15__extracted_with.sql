-- The extractor (rules version and data hash) each article's claims were extracted with. Articles with
-- another one, or none (everything written before this version), are re-extracted in the background.
alter table article add column extracted_with varchar(64);
