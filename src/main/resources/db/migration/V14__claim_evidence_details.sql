-- What kind of evidence each citation is (meta-analysis, randomized controlled trial, animal study,
-- regulator statement, ...) and whom it studied (humans, animals, cells), as the citing sentence says.
-- Null for citations extracted before this version and for citations editors add.
alter table citation add column design varchar(32);
alter table citation add column population varchar(16);
create index ix_citation_design on citation (design, claim_id);
-- The cited paper's identifiers the sentence gives: "(doi:10.3390/nu8040182)", "(PMID: 18502412)".
alter table citation add column doi varchar(300);
alter table citation add column pmid varchar(16);
alter table citation add column pmcid varchar(16);
alter table citation add column nct varchar(16);
alter table citation add column url varchar(2000);
-- The words a claim names its effect with, kept when no vocabulary outcome fits ("muscle phosphocreatine").
alter table claim add column outcome_text varchar(300);
-- Served articles show these: render them again at their first read.
update article set served_etag = null, text_etag = null;
