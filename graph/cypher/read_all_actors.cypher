// Every actor with all it stores, by id: for finding actors by name and for exports (Neo4jReader.all_actors, graph/neo4j_store.py).
MATCH (a:Actor)
RETURN a {.id, .name, .type, .country, .sector, .title, .since, .until, aliases: coalesce(a.aliases, [])} AS actor
ORDER BY a.id
