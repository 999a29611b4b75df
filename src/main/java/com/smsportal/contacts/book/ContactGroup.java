package com.smsportal.contacts.book;

import com.smsportal.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A group of the tenant's contacts; its name is unique within the tenant. */
@Entity
@Table(name = "contact_group")
public class ContactGroup extends TenantOwned {

  public static final int MAX_NAME = 60;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = MAX_NAME)
  private String name;

  protected ContactGroup() {}

  public ContactGroup(String name) {
    this.name = name;
  }

  public void rename(String name) {
    this.name = name;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }
}
