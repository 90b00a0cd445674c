package com.gametriggers.companion.domain;

/** How a sponsor pays: per thousand impressions (CPM) or per click (CPC). */
public enum PaymentType implements WireNamed {
    CPM, CPC;

    public static PaymentType fromWireName(String value) {
        return WireNamed.parse(PaymentType.class, value);
    }
}
