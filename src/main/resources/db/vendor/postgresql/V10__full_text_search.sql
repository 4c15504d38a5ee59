-- Full-text search (search.PostgresArticleSearch): one tsvector per article, title weighted A, summary
-- B, the prose (introduction, headings, paragraphs, conclusion) C. The prose lives in other tables, so
-- a generated column cannot compute it: the writing transaction sets it with the representation.
alter table article add column search_vector tsvector;

update article a set search_vector =
    setweight(to_tsvector('english', a.title), 'A')
    || setweight(to_tsvector('english', a.summary), 'B')
    || setweight(to_tsvector('english', concat_ws(E'\n', a.introduction,
           (select string_agg(s.heading || E'\n'
                || coalesce((select string_agg(p.body, E'\n' order by p.position) from paragraph p where p.section_id = s.id), ''),
                E'\n' order by s.position)
            from section s where s.article_id = a.id),
           a.conclusion)), 'C');

create index ix_article_search on article using gin (search_vector);
