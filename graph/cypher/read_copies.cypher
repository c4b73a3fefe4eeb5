// Every near-duplicate article with the first copy it repeats and their similarity, by copy id
// (graph/reader.py copies).
MATCH (c:Article)-[l:COPY_OF]->(o:Article)
RETURN c {.id, .url, .title, .published, .source, .content_hash} AS copy, o.id AS original_id,
       l.similarity AS similarity
ORDER BY c.id
