package com.realsim.verification;

import com.realsim.platform.ScopedRepository;

interface VerificationCases extends ScopedRepository<VerificationCase> {}
