/**
 * Everything Settle throws, rooted at {@link dev.settle.exception.SettleException}: input refused
 * before sending ({@link dev.settle.exception.ValidationException}), answers of the billing API
 * ({@link dev.settle.exception.ApiException} and its subclasses), failures on the way there and
 * back ({@link dev.settle.exception.ConnectionException}, {@link
 * dev.settle.exception.MalformedResponseException}), and a client's misuse ({@link
 * dev.settle.exception.SettleConfigurationException}, {@link
 * dev.settle.exception.ClientClosedException}).
 *
 * <p><b>Null arguments.</b> A null where a value is required is refused with a {@link
 * dev.settle.exception.ValidationException} whose {@link
 * dev.settle.exception.ValidationException#reason() reason} is {@link
 * dev.settle.exception.ValidationException.Reason#REQUIRED REQUIRED} and whose {@link
 * dev.settle.exception.ValidationException#param() param} names the parameter, before anything
 * else happens: nothing is sent, and an {@code …Async} method throws it rather than return a
 * future. This holds for every public method and constructor of every Settle module; a parameter
 * that takes null says so in its documentation and is annotated {@code @Nullable}. {@link
 * dev.settle.exception.ValidationException#required} is the check, for providers and
 * applications that keep the same rule.
 */
package dev.settle.exception;
