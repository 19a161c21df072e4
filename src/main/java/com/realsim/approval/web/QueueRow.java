package com.realsim.approval.web;

import com.realsim.approval.ExceptionView;
import com.realsim.platform.web.Age;

/** A row of the OPS queue: the request and how long it has waited (or waited until its decision). */
public record QueueRow(ExceptionView request, Age waiting) {}
