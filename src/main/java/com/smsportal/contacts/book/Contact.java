package com.smsportal.contacts.book;

import com.smsportal.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Map;

/** A contact of the tenant: one per mobile number. */
@Entity
@Table(name = "contact")
public class Contact extends TenantOwned {

  public static final int MAX_NAME = 100;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 11)
  private String mobile;

  @Column(nullable = false, length = MAX_NAME)
  private String name;

  @Column(nullable = false, length = ContactFields.MAX_ENCODED)
  private String fields;

  protected Contact() {}

  Contact(String mobile, String name, String fields) {
    this.mobile = mobile;
    this.name = name;
    this.fields = fields;
  }

  void change(String mobile, String name, String fields) {
    this.mobile = mobile;
    this.name = name;
    this.fields = fields;
  }

  public Long getId() {
    return id;
  }

  public String getMobile() {
    return mobile;
  }

  public String getName() {
    return name;
  }

  public Map<String, String> fields() {
    return ContactFields.decode(fields);
  }
}
