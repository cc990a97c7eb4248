package cn.chenzhou.plan.chassis.web;

/** One rejected field of a request: its JSON path (or parameter name) and why. */
public record FieldProblem(String field, String reason) {
}
