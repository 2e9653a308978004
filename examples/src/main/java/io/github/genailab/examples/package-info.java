/**
 * Lecture programs for GenAI Lab: one runnable {@code main} per topic plus the {@link
 * io.github.genailab.examples.Tour} that runs them all briefly.
 *
 * <p>Every program takes the same flags ({@link io.github.genailab.examples.LectureArgs}):
 * {@code --seed N}, {@code --out DIR} and {@code --quick}; prints a short report on standard output and
 * writes its figures as PNG files ({@link io.github.genailab.examples.Figures}). This package is not
 * part of the library's API.
 */
package io.github.genailab.examples;
