// The articles with these ids (title and address), for local analysis (graph/reader.py articles): one
// row per article, so the events query does not repeat them on every event.
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, a.title AS title, a.url AS url
