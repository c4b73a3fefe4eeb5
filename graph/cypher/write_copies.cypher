// Near-duplicate articles (wire copies, not extracted): each one MERGEd as an Article without
// events and linked to the first copy of its story. A copy whose first copy is not stored is
// left out; the count says how many links the graph holds for these rows.
UNWIND $rows AS r
MATCH (o:Article {id: r.original_id}) USING INDEX o:Article(id)
MERGE (c:Article {id: r.id})
SET c.url = coalesce(r.url, c.url), c.title = coalesce(r.title, c.title),
    c.published = coalesce(r.published, c.published), c.source = coalesce(r.source, c.source),
    c.content_hash = coalesce(r.content_hash, c.content_hash)
MERGE (c)-[l:COPY_OF]->(o)
SET l.similarity = r.similarity
RETURN count(l) AS linked
