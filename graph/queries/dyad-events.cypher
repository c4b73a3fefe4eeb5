// @description Every event between two actors, in either direction, with its sentence and article.
// @param actor1 string  Name, alias or id of the first actor, e.g. 'Hungary'.
// @param actor2 string  Name, alias or id of the second actor, e.g. 'Russia'.
// @returns date, subject, relation, object, polarity, modality, speaker, goldstein, sentence, article, url, event_id
// Neo4j Browser:  :param actor1 => 'Hungary'   then   :param actor2 => 'Russia'
MATCH (a:Actor) WHERE a.id = $actor1 OR a.name = $actor1 OR $actor1 IN coalesce(a.aliases, [])
MATCH (b:Actor) WHERE b.id = $actor2 OR b.name = $actor2 OR $actor2 IN coalesce(b.aliases, [])
MATCH (a)<-[:SUBJECT|OBJECT]-(e:Event)-[:SUBJECT|OBJECT]->(b)
MATCH (s:Actor)<-[:SUBJECT]-(e)-[:OBJECT]->(o:Actor)
MATCH (e)-[:REPORTED_IN]->(article:Article)
OPTIONAL MATCH (e)-[:ATTRIBUTED_TO]->(speaker:Actor)
RETURN DISTINCT e.date AS date, s.name AS subject, e.type AS relation, o.name AS object, e.polarity AS polarity,
       e.modality AS modality, speaker.name AS speaker, e.goldstein AS goldstein, e.sentence AS sentence,
       article.title AS article, article.url AS url, e.id AS event_id
ORDER BY date, event_id;
