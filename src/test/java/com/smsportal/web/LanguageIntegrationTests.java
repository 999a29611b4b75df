package com.smsportal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.smsportal.Logins;
import com.smsportal.PortalIntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@PortalIntegrationTest
class LanguageIntegrationTests {

  @Autowired MockMvc mvc;

  @Test
  void theLoginPageSpeaksSimplifiedChineseByDefaultWhateverTheBrowserAsks() throws Exception {
    String page =
        mvc.perform(get("/login").header("Accept-Language", "en-US,en;q=0.9"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("lang=\"zh-CN\"").contains("用户名").contains("登录");
  }

  @Test
  void theLanguageSwitchTurnsThePageToEnglishAndTheChoiceIsRemembered() throws Exception {
    MockHttpSession acme = Logins.as(mvc, "acme");
    MockHttpServletResponse switched =
        mvc.perform(get("/").param("lang", "en").session(acme)).andReturn().getResponse();
    assertThat(switched.getContentAsString()).contains("lang=\"en\"").contains("Dashboard");
    Cookie remembered = switched.getCookie("SMSPORTAL_LANG");
    assertThat(remembered).isNotNull();

    String later =
        mvc.perform(get("/").session(acme).cookie(remembered))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(later).contains("lang=\"en\"").contains("Welcome, Acme");

    String back =
        mvc.perform(get("/").param("lang", "zh-CN").session(acme))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(back).contains("lang=\"zh-CN\"").contains("欢迎，Acme");
  }

  @Test
  void everyPageOffersTheSwitchBackToTheSamePage() throws Exception {
    MockHttpSession support = Logins.as(mvc, "support");
    String page =
        mvc.perform(get("/support/tenants?q=ac").session(support))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("href=\"/support/tenants?q=ac&amp;lang=en\"")
        .contains("href=\"/support/tenants?q=ac&amp;lang=zh-CN\"");
  }

  @Test
  void aLanguageThePortalDoesNotSpeakIsIgnored() throws Exception {
    String page =
        mvc.perform(get("/login").param("lang", "fr"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("lang=\"zh-CN\"");
  }
}
