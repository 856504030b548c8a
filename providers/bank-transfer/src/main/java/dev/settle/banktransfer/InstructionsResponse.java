package dev.settle.banktransfer;

import com.squareup.moshi.JsonClass;

/**
 * {@link BankTransferInstructions} as a response body. {@link InstructionsResponseJsonAdapter}
 * reads it; Moshi finds that adapter by name through {@link JsonClass}, which this
 * package-private carrier holds so that the public type shows no JSON annotation.
 */
@JsonClass(generateAdapter = true, generator = "settle-bank-transfer")
final class InstructionsResponse {
  private final BankTransferInstructions instructions;

  InstructionsResponse(BankTransferInstructions instructions) {
    this.instructions = instructions;
  }

  BankTransferInstructions instructions() {
    return instructions;
  }
}
