-- Search ranks an article by the query words its title (weight 5) or summary (weight 2) holds: the
-- title's and summary's stemmed terms are kept here, one row per (article, term), with the weight of
-- the best field holding the term. A search reads the query terms' rows from the index on
-- (lexeme, weight), so its cost follows the number of articles naming those words up front, not the
-- number mentioning them anywhere (a common word is in the prose of most of the catalogue). The
-- tsvector of V10 still decides what matches. Written by the transaction that writes the article.
create table search_head (
    article_id bigint not null references article (id) on delete cascade,
    lexeme text not null,
    weight smallint not null,
    primary key (article_id, lexeme)
);
create index ix_search_head_lexeme on search_head (lexeme, weight desc, article_id desc);

insert into search_head (article_id, lexeme, weight)
select a.id, t.lexeme, max(t.weight)
from article a
cross join lateral (
    select unnest(tsvector_to_array(to_tsvector('english', a.title))) as lexeme, 5 as weight
    union all
    select unnest(tsvector_to_array(to_tsvector('english', a.summary))), 2
) t
group by a.id, t.lexeme;
