package com.smsportal.sending.worker;

import com.smsportal.gateway.SendRequest;
import com.smsportal.sending.OptOuts;
import com.smsportal.sending.store.SendChunk;
import com.smsportal.sending.store.SendChunkRepository;
import com.smsportal.sending.store.SendJob;
import com.smsportal.sending.store.SendJobRepository;
import com.smsportal.sending.store.SendNumberRepository;
import com.smsportal.tenant.PerNumberLimits;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads what a chunk's submit will say, before {@link ChunkSubmitter} claims it. */
@Component
class ChunkReads {

  private final SendJobRepository jobs;
  private final SendChunkRepository chunks;
  private final SendNumberRepository numbers;
  private final OptOuts optOuts;
  private final PerNumberLimits numberLimits;
  private final TransactionTemplate tx;

  ChunkReads(
      SendJobRepository jobs,
      SendChunkRepository chunks,
      SendNumberRepository numbers,
      OptOuts optOuts,
      PerNumberLimits numberLimits,
      TransactionTemplate tx) {
    this.jobs = jobs;
    this.chunks = chunks;
    this.numbers = numbers;
    this.optOuts = optOuts;
    this.numberLimits = numberLimits;
    this.tx = tx;
  }

  /**
   * What this chunk's submit says (its own text, or its job's), read with the job's version (the
   * claim holds only if no edit came between), less the numbers on the opt-out list now, with the
   * tenant's flood limits per number. The job's submits leave sendTime empty: the portal itself
   * holds a job until it is due.
   */
  PreparedChunk prepare(DueChunk due) {
    PreparedChunk read =
        tx.execute(
            s -> {
              SendJob job = jobs.findById(due.jobId()).orElseThrow();
              // A personalised job's chunk carries its own text (issue 24); else the job's.
              String own = chunks.findById(due.chunkId()).map(SendChunk::getContent).orElse(null);
              return new PreparedChunk(
                  new SendRequest(
                      numbers.mobilesOf(due.chunkId()),
                      own != null ? own : job.getContent(),
                      null,
                      job.getExtno()),
                  job.getVersion(),
                  List.of(),
                  numberLimits.of(due.tenantId()));
            });
    Set<String> optedOut = optOuts.optedOut(read.request().mobiles());
    if (optedOut.isEmpty()) {
      return read;
    }
    return new PreparedChunk(
        read.without(optedOut), read.jobVersion(), List.copyOf(optedOut), read.limits());
  }
}
