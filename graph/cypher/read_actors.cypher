// The actors with these ids, for local analysis (graph/reader.py actors, read by graph/frames.py).
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN a.id AS id, a.name AS name, a.type AS type, a.country AS country, a.title AS title,
       coalesce(a.aliases, []) AS aliases
