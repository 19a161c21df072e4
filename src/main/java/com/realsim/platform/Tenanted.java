package com.realsim.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an entity owned by a tenant and names the attributes that hold its agent and enterprise. {@link
 * TenantScope#specification()} reads it, so that a scoped query never has to remember the columns by hand.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Tenanted {

    /** The attribute holding the owning agent organisation's id. */
    String agent() default "agentId";

    /** The attribute holding the owning enterprise's id ({@code "id"} for the enterprise itself). */
    String enterprise() default "enterpriseId";
}
