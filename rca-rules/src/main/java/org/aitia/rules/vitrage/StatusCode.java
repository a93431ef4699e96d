package org.aitia.rules.vitrage;

import java.util.Map;

/**
 * Vitrage's template validation status codes and messages ({@code
 * doc/source/contributor/template_validation_status_code.rst} and {@code status_messages.py}).
 */
public final class StatusCode {
    private StatusCode() {}

    public static final int OK = 0;
    public static final int UNKNOWN_TEMPLATE_ID = 3;
    public static final int SYNTAX = 4;
    public static final int INVALID_YAML = 5;

    private static final Map<Integer, String> MESSAGES =
            Map.ofEntries(
                    Map.entry(0, "Template validation is OK"),
                    Map.entry(1, "template_id field contains incorrect string value."),
                    Map.entry(2, "Duplicate template_id definition."),
                    Map.entry(3, "template_id does not appear in the definition block."),
                    Map.entry(4, "Syntax error: "),
                    Map.entry(5, "Invalid yaml format: "),
                    Map.entry(20, "definitions section must contain entities field."),
                    Map.entry(21, "definitions section is a mandatory section."),
                    Map.entry(41, "Entity definition must contain template_id field."),
                    Map.entry(42, "Entity definition must contain category field."),
                    Map.entry(43, "At least one entity must be defined."),
                    Map.entry(
                            45,
                            "Invalid entity category. Category must be from types: [ALARM, RESOURCE]"),
                    Map.entry(46, "Entity field is required."),
                    Map.entry(47, "Invalid regular expression defined in field:"),
                    Map.entry(60, "metadata section must contain id field."),
                    Map.entry(62, "metadata is a mandatory section."),
                    Map.entry(63, "Unsupported version. Version must be one of: ['1', '2', '3']"),
                    Map.entry(
                            64,
                            "metadata section must contain a type field in version 2. Type must be one of: ['standard', 'definition', 'equivalence']"),
                    Map.entry(
                            65,
                            "Invalid template type. Type must be one of: ['standard', 'definition', 'equivalence']"),
                    Map.entry(80, "scenarios is a mandatory section."),
                    Map.entry(81, "At least one scenario must be defined."),
                    Map.entry(82, "scenario field is required."),
                    Map.entry(83, "Scenario definition must contain condition field."),
                    Map.entry(84, "Scenario definition must contain actions field."),
                    Map.entry(85, "Failed to convert condition."),
                    Map.entry(86, "Not operator can be used only on relationships."),
                    Map.entry(
                            100,
                            "Invalid relation type. Relation type must be from types: [attached, comprises, contains, includes, managed_by, on, uses, chained_to]"),
                    Map.entry(101, "Relationship field is required."),
                    Map.entry(102, "Relationship definition must contain source field."),
                    Map.entry(103, "Relationship definition must contain target field."),
                    Map.entry(104, "Relationship definition must contain template_id field."),
                    Map.entry(
                            120,
                            "Invalid action type. Action type must be from types: [raise_alarm, set_state, add_causal_relationship, mark_down, execute_mistral]"),
                    Map.entry(121, "At least one action must be defined."),
                    Map.entry(122, "Action field is required."),
                    Map.entry(123, "Action definition must contain action_type field."),
                    Map.entry(124, "Action definition must contain action_target field."),
                    Map.entry(
                            125,
                            "raise_alarm action must contain alarm_name field in properties block."),
                    Map.entry(
                            126,
                            "raise_alarm action must contain severity field in properties block."),
                    Map.entry(
                            127,
                            "raise_alarm action must contain target field in target_action block"),
                    Map.entry(
                            128, "set_state action must contain state field in properties block."),
                    Map.entry(
                            129,
                            "set_state action must contain target field in target_action block."),
                    Map.entry(
                            130,
                            "add_causal_relationship action must contain target and source field in target_action block."),
                    Map.entry(
                            131,
                            "mark_down action must contain 'target' field in 'target_action' block."),
                    Map.entry(
                            132,
                            "add_causal_relationship action requires action_target to be ALARM"),
                    Map.entry(
                            133,
                            "execute_mistral action must contain workflow field in properties block"),
                    Map.entry(134, "condition can not contain only 'not' clauses"),
                    Map.entry(135, "condition must contain a common entity for all 'or' clauses"),
                    Map.entry(
                            136,
                            "Input parameters for the Mistral workflow in execute_mistral action must be placed under an 'input' block "),
                    Map.entry(137, "Functions are supported only from version 2"),
                    Map.entry(
                            138,
                            "Only open or close parenthesis exists. Did you try to use a function?"),
                    Map.entry(140, "At least one template must be included"),
                    Map.entry(141, "Name field is unspecified for include"),
                    Map.entry(142, "Trying to include a template that does not exist"),
                    Map.entry(
                            143,
                            "A template definition file cannot contain 'includes' or 'scenarios' blocks"),
                    Map.entry(160, "Parameters section is invalid"),
                    Map.entry(
                            161,
                            "get_param called for a parameter that is not defined in the 'parameters' block"),
                    Map.entry(163, "Failed to resolve parameter"),
                    Map.entry(10100, "Action must contain a 'target' property"),
                    Map.entry(10101, "Action 'target' must match an entity id"),
                    Map.entry(10102, "Action must contain a 'source' property"),
                    Map.entry(10103, "Action 'source' must match an entity id"),
                    Map.entry(10104, "raise_alarm action must contain an 'alarm_name' property"),
                    Map.entry(10105, "execute_mistral action must contain 'workflow' property"),
                    Map.entry(
                            10107,
                            "The property 'causing_alarm' in raise_alarm action must match an entity id"),
                    Map.entry(10200, "Condition contains an unknown entity id"));

    /** Vitrage's message for {@code code}. */
    public static String message(int code) {
        return MESSAGES.getOrDefault(code, "Template validation failed");
    }

    /** A {@link TemplateException} with Vitrage's message and a detail. */
    static TemplateException fail(int code, String detail) {
        String m = message(code);
        return new TemplateException(code, detail == null ? m : m + " (" + detail + ")");
    }
}
