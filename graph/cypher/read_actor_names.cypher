// Every actor's id, name and aliases, for finding actors by name (graph/frames.py actor_ids_neo4j).
MATCH (a:Actor)
RETURN a.id AS id, a.name AS name, coalesce(a.aliases, []) AS aliases
