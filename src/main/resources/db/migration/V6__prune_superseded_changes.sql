-- Entries superseded by a later entry for the same article are never served by the (compacted)
-- feed; those every receiving webhook has been sent go. From now on each write prunes its article's.
delete from change_log
where exists (select 1 from change_log l where l.article_id = change_log.article_id and l.seq > change_log.seq)
  and not exists (select 1 from webhook w where w.position < change_log.seq
                  and (w.owner_key_id is null or exists (select 1 from api_key k where k.id = w.owner_key_id and k.revoked_at is null)));
