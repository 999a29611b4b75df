package com.smsportal.contacts.importing;

import com.smsportal.contacts.book.ContactGroup;
import com.smsportal.contacts.book.ContactGroupRepository;
import com.smsportal.contacts.groups.GroupEdits;
import com.smsportal.sheet.ColumnRoles;
import com.smsportal.sheet.SheetLimits;
import com.smsportal.sheet.SheetMapping;
import com.smsportal.sheet.SheetRefused;
import com.smsportal.sheet.StagedSheets;
import com.smsportal.sheet.StagedSheets.StagedSheet;
import com.smsportal.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import: the upload ({@code file}, kept in the database by {@link StagedSheets} once it reads
 * as a sheet with a header row), the mapping page (the shared fragment: which column is the mobile,
 * the name, a field; the groups to add to; the first 20 rows), then the import, whose result the
 * upload page shows.
 */
@Controller
class ImportController {

  static final String UPLOAD = "contacts/import";
  static final String MAPPING = "contacts/import-mapping";
  static final Set<String> ROLES =
      Set.of(ContactImport.MOBILE, ContactImport.NAME, ContactImport.FIELD, ColumnRoles.SKIP);
  static final List<ColumnRoles.Option> OPTIONS =
      List.of(
          new ColumnRoles.Option(ContactImport.MOBILE, "contacts.import.role.mobile"),
          new ColumnRoles.Option(ContactImport.NAME, "contacts.import.role.name"),
          new ColumnRoles.Option(ContactImport.FIELD, "contacts.import.role.field"),
          new ColumnRoles.Option(ColumnRoles.SKIP, "contacts.import.role.skip"));

  private final StagedSheets staged;
  private final ContactImport imports;
  private final ContactGroupRepository groups;
  private final GroupEdits groupEdits;

  ImportController(
      StagedSheets staged,
      ContactImport imports,
      ContactGroupRepository groups,
      GroupEdits groupEdits) {
    this.staged = staged;
    this.imports = imports;
    this.groups = groups;
    this.groupEdits = groupEdits;
  }

  @GetMapping("/contacts/import")
  String upload() {
    return UPLOAD;
  }

  /** Keeps a readable file for its mapping page; a refused one is explained, nothing is kept. */
  @PostMapping("/contacts/import")
  String receive(@RequestParam(name = "file", required = false) MultipartFile file, Model model)
      throws IOException {
    String name = file == null ? null : file.getOriginalFilename();
    if (file == null || file.isEmpty() || name == null || name.isBlank()) {
      model.addAttribute("fileError", "contacts.import.error.noFile");
      return UPLOAD;
    }
    if (file.getSize() > SheetLimits.MAX_FILE_BYTES) {
      model.addAttribute("fileError", "contacts.import.error.tooLarge");
      return UPLOAD;
    }
    byte[] bytes = file.getBytes();
    try {
      SheetMapping.preview(name, bytes);
      // The whole file within the limits before anything is kept: the import cannot fail on them.
      SheetMapping.forEachRow(name, bytes, row -> {});
    } catch (SheetRefused refused) {
      model.addAttribute("fileError", refused.messageKey());
      model.addAttribute("fileErrorArg", refused.argument());
      return UPLOAD;
    }
    return "redirect:/contacts/import/" + staged.stage(name, bytes);
  }

  @GetMapping("/contacts/import/{token}")
  String mapping(@PathVariable String token, Model model) throws SheetRefused {
    StagedSheet sheet = staged.find(token).orElseThrow(NotFoundException::new);
    SheetMapping.Preview preview = SheetMapping.preview(sheet.filename(), sheet.bytes());
    ColumnRoles guessed = ColumnRoles.guess(preview.header(), ImportController::guess);
    return mappingPage(model, sheet, preview, guessed, List.of(), "", null);
  }

  @PostMapping("/contacts/import/{token}")
  String run(
      @PathVariable String token,
      @RequestParam(name = "groupId", required = false) List<Long> groupIds,
      @RequestParam(defaultValue = "") String newGroup,
      HttpServletRequest request,
      Model model,
      RedirectAttributes redirect)
      throws SheetRefused {
    StagedSheet sheet = staged.find(token).orElseThrow(NotFoundException::new);
    SheetMapping.Preview preview = SheetMapping.preview(sheet.filename(), sheet.bytes());
    ColumnRoles roles = ColumnRoles.read(request.getParameterMap(), preview.header().size(), ROLES);
    List<Long> chosen = groupIds == null ? List.of() : groupIds;
    String error = null;
    if (roles.columns(ContactImport.MOBILE).isEmpty()) {
      error = "contacts.import.error.noMobile";
    } else if (roles.columns(ContactImport.MOBILE).size() > 1) {
      error = "contacts.import.error.twoMobiles";
    } else if (roles.columns(ContactImport.NAME).size() > 1) {
      error = "contacts.import.error.twoNames";
    }
    if (error != null) {
      return mappingPage(model, sheet, preview, roles, chosen, newGroup, error);
    }
    List<ContactGroup> targets = new ArrayList<>(groups.findAllById(chosen));
    if (!newGroup.isBlank()) {
      GroupEdits.Named named = groupEdits.findOrCreate(newGroup);
      if (named.group() == null) {
        model.addAttribute("groupError", named.error());
        return mappingPage(model, sheet, preview, roles, chosen, newGroup, null);
      }
      targets.add(named.group());
    }
    ImportResult result =
        imports.run(
            sheet.filename(),
            sheet.bytes(),
            preview.header(),
            roles,
            targets.stream().map(ContactGroup::getId).distinct().toList(),
            targets.stream().map(ContactGroup::getName).distinct().toList());
    staged.discard(token);
    redirect.addFlashAttribute("imported", result);
    return "redirect:/contacts/import";
  }

  private String mappingPage(
      Model model,
      StagedSheet sheet,
      SheetMapping.Preview preview,
      ColumnRoles roles,
      List<Long> chosen,
      String newGroup,
      String mappingError) {
    model.addAttribute("token", sheet.token());
    model.addAttribute("filename", sheet.filename());
    model.addAttribute("preview", preview);
    model.addAttribute("roles", roles);
    model.addAttribute("options", OPTIONS);
    model.addAttribute("groups", groups.findAllByOrderByNameAsc());
    model.addAttribute("chosen", chosen);
    model.addAttribute("newGroup", newGroup);
    model.addAttribute("mappingError", mappingError);
    return MAPPING;
  }

  /** A first guess: a column named like a mobile or a name is one, any other a field. */
  static String guess(String header) {
    String h = header.toLowerCase(Locale.ROOT);
    if (h.contains("手机") || h.contains("mobile") || h.contains("phone") || h.contains("号码")) {
      return ContactImport.MOBILE;
    }
    if (h.equals("姓名") || h.equals("name") || h.equals("名字")) {
      return ContactImport.NAME;
    }
    return ContactImport.FIELD;
  }
}
