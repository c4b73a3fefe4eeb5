// Which of these article ids are already stored.
UNWIND $ids AS id
MATCH (a:Article {id: id}) USING INDEX a:Article(id)
RETURN a.id AS id;
