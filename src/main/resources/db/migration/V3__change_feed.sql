-- The change feed. Entries are numbered from a single counter row that each writing transaction
-- updates as its last statement: the row lock is held until commit, so numbers follow commit order
-- and a client that has read up to N can never miss an entry below N that commits later.

create table change_counter (
    id       int    primary key,
    last_seq bigint not null,
    -- when this feed began: a cursor from another database (or one restored from a backup) names
    -- another epoch and is refused rather than silently skipping entries
    epoch    timestamp with time zone not null
);

create table change_log (
    seq        bigint       primary key,
    -- no foreign key: a deleted article's tombstone outlives it
    article_id bigint       not null,
    slug       varchar(200) not null,
    op         varchar(8)   not null,
    version    bigint       not null,
    created_at timestamp with time zone not null,
    constraint ck_change_op check (op in ('upsert', 'delete'))
);
create index ix_change_log_article on change_log (article_id, seq);

-- Articles published before the feed existed enter it once, in id order.
insert into change_log (seq, article_id, slug, op, version, created_at)
select row_number() over (order by id), id, slug, 'upsert', version, updated_at from article where status = 'published';
insert into change_counter (id, last_seq, epoch) select 1, count(*), current_timestamp from change_log;
