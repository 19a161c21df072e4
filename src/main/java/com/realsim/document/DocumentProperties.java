package com.realsim.document;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code realsim.documents.*}: which store keeps the encrypted files ({@code database} or {@code filesystem}; unset:
 * the database when it is external, files otherwise), where the file-system store keeps them, the largest file
 * accepted, and the limits that refuse images whose headers announce more pixels than any photo of a document needs
 * (pixel floods).
 */
@ConfigurationProperties("realsim.documents")
record DocumentProperties(
        String store,
        @DefaultValue("./data/documents") Path directory,
        @DefaultValue("10MB") DataSize maxSize,
        @DefaultValue("10000") int maxImageSide,
        @DefaultValue("40000000") long maxImagePixels) {}
