/**
 * Infrastructure every module stands on: who is acting ({@link com.realsim.platform.Actor}), which records
 * they may see ({@link com.realsim.platform.TenantScope}), the error model, security filter chains, pages'
 * layout and languages, and the embedded database used when no external one is configured.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Platform",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.realsim.platform;
