// Every actor with all it stores, by id: for finding actors by name and for exports (graph/reader.py all_actors).
MATCH (a:Actor)
RETURN a {.id, .name, .type, .country, .sector, .title, .since, .until, aliases: coalesce(a.aliases, [])} AS actor
ORDER BY a.id
