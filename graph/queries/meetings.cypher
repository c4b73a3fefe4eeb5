// @description Who met whom between two dates (affirmed meetings only), with place and sentence.
// @param from date = '0000-01-01'  First day, ISO date, e.g. '2024-01-01'.
// @param to date = '9999-12-31'  Last day, ISO date, e.g. '2024-12-31'.
// @returns date, actor1, country1, actor2, country2, place, sentence, article
// Neo4j Browser:  :param from => '2024-01-01'   then   :param to => '2024-12-31'
MATCH (s:Actor)<-[:SUBJECT]-(e:Event {type: 'MEET'})-[:OBJECT]->(o:Actor)
WHERE e.date >= $from AND e.date <= $to AND e.polarity = 'affirmed'
MATCH (e)-[:REPORTED_IN]->(article:Article)
RETURN e.date AS date, s.name AS actor1, s.country AS country1, o.name AS actor2, o.country AS country2,
       e.place AS place, e.sentence AS sentence, article.title AS article
ORDER BY date, actor1, actor2;
