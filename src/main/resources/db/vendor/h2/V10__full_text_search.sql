-- Full-text search on the embedded H2 (dev mode and tests; search.H2ArticleSearch): the stemmed
-- terms of each article, each prefixed by its field (a: title, b: summary, c: prose) and written by
-- the writing transaction. Articles written before this version are found once they are written again.
alter table article add column search_terms text;
