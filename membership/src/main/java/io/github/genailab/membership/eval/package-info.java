/**
 * Evaluation of membership scores: named attacks ({@link io.github.genailab.membership.eval.MembershipAttack}),
 * ROC metrics per attack ({@link io.github.genailab.membership.eval.AttackResult}) and report tables
 * ({@link io.github.genailab.membership.eval.MembershipReport}), computed by
 * {@link io.github.genailab.membership.eval.MembershipEvaluation} with scikit-learn-compatible ROC
 * curves.
 */
package io.github.genailab.membership.eval;
