package dev.kiln.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;

/**
 * Who and what ran a run: the user, the host and the operating-system process id, recorded when it starts.
 * Lets {@link Run#stale()} tell a run whose process died from one still running.
 *
 * <p>Immutable.
 *
 * @param user user name ({@code KILN_USER} or the OS user), or {@code null} for runs recorded before it was kept
 * @param host host name, or {@code null}
 * @param pid  process id, or {@code null}
 */
public record RunProcess(String user, String host, Long pid) {
    private static final String LOCAL_HOST = localHost();

    /** The process this code runs in. */
    static RunProcess current() {
        return new RunProcess(AuditLog.currentActor(), LOCAL_HOST, ProcessHandle.current().pid());
    }

    /**
     * True when this host ran the process and it has ended: no process has that pid, or the one that has it
     * started after {@code runStart} (the pid was reused). Unknown for other hosts: false.
     */
    boolean gone(Instant runStart) {
        if (host == null || pid == null || !host.equals(LOCAL_HOST)) {
            return false;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return true;
        }
        Optional<Instant> started = handle.get().info().startInstant();
        // process start times are rounded (to clock ticks on Linux): allow a few seconds
        return started.isPresent() && started.get().isAfter(runStart.plusSeconds(5));
    }

    private static String localHost() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.length() > 255 ? name.substring(0, 255) : name;
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
