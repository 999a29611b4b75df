package com.smsportal.tenant.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.smsportal.DatabaseDependent;
import com.smsportal.Logins;
import com.smsportal.PortalIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@DatabaseDependent("case-insensitive search with LIKE and paging on the dialect")
@PortalIntegrationTest
class TenantListIntegrationTests {

  @Autowired MockMvc mvc;
  MockHttpSession support;

  @BeforeEach
  void logIn() throws Exception {
    support = Logins.as(mvc, "support");
  }

  @Test
  void supportSeesEveryTenantWithItsStatus() throws Exception {
    String page = page("/support/tenants", false);
    assertThat(page).contains("<html").contains("Acme").contains("Globex").contains("正常");
  }

  @Test
  void theSearchKeepsOnlyMatchingNamesWhateverTheirCase() throws Exception {
    String page = page("/support/tenants?q=GLOB", false);
    assertThat(page).contains("Globex").doesNotContain(">Acme<");
  }

  @Test
  void aSearchWithoutMatchSaysSo() throws Exception {
    assertThat(page("/support/tenants?q=zzz-none", false)).contains("没有名称包含“zzz-none”的企业。");
  }

  @Test
  void anHtmxSearchGetsOnlyTheResultsFragmentToSwap() throws Exception {
    String fragment = page("/support/tenants?q=acm", true);
    assertThat(fragment).startsWith("<div id=\"tenant-results\"").doesNotContain("<html");
    assertThat(fragment).contains("Acme").doesNotContain("Globex");
  }

  @Test
  void htmxRestoringAPageFromHistoryGetsTheWholePage() throws Exception {
    // Back to a page htmx did not keep in its history cache: it asks for the page, not a part.
    String page =
        mvc.perform(
                get("/support/tenants?q=acm")
                    .session(support)
                    .header("HX-Request", "true")
                    .header("HX-History-Restore-Request", "true"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("<html").contains("Acme");
  }

  private String page(String url, boolean htmx) throws Exception {
    var request = get(url).session(support);
    if (htmx) {
      request.header("HX-Request", "true");
    }
    return mvc.perform(request).andReturn().getResponse().getContentAsString().strip();
  }
}
