// Every near-duplicate article with the first copy it repeats and their similarity, by copy id
// (Neo4jReader.copies, graph/neo4j_store.py).
MATCH (c:Article)-[l:COPY_OF]->(o:Article)
RETURN c {.id, .url, .title, .published, .source, .content_hash} AS copy, o.id AS original_id,
       l.similarity AS similarity
ORDER BY c.id
