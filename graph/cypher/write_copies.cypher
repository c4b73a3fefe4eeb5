// Near-duplicate articles (wire copies, not extracted): each one MERGEd as an Article without
// events and linked to the first copy of its story. A copy whose first copy is not stored is
// left out; the count says how many links the graph holds for these rows.
UNWIND $rows AS r
MATCH (o:Article {id: r.original_id}) USING INDEX o:Article(id)
MERGE (c:Article {id: r.id})
SET c.url = r.url, c.title = r.title, c.published = r.published, c.source = r.source,
    c.content_hash = r.content_hash
MERGE (c)-[l:COPY_OF]->(o)
SET l.similarity = r.similarity
RETURN count(l) AS linked
