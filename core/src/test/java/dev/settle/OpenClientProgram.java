package dev.settle;

import dev.settle.model.Account;
import dev.settle.model.CustomerId;
import java.net.URI;

/**
 * A program as a new user writes it: one asynchronous call, and a client never closed. {@link
 * ClientLifecycleTest} runs it in a JVM of its own and times its exit from the last line.
 */
final class OpenClientProgram {
  static final String MAIN_RETURNS = "main returns";

  private OpenClientProgram() {}

  public static void main(String[] args) {
    SettleClient settle = SettleClient.builder().baseUrl(URI.create(args[0])).apiKey(MockServer.API_KEY).build();
    Account account = settle.account(CustomerId.of("200001")).getAsync().join();
    System.out.println("Read account " + account.customerId() + " on portal " + account.portal());
    System.out.println(MAIN_RETURNS);
  }
}
