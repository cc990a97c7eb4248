package cn.chenzhou.plan.reporting.facts;

/**
 * An event as the fact pipeline applies it.
 *
 * @param aggregate topic and aggregate id ({@code <topic>/<subject>}): the unit of the sequence check
 * @param data      the event data as a contracts record, or null for a type this reader does not know
 */
record DecodedEvent(String aggregate, long sequence, String type, Object data) {
}
