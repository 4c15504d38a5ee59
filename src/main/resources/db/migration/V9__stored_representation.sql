-- Each article as GET /v1/articles/{slug} serves it (JSON and its strong ETag), and the ETag of its
-- text export, written in the same transaction as every change to the article (ArticleRepresentations):
-- a read is then one indexed query, with no tree loading, mapping or hashing. Articles written before
-- this version get theirs at their first read. text is a CLOB on H2; read and written with SQL only.
alter table article add column served_json text;
alter table article add column served_etag varchar(64);
alter table article add column text_etag varchar(64);
