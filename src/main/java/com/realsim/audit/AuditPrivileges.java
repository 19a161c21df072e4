package com.realsim.audit;

import static com.realsim.platform.db.TablePrivileges.Privilege.INSERT;
import static com.realsim.platform.db.TablePrivileges.Privilege.SELECT;
import static com.realsim.platform.db.TablePrivileges.Privilege.UPDATE;

import com.realsim.platform.db.TablePrivileges;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the application's database role may do to the trail's tables: read and add entries, never change, remove or
 * truncate them; move the chain head (under its forward-only trigger); read the sealed switch point, which only the
 * migration writes; record who holds a handed-over enterprise now (rows are replaced, never removed). The owner of the tables runs the migrations; the application refuses to start when its own
 * connection could do more (see {@link TablePrivileges}).
 */
@Configuration(proxyBeanMethods = false)
class AuditPrivileges {

    @Bean
    TablePrivileges auditEntryPrivileges() {
        return TablePrivileges.only("audit_entry", SELECT, INSERT);
    }

    @Bean
    TablePrivileges auditChainHeadPrivileges() {
        return TablePrivileges.only("audit_chain_head", SELECT, UPDATE);
    }

    @Bean
    TablePrivileges auditChainKeyPrivileges() {
        return TablePrivileges.only("audit_chain_key", SELECT);
    }

    @Bean
    TablePrivileges auditEnterpriseHolderPrivileges() {
        return TablePrivileges.only("audit_enterprise_holder", SELECT, INSERT, UPDATE);
    }
}
