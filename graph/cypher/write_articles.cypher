// One row per article: MERGE on the id, then set every property from parameters.
UNWIND $rows AS r
MERGE (a:Article {id: r.id})
SET a.url = r.url, a.title = r.title, a.published = r.published, a.source = r.source,
    a.content_hash = r.content_hash;
