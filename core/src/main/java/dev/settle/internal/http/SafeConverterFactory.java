package dev.settle.internal.http;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import java.io.EOFException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Wraps the Moshi converter so that every way a body can fail to decode comes out as one
 * {@link WireFormatException}, and every {@link java.io.IOException} that still escapes is a
 * network failure. Without it Moshi's {@code JsonEncodingException} would pass for a broken
 * connection.
 */
final class SafeConverterFactory extends Converter.Factory {
  private final Converter.Factory delegate;

  SafeConverterFactory(Converter.Factory delegate) {
    this.delegate = delegate;
  }

  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    if (type == ResponseBody.class) {
      return null;
    }
    Converter<ResponseBody, ?> converter =
        delegate.responseBodyConverter(type, annotations, retrofit);
    return body -> {
      try {
        return converter.convert(BodyLimit.apply(body));
      } catch (WireFormatException e) {
        throw e;
      } catch (JsonEncodingException | EOFException | RuntimeException | AssertionError e) {
        // Moshi reports a record whose constructor throws as an AssertionError.
        throw new WireFormatException(describe(e), e);
      }
    };
  }

  @Override
  public Converter<?, RequestBody> requestBodyConverter(
      Type type,
      Annotation[] parameterAnnotations,
      Annotation[] methodAnnotations,
      Retrofit retrofit) {
    return delegate.requestBodyConverter(type, parameterAnnotations, methodAnnotations, retrofit);
  }

  /**
   * The decoder's reason: Moshi's own messages name a JSON path and a type, never a value; for
   * anything else only the failure's type is given, since its message may quote the body.
   */
  static String describe(Throwable e) {
    if (e instanceof EOFException) {
      return "The body ended before a complete JSON value";
    }
    if (e instanceof JsonDataException || e instanceof JsonEncodingException) {
      return e.getMessage();
    }
    return e.getClass().getSimpleName() + " while decoding";
  }

}
