package com.smsportal.sending;

/**
 * The answer to a send order: the job (new, or the one an earlier submit of the same form made) or
 * why it was refused.
 *
 * @param repeated the idempotency key had already made this job: nothing more was stored or sent
 * @param limit the tenant's limit a refusal names, or null
 */
public record SubmitResult(Long jobId, boolean repeated, SendRefusal refusal, Long limit) {

  public static SubmitResult created(long jobId) {
    return new SubmitResult(jobId, false, null, null);
  }

  public static SubmitResult repeatOf(long jobId) {
    return new SubmitResult(jobId, true, null, null);
  }

  public static SubmitResult refused(SendRefusal refusal) {
    return new SubmitResult(null, false, refusal, null);
  }

  public static SubmitResult overLimit(SendRefusal refusal, long limit) {
    return new SubmitResult(null, false, refusal, limit);
  }

  public boolean accepted() {
    return refusal == null;
  }
}
