package pdmbot.run;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import pdmbot.storage.locks.LockStore;
import pdmbot.world.ChangeRequests;
import pdmbot.world.DeploymentRecords;
import pdmbot.world.Incidents;
import pdmbot.world.MergeRequestUpdates;
import pdmbot.world.Operations;
import pdmbot.world.PipelineRunner;
import pdmbot.world.QaPipelines;
import pdmbot.world.ReleaseNotes;
import pdmbot.world.RunningDeployments;

/**
 * Wraps ports so that a test can make one call fail (a world error), crash the process's run thread (an
 * {@link Error}, as close to dying as a thread gets) before or after the real call, and count the real calls.
 * Points are named {@code Interface.method}, e.g. {@code DeploymentRecords.createRunning}.
 */
final class Faults {

    /** Stands for the process dying: the engine does not catch it, so nothing after it is recorded. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash(String point) {
            super("simulated crash at " + point);
        }
    }

    static final class SimulatedWorldError extends RuntimeException {
        SimulatedWorldError(String point) {
            super("GitLab answered 502 Bad Gateway at " + point);
        }
    }

    private enum Kind { FAIL, CRASH_BEFORE, CRASH_AFTER }

    private final Map<String, Kind> armed = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    /** The next call at the point throws a world error instead of happening. */
    void failOnce(String point) {
        armed.put(point, Kind.FAIL);
    }

    /** The next call at the point crashes before happening. */
    void crashBefore(String point) {
        armed.put(point, Kind.CRASH_BEFORE);
    }

    /** The next call at the point happens, then crashes before its caller hears of it. */
    void crashAfter(String point) {
        armed.put(point, Kind.CRASH_AFTER);
    }

    /** Real calls made at the point (failed and crashed-before ones not counted). */
    int calls(String point) {
        return calls.computeIfAbsent(point, p -> new AtomicInteger()).get();
    }

    @SuppressWarnings("unchecked")
    <T> T wrap(Class<T> port, T target) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) return method.invoke(target, args);
            String point = port.getSimpleName() + "." + method.getName();
            Kind kind = armed.remove(point);
            if (kind == Kind.FAIL) throw new SimulatedWorldError(point);
            if (kind == Kind.CRASH_BEFORE) throw new SimulatedCrash(point);
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            calls.computeIfAbsent(point, p -> new AtomicInteger()).incrementAndGet();
            if (kind == Kind.CRASH_AFTER) throw new SimulatedCrash(point);
            return result;
        };
        return (T) Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler);
    }

    Operations wrap(Operations o) {
        return new Operations(wrap(RunningDeployments.class, o.runningDeployments()), wrap(Incidents.class, o.incidents()),
                wrap(ChangeRequests.class, o.changeRequests()), wrap(PipelineRunner.class, o.pipelines()),
                wrap(QaPipelines.class, o.qa()), wrap(DeploymentRecords.class, o.deploymentRecords()),
                wrap(MergeRequestUpdates.class, o.mergeRequests()));
    }

    LockStore wrap(LockStore locks) {
        return wrap(LockStore.class, locks);
    }

    ReleaseNotes wrap(ReleaseNotes notes) {
        return wrap(ReleaseNotes.class, notes);
    }
}
