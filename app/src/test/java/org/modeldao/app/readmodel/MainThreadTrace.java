package org.modeldao.app.readmodel;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a page's renderer main thread spent its time, from a Chromium performance trace
 * ({@code Browser.startTracing}): the self time of every complete event on the {@code CrRendererMain}
 * threads of the renderers that loaded the app, grouped by name (EvaluateScript, UpdateLayoutTree = style
 * recalculation, Layout, v8.compile, ParseAuthorStyleSheet, garbage collection…) — the part of time to
 * usable that is neither network nor server.
 */
record MainThreadTrace(double totalMillis, List<Map.Entry<String, Double>> byName) {

    private record Slice(String name, long start, long end) {
    }

    /** @param site the app's base URL: only renderers that loaded from it count, not the browser's own pages */
    static MainThreadTrace of(byte[] trace, String site) {
        JsonObject root = JsonParser.parseString(new String(trace, StandardCharsets.UTF_8)).getAsJsonObject();
        JsonArray events = root.getAsJsonArray("traceEvents");
        Set<String> sitePids = new HashSet<>();
        for (JsonElement e : events) {
            JsonObject o = e.getAsJsonObject();
            if ("ParseHTML".equals(text(o, "name")) && o.has("args") && o.getAsJsonObject("args").has("beginData")) {
                String url = text(o.getAsJsonObject("args").getAsJsonObject("beginData"), "url");
                if (url != null && url.startsWith(site)) {
                    sitePids.add(o.get("pid").getAsString());
                }
            }
        }
        Set<String> mainThreads = new HashSet<>();
        for (JsonElement e : events) {
            JsonObject o = e.getAsJsonObject();
            if ("M".equals(text(o, "ph")) && "thread_name".equals(text(o, "name")) && o.has("args")
                    && "CrRendererMain".equals(text(o.getAsJsonObject("args"), "name")) && sitePids.contains(o.get("pid").getAsString())) {
                mainThreads.add(o.get("pid").getAsString() + "/" + o.get("tid").getAsString());
            }
        }
        Map<String, List<Slice>> perThread = new HashMap<>();
        for (JsonElement e : events) {
            JsonObject o = e.getAsJsonObject();
            if (!"X".equals(text(o, "ph")) || !o.has("dur") || !o.has("ts")) {
                continue;
            }
            String thread = o.get("pid").getAsString() + "/" + o.get("tid").getAsString();
            if (mainThreads.contains(thread)) {
                long start = o.get("ts").getAsLong();
                perThread.computeIfAbsent(thread, t -> new ArrayList<>()).add(new Slice(text(o, "name"), start, start + o.get("dur").getAsLong()));
            }
        }
        Map<String, Double> self = new HashMap<>();
        double total = 0;
        for (List<Slice> slices : perThread.values()) {
            slices.sort(Comparator.comparingLong(Slice::start).thenComparing(Comparator.comparingLong(Slice::end).reversed()));
            // self time: a slice's duration less that of the slices nested in it
            Deque<Slice> open = new ArrayDeque<>();
            // by identity: two slices of one name with the same start and end are still two slices
            Map<Slice, Long> childTime = new IdentityHashMap<>();
            for (Slice s : slices) {
                while (!open.isEmpty() && open.peek().end() <= s.start()) {
                    close(open.pop(), childTime, self);
                }
                if (open.isEmpty()) {
                    total += (s.end() - s.start()) / 1000.0;
                } else {
                    childTime.merge(open.peek(), Math.min(s.end(), open.peek().end()) - s.start(), Long::sum);
                }
                open.push(s);
            }
            while (!open.isEmpty()) {
                close(open.pop(), childTime, self);
            }
        }
        List<Map.Entry<String, Double>> sorted = self.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).collect(Collectors.toList());
        return new MainThreadTrace(total, sorted);
    }

    private static void close(Slice s, Map<Slice, Long> childTime, Map<String, Double> self) {
        long own = (s.end() - s.start()) - childTime.getOrDefault(s, 0L);
        self.merge(s.name(), Math.max(0, own) / 1000.0, Double::sum);
    }

    private static String text(JsonObject o, String key) {
        return o.has(key) && o.get(key).isJsonPrimitive() ? o.get(key).getAsString() : null;
    }

    /** The busiest names, e.g. "main thread 812 ms in top-level slices; self time: FunctionCall 201, UpdateLayoutTree 180, …". */
    String summary(int top) {
        return String.format("main thread %.0f ms in top-level slices; self time: ", totalMillis) + byName.stream().limit(top)
                .map(e -> String.format("%s %.0f", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
    }
}
