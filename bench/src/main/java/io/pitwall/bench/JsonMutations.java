package io.pitwall.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Structural mutations of JSON: one node of the tree replaced by a value chosen to hurt (huge
 * and odd numbers, times out of range, strings of every shape, the wrong type, deep nesting),
 * deleted, duplicated, copied from elsewhere, renamed or wrapped; and the same on one line of an
 * NDJSON file. Deep nesting and huge text are spliced in as text after writing, the tree would
 * not hold them cheaply.
 */
final class JsonMutations {

    static final String DEEP = "\u0001deep\u0001";
    static final String HUGE = "\u0001huge\u0001";

    static final String[] NUMBERS = {"0", "-1", "1", "1e308", "1e309", "-1e309", "1e-400", "9223372036854775807",
        "9223372036854775808", "-9223372036854775809", "18446744073709551616", "123456789012345678901234567890",
        "1.7976931348623157e308", "4.9e-324", "-0", "0.5", "1e10", "1e18", "1e19", "2147483648", "-2147483649",
        "1795000000000000000", "99999999999999999999.5", "-1e18", "1E+2", "3.0e6"};
    static final String[] STRINGS = {"", " ", "NaN", "+Inf", "-Inf", "Inf", "Infinity", "1e999", "-1", "0x10",
        "99999999999999999999", "-9223372036854775808", "9223372036854775807", "1795000000000000000",
        "+1000000000-12-31T23:59:59.999999999Z", "-1000000000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
        "1970-01-01T00:00:00Z", "2026-11-24T02:41:00.123456789+14:00", "2026-13-45T99:99:99Z", "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999Z", "2262-04-11T23:47:16.854775808Z", "1677-09-21T00:12:43.145224191Z",
        "\u0000", "\ud800", "\u202e", "../../../etc/passwd", "C:\\Windows\\x", "${jndi:ldap://127.0.0.1:1/a}", "%n%s%s",
        "(a+)+$", "\\", "\n\r", "{", "[", "ADDED", "MODIFIED", "DELETED", "BOOKMARK", "Pod", "Deployment", "Namespace",
        "StatefulSet", "ReplicaSet", "Node", "Event", "critical", "high", "CHILD_OF", "FOLLOWS_FROM", "LINK", "matrix",
        "vector", "scalar", "streams", "string", "success", "error", "firing", "pending", "active", "suppressed",
        "0000000000000000", "ffffffffffffffffffffffffffffffff", "zz", "AAAAAAAAAAAAAAAAAAAAAA==", "v1", "apps/v1",
        "batch/v1", "List", "EventList", "replicas 3, replicas was, revision x, image =, image was , owner ",
        "replicas 99999999999999999999, ready -1, revision 2147483648", "Running, not ready, -5 restarts",
        "SPAN_KIND_SERVER", "STATUS_CODE_ERROR", "1.0", "2.0", "1.999999999", "01.0", "1.", "-1.0"};

    private final SplittableRandom r;
    private final List<String> keys;

    JsonMutations(SplittableRandom random, List<String> keys) {
        this.r = random;
        this.keys = keys;
    }

    /** Every field name of {@code n}, for mutations that add or rename fields. */
    static void collectKeys(JsonNode n, Set<String> into) {
        if (n.isObject()) {
            n.properties().forEach(e -> {
                into.add(e.getKey());
                collectKeys(e.getValue(), into);
            });
        } else if (n.isArray()) {
            n.forEach(c -> collectKeys(c, into));
        }
    }

    static List<String> keysOf(List<byte[]> documents) {
        Set<String> keys = new TreeSet<>();
        for (byte[] d : documents) {
            for (String line : new String(d, StandardCharsets.UTF_8).split("\n")) {
                try {
                    collectKeys(FuzzSeeds.JSON.readTree(line.isBlank() ? "{}" : line), keys);
                } catch (IOException notOneLine) {
                    try {
                        collectKeys(FuzzSeeds.JSON.readTree(d), keys);
                    } catch (IOException notJson) {
                        // markdown and text have no keys
                    }
                    break;
                }
            }
        }
        return List.copyOf(keys);
    }

    /** A place in a tree: the container and a field name or an index. */
    private record Slot(JsonNode parent, String field, int index) {
        JsonNode get() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode v) {
            if (field != null) {
                ((ObjectNode) parent).set(field, v);
            } else {
                ((ArrayNode) parent).set(index, v);
            }
        }

