-- Author-year citations ("(Poortmans et al., 1999)") and documents cited only by an identifier
-- ("(PMID: 18502412)") are sources of their own kinds.
alter table source drop constraint ck_source_kind;
alter table source add constraint ck_source_kind check (kind in ('journal', 'web', 'organization', 'author', 'document'));
