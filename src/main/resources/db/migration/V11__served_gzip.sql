-- The stored representation of each article (V9) is kept gzipped: a seventh of the bytes to read and
-- send per read (a 25 KB article is about 3.5 KB), and the very bytes a client that accepts gzip is
-- sent. The JSON text column goes; each article written before this version is rendered and stored
-- again at its first read (its ETags are cleared so that a write's If-Match check does the same).
alter table article add column served_gzip bytea;
alter table article drop column served_json;
update article set served_etag = null, text_etag = null;
