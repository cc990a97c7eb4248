package cn.chenzhou.plan.stack;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoReply;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.AttributeKey;
import java.util.ArrayDeque;

/**
 * The last handler of a wire-server connection: it holds each reply back until the group commit has put on disk what
 * the reply shows, and refuses it if that can no longer happen. The connection's event loop is never blocked — it goes
 * on serving other connections while a reply waits — and replies leave in the order they were made.
 */
final class DurableReplies extends ChannelOutboundHandlerAdapter {
    /** Set by the backend when it has handled a request: the mark of what its reply may reveal. */
    static final AttributeKey<GroupCommit.Mark> MARK = AttributeKey.valueOf("cn.chenzhou.plan.durable-mark");
    static final String NAME = "durable-replies";
    /** MongoDB's code for an error that is not one of its named ones: the driver reports it and retries nothing. */
    private static final int UNKNOWN_ERROR = 8;

    private final GroupCommit commits;
    // touched only on the connection's event loop
    private final ArrayDeque<Held> held = new ArrayDeque<>();

    private static final class Held {
        final Object reply;
        final ChannelPromise promise;
        Boolean durable;

        Held(Object reply, ChannelPromise promise) {
            this.reply = reply;
            this.promise = promise;
        }
    }

    DurableReplies(GroupCommit commits) {
        this.commits = commits;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object reply, ChannelPromise promise) {
        GroupCommit.Mark mark = ctx.channel().attr(MARK).getAndSet(null);
        if (held.isEmpty() && (mark == null || commits.isDurable(mark))) {
            ctx.write(reply, promise);
            return;
        }
        Held waiting = new Held(reply, promise);
        held.add(waiting);
        if (mark == null) {
            waiting.durable = true;
            return;
        }
        commits.whenDurable(mark, durable -> ctx.executor().execute(() -> {
            waiting.durable = durable;
            release(ctx);
        }));
    }

    /** Sends the replies at the head of the queue whose fate is known, in order. */
    private void release(ChannelHandlerContext ctx) {
        boolean sent = false;
        while (!held.isEmpty() && held.peek().durable != null) {
            Held next = held.poll();
            ctx.write(next.durable ? next.reply : refusal(next.reply), next.promise);
            sent = true;
        }
        if (sent) {
            ctx.flush();
        }
    }

    /** The same reply's header with an error instead of its content: the client is told the command did not succeed. */
    private static Object refusal(Object reply) {
        Document error = new Document("ok", 0)
                .append("errmsg", "the store could not put what this reply shows on disk (is the disk full?): not"
                        + " acknowledged")
                .append("code", UNKNOWN_ERROR);
        if (reply instanceof MongoMessage m) {
            return new MongoMessage(m.getChannel(), m.getHeader(), error);
        }
        if (reply instanceof MongoReply r) {
            return new MongoReply(r.getHeader(), error);
        }
        return reply;
    }
}
