// @description The shortest chain of aggregated relationships between two actors (any type, either direction).
// @param actor1 string  Name, alias or id of the first actor, e.g. 'Vladimir Putin'.
// @param actor2 string  Name, alias or id of the second actor, e.g. 'Volodymyr Zelensky'.
// @param max_hops int = 6  Longest chain searched (at most 15).
// @returns path, hops, actors, relations
// Neo4j Browser:  :param actor1 => 'Vladimir Putin'   then   :param actor2 => 'Volodymyr Zelensky'
MATCH (a:Actor) WHERE a.id = $actor1 OR a.name = $actor1 OR $actor1 IN coalesce(a.aliases, [])
MATCH (b:Actor) WHERE b.id = $actor2 OR b.name = $actor2 OR $actor2 IN coalesce(b.aliases, [])
MATCH path = shortestPath((a)-[*..15]-(b))
WHERE a <> b AND length(path) <= $max_hops AND all(r IN relationships(path) WHERE r.count IS NOT NULL)
RETURN path, length(path) AS hops, [n IN nodes(path) | n.name] AS actors,
       [r IN relationships(path) | type(r)] AS relations;
