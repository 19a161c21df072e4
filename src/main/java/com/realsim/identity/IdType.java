package com.realsim.identity;

import com.realsim.platform.Labelled;

/** The ID documents a person may register with (the Partner API's {@code idType} values). */
public enum IdType implements Labelled {
    /** 居民身份证: the mainland resident identity card, GB 11643 number. */
    RESIDENT_ID,
    /** 护照: a Chinese or foreign passport. */
    PASSPORT,
    /** 港澳居民来往内地通行证 or 港澳居民居住证. */
    HK_MACAU_PERMIT,
    /** 台湾居民来往大陆通行证 or 台湾居民居住证. */
    TAIWAN_PERMIT,
    /** 外国人永久居留身份证, 2017 (15 characters) or 2023 (18 characters) edition. */
    FOREIGN_PERMANENT_RESIDENT;

    @Override
    public String messageKey() {
        return "identity.idType." + name();
    }
}
