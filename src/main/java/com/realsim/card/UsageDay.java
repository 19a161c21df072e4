package com.realsim.card;

import java.time.LocalDate;

/** One reported day of a card's usage; the device's IMEI masked. */
public record UsageDay(LocalDate date, long dataKb, long smsCount, long voiceSeconds, String imeiMasked) {}
