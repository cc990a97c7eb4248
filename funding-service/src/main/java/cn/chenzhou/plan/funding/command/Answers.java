package cn.chenzhou.plan.funding.command;

import cn.chenzhou.plan.funding.command.model.Outcome;
import java.net.URI;
import org.springframework.http.ResponseEntity;

/** How a command answers: 201 with its location when it recorded something, 200 when it replayed an earlier answer. */
public final class Answers {
    private Answers() {
    }

    public static <B> ResponseEntity<B> of(Outcome<?, ?> outcome, URI location, B body) {
        if (outcome.changed()) {
            return ResponseEntity.created(location).body(body);
        }
        return ResponseEntity.ok().location(location).header(IdempotencyKeys.REPLAYED, "true").body(body);
    }
}
