/**
 * Implementation helpers shared by the library's own modules (primitive collections, the strict JSON
 * reader, the fast float exponential, array copies and number formatting). The module descriptor
 * exports this package only to GenAI Lab's modules: it is not API for users and carries no
 * compatibility promise.
 */
package io.github.genailab.core.internal;
