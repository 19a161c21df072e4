package com.realsim.document;

import com.realsim.platform.ScopedRepository;

interface StoredDocuments extends ScopedRepository<StoredDocument> {}
