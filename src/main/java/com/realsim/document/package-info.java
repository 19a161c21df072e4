/**
 * Stored files: certificate photos, ID photos, authorisation and introduction letters, approval documents. JPEG,
 * PNG and PDF only, recognised by content; encrypted at rest under server-generated names; readable only by the
 * roles the owning module names, within the reader's tenant scope.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package com.realsim.document;
