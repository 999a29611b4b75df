package isolationprobe;

import com.smsportal.tenant.TenantOwned;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A tenant-owned entity that exists only for the isolation test. It lives outside the portal's
 * packages so that no other test context maps it.
 */
@Entity
@Table(name = "isolation_probe")
public class IsolationProbe extends TenantOwned {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String secret;

  protected IsolationProbe() {}

  public IsolationProbe(String secret) {
    this.secret = secret;
  }

  /** A row for a tenant named explicitly, as the operator's staff create one. */
  public static IsolationProbe forTenant(long tenantId, String secret) {
    IsolationProbe probe = new IsolationProbe(secret);
    probe.assignTenant(tenantId);
    return probe;
  }

  public Long getId() {
    return id;
  }

  public String getSecret() {
    return secret;
  }
}
