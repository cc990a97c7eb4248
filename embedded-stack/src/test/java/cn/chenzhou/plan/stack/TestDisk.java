package cn.chenzhou.plan.stack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.concurrent.Semaphore;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * A disk for the store's file that a test can fill up (a write then puts half its bytes down and fails, as a real full
 * disk does) and whose {@code fsync} it can hold back. MVStore file names {@code testdisk:/path} use it.
 */
public final class TestDisk extends FilePathWrapper {
    private static volatile boolean full;
    private static volatile Semaphore syncs;

    static {
        FilePath.register(new TestDisk());
    }

    /** H2 makes one instance per path (reflectively). */
    public TestDisk() {
    }

    static String on(java.nio.file.Path file) {
        return "testdisk:" + file.toAbsolutePath();
    }

    static void fill() {
        full = true;
    }

    static void free() {
        full = false;
    }

    /** From now on every fsync waits for a {@link #releaseSyncs permit}. */
    static void holdSyncs() {
        syncs = new Semaphore(0);
    }

    static void releaseSyncs() {
        Semaphore s = syncs;
        syncs = null;
        if (s != null) {
            s.release(Integer.MAX_VALUE / 2);
        }
    }

    @Override
    public String getScheme() {
        return "testdisk";
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Channel(super.open(mode));
    }

    private static final class Channel extends FileBase {
        private final FileChannel channel;

        Channel(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return channel.read(dst);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return channel.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return write(src, channel.position());
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            if (full) {
                ByteBuffer half = src.duplicate();
                half.limit(half.position() + half.remaining() / 2);
                channel.write(half, position);
                throw new IOException("No space left on device");
            }
            return channel.write(src, position);
        }

        @Override
        public long position() throws IOException {
            return channel.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            channel.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            if (full) {
                throw new IOException("No space left on device");
            }
            channel.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            Semaphore held = syncs;
            if (held != null) {
                held.acquireUninterruptibly();
            }
            channel.force(metaData);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return channel.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            channel.close();
        }
    }
}
