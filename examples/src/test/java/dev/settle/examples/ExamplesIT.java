package dev.settle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Each runnable example against the sandbox: it finishes and prints what it promises. */
class ExamplesIT extends SandboxFixture {

  private static String output(Consumer<PrintStream> example) {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    example.accept(new PrintStream(printed, true, StandardCharsets.UTF_8));
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void switchPreferredSwitchesOnBothPortalsAndRestoresAfterADecline() {
    String printed = output(out -> SwitchPreferred.run(settle, out));

    assertThat(printed)
        .contains("Account 100002 (portal I)")
        .contains("switched to Mastercard ending in 4444")
        .contains("Account 200001 (portal II)")
        .contains("switched to JCB ending in 0505")
        .contains("old method put back: true; preferred now: Mastercard ending in 4444");
    assertThat(printed.lines().filter(line -> line.startsWith("  stored: ")))
        .singleElement().asString().doesNotContain(";");
  }
}
