// The actors with these ids with all they store: the actors of one page of Neo4jReader.pages (graph/neo4j_store.py).
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN a {.id, .name, .type, .country, .sector, .title, .since, .until, aliases: coalesce(a.aliases, [])} AS actor
