/**
 * Implementation helpers shared by the other {@code core} packages (primitive collections); public
 * only so that those packages can share them, not meant for users and not covered by compatibility
 * promises.
 */
package io.github.genailab.core.util;
