package org.mutuality.conflicts.policy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mutuality.conflicts.Action;
import org.mutuality.conflicts.Decision;
import org.mutuality.directory.Role;
import org.mutuality.relationships.RelationshipKind;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a policy from YAML. Everything is checked: unknown keys, unknown actions, kinds, roles and
 * decisions, missing fields, duplicate rule ids. The first problem is reported with its line and
 * rule, as {@link InvalidPolicy}. Only the YAML node tree is read: no object is ever constructed
 * from the text.
 */
public final class PolicyParser {

    /** The longest policy text accepted, in characters. */
    public static final int MAX_LENGTH = 100_000;

    private static final Set<String> TOP = Set.of("rules", "roleRules", "mayAct");
    private static final Set<String> RULE_KEYS =
            Set.of("id", "actions", "kinds", "reach", "direction", "decision", "explanation", "safeguards");
    private static final Set<String> ROLE_RULE_KEYS =
            Set.of("id", "actions", "actorRoles", "decision", "explanation", "safeguards");

    /** The text being read, to name the line of a problem as the editor numbers it. */
    private final String text;

    private final boolean stored;

    private PolicyParser(String text, boolean stored) {
        this.text = text;
        this.stored = stored;
    }

    /**
     * The policy the text says.
     *
     * @throws InvalidPolicy at the first problem, naming its line as the policy editor numbers lines
     */
    public static Policy parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new InvalidPolicy(1, null, "policy.tooLong", MAX_LENGTH);
        }
        return new PolicyParser(text, false).policy();
    }

    /**
     * The policy an agency saved earlier, read as {@link #parse} reads a new one, except that a
     * translation left blank is passed over (the reader gets another language) rather than refused:
     * policies saved before blank translations were refused must still apply.
     */
    public static Policy parseStored(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new InvalidPolicy(1, null, "policy.tooLong", MAX_LENGTH);
        }
        return new PolicyParser(text, true).policy();
    }

    private Policy policy() {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            options.setCodePointLimit(MAX_LENGTH * 4);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new InvalidPolicy(lineAt(e.getProblemMark()), null, "policy.notYaml", String.valueOf(e.getProblem()));
        } catch (YAMLException e) {
            throw new InvalidPolicy(1, null, "policy.notYaml", String.valueOf(e.getMessage()));
        }
        if (root == null) {
            throw new InvalidPolicy(1, null, "policy.empty");
        }
        Map<String, Node> top = mapping(root, TOP, null);
        List<Rule> rules = new ArrayList<>();
        List<RoleRule> roleRules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Node rulesNode = top.get("rules");
        if (rulesNode == null) {
            throw new InvalidPolicy(line(root), null, "policy.needsRules");
        }
        for (Node node : sequence(rulesNode, null)) {
            Rule rule = rule(node);
            if (!ids.add(rule.id())) {
                throw new InvalidPolicy(line(node), rule.id(), "policy.duplicateId", rule.id());
            }
            rules.add(rule);
        }
        if (top.containsKey("roleRules")) {
            for (Node node : sequence(top.get("roleRules"), null)) {
                RoleRule rule = roleRule(node);
                if (!ids.add(rule.id())) {
                    throw new InvalidPolicy(line(node), rule.id(), "policy.duplicateId", rule.id());
                }
                roleRules.add(rule);
            }
        }
        Map<Action, Set<Role>> eligibility = new EnumMap<>(Action.class);
        if (top.containsKey("mayAct")) {
            Node mayAct = top.get("mayAct");
            if (!(mayAct instanceof MappingNode map)) {
                throw new InvalidPolicy(line(mayAct), null, "policy.mayActMapping");
            }
            for (NodeTuple tuple : map.getValue()) {
                Action action = parseEnum(tuple.getKeyNode(), Action.class, null);
                eligibility.put(action, enumSet(tuple.getValueNode(), Role.class, null));
            }
        }
        return new Policy(rules, roleRules, eligibility);
    }

    private Rule rule(Node node) {
        Map<String, Node> fields = mapping(node, RULE_KEYS, null);
        String id = id(fields, node);
        return new Rule(
                id,
                enumSet(required(fields, "actions", node, id), Action.class, id),
                enumSet(required(fields, "kinds", node, id), RelationshipKind.class, id),
                fields.containsKey("reach") ? enumSet(fields.get("reach"), Reach.class, id) : EnumSet.of(Reach.DIRECT),
                fields.containsKey("direction")
                        ? parseEnum(fields.get("direction"), Direction.class, id)
                        : Direction.EITHER,
                parseEnum(required(fields, "decision", node, id), Decision.class, id),
                text(required(fields, "explanation", node, id), id),
                safeguards(fields.get("safeguards"), id));
    }

    private RoleRule roleRule(Node node) {
        Map<String, Node> fields = mapping(node, ROLE_RULE_KEYS, null);
        String id = id(fields, node);
        return new RoleRule(
                id,
                enumSet(required(fields, "actions", node, id), Action.class, id),
                enumSet(required(fields, "actorRoles", node, id), Role.class, id),
                parseEnum(required(fields, "decision", node, id), Decision.class, id),
                text(required(fields, "explanation", node, id), id),
                safeguards(fields.get("safeguards"), id));
    }

    private String id(Map<String, Node> fields, Node node) {
        String id = scalar(required(fields, "id", node, null), null);
        if (!id.matches("[a-zA-Z0-9._-]{1,80}")) {
            throw new InvalidPolicy(line(fields.get("id")), null, "policy.badId");
        }
        return id;
    }

    private List<Text> safeguards(@Nullable Node node, String rule) {
        if (node == null) {
            return List.of();
        }
        List<Text> result = new ArrayList<>();
        for (Node item : sequence(node, rule)) {
            result.add(text(item, rule));
        }
        return result;
    }

    private Text text(Node node, @Nullable String rule) {
        if (node instanceof ScalarNode) {
            return Text.of(words(node, rule));
        }
        if (node instanceof MappingNode map) {
            Map<String, String> byLanguage = new LinkedHashMap<>();
            for (NodeTuple tuple : map.getValue()) {
                String language = scalar(tuple.getKeyNode(), rule);
                if (!language.matches("[a-z]{2}")) {
                    throw new InvalidPolicy(line(tuple.getKeyNode()), rule, "policy.badLanguage", language);
                }
                if (stored && scalar(tuple.getValueNode(), rule).isBlank()) {
                    continue;
                }
                byLanguage.put(language, words(tuple.getValueNode(), rule));
            }
            if (byLanguage.isEmpty()) {
                throw new InvalidPolicy(line(node), rule, "policy.emptyText");
            }
            return new Text(byLanguage);
        }
        throw new InvalidPolicy(line(node), rule, "policy.expectedText");
    }

    /**
     * What a person reads when a rule applies, in one language: never blank, in any language a text
     * is given in, or the reader would be shown an empty reason.
     */
    private String words(Node node, @Nullable String rule) {
        String value = scalar(node, rule);
        if (value.isBlank()) {
            throw new InvalidPolicy(line(node), rule, "policy.emptyText");
        }
        return value.strip();
    }

    private <E extends Enum<E>> Set<E> enumSet(Node node, Class<E> type, @Nullable String rule) {
        EnumSet<E> result = EnumSet.noneOf(type);
        for (Node item : sequence(node, rule)) {
            result.add(parseEnum(item, type, rule));
        }
        if (result.isEmpty()) {
            throw new InvalidPolicy(line(node), rule, "policy.emptyList");
        }
        return result;
    }

    /** A constant of {@code type} by its name, in any case. */
    private <E extends Enum<E>> E parseEnum(Node node, Class<E> type, @Nullable String rule) {
        String value = scalar(node, rule).strip();
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        throw new InvalidPolicy(
                line(node),
                rule,
                "policy.unknownValue",
                value,
                EnumSet.allOf(type).toString());
    }

    private Map<String, Node> mapping(Node node, Set<String> allowed, @Nullable String rule) {
        if (!(node instanceof MappingNode map)) {
            throw new InvalidPolicy(line(node), rule, "policy.expectedMapping");
        }
        Map<String, Node> result = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            String key = scalar(tuple.getKeyNode(), rule);
            if (!allowed.contains(key)) {
                throw new InvalidPolicy(
                        line(tuple.getKeyNode()),
                        rule,
                        "policy.unknownKey",
                        key,
                        allowed.stream().sorted().toList().toString());
            }
            result.put(key, tuple.getValueNode());
        }
        return result;
    }

    private List<Node> sequence(Node node, @Nullable String rule) {
        if (node instanceof SequenceNode seq) {
            return seq.getValue();
        }
        if (node instanceof ScalarNode) {
            return List.of(node);
        }
        throw new InvalidPolicy(line(node), rule, "policy.expectedList");
    }

    private String scalar(Node node, @Nullable String rule) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw new InvalidPolicy(line(node), rule, "policy.expectedValue");
    }

    private Node required(Map<String, Node> fields, String key, Node owner, @Nullable String rule) {
        Node node = fields.get(key);
        if (node == null) {
            throw new InvalidPolicy(line(owner), rule, "policy.required", key);
        }
        return node;
    }

    private int line(@Nullable Node node) {
        return node == null ? 1 : lineAt(node.getStartMark());
    }

    /**
     * The line (1-based) of a place in the text, as the policy editor and {@link PolicyDiff} number
     * lines: a line ends at a line feed. YAML also ends a line at a lone carriage return, U+0085,
     * U+2028 or U+2029, so its own line number can point past the end of the text the person sees;
     * the place's offset (in code points) cannot.
     */
    private int lineAt(@Nullable Mark mark) {
        if (mark == null) {
            return 1;
        }
        int codePoints = Math.min(mark.getIndex(), text.codePointCount(0, text.length()));
        int end = text.offsetByCodePoints(0, codePoints);
        return 1 + (int) text.substring(0, end).chars().filter(c -> c == '\n').count();
    }
}
