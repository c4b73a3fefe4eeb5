// Actors that removed events named and that no event names any more: deleted with their links
// (aggregates already recounted to nothing, role links), as a fresh load would never have made them.
UNWIND $ids AS id
MATCH (a:Actor {id: id}) USING INDEX a:Actor(id)
WHERE NOT EXISTS { (a)<-[:SUBJECT|OBJECT|ATTRIBUTED_TO]-(:Event) }
DETACH DELETE a
RETURN count(*) AS removed;
