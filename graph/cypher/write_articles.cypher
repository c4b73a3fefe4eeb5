// One row per article: MERGE on the id, then set every property from parameters. Returns which
// articles this transaction created: only articles stored before can have events to replace.
// (A concurrent transaction MERGEing the same article waits for this one, then sees it stored.)
UNWIND $rows AS r
MERGE (a:Article {id: r.id})
ON CREATE SET a.created_now = true
SET a.url = r.url, a.title = r.title, a.published = r.published, a.source = r.source,
    a.content_hash = r.content_hash
WITH a, coalesce(a.created_now, false) AS created
REMOVE a.created_now
RETURN a.id AS id, created;
