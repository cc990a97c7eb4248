// A refusal's problem+json in the user's language: what to say next to each field it names, and above the form.
import { has, t, yuan } from './i18n.js';

// The reasons the services give for a field, recognised by their wording; anything unknown is shown as it came.
const REASONS = [
  [/^must not be null$|^is required|^header is required$|^must not be empty$/, () => t('reason.required')],
  [/^must not be blank$/, () => t('reason.blank')],
  [/^size must be between (\d+) and (\d+)$/, (m, field) => t(/\[|Ids$|members|reviews/.test(field) ? 'reason.sizeItems' : 'reason.size', { min: m[1], max: m[2] })],
  [/^must not be in the future/, () => t('reason.future')],
  [/^must be more than zero$/, () => t('reason.positive')],
  [/^must not be negative$/, () => t('reason.negative')],
  [/^must be 18 characters$/, () => t('reason.creditCodeLength')],
  [/^check character does not match \(expected (.)\)$/, (m) => t('reason.creditCodeCheck', { expected: m[1] })],
  [/unified social credit code|^character \d+ |^characters 3-8/, () => t('reason.creditCode')],
  [/^must be a telephone number$/, () => t('reason.phone')],
  [/^must be a well-formed email address$/, () => t('reason.email')],
  [/^must be a programme code|^must be upper-case letters/, () => t('reason.programme')],
  [/^no such programme: (\S+)/, (m) => t('reason.noProgramme', { code: m[1] })],
  [/Chenzhou county code/, () => t('reason.county')],
  [/^amount |^an amount in yuan|two decimals/, () => t('reason.amount')],
  [/^must be an ISO-8601 date/, () => t('reason.date')],
  [/^must be a whole number$/, () => t('reason.wholeNumber')],
  [/^must be a number$/, () => t('reason.number')],
  [/^must be one of \[/, () => t('reason.oneOf')],
  [/^must not be before (\d{4}-\d{2}-\d{2})/, (m) => t('reason.notBefore', { date: m[1] })],
  [/^must be a single line/, () => t('reason.singleLine')],
  [/^must be a year from (\d+) to (\d+)$/, (m) => t('reason.yearRange', { from: m[1], to: m[2] })],
  [/^must be less than or equal to ([\d.]+)$/, (m) => t('reason.atMost', { max: m[1] })],
  [/^must be greater than or equal to ([\d.]+)$/, (m) => t('reason.atLeast', { min: m[1] })],
  [/^is required when the project is returned/, () => t('reason.reasonWhenReturned')],
  [/^is only given when the project is returned/, () => t('reason.reasonOnlyWhenReturned')],
];

/** One field's reason, in the user's language. */
export function reason(text, field) {
  for (const [pattern, say] of REASONS) {
    const m = pattern.exec(text || '');
    if (m) {
      return say(m, field || '');
    }
  }
  return text;
}

/** What a refusal says above the form, in the user's language, with its facts (amounts shown as money). */
export function summary(error) {
  const p = error.problem || {};
  const key = `problem.${error.type}`;
  const facts = {};
  for (const [name, value] of Object.entries(p)) {
    facts[name] = ['remaining', 'budget', 'requested', 'allocated', 'committed'].includes(name) ? yuan(value) : value;
  }
  facts.detail = p.detail || error.message;
  return has(key) ? t(key, facts) : t('problem.other', facts);
}

/**
 * The field messages of a refusal: [{field, message}] — the invalid fields it lists, and for a refusal about an
 * amount (over budget, over the allocation) the amount field, with what is left.
 */
export function fieldMessages(error, amountField) {
  const p = error.problem || {};
  if (Array.isArray(p.errors)) {
    return p.errors.map((e) => ({ field: e.field, message: reason(e.reason, e.field) }));
  }
  if ((error.type === 'over-budget' || error.type === 'over-allocation') && amountField) {
    return [{ field: amountField, message: t(`problem.${error.type}.field`, { remaining: yuan(p.remaining) }) }];
  }
  if (error.type === 'invalid-input' && p.detail) {
    // a domain rule about one field, answered as "field: reason"
    const m = /^([\w.[\]]+): (.*)$/.exec(p.detail);
    if (m) {
      return [{ field: m[1], message: reason(m[2], m[1]) }];
    }
  }
  return [];
}
