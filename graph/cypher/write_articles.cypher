// One row per article: MERGE on the id, then set its properties from parameters; a value the row
// lacks (an article loaded from triples has no text, title or address) keeps the stored one. Returns which
// articles this transaction created: only articles stored before can have events to replace.
// (A concurrent transaction MERGEing the same article waits for this one, then sees it stored.)
UNWIND $rows AS r
MERGE (a:Article {id: r.id})
ON CREATE SET a.created_now = true
SET a.url = coalesce(r.url, a.url), a.title = coalesce(r.title, a.title),
    a.published = coalesce(r.published, a.published), a.source = coalesce(r.source, a.source),
    a.content_hash = coalesce(r.content_hash, a.content_hash)
WITH a, coalesce(a.created_now, false) AS created
REMOVE a.created_now
RETURN a.id AS id, created;
