package com.realsim.card;

/** The four operators whose IoT cards the platform registers; each has its own one-ID-N-cards limit. */
public enum Operator {
    CHINA_MOBILE,
    CHINA_UNICOM,
    CHINA_TELECOM,
    CHINA_BROADNET
}
