package meanfield.app;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** The result of a study's task on a pool, with a task's own unchecked exception (a user error, say) passed on as is. */
final class Tasks {
    private Tasks() {
    }

    static <T> T await(Future<T> task) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