        void remove() {
            if (field != null) {
                ((ObjectNode) parent).remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    /** Mutates {@code root} once (a copy when it is a leaf); returns the new root. */
    JsonNode mutate(JsonNode root, StringBuilder what) {
        JsonNode holder = JsonNodeFactory.instance.arrayNode().add(root);
        List<Slot> slots = new ArrayList<>();
        collect(holder, slots, new int[] {20_000});
        Slot s = slots.get(r.nextInt(slots.size()));
        JsonNode old = s.get();
        int op = r.nextInt(16);
        switch (op) {
            case 0, 1 -> {
                what.append("number");
                s.set(JsonNodeFactory.instance.rawValueNode(new RawValue(pick(NUMBERS))));
            }
            case 2, 3 -> {
                what.append("string");
                s.set(JsonNodeFactory.instance.textNode(pick(STRINGS)));
            }
            case 4 -> {
                what.append("type");
                s.set(switch (r.nextInt(6)) {
                    case 0 -> JsonNodeFactory.instance.nullNode();
                    case 1 -> JsonNodeFactory.instance.booleanNode(r.nextBoolean());
                    case 2 -> JsonNodeFactory.instance.objectNode();
                    case 3 -> JsonNodeFactory.instance.arrayNode();
                    case 4 -> old.isTextual() ? JsonNodeFactory.instance.rawValueNode(new RawValue(numberOr(old.asText())))
                            : JsonNodeFactory.instance.textNode(old.toString());
                    default -> old.isObject() ? JsonNodeFactory.instance.arrayNode().addAll(values(old))
                            : JsonNodeFactory.instance.objectNode().put("0", old.toString());
                });
            }
            case 5 -> {
                what.append("delete");
                if (s.parent() == holder) {
                    s.set(JsonNodeFactory.instance.nullNode());
                } else {
                    s.remove();
                }
            }
            case 6 -> {
                int n = new int[] {2, 10, 1000, 20_000}[r.nextInt(4)];
                what.append("repeat").append(n);
                if (s.parent().isArray() && s.parent() != holder) {
                    ArrayNode a = (ArrayNode) s.parent();
                    int budget = Math.max(1, 4_000_000 / Math.max(1, old.toString().length()));
                    for (int i = 0; i < Math.min(n, budget); i++) {
                        a.insert(s.index(), old.deepCopy());
                    }
                } else {
                    ArrayNode a = JsonNodeFactory.instance.arrayNode();
                    int budget = Math.max(1, 4_000_000 / Math.max(1, old.toString().length()));
                    for (int i = 0; i < Math.min(Math.min(n, 1000), budget); i++) {
                        a.add(old.deepCopy());
                    }
                    s.set(a);
                }
            }
            case 7 -> {
                what.append("copy");
                s.set(slots.get(r.nextInt(slots.size())).get().deepCopy());
            }
            case 8 -> {
                what.append("rename");
                if (s.field() != null && s.parent() instanceof ObjectNode o) {
                    o.remove(s.field());
                    o.set(r.nextInt(4) == 0 ? pick(STRINGS) : pick(keys), old);
                } else {
                    s.set(JsonNodeFactory.instance.objectNode().set(pick(keys), old));
                }
            }
            case 9 -> {
                what.append("add");
                JsonNode target = old.isObject() ? old : s.parent();
                if (target instanceof ObjectNode o) {
                    o.set(pick(keys), slots.get(r.nextInt(slots.size())).get().deepCopy());
                } else if (target instanceof ArrayNode a) {
                    a.add(slots.get(r.nextInt(slots.size())).get().deepCopy());
                }
            }
            case 10 -> {
                int depth = 1 + r.nextInt(64);
                what.append("wrap").append(depth);
                JsonNode v = old;
                for (int i = 0; i < depth; i++) {
                    v = r.nextBoolean() ? JsonNodeFactory.instance.arrayNode().add(v)
                            : JsonNodeFactory.instance.objectNode().set(pick(keys), v);
                }
                s.set(v);
            }
            case 11 -> {
                what.append("deep");
                s.set(JsonNodeFactory.instance.textNode(DEEP));
            }
            case 12 -> {
                what.append("huge");
                s.set(JsonNodeFactory.instance.textNode(HUGE));
            }
            case 13 -> {
                what.append("shuffle");
                if (old instanceof ArrayNode a && a.size() > 1) {
                    List<JsonNode> items = values(a);
                    for (int i = items.size() - 1; i > 0; i--) {
                        int j = r.nextInt(i + 1);
                        JsonNode t = items.get(i);
                        items.set(i, items.get(j));
                        items.set(j, t);
                    }
                    a.removeAll();
                    a.addAll(items);
                }
            }
            default -> {
                what.append("scalar");
                s.set(old.isNumber() ? JsonNodeFactory.instance.rawValueNode(new RawValue(pick(NUMBERS)))
                        : JsonNodeFactory.instance.textNode(pick(STRINGS)));
            }
        }
        return holder.get(0) == null ? JsonNodeFactory.instance.nullNode() : holder.get(0);
    }

    /** The text of a tree, with its placeholders for deep nesting and huge text filled in. */
    String write(JsonNode n, boolean pretty) throws IOException {
        String text = pretty ? FuzzSeeds.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n)
                : FuzzSeeds.JSON.writeValueAsString(n);
        if (text.contains(DEEP)) {
            text = text.replace("\"" + jsonEscaped(DEEP) + "\"", deep());
        }
        if (text.contains(HUGE)) {
            text = text.replace(jsonEscaped(HUGE), huge());
        }
        return text;
    }

    private static String jsonEscaped(String s) {
        return s.replace("\u0001", "\\u0001");
    }

    private String deep() {
        int depth = new int[] {400, 1001, 1500, 5000, 100_000}[r.nextInt(5)];
        String open = r.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return open.repeat(depth) + (open.equals("[") ? "1" : "1") + close.repeat(depth);
    }

    private String huge() {
        int n = new int[] {70_000, 1 << 20, 5 << 20}[r.nextInt(3)];
        return switch (r.nextInt(3)) {
            case 0 -> "A".repeat(n);
            case 1 -> "\\u00e9\\ud83d\\ude00".repeat(n / 18);
            default -> "a\\n".repeat(n / 3);
        };
    }

    private static String numberOr(String s) {
        try {
            new java.math.BigDecimal(s.strip());
            return s.strip();
        } catch (NumberFormatException e) {
            return "0";
        }
    }

    private static List<JsonNode> values(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        n.forEach(out::add);
        return out;
    }

    private static void collect(JsonNode n, List<Slot> into, int[] budget) {
        if (budget[0]-- <= 0) {
            return;
        }
        if (n.isObject()) {
            for (var e : n.properties()) {
                into.add(new Slot(n, e.getKey(), -1));
                collect(e.getValue(), into, budget);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                into.add(new Slot(n, null, i));
                collect(n.get(i), into, budget);
            }
        }
    }

    String pick(String[] from) {
        return from[r.nextInt(from.length)];
    }

    String pick(List<String> from) {
        return from.isEmpty() ? "x" : from.get(r.nextInt(from.size()));
    }
}
