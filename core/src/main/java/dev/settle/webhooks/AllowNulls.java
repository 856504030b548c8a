package dev.settle.webhooks;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tells Immutables (which matches it by name) to keep {@code null} values in a map attribute: a
 * JSON {@code null} in an event's raw data is a value, not an error.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
@interface AllowNulls {}
