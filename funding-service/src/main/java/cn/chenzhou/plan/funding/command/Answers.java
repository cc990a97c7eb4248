package cn.chenzhou.plan.funding.command;

import cn.chenzhou.plan.funding.command.model.Outcome;
import java.net.URI;
import org.springframework.http.ResponseEntity;

/**
 * How a command answers: 201 with its location when it recorded something, 200 when it replayed an earlier answer;
 * a proposal that waits for another principal's decision, 202 either way.
 */
public final class Answers {
    private Answers() {
    }

    public static <B> ResponseEntity<B> of(Outcome<?, ?> outcome, URI location, B body) {
        if (outcome.changed()) {
            return ResponseEntity.created(location).body(body);
        }
        return ResponseEntity.ok().location(location).header(IdempotencyKeys.REPLAYED, "true").body(body);
    }

    /** A proposal recorded (or replayed): accepted, not yet in force; the location is where its decision will show. */
    public static <B> ResponseEntity<B> accepted(Outcome<?, ?> outcome, URI location, B body) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.accepted().location(location);
        if (!outcome.changed()) {
            answer.header(IdempotencyKeys.REPLAYED, "true");
        }
        return answer.body(body);
    }
}
