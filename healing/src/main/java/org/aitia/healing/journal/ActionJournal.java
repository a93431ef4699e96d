package org.aitia.healing.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aitia.model.ActionResult;
import org.aitia.model.HealingAction;
import org.aitia.model.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable record that makes healing at most once per action id, across restarts: an append-only
 * JSON-lines file.
 *
 * <ul>
 *   <li>{@code claim}: written and forced to disk <em>before</em> the VIM is called (a batch of
 *       claims shares one {@code fsync}). A claim without an outcome after a restart means the
 *       process died mid-call: the action is reported FAILED ("interrupted") and never sent again.
 *   <li>{@code held}: the whole action, forced to disk, so actions waiting for an operator survive
 *       a restart.
 *   <li>{@code outcome}: the final {@link ActionResult}.
 * </ul>
 *
 * Why a local file and not a read-back of {@code aitia.action-results}: the claim must be durable
 * before the call, and a held action's parameters must survive; neither fits in an {@link
 * ActionResult}. The file needs a persistent volume when the service runs in a pod.
 *
 * <p>Thread-safe.
 */
public final class ActionJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ActionJournal.class);

    private final Path path;
    private final boolean fsync;
    private final FileChannel channel;
    private volatile long lastClaimNanos;
    private final Map<String, ActionResult> outcomes = new LinkedHashMap<>();
    private final Map<String, HealingAction> claimed = new LinkedHashMap<>();
    private final Map<String, Held> held = new LinkedHashMap<>();

    /** An action waiting for an operator, and why. */
    public record Held(HealingAction action, String reason) {}

    private ActionJournal(Path path, boolean fsync) throws IOException {
        this.path = path;
        this.fsync = fsync;
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        if (Files.exists(path)) {
            load();
        }
        this.channel =
                FileChannel.open(
                        path,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
    }

    /** Opens (and reads) the journal at {@code path}, creating it and its folder if needed. */
    public static ActionJournal open(Path path) {
        return open(path, true);
    }

    /**
     * As {@link #open(Path)}. With {@code fsync} false, claims and held actions are written to the
     * operating system but not forced to the disk: at most once still holds when the process dies,
     * no longer when the host loses power.
     */
    public static ActionJournal open(Path path, boolean fsync) {
        try {
            return new ActionJournal(path, fsync);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the healing journal " + path, e);
        }
    }

    /** Whether {@code actionId} was ever claimed, held or decided. */
    public synchronized boolean isKnown(String actionId) {
        return outcomes.containsKey(actionId)
                || claimed.containsKey(actionId)
                || held.containsKey(actionId);
    }

    /** The final outcome of {@code actionId}, if any. */
    public synchronized Optional<ActionResult> outcome(String actionId) {
        return Optional.ofNullable(outcomes.get(actionId));
    }

    /** Claims the actions before they are sent: on disk when this returns. */
    public synchronized void claimAll(Collection<HealingAction> actions) {
        if (actions.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        for (HealingAction a : actions) {
            ObjectNode line = Json.mapper().createObjectNode();
            line.put("e", "claim");
            line.set("action", Json.mapper().valueToTree(a));
            lines.append(Json.write(line)).append('\n');
        }
        long start = System.nanoTime();
        append(lines.toString(), true);
        lastClaimNanos = System.nanoTime() - start;
        for (HealingAction a : actions) {
            claimed.put(a.id(), a);
            held.remove(a.id());
        }
    }

    /** Records that {@code action} waits for an operator: on disk when this returns. */
    public synchronized void hold(HealingAction action, String reason) {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("e", "held");
        line.put("reason", reason);
        line.set("action", Json.mapper().valueToTree(action));
        append(Json.write(line) + "\n", true);
        held.put(action.id(), new Held(action, reason));
    }

    /** Records a final outcome. */
    public synchronized void outcome(ActionResult result) {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("e", "outcome");
        line.set("result", Json.mapper().valueToTree(result));
        append(Json.write(line) + "\n", false);
        outcomes.put(result.actionId(), result);
        claimed.remove(result.actionId());
        held.remove(result.actionId());
    }

    /** How long the last {@link #claimAll} took to write (and force) its batch, in ms. */
    public double lastClaimMillis() {
        return lastClaimNanos / 1e6;
    }

    /** Actions claimed by an earlier run that never got an outcome: it died mid-call. */
    public synchronized List<HealingAction> interrupted() {
        return List.copyOf(claimed.values());
    }

    /** The actions waiting for an operator. */
    public synchronized List<Held> held() {
        return List.copyOf(held.values());
    }

    @Override
    public synchronized void close() {
        try {
            channel.force(false);
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the healing journal " + path, e);
        }
    }

    private void append(String text, boolean force) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (force && fsync) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the healing journal " + path, e);
        }
    }

    private void load() throws IOException {
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        int bad = 0;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank()) {
                continue;
            }
            try {
                JsonNode line = Json.mapper().readTree(text);
                switch (line.path("e").asText()) {
                    case "claim" -> {
                        HealingAction a =
                                Json.mapper().treeToValue(line.get("action"), HealingAction.class);
                        if (!outcomes.containsKey(a.id())) {
                            claimed.put(a.id(), a);
                        }
                        held.remove(a.id());
                    }
                    case "held" -> {
                        HealingAction a =
                                Json.mapper().treeToValue(line.get("action"), HealingAction.class);
                        if (!outcomes.containsKey(a.id())) {
                            held.put(a.id(), new Held(a, line.path("reason").asText()));
                        }
                    }
                    case "outcome" -> {
                        ActionResult r =
                                Json.mapper().treeToValue(line.get("result"), ActionResult.class);
                        outcomes.put(r.actionId(), r);
                        claimed.remove(r.actionId());
                        held.remove(r.actionId());
                    }
                    default -> throw new IOException("unknown entry " + line.path("e"));
                }
            } catch (IOException | IllegalArgumentException e) {
                bad++;
                LOG.error(
                        "Healing journal {} line {} is unreadable ({}); skipped: {}",
                        path,
                        i + 1,
                        e.getMessage(),
                        text.length() > 200 ? text.substring(0, 200) + "..." : text);
            }
        }
        LOG.info(
                "Healing journal {}: {} outcomes, {} held, {} interrupted, {} unreadable lines",
                path,
                outcomes.size(),
                held.size(),
                claimed.size(),
                bad);
    }
}
