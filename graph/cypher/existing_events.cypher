// Which of the batch's events are already stored, and with which date and Goldstein score.
UNWIND $ids AS id
MATCH (e:Event {id: id}) USING INDEX e:Event(id)
RETURN e.id AS id, e.date AS date, e.goldstein AS goldstein;
