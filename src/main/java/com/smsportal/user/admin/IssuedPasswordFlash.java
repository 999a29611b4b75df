package com.smsportal.user.admin;

import com.smsportal.secrets.PortalSecrets;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * The flash attributes, kept in the session as usual, with one difference: a temporary password for
 * support to hand on ({@link IssuedPassword}) waits there sealed with the portal's key. The session
 * is kept in the database, and a password written there in clear would stay in its logs and
 * backups. The page after the redirect gets it opened, so nothing else changes. ({@code
 * IssuedPassword} is not serializable, so that it never reaches the store in clear.)
 */
@Component(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
class IssuedPasswordFlash extends SessionFlashMapManager {

  private static final Logger log = LoggerFactory.getLogger(IssuedPasswordFlash.class);
  private static final String BINDING = "issued-password/";

  private final PortalSecrets secrets;

  IssuedPasswordFlash(PortalSecrets secrets) {
    this.secrets = secrets;
  }

  @Override
  protected List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
    List<FlashMap> stored = super.retrieveFlashMaps(request);
    return stored == null ? null : copies(stored, this::opened);
  }

  @Override
  protected void updateFlashMaps(
      List<FlashMap> flashMaps, HttpServletRequest request, HttpServletResponse response) {
    super.updateFlashMaps(copies(flashMaps, this::sealed), request, response);
  }

  private Object sealed(Object value) {
    return value instanceof IssuedPassword issued
        ? new Sealed(
            issued.username(), secrets.seal(issued.password(), BINDING + issued.username()))
        : value;
  }

  private Object opened(Object value) {
    if (!(value instanceof Sealed sealed)) {
      return value;
    }
    try {
      return new IssuedPassword(
          sealed.username(), secrets.open(sealed.password(), BINDING + sealed.username()));
    } catch (IllegalStateException unreadable) {
      // Sealed under a key this node no longer has: support issues another one.
      log.warn("A temporary password for {} could not be shown: {}", sealed.username(), unreadable);
      return null;
    }
  }

  /** The flash maps with each value replaced; the given maps are left as they are. */
  private static List<FlashMap> copies(List<FlashMap> flashMaps, UnaryOperator<Object> value) {
    // The manager adds and removes maps in the list it gets back, as in the one it stores.
    List<FlashMap> copies = new CopyOnWriteArrayList<>();
    for (FlashMap source : flashMaps) {
      FlashMap copy = new FlashMap();
      source.forEach((name, each) -> copy.put(name, value.apply(each)));
      copy.setTargetRequestPath(source.getTargetRequestPath());
      copy.addTargetRequestParams(source.getTargetRequestParams());
      copy.setExpirationTime(source.getExpirationTime());
      copies.add(copy);
    }
    return copies;
  }

  /** An {@link IssuedPassword} as the session store keeps it: the password sealed. */
  record Sealed(String username, String password) implements Serializable {

    @Serial private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
      return "IssuedPassword[" + username + ", sealed]";
    }
  }
}
