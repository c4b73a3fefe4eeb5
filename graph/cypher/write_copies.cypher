// COPY_OF from each near-duplicate article (a wire copy, not extracted; written just before by
// write_articles) to the first copy of its story, with their similarity.
UNWIND $rows AS r
MATCH (c:Article {id: r.id}) USING INDEX c:Article(id)
MATCH (o:Article {id: r.original_id}) USING INDEX o:Article(id)
MERGE (c)-[l:COPY_OF]->(o)
SET l.similarity = r.similarity
