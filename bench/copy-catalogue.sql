-- Grows a catalogue of :imported imported articles (slugs cat-0 ... cat-<imported - 1>) to :total by
-- copying their rows with new ids (old id + round * 10,000,000), slugs (cat-<n>) and titles. The copies
-- cite the same shared sources and have the same authors and topics. Their stored representation is
-- left empty: the app renders and stores it at the first read (ArticleRepresentations.read). Their
-- search vector and head terms are computed as migrations V10 and V12 compute them, and each published copy gets a change-feed
-- entry, as an import would.
\set offset 10000000
begin;
create temp table base as
    select id, row_number() over (order by id) - 1 as rank from article where slug ~ '^cat-[0-9]+$' and id < :offset;
create temp table plan as
    select r, b.id as src, b.id + r * :offset as dst, :imported * r + b.rank as n
    from base b, generate_series(1, ceil((:total - :imported)::numeric / :imported)::int) r
    where :imported * r + b.rank < :total;

insert into article (id, slug, title, summary, introduction, conclusion, status, version, author_id, author_bio, related_intro,
                     text_bom, text_crlf, text_final_newline, created_at, updated_at, published_at, extracted_with)
select p.dst, 'cat-' || p.n, regexp_replace(a.title, '\(\d+\)$', '(' || p.n || ')'), a.summary, a.introduction, a.conclusion,
       a.status, a.version, a.author_id, a.author_bio, a.related_intro, a.text_bom, a.text_crlf, a.text_final_newline,
       a.created_at, a.updated_at, a.published_at, a.extracted_with
from plan p join article a on a.id = p.src;

insert into section (id, article_id, position, anchor, heading, blank_line_after_heading)
select s.id + p.r * :offset, p.dst, s.position, s.anchor, s.heading, s.blank_line_after_heading
from plan p join section s on s.article_id = p.src;

insert into paragraph (id, section_id, position, body)
select pa.id + p.r * :offset, pa.section_id + p.r * :offset, pa.position, pa.body
from plan p join section s on s.article_id = p.src join paragraph pa on pa.section_id = s.id;

insert into claim (id, article_id, position, location, section_anchor, paragraph, start_offset, end_offset, text, supplement, outcome,
                   outcome_text, stance, hedged, attribution, edited)
select c.id + p.r * :offset, p.dst, c.position, c.location, c.section_anchor, c.paragraph, c.start_offset, c.end_offset, c.text,
       c.supplement, c.outcome, c.outcome_text, c.stance, c.hedged, c.attribution, c.edited
from plan p join claim c on c.article_id = p.src;

insert into citation (id, claim_id, position, source_id, cited_text, start_offset, end_offset, design, population, doi, pmid,
                      pmcid, nct, url)
select ci.id + p.r * :offset, ci.claim_id + p.r * :offset, ci.position, ci.source_id, ci.cited_text, ci.start_offset, ci.end_offset,
       ci.design, ci.population, ci.doi, ci.pmid, ci.pmcid, ci.nct, ci.url
from plan p join claim c on c.article_id = p.src join citation ci on ci.claim_id = c.id;

insert into related_resource (id, article_id, position, source_id, name, resource_type, description, url)
select rr.id + p.r * :offset, p.dst, rr.position, rr.source_id, rr.name, rr.resource_type, rr.description, rr.url
from plan p join related_resource rr on rr.article_id = p.src;

insert into article_topic (article_id, topic_id)
select p.dst, t.topic_id from plan p join article_topic t on t.article_id = p.src;

update article a set search_vector =
    setweight(to_tsvector('english', a.title), 'A')
    || setweight(to_tsvector('english', a.summary), 'B')
    || setweight(to_tsvector('english', concat_ws(E'\n', a.introduction,
           (select string_agg(s.heading || E'\n'
                || coalesce((select string_agg(pa.body, E'\n' order by pa.position) from paragraph pa where pa.section_id = s.id), ''),
                E'\n' order by s.position)
            from section s where s.article_id = a.id),
           a.conclusion)), 'C')
where a.id >= :offset;

insert into search_head (article_id, lexeme, weight)
select a.id, t.lexeme, max(t.weight)
from article a
cross join lateral (
    select unnest(tsvector_to_array(to_tsvector('english', a.title))) as lexeme, 5 as weight
    union all
    select unnest(tsvector_to_array(to_tsvector('english', a.summary))), 2
) t
where a.id >= :offset
group by a.id, t.lexeme;

insert into change_log (seq, article_id, slug, op, version, created_at, body)
select (select last_seq from change_counter where id = 1) + row_number() over (order by a.id), a.id, a.slug, 'upsert', a.version,
       a.updated_at, null
from article a where a.id >= :offset and a.status = 'published';
update change_counter set last_seq = (select max(seq) from change_log) where id = 1;
commit;
analyze;
