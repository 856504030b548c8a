/**
 * Runnable flows that show Settle end to end, each against an embedded sandbox unless
 * {@code SETTLE_BASE_URL} and {@code SETTLE_API_KEY} point elsewhere. Not a library.
 */
package dev.settle.examples;
