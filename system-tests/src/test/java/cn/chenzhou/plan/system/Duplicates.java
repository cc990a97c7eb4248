package cn.chenzhou.plan.system;

/**
 * At-least-once delivery republishes an event now and then (a relay that dies between the broker's acknowledgement
 * and clearing its outbox, a lease that ran out while the broker stalled). Each such delivery must be harmless: the
 * same event id, aggregate, sequence, type and content as its first delivery, so that a consumer which remembers the
 * sequence it applied drops it. That reporting applied each only once is shown by its figures and sequences matching
 * the topic's first deliveries (the other checks).
 */
final class Duplicates {
    private Duplicates() {
    }

    static Check check(TopicSnapshot topic) {
        Check check = new Check("every duplicate delivery is the same event as its first",
                "the event topics: each repeated event id against its first delivery");
        for (TopicSnapshot.Duplicate d : topic.duplicates) {
            check.compared(1);
            if (!d.delivery().sameAs(d.first())) {
                check.disagree("event " + d.first().id() + " delivered again at " + d.delivery().topic() + "/"
                        + d.delivery().partition() + "@" + d.delivery().offset() + " differs from its first delivery ("
                        + d.first().aggregate() + " #" + d.first().sequence() + " vs " + d.delivery().aggregate() + " #"
                        + d.delivery().sequence() + ")");
            }
        }
        return check;
    }
}
