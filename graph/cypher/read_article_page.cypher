// The next $limit articles after the id $after ('' before the first), by id, with all they store:
// one page of Neo4jReader.pages (graph/neo4j_store.py), a range seek on the article id index.
MATCH (a:Article)
WHERE a.id > $after
RETURN a {.id, .url, .title, .published, .source, .content_hash} AS article
ORDER BY a.id
LIMIT $limit
